using System;
using System.Globalization;

namespace Refheap.Python.Lib;

/// <summary>
/// json.JSONDecodeError (a ValueError): <c>"{msg}: line {lineno} column {colno} (char {pos})"</c> with positions in
/// code points, as Lib/json/decoder.py 3.11 computes them.
/// </summary>
public sealed class JsonDecodeException : PythonLibException
{
    public JsonDecodeException()
    {
        Msg = string.Empty;
    }

    public JsonDecodeException(string message)
        : base(message)
    {
        Msg = message;
    }

    public JsonDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Msg = message;
    }

    internal JsonDecodeException(string msg, int[] doc, int pos)
        : base(PythonErrorKind.ValueError, Format(msg, doc, pos, out int line, out int column))
    {
        Msg = msg;
        Pos = pos;
        LineNo = line;
        ColNo = column;
    }

    /// <summary>The unformatted message (JSONDecodeError.msg).</summary>
    public string Msg { get; }

    /// <summary>The code point index of the error (JSONDecodeError.pos).</summary>
    public int Pos { get; }

    public int LineNo { get; }

    public int ColNo { get; }

    private static string Format(string msg, int[] doc, int pos, out int line, out int column)
    {
        // lineno = doc.count('\n', 0, pos) + 1; colno = pos - doc.rfind('\n', 0, pos)
        line = 1;
        int lastNewline = -1;
        for (int i = 0; i < pos && i < doc.Length; i++)
        {
            if (doc[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }

        column = pos - lastNewline;
        return string.Create(CultureInfo.InvariantCulture, $"{msg}: line {line} column {column} (char {pos})");
    }
}
