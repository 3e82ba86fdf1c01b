using System.Collections.Generic;

namespace Refheap.Python.Compiler;

/// <summary>Code object flags (Include/cpython/code.h, 3.11).</summary>
public static class CodeFlags
{
    public const int Optimized = 0x1;
    public const int NewLocals = 0x2;
    public const int VarArgs = 0x4;
    public const int VarKeywords = 0x8;
    public const int Nested = 0x10;
    public const int Generator = 0x20;
    public const int NoFree = 0x40;
}

/// <summary>A constant tuple (kept apart from a list of constants so it materialises as a tuple).</summary>
public sealed record ConstTuple(object?[] Items);

/// <summary>
/// The compiler's product for one code object, before it becomes a runtime object: the
/// instructions, their positions and handlers, the constants (managed values and nested
/// <see cref="CompiledCode"/>s), and the names.
/// Localsplus layout: VarNames (parameters first), then CellVars, then FreeVars.
/// </summary>
public sealed class CompiledCode
{
    public required string Name { get; init; }

    public required string QualName { get; init; }

    public required string Filename { get; init; }

    public int FirstLine { get; init; }

    public List<object?> Consts { get; } = new();

    public List<string> Names { get; } = new();

    public List<string> VarNames { get; } = new();

    public List<string> CellVars { get; } = new();

    public List<string> FreeVars { get; } = new();

    /// <summary>For each cell variable: the parameter whose value starts in it, or -1.</summary>
    public List<int> CellParams { get; } = new();

    public int ArgCount { get; set; }

    public int PosOnlyArgCount { get; set; }

    public int KwOnlyArgCount { get; set; }

    public int Flags { get; set; }

    public int StackSize { get; set; }

    public int[] Code { get; set; } = [];

    /// <summary>Four ints per instruction: line, end line, column, end column (UTF-8 byte columns, 0-based).</summary>
    public int[] Positions { get; set; } = [];

    public int[] HandlerOf { get; set; } = [];

    public HandlerEntry[] Handlers { get; set; } = Vm.StartupArrays.NoHandlers;

    public string? Docstring { get; set; }

    /// <summary>SyntaxWarnings found while compiling (module code only), in source order.</summary>
    public List<CompilerWarning> Warnings { get; } = new();

    public int NLocalsPlus => VarNames.Count + CellVars.Count + FreeVars.Count;
}

/// <summary>A SyntaxWarning the compiler found: issued through the warnings module by the caller.</summary>
public sealed record CompilerWarning(int Line, string Message);
