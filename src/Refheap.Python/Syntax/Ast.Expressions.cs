using System.Collections.Generic;

// Expression nodes of the Python 3.11 `ast` (see Ast.cs for the naming decisions).
namespace Refheap.Python.Syntax;

/// <summary>`a and b and c`: one BoolOp with three Values.</summary>
public sealed class BoolOp : ExprNode
{
    public BoolOperator Op { get; set; }

    public List<ExprNode> Values { get; set; } = [];
}

/// <summary>`target := value`; Target is a Name in Store context.</summary>
public sealed class NamedExpr : ExprNode
{
    public required ExprNode Target { get; set; }

    public required ExprNode Value { get; set; }
}

public sealed class BinOp : ExprNode
{
    public required ExprNode Left { get; set; }

    public Operator Op { get; set; }

    public required ExprNode Right { get; set; }
}

public sealed class UnaryOp : ExprNode
{
    public UnaryOperator Op { get; set; }

    public required ExprNode Operand { get; set; }
}

public sealed class Lambda : ExprNode
{
    public required Arguments Args { get; set; }

    public required ExprNode Body { get; set; }
}

/// <summary>`body if test else orelse`.</summary>
public sealed class IfExp : ExprNode
{
    public required ExprNode Test { get; set; }

    public required ExprNode Body { get; set; }

    public required ExprNode Orelse { get; set; }
}

/// <summary>`ast.Dict`: Keys has null where the entry is `**mapping`.</summary>
public sealed class DictExpr : ExprNode
{
    public List<ExprNode?> Keys { get; set; } = [];

    public List<ExprNode> Values { get; set; } = [];
}

/// <summary>`ast.Set`.</summary>
public sealed class SetExpr : ExprNode
{
    public List<ExprNode> Elts { get; set; } = [];
}

public sealed class ListComp : ExprNode
{
    public required ExprNode Elt { get; set; }

    public List<Comprehension> Generators { get; set; } = [];
}

public sealed class SetComp : ExprNode
{
    public required ExprNode Elt { get; set; }

    public List<Comprehension> Generators { get; set; } = [];
}

public sealed class DictComp : ExprNode
{
    public required ExprNode Key { get; set; }

    public required ExprNode Value { get; set; }

    public List<Comprehension> Generators { get; set; } = [];
}

public sealed class GeneratorExp : ExprNode
{
    public required ExprNode Elt { get; set; }

    public List<Comprehension> Generators { get; set; } = [];
}

public sealed class Yield : ExprNode
{
    public ExprNode? Value { get; set; }
}

public sealed class YieldFrom : ExprNode
{
    public required ExprNode Value { get; set; }
}

/// <summary>`a &lt; b &lt;= c`: Left a, Ops [Lt, LtE], Comparators [b, c].</summary>
public sealed class Compare : ExprNode
{
    public required ExprNode Left { get; set; }

    public List<CmpOp> Ops { get; set; } = [];

    public List<ExprNode> Comparators { get; set; } = [];
}

/// <summary>A call; `*args` is a Starred in Args, `**kw` a Keyword with a null ArgName.</summary>
public sealed class Call : ExprNode
{
    public required ExprNode Func { get; set; }

    public List<ExprNode> Args { get; set; } = [];

    public List<Keyword> Keywords { get; set; } = [];
}

/// <summary>`{value!r:spec}` inside an f-string.</summary>
public sealed class FormattedValue : ExprNode
{
    /// <summary>No conversion.</summary>
    public const int NoConversion = -1;

    public required ExprNode Value { get; set; }

    /// <summary>-1 for none, else the conversion character's code ('s' 115, 'r' 114, 'a' 97).</summary>
    public int Conversion { get; set; } = NoConversion;

    /// <summary>The format spec: a JoinedStr, or null.</summary>
    public ExprNode? FormatSpec { get; set; }
}

/// <summary>An f-string (with any adjacent literals it was concatenated with).</summary>
public sealed class JoinedStr : ExprNode
{
    public List<ExprNode> Values { get; set; } = [];
}

/// <summary>A literal; see Ast.cs for the types Value may hold. Kind is "u" for u'' strings.</summary>
public sealed class Constant : ExprNode
{
    public object? Value { get; set; }

    public string? Kind { get; set; }
}

/// <summary>`ast.Attribute`: `value.attr`.</summary>
public sealed class AttributeExpr : ExprNode
{
    public required ExprNode Value { get; set; }

    public required string Attr { get; set; }

    public ExprContext Ctx { get; set; }
}

public sealed class Subscript : ExprNode
{
    public required ExprNode Value { get; set; }

    /// <summary>The index: a Slice, a TupleExpr (of slices/exprs) or any expression.</summary>
    public required ExprNode Slice { get; set; }

    public ExprContext Ctx { get; set; }
}

public sealed class Starred : ExprNode
{
    public required ExprNode Value { get; set; }

    public ExprContext Ctx { get; set; }
}

public sealed class Name : ExprNode
{
    public required string Id { get; set; }

    public ExprContext Ctx { get; set; }
}

/// <summary>`ast.List`.</summary>
public sealed class ListExpr : ExprNode
{
    public List<ExprNode> Elts { get; set; } = [];

    public ExprContext Ctx { get; set; }
}

/// <summary>`ast.Tuple`.</summary>
public sealed class TupleExpr : ExprNode
{
    public List<ExprNode> Elts { get; set; } = [];

    public ExprContext Ctx { get; set; }
}

/// <summary>`lower:upper:step` (only inside a Subscript's Slice).</summary>
public sealed class Slice : ExprNode
{
    public ExprNode? Lower { get; set; }

    public ExprNode? Upper { get; set; }

    public ExprNode? Step { get; set; }
}
