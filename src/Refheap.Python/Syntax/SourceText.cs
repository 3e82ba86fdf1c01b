using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>
/// Source text with newlines normalized to '\n' (as CPython's tokenizer translates them) and a
/// final newline added when missing; knows where lines start and converts indices to columns.
/// </summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = new() { 0 }; // not [0]: CollectionsMarshal.SetCount<int> is JIT-compiled
    private int _cacheLineStart = -1;
    private int _cacheIndex;
    private int _cacheBytes;

    public SourceText(string source, string filename)
    {
        Filename = filename;
        Text = Normalize(source);
        HasUndecodable = UndecodableBytes.IndexOfEscape(Text) >= 0;
        for (int i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n' && i + 1 < Text.Length)
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public string Filename { get; }

    /// <summary>The text keeps bytes that were not UTF-8 (see <see cref="UndecodableBytes"/>).</summary>
    public bool HasUndecodable { get; }

    public int LineCount => _lineStarts.Count;

    /// <summary>Index where 1-based line <paramref name="line"/> starts.</summary>
    public int LineStart(int line) =>
        line < 1 ? 0 : line > _lineStarts.Count ? Text.Length : _lineStarts[line - 1];

    /// <summary>The 1-based line holding the character at <paramref name="index"/>.</summary>
    public int LineOf(int index)
    {
        int i = _lineStarts.BinarySearch(index);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The line's text with its newline (CPython's SyntaxError.text from the parser).</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Count)
        {
            return "";
        }
        int start = _lineStarts[line - 1];
        int end = Text.IndexOf('\n', start);
        return end < 0 ? Text[start..] : Text[start..(end + 1)];
    }

    /// <summary>UTF-8 byte count of Text[lineStart..index] (a column as `ast` reports it).</summary>
    public int ByteCol(int lineStart, int index)
    {
        int from = lineStart;
        int bytes = 0;
        if (lineStart == _cacheLineStart && index >= _cacheIndex)
        {
            from = _cacheIndex;
            bytes = _cacheBytes;
        }
        for (int i = from; i < index; i++)
        {
            char c = Text[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }
        _cacheLineStart = lineStart;
        _cacheIndex = index;
        _cacheBytes = bytes;
        return bytes;
    }

    /// <summary>Code points in Text[lineStart..index].</summary>
    public int CharCol(int lineStart, int index)
    {
        if (HasUndecodable)
        {
            return CharColOverUndecodable(lineStart, index);
        }

        int n = 0;
        for (int i = lineStart; i < index && i < Text.Length; i++)
        {
            if (!char.IsLowSurrogate(Text[i]))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// CharCol on a line that may hold undecodable bytes, as CPython computes it: the 1-based
    /// byte column in the source, then the characters in that many bytes of the line as it is
    /// shown (decoded with errors='replace', each U+FFFD three bytes in UTF-8; a cut character
    /// counts once), minus one. So after such bytes an error points further left, exactly as
    /// CPython's carets do.
    /// </summary>
    private int CharColOverUndecodable(int lineStart, int index)
    {
        int limit = 1;
        for (int i = lineStart; i < index && i < Text.Length; i++)
        {
            limit += RawLength(Text[i]);
        }

        int bytes = 0;
        int n = 0;
        for (int i = lineStart; i < Text.Length && bytes < limit; i++)
        {
            char c = Text[i];
            if (UndecodableBytes.IsEscape(c))
            {
                bytes += 3;
                i += UndecodableBytes.ReplacedRun(Text, i) - 1;
                n++;
            }
            else
            {
                bytes += RawLength(c);
                if (!char.IsLowSurrogate(c))
                {
                    n++;
                }
            }
        }

        return n - 1;

        static int RawLength(char c) =>
            UndecodableBytes.IsEscape(c) ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
    }

    /// <summary>Code points in the first <paramref name="byteCol"/> UTF-8 bytes of a line.</summary>
    public int ByteColToCharCol(int line, int byteCol)
    {
        int start = LineStart(line);
        int bytes = 0;
        int n = 0;
        for (int i = start; i < Text.Length && bytes < byteCol; i++)
        {
            char c = Text[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            if (!char.IsLowSurrogate(c))
            {
                n++;
            }
        }
        return n + (byteCol > bytes ? byteCol - bytes : 0);
    }

    /// <summary>Index of the character at a UTF-8 byte column of a line.</summary>
    public int IndexOfByteCol(int line, int byteCol)
    {
        int i = LineStart(line);
        int bytes = 0;
        while (i < Text.Length && bytes < byteCol)
        {
            char c = Text[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            i++;
        }
        return i;
    }

    /// <summary>A syntax error on this source; offsets are 1-based code point columns. The text is
    /// the line with its newline or without it, as the CPython code path being mirrored gives.</summary>
    public PythonSyntaxError Error(string kind, string msg, int line, int offset, int endLine, int endOffset,
        bool textWithNewline)
    {
        string text = LineText(line);
        if (HasUndecodable)
        {
            // The line as CPython shows it: decoded with errors='replace'.
            text = UndecodableBytes.Shown(text);
        }

        if (!textWithNewline && text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        return new PythonSyntaxError(kind, msg, Filename, line, offset, endLine, endOffset, text);
    }

    private static string Normalize(string source)
    {
        string text = source;
        if (text.Contains('\r', System.StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", System.StringComparison.Ordinal)
                .Replace('\r', '\n');
        }
        if (text.Length > 0 && text[^1] != '\n')
        {
            text += "\n";
        }
        return text;
    }
}
