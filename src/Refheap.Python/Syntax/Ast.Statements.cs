using System.Collections.Generic;

// Statement nodes of the Python 3.11 `ast` (see Ast.cs for the naming decisions).
namespace Refheap.Python.Syntax;

public sealed class FunctionDef : StmtNode
{
    public required string Name { get; set; }

    public required Arguments Args { get; set; }

    public List<StmtNode> Body { get; set; } = [];

    public List<ExprNode> DecoratorList { get; set; } = [];

    public ExprNode? Returns { get; set; }

    public string? TypeComment { get; set; }
}

public sealed class ClassDef : StmtNode
{
    public required string Name { get; set; }

    public List<ExprNode> Bases { get; set; } = [];

    public List<Keyword> Keywords { get; set; } = [];

    public List<StmtNode> Body { get; set; } = [];

    public List<ExprNode> DecoratorList { get; set; } = [];
}

public sealed class Return : StmtNode
{
    public ExprNode? Value { get; set; }
}

public sealed class Delete : StmtNode
{
    public List<ExprNode> Targets { get; set; } = [];
}

/// <summary>`a = b = value`: Targets holds a and b (Store context).</summary>
public sealed class Assign : StmtNode
{
    public List<ExprNode> Targets { get; set; } = [];

    public required ExprNode Value { get; set; }

    public string? TypeComment { get; set; }
}

public sealed class AugAssign : StmtNode
{
    public required ExprNode Target { get; set; }

    public Operator Op { get; set; }

    public required ExprNode Value { get; set; }
}

/// <summary>`target: annotation = value`; Simple is true for a plain unparenthesized name.</summary>
public sealed class AnnAssign : StmtNode
{
    public required ExprNode Target { get; set; }

    public required ExprNode Annotation { get; set; }

    public ExprNode? Value { get; set; }

    public bool Simple { get; set; }
}

public sealed class For : StmtNode
{
    public required ExprNode Target { get; set; }

    public required ExprNode Iter { get; set; }

    public List<StmtNode> Body { get; set; } = [];

    public List<StmtNode> Orelse { get; set; } = [];

    public string? TypeComment { get; set; }
}

public sealed class While : StmtNode
{
    public required ExprNode Test { get; set; }

    public List<StmtNode> Body { get; set; } = [];

    public List<StmtNode> Orelse { get; set; } = [];
}

/// <summary>`if`; an `elif` is a nested If alone in Orelse (as in `ast`).</summary>
public sealed class If : StmtNode
{
    public required ExprNode Test { get; set; }

    public List<StmtNode> Body { get; set; } = [];

    public List<StmtNode> Orelse { get; set; } = [];
}

public sealed class With : StmtNode
{
    public List<WithItem> Items { get; set; } = [];

    public List<StmtNode> Body { get; set; } = [];

    public string? TypeComment { get; set; }
}

public sealed class Raise : StmtNode
{
    public ExprNode? Exc { get; set; }

    public ExprNode? Cause { get; set; }
}

public sealed class Try : StmtNode
{
    public List<StmtNode> Body { get; set; } = [];

    public List<ExceptHandler> Handlers { get; set; } = [];

    public List<StmtNode> Orelse { get; set; } = [];

    public List<StmtNode> Finalbody { get; set; } = [];
}

/// <summary>A try statement whose handlers are `except*` (PEP 654).</summary>
public sealed class TryStar : StmtNode
{
    public List<StmtNode> Body { get; set; } = [];

    public List<ExceptHandler> Handlers { get; set; } = [];

    public List<StmtNode> Orelse { get; set; } = [];

    public List<StmtNode> Finalbody { get; set; } = [];
}

public sealed class Assert : StmtNode
{
    public required ExprNode Test { get; set; }

    public ExprNode? Msg { get; set; }
}

public sealed class Import : StmtNode
{
    public List<Alias> Names { get; set; } = [];
}

/// <summary>`from ..mod import a`: Module "mod" (null for `from . import a`), Level 2.</summary>
public sealed class ImportFrom : StmtNode
{
    public string? Module { get; set; }

    public List<Alias> Names { get; set; } = [];

    public int Level { get; set; }
}

public sealed class Global : StmtNode
{
    public List<string> Names { get; set; } = [];
}

public sealed class Nonlocal : StmtNode
{
    public List<string> Names { get; set; } = [];
}

/// <summary>`ast.Expr`: an expression used as a statement.</summary>
public sealed class ExprStmt : StmtNode
{
    public required ExprNode Value { get; set; }
}

public sealed class Pass : StmtNode
{
}

public sealed class Break : StmtNode
{
}

public sealed class Continue : StmtNode
{
}
