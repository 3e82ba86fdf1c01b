using System;

namespace Refheap.Python.Syntax;

/// <summary>
/// A syntax error found by the tokenizer or parser, with the attributes CPython 3.11's
/// SyntaxError has. Offset and EndOffset are 1-based and count characters (code points) of
/// Text, as CPython reports them; 0 means unknown. Kind is "SyntaxError", "IndentationError"
/// or "TabError".
/// </summary>
public sealed class PythonSyntaxError : Exception
{
    public PythonSyntaxError()
        : this("SyntaxError", "invalid syntax", "<unknown>", 0, 0, 0, 0, null)
    {
    }

    public PythonSyntaxError(string message)
        : this("SyntaxError", message, "<unknown>", 0, 0, 0, 0, null)
    {
    }

    public PythonSyntaxError(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "SyntaxError";
        Msg = message;
        Filename = "<unknown>";
    }

    public PythonSyntaxError(string kind, string msg, string filename, int lineno, int offset,
        int endLineno, int endOffset, string? text)
        : base(msg)
    {
        Kind = kind;
        Msg = msg;
        Filename = filename;
        Lineno = lineno;
        Offset = offset;
        EndLineno = endLineno;
        EndOffset = endOffset;
        Text = text;
    }

    public string Kind { get; }

    public string Msg { get; }

    public string Filename { get; }

    public int Lineno { get; }

    public int Offset { get; }

    public int EndLineno { get; }

    public int EndOffset { get; }

    /// <summary>The source line the error is on (with its newline, as CPython keeps it), or null.</summary>
    public string? Text { get; }
}

/// <summary>
/// Raised where CPython 3.11 raises RecursionError("maximum recursion depth exceeded during
/// compilation") from its parser: an expression nested too deeply without brackets.
/// </summary>
public sealed class PythonRecursionError : Exception
{
    public PythonRecursionError()
        : base("maximum recursion depth exceeded during compilation")
    {
    }

    public PythonRecursionError(string message)
        : base(message)
    {
    }

    public PythonRecursionError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
