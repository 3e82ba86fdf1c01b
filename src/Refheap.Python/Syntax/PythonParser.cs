using System;

namespace Refheap.Python.Syntax;

/// <summary>Entry points: source text or file bytes to a syntax tree.</summary>
public static class PythonParser
{
    /// <summary>Parses a module (exec mode) from text.</summary>
    public static Module ParseModule(string source, string filename)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filename);
        throw new NotImplementedException("parser not written yet");
    }

    /// <summary>Parses a module from a file's bytes: BOM, PEP 263 coding cookie, UTF-8 check.</summary>
    public static Module ParseModule(byte[] sourceBytes, string filename)
    {
        ArgumentNullException.ThrowIfNull(sourceBytes);
        ArgumentNullException.ThrowIfNull(filename);
        throw new NotImplementedException("parser not written yet");
    }

    /// <summary>Parses one expression (eval mode).</summary>
    public static ExpressionModule ParseExpression(string source, string filename)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filename);
        throw new NotImplementedException("parser not written yet");
    }
}
