using System;

namespace Refheap.Python.Lib;

/// <summary>The Python exception class a <see cref="PythonLibException"/> stands for.</summary>
public enum PythonErrorKind
{
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    ZeroDivisionError,
    KeyError,
    RecursionError,
}

/// <summary>
/// An error raised by a pure library algorithm, carrying the Python exception class and CPython 3.11's exact
/// message text. The VM turns it into the Python exception of <see cref="Kind"/> with <see cref="Exception.Message"/>.
/// </summary>
public class PythonLibException : Exception
{
    public PythonLibException()
        : this(PythonErrorKind.ValueError, string.Empty)
    {
    }

    public PythonLibException(string message)
        : this(PythonErrorKind.ValueError, message)
    {
    }

    public PythonLibException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = PythonErrorKind.ValueError;
    }

    public PythonLibException(PythonErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public PythonLibException(PythonErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The Python exception class (ValueError, TypeError, ...).</summary>
    public PythonErrorKind Kind { get; }

    /// <summary>The Python class name, e.g. <c>ValueError</c>.</summary>
    public string PythonTypeName => Kind.ToString();
}
