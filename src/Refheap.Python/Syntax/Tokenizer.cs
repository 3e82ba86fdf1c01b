using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>
/// Python 3.11's tokenizer, written after the behaviour of Parser/tokenizer.c: indentation with
/// tabs (tab size 8, checked against tab size 1 for TabError), NEWLINE only outside brackets on
/// non-blank lines (NL and comments are dropped), backslash continuation, whole string literals
/// (decoded later by the parser), numbers, operators, bracket matching. Tokens are produced on
/// demand so that, as in CPython, an error late in the file does not hide an earlier one.
/// </summary>
internal sealed partial class Tokenizer
{
    /// <summary>Parser/tokenizer.h, 3.11: MAXINDENT.</summary>
    private const int MaxIndent = 100;

    /// <summary>Parser/tokenizer.h, 3.11: MAXLEVEL.</summary>
    private const int MaxLevel = 200;

    private const int TabSize = 8;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<int> _indents = new() { 0 }; // not [0]: CollectionsMarshal.SetCount<int> is JIT-compiled
    private readonly List<int> _altIndents = new() { 0 }; // not [0]: CollectionsMarshal.SetCount<int> is JIT-compiled
    // A list of a class, not of a value tuple: the framework's collections over value types are
    // JIT-compiled in every process that parses.
    private readonly List<OpenBracket> _brackets = [];
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _atBol = true;
    private int _pendingIndents;
    private bool _done;

    public Tokenizer(SourceText source)
    {
        _source = source;
        _text = source.Text;
    }

    /// <summary>Open brackets at the current point (CPython's tok->level).</summary>
    public int Level => _brackets.Count;

    /// <summary>The innermost open bracket: character, line, line start, index.</summary>
    public (char Bracket, int Line, int LineStart, int Index) InnermostBracket
    {
        get
        {
            OpenBracket b = _brackets[^1];
            return (b.Bracket, b.Line, b.LineStart, b.Index);
        }
    }

    private char Cur => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    /// <summary>The next token; EndMarker forever once the end is reached. An EndMarker with a
    /// non-zero Level means the file ended inside brackets.</summary>
    public Token Next()
    {
        if (_done)
        {
            return MakeToken(TokenKind.EndMarker, "", _pos, _pos);
        }
        while (true)
        {
            bool blankLine = false;
            if (_atBol)
            {
                _atBol = false;
                blankLine = ReadIndentation();
            }
            if (_pendingIndents != 0)
            {
                if (_pendingIndents < 0)
                {
                    _pendingIndents++;
                    return MakeToken(TokenKind.Dedent, "", _pos, _pos);
                }
                _pendingIndents--;
                return MakeToken(TokenKind.Indent, "", _lineStart, _pos);
            }

            // Skip spaces, tabs and form feeds.
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\f'))
            {
                _pos++;
            }
            if (Cur == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            if (_pos >= _text.Length)
            {
                return EndOfInput();
            }
            char c = _text[_pos];
            if (c == '\n')
            {
                int start = _pos;
                _pos++;
                int line = _line;
                int lineStart = _lineStart;
                NewLine();
                if (blankLine || _brackets.Count > 0)
                {
                    continue;
                }
                return new Token
                {
                    Kind = TokenKind.Newline, Text = "\n", Line = line, Start = start, StartLineStart = lineStart,
                    EndLine = line, End = start, EndLineStart = lineStart, Level = 0,
                };
            }
            if (c == '\\')
            {
                ReadContinuation();
                continue;
            }
            return ReadToken(c);
        }
    }

    private Token EndOfInput()
    {
        if (_brackets.Count == 0)
        {
            if (_indents.Count > 1)
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                return MakeToken(TokenKind.Dedent, "", _pos, _pos);
            }
        }
        _done = true;
        return MakeToken(TokenKind.EndMarker, "", _pos, _pos);
    }

    /// <summary>Tokens at the end of input sit at the start of the last line (CPython's
    /// tok->lineno stays on the last line read).</summary>
    private Token MakeToken(TokenKind kind, string text, int start, int end)
    {
        int line = _line;
        int lineStart = _lineStart;
        if (start >= _text.Length && _text.Length > 0)
        {
            line = _source.LineCount;
            lineStart = _source.LineStart(line);
            start = end = lineStart;
        }
        return new Token
        {
            Kind = kind, Text = text, Line = line, Start = start, StartLineStart = lineStart,
            EndLine = line, End = end, EndLineStart = lineStart, Level = _brackets.Count,
        };
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
        _atBol = true;
    }

    /// <summary>Measures the indentation of a new line and queues INDENT/DEDENT tokens.
    /// Returns whether the line is blank (only whitespace or a comment).</summary>
    private bool ReadIndentation()
    {
        int col = 0;
        int altCol = 0;
        int contLineCol = 0;
        while (true)
        {
            char c = Cur;
            if (c == ' ')
            {
                col++;
                altCol++;
            }
            else if (c == '\t')
            {
                col = ((col / TabSize) + 1) * TabSize;
                altCol++;
            }
            else if (c == '\f')
            {
                col = 0;
                altCol = 0;
            }
            else if (c == '\\' && _pos < _text.Length)
            {
                contLineCol = contLineCol != 0 ? contLineCol : col;
                ReadContinuation();
                continue;
            }
            else
            {
                break;
            }
            _pos++;
        }
        bool blank = _pos < _text.Length && (Cur == '#' || Cur == '\n');
        if (blank || _brackets.Count > 0)
        {
            return blank;
        }
        col = contLineCol != 0 ? contLineCol : col;
        int top = _indents[^1];
        if (col == top)
        {
            if (altCol != _altIndents[^1])
            {
                throw TabError();
            }
        }
        else if (col > top)
        {
            if (_indents.Count >= MaxIndent)
            {
                throw _source.Error("IndentationError", "too many levels of indentation", _line, 1, _line, 0, true);
            }
            if (altCol <= _altIndents[^1])
            {
                throw TabError();
            }
            _pendingIndents++;
            _indents.Add(col);
            _altIndents.Add(altCol);
        }
        else
        {
            while (_indents.Count > 1 && col < _indents[^1])
            {
                _pendingIndents--;
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
            }
            if (col != _indents[^1])
            {
                // Parser/pegen_errors.c, 3.11: E_DEDENT points past the end of the line.
                int length = _source.LineText(_line).Length;
                throw _source.Error("IndentationError", "unindent does not match any outer indentation level",
                    _line, length, _line, -1, true);
            }
            if (altCol != _altIndents[^1])
            {
                throw TabError();
            }
        }
        return false;
    }

    // Parser/pegen_errors.c, 3.11: E_TABSPACE and E_TOODEEP are reported at offset 1, end 0.
    private PythonSyntaxError TabError() =>
        _source.Error("TabError", "inconsistent use of tabs and spaces in indentation", _line, 1, _line, 0, true);

    /// <summary>At a backslash: it must end the line.</summary>
    private void ReadContinuation()
    {
        _pos++;
        if (_pos >= _text.Length || (Cur == '\n' && _pos + 1 >= _text.Length))
        {
            // Parser/pegen_errors.c, 3.11: E_EOF after a continuation, just past the line's end.
            int length = _source.LineText(_line).TrimEnd('\n').Length;
            throw _source.Error("SyntaxError", "unexpected EOF while parsing", _line, length + 1, _line, -1, true);
        }
        if (Cur != '\n')
        {
            // Parser/pegen_errors.c, 3.11: E_LINECONT, one past the character after the backslash.
            int offset = _source.CharCol(_lineStart, _pos + 1);
            throw _source.Error("SyntaxError", "unexpected character after line continuation character",
                _line, offset, _line, 0, true);
        }
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private Token ReadToken(char c)
    {
        int start = _pos;
        if (IsPotentialIdentifierStart(c))
        {
            // A string prefix?
            int p = _pos;
            while (p < _text.Length && p - _pos < 3 && IsPrefixLetter(_text[p]))
            {
                p++;
            }
            if (p < _text.Length && (_text[p] == '"' || _text[p] == '\'') && p > _pos
                && IsStringPrefix(_text[_pos..p]))
            {
                return ReadString(start, p);
            }
            return ReadName(start);
        }
        if (c is >= '0' and <= '9' || (c == '.' && PeekAt(1) is >= '0' and <= '9'))
        {
            return ReadNumber(start);
        }
        if (c == '"' || c == '\'')
        {
            return ReadString(start, start);
        }
        return ReadOperator(start, c);
    }

    private static bool IsPrefixLetter(char c) => c is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F';

    private static bool IsStringPrefix(string prefix)
    {
        string p = prefix.ToLowerInvariant();
        return p is "r" or "u" or "b" or "f" or "br" or "rb" or "fr" or "rf";
    }

    internal static bool IsPotentialIdentifierStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || c >= 128;

    internal static bool IsPotentialIdentifierChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || c >= 128;


    /// <summary>A tokenizer error as Parser/tokenizer.c's syntaxerror() raises it: offsets count
    /// code points of the current line up to the given indices; the text is the line without its
    /// newline.</summary>
    private PythonSyntaxError Error(string msg, int offsetIndex, int endIndex)
    {
        int offset = _source.CharCol(_lineStart, offsetIndex);
        int endOffset = _source.CharCol(_lineStart, endIndex);
        return _source.Error("SyntaxError", msg, _line, offset, _line, endOffset, false);
    }
}

/// <summary>An open bracket: the character, its line, that line's start and its index.</summary>
internal sealed record OpenBracket(char Bracket, int Line, int LineStart, int Index);
