using System.Collections.Generic;
using System.Numerics;

// The syntax tree of Python 3.11, mirroring the `ast` module (Parser/Python.asdl, 3.11).
//
// Naming decisions (made once, for the whole tree):
// - Classes are named as in `ast`, fields in PascalCase (`ast.For.orelse` -> `For.Orelse`).
// - `ast.List`, `ast.Tuple`, `ast.Set`, `ast.Dict` are `ListExpr`, `TupleExpr`, `SetExpr`,
//   `DictExpr` (List/Tuple clash with System.Collections.Generic.List<T> and System.Tuple).
// - `ast.Attribute` is `AttributeExpr` (System.Attribute is in scope wherever `using System;` is).
// - `ast.Expr` (the expression statement) is `ExprStmt`; `ast.Expression` (eval mode) is
//   `ExpressionModule`.
// - `arg.arg` and `keyword.arg` are `Arg.ArgName` and `Keyword.ArgName` (a member cannot share
//   its class's name).
// - `ast.arguments`, `ast.comprehension`, `ast.withitem` have no positions in CPython; here they
//   still derive from Node (so a walker can treat every node alike) and keep zero positions.
// - Constant.Value holds: null (None), bool, BigInteger (every int), double (float), Imaginary
//   (complex literal such as 1j), string (str; code points above U+FFFF as surrogate pairs),
//   byte[] (bytes), Ellipsis.Instance (...).
// Lists are never null: every list property starts empty.
namespace Refheap.Python.Syntax;

/// <summary>Any node of the tree. Positions as `ast` has them: 1-based lines, 0-based column
/// offsets counted in UTF-8 bytes; the end column is exclusive.</summary>
public abstract class Node
{
    public int Lineno { get; set; }

    public int ColOffset { get; set; }

    public int EndLineno { get; set; }

    public int EndColOffset { get; set; }
}

public abstract class StmtNode : Node
{
}

public abstract class ExprNode : Node
{
}

/// <summary>`ast.Module` (exec mode). No position.</summary>
public sealed class Module
{
    public List<StmtNode> Body { get; set; } = [];
}

/// <summary>`ast.Expression` (eval mode). No position.</summary>
public sealed class ExpressionModule
{
    public required ExprNode Body { get; set; }
}

public enum ExprContext
{
    Load,
    Store,
    Del,
}

public enum Operator
{
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

public enum UnaryOperator
{
    Invert,
    Not,
    UAdd,
    USub,
}

public enum BoolOperator
{
    And,
    Or,
}

public enum CmpOp
{
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// <summary>The value of an imaginary literal such as `2.5j` (real part zero).</summary>
public sealed record Imaginary(double Value);

/// <summary>The value of the `...` literal.</summary>
public sealed class Ellipsis
{
    private Ellipsis()
    {
    }

    public static Ellipsis Instance { get; } = new();
}

/// <summary>`ast.arguments`: every parameter kind of a def or lambda. No position.</summary>
public sealed class Arguments : Node
{
    public List<Arg> PosonlyArgs { get; set; } = [];

    public List<Arg> Args { get; set; } = [];

    public Arg? Vararg { get; set; }

    public List<Arg> KwonlyArgs { get; set; } = [];

    /// <summary>One per KwonlyArgs entry; null where that parameter has no default.</summary>
    public List<ExprNode?> KwDefaults { get; set; } = [];

    public Arg? Kwarg { get; set; }

    /// <summary>Defaults of the last positional parameters (PosonlyArgs then Args).</summary>
    public List<ExprNode> Defaults { get; set; } = [];
}

/// <summary>`ast.arg`: one parameter (positioned).</summary>
public sealed class Arg : Node
{
    public required string ArgName { get; set; }

    public ExprNode? Annotation { get; set; }

    public string? TypeComment { get; set; }
}

/// <summary>`ast.keyword`: `name=value` in a call or class bases, or `**value` (ArgName null).</summary>
public sealed class Keyword : Node
{
    public string? ArgName { get; set; }

    public required ExprNode Value { get; set; }
}

/// <summary>`ast.alias`: `name as asname` in an import (positioned).</summary>
public sealed class Alias : Node
{
    public required string Name { get; set; }

    public string? Asname { get; set; }
}

/// <summary>`ast.withitem`. No position.</summary>
public sealed class WithItem : Node
{
    public required ExprNode ContextExpr { get; set; }

    public ExprNode? OptionalVars { get; set; }
}

/// <summary>`ast.ExceptHandler` (positioned).</summary>
public sealed class ExceptHandler : Node
{
    public ExprNode? Type { get; set; }

    public string? Name { get; set; }

    public List<StmtNode> Body { get; set; } = [];
}

/// <summary>`ast.comprehension`: one `for ... in ... if ...` clause. No position.</summary>
public sealed class Comprehension : Node
{
    public required ExprNode Target { get; set; }

    public required ExprNode Iter { get; set; }

    public List<ExprNode> Ifs { get; set; } = [];

    public int IsAsync { get; set; }
}

/// <summary>Helpers for constant values.</summary>
public static class ConstantValues
{
    /// <summary>True for the value types Constant.Value may hold.</summary>
    public static bool IsValid(object? value) =>
        value is null or bool or BigInteger or double or Imaginary or string or byte[] or Ellipsis;
}
