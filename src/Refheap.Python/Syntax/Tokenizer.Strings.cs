using System.Globalization;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>Names, string literals and operators.</summary>
internal sealed partial class Tokenizer
{
    private static readonly string[] s_threeCharOps = ["**=", "//=", ">>=", "<<=", "...", "!=="];

    private static readonly string[] s_twoCharOps =
    [
        "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>",
        "@=", "^=", "|=",
    ];

    private static readonly string[] s_oneCharOps = new string[128];

    static Tokenizer()
    {
        for (int c = 33; c < 127; c++)
        {
            s_oneCharOps[c] = string.Intern(((char)c).ToString());
        }
    }

    private Token ReadName(int start)
    {
        bool ascii = true;
        while (_pos < _text.Length && IsPotentialIdentifierChar(_text[_pos]))
        {
            ascii &= _text[_pos] < 128;
            _pos++;
        }
        string name = _text[start.._pos];
        if (!ascii)
        {
            name = VerifyIdentifier(start, name);
        }
        return MakeToken(TokenKind.Name, name, start, _pos);
    }

    /// <summary>Parser/tokenizer.c verify_identifier (3.11): NFKC-normalize, then every code point
    /// must be an identifier character; the first bad one is reported.</summary>
    private string VerifyIdentifier(int start, string name)
    {
        string normalized = name;
        try
        {
            normalized = name.Normalize(NormalizationForm.FormKC);
        }
        catch (System.ArgumentException)
        {
            // Lone surrogates cannot be normalized; they are reported below.
        }
        int i = 0;
        while (i < name.Length)
        {
            if (!Rune.TryGetRuneAt(name, i, out Rune r))
            {
                // A lone surrogate: a byte that is not UTF-8 (declared-utf-8 file), or a real one.
                _pos = start + i + 1;
                throw UndecodableBytes.IsEscape(name[i])
                    ? UndecodableError(name, start + i)
                    : Error($"invalid character '{name[i]}' (U+{(int)name[i]:X4})", _pos, _pos);
            }
            bool ok = i == 0 ? IsXidStart(r) : IsXidContinue(r);
            if (!ok)
            {
                _pos = start + i + r.Utf16SequenceLength;
                string hex = r.Value.ToString("X4", CultureInfo.InvariantCulture);
                throw IsPrintable(r)
                    ? Error($"invalid character '{r}' (U+{hex})", _pos, _pos)
                    : Error($"invalid non-printable character U+{hex}", _pos, _pos);
            }
            i += r.Utf16SequenceLength;
        }
        return normalized;
    }

    /// <summary>A name (or stray text) holding bytes that are not UTF-8: CPython's decoding error at the bad byte, with no end column.</summary>
    private PythonSyntaxError UndecodableError(string token, int badIndex)
    {
        string? error = UndecodableBytes.DescribeError(UndecodableBytes.ToBytes(token));
        string msg = "(unicode error) " + (error ?? "'utf-8' codec can't decode the source");
        return _source.Error("SyntaxError", msg, _line, _source.CharCol(_lineStart, badIndex) + 1, _line, -1, true);
    }

    private static bool IsXidStart(Rune r) =>
        r.Value == '_' || Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsXidContinue(Rune r) =>
        IsXidStart(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation;

    /// <summary>Objects/unicodectype.c: printable unless Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs (but space).</summary>
    internal static bool IsPrintable(Rune r) =>
        r.Value == ' ' || Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator);

    /// <summary>A string literal starting at <paramref name="start"/> (its prefix) whose opening
    /// quote is at <paramref name="quoteAt"/>. Only finds its end; the parser decodes it.</summary>
    private Token ReadString(int start, int quoteAt)
    {
        int startLine = _line;
        int startLineStart = _lineStart;
        char quote = _text[quoteAt];
        _pos = quoteAt + 1;
        int quoteSize = 1;
        if (Cur == quote && PeekAt(1) == quote)
        {
            quoteSize = 3;
            _pos += 2;
        }
        else if (Cur == quote)
        {
            // The empty string.
            _pos++;
            return StringToken(start, startLine, startLineStart);
        }
        int endQuotes = 0;
        while (endQuotes < quoteSize)
        {
            char c = _pos < _text.Length ? _text[_pos] : '\0';
            bool eof = _pos >= _text.Length;
            if (eof || (quoteSize == 1 && c == '\n'))
            {
                // Parser/tokenizer.c: reported from just after the token's start, on its first line.
                int detected = eof ? _source.LineCount : _line;
                string msg = quoteSize == 3
                    ? $"unterminated triple-quoted string literal (detected at line {detected})"
                    : $"unterminated string literal (detected at line {detected})";
                int offset = _source.CharCol(startLineStart, start + 1);
                throw _source.Error("SyntaxError", msg, startLine, offset, startLine, offset, false);
            }
            _pos++;
            if (c == quote)
            {
                endQuotes++;
                continue;
            }
            endQuotes = 0;
            if (c == '\\')
            {
                if (_pos < _text.Length)
                {
                    char next = _text[_pos];
                    _pos++;
                    if (next == '\n')
                    {
                        _line++;
                        _lineStart = _pos;
                    }
                }
            }
            else if (c == '\n')
            {
                _line++;
                _lineStart = _pos;
            }
        }
        return StringToken(start, startLine, startLineStart);
    }

    private Token StringToken(int start, int startLine, int startLineStart) => new()
    {
        Kind = TokenKind.String,
        Text = _text[start.._pos],
        Line = startLine,
        Start = start,
        StartLineStart = startLineStart,
        EndLine = _line,
        End = _pos,
        EndLineStart = _lineStart,
        Level = _brackets.Count,
    };

    private Token ReadOperator(int start, char c)
    {
        if (c >= 128)
        {
            // Not an identifier start (e.g. a lone surrogate): report it like verify_identifier.
            _pos++;
            if (UndecodableBytes.IsEscape(c))
            {
                int end = _pos;
                while (end < _text.Length && _text[end] >= 128)
                {
                    end++;
                }

                throw UndecodableError(_text[start..end], start);
            }

            throw Error($"invalid character '{c}' (U+{(int)c:X4})", _pos, _pos);
        }
        foreach (string op in s_threeCharOps)
        {
            if (string.CompareOrdinal(_text, start, op, 0, 3) == 0 && op != "!==")
            {
                _pos += 3;
                return MakeToken(TokenKind.Op, op, start, _pos);
            }
        }
        foreach (string op in s_twoCharOps)
        {
            if (_text[start] == op[0] && PeekAt(1) == op[1])
            {
                _pos += 2;
                return MakeToken(TokenKind.Op, op, start, _pos);
            }
        }
        _pos++;
        switch (c)
        {
            case '(' or '[' or '{':
                if (_brackets.Count >= MaxLevel)
                {
                    throw Error("too many nested parentheses", _pos, _pos);
                }
                _brackets.Add(new OpenBracket(c, _line, _lineStart, start));
                break;
            case ')' or ']' or '}':
                if (_brackets.Count == 0)
                {
                    throw Error($"unmatched '{c}'", _pos, _pos);
                }
                var open = _brackets[^1];
                _brackets.RemoveAt(_brackets.Count - 1);
                char expected = open.Bracket == '(' ? ')' : open.Bracket == '[' ? ']' : '}';
                if (c != expected)
                {
                    string msg = open.Line != _line
                        ? $"closing parenthesis '{c}' does not match opening parenthesis '{open.Bracket}' on line {open.Line}"
                        : $"closing parenthesis '{c}' does not match opening parenthesis '{open.Bracket}'";
                    throw Error(msg, _pos, _pos);
                }
                break;
            default:
                break;
        }
        string text = s_oneCharOps[c] ?? c.ToString();
        return MakeToken(TokenKind.Op, text, start, _pos);
    }
}
