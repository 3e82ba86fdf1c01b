namespace Refheap.Python.Compiler;

/// <summary>
/// The interpreter's instruction set. An instruction is one int: the opcode in the low 8 bits,
/// the argument in the high 24. Modelled on CPython 3.11's (calls are NULL|callable, args;
/// exceptions use a handler table, not a block stack), simplified where 3.11 specialises.
/// </summary>
public enum OpCode : byte
{
    Nop,
    PopTop,
    /// <summary>Push a copy of the arg-th item from the top (1 = top).</summary>
    Copy,
    /// <summary>Swap the top with the arg-th item (2 = the one below the top).</summary>
    Swap,
    PushNull,
    LoadConst,
    LoadFast,
    StoreFast,
    DeleteFast,
    LoadDeref,
    StoreDeref,
    DeleteDeref,
    LoadClosure,
    LoadClassDeref,
    LoadName,
    StoreName,
    DeleteName,
    LoadGlobal,
    StoreGlobal,
    DeleteGlobal,
    LoadAttr,
    StoreAttr,
    DeleteAttr,
    /// <summary>Pushes (method, self) or (NULL, attribute) for a following Call.</summary>
    LoadMethod,
    /// <summary>arg: the operator (<see cref="BinaryOps"/>), +16 for the in-place form.</summary>
    BinaryOp,
    UnaryPositive,
    UnaryNegative,
    UnaryNot,
    UnaryInvert,
    /// <summary>arg: 0 &lt;, 1 &lt;=, 2 ==, 3 !=, 4 &gt;, 5 &gt;=.</summary>
    CompareOp,
    IsOp,
    ContainsOp,
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice,
    BuildTuple,
    BuildList,
    BuildSet,
    BuildMap,
    /// <summary>arg values, then a tuple of keys on top.</summary>
    BuildConstKeyMap,
    BuildString,
    ListAppend,
    SetAdd,
    MapAdd,
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    ListToTuple,
    /// <summary>arg &amp; 3: conversion (0 none, 1 str, 2 repr, 3 ascii); arg &amp; 4: a format spec is on top.</summary>
    FormatValue,
    UnpackSequence,
    /// <summary>arg: count before the star | count after &lt;&lt; 8.</summary>
    UnpackEx,
    Jump,
    PopJumpIfFalse,
    PopJumpIfTrue,
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    PopJumpIfNone,
    PopJumpIfNotNone,
    GetIter,
    /// <summary>Pushes the next item, or pops the iterator and jumps at exhaustion.</summary>
    ForIter,
    /// <summary>Sets the keyword names (a const tuple) for the next Call.</summary>
    KwNames,
    /// <summary>Stack: NULL|method, callable|self, args (the last len(kwnames) are keyword values).</summary>
    Call,
    /// <summary>Stack: NULL, callable, args tuple, [kwargs dict if arg &amp; 1].</summary>
    CallFunctionEx,
    /// <summary>arg flags: 1 defaults tuple, 2 kw-defaults dict, 4 annotations, 8 closure tuple; the code on top.</summary>
    MakeFunction,
    ReturnValue,
    YieldValue,
    GetYieldFromIter,
    /// <summary>Stack: receiver, value; sends value; pushes the yielded value, or pops and jumps with the return value.</summary>
    Send,
    RaiseVarargs,
    /// <summary>Re-raises the exception on top (arg 1: an exc_info item lies below, restore nothing).</summary>
    Reraise,
    PushExcInfo,
    PopExcept,
    CheckExcMatch,
    WithExceptStart,
    BeforeWith,
    SetupAnnotations,
    ImportName,
    ImportFrom,
    ImportStar,
    LoadBuildClass,
    LoadAssertionError,
    /// <summary>Marks the start of a generator's body: the first send must be None.</summary>
    GenStart,
    /// <summary>The end of a stop-iteration-guard handler in generators (raise RuntimeError).</summary>
    StopIterationError,
    /// <summary>Deletes a local and loads nothing: used after `except E as name`.</summary>
    ClearFast,
    /// <summary>Pushes the current exception's handled-exception save (for `with` cleanup).</summary>
    LoadLocals,
    /// <summary>
    /// except*: stack exc, type becomes rest, match (the split of exc by type) when part of it
    /// matches, and sys.exc_info() becomes match; else exc, None.
    /// </summary>
    CheckEgMatch,
    /// <summary>except*: stack orig, list becomes the exception to re-raise (or None).</summary>
    PrepReraiseStar,
}

/// <summary>The operators of BinaryOp, in CPython 3.11's NB_* order.</summary>
public static class BinaryOps
{
    public const int Add = 0;
    public const int And = 1;
    public const int FloorDivide = 2;
    public const int LShift = 3;
    public const int MatMul = 4;
    public const int Multiply = 5;
    public const int Remainder = 6;
    public const int Or = 7;
    public const int Power = 8;
    public const int RShift = 9;
    public const int Subtract = 10;
    public const int TrueDivide = 11;
    public const int Xor = 12;
    public const int InPlace = 16;

    /// <summary>The operator symbols, for error messages ("unsupported operand type(s) for +: ...").</summary>
    public static readonly string[] Symbols = ["+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^"];

    /// <summary>The dunder names: __add__ ... and the reflected and in-place ones.</summary>
    public static readonly string[] Names = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"];
}
