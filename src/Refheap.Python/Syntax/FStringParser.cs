using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>
/// The inside of one f-string token, as 3.11's Parser/string_parser.c reads it: literal text
/// with doubled braces, replacement fields `{expr=!c:spec}`, nested fields in the spec (two
/// levels at most). Expressions are parsed by a sub-parser on their text.
/// </summary>
internal sealed class FStringParser
{
    private readonly Parser _parser;
    private readonly StringLiteral _literal;
    private readonly JoinedStr _whole;
    private readonly string _body;
    private readonly int _bodySourceIndex;
    private int _pos;

    public FStringParser(Parser parser, StringLiteral literal, JoinedStr whole)
    {
        _parser = parser;
        _literal = literal;
        _whole = whole;
        _body = literal.Body;
        _bodySourceIndex = literal.Token.Start + literal.BodyStart;
    }

    public void ParseInto(FStringBuilder builder) => ParseParts(builder, 0);

    /// <summary>Literal text and fields until the end (level 0) or a '}' closing a format spec.</summary>
    private void ParseParts(FStringBuilder builder, int level)
    {
        var raw = new StringBuilder();
        while (_pos < _body.Length)
        {
            char c = _body[_pos];
            if (c == '\\' && !_literal.IsRaw && _pos + 1 < _body.Length)
            {
                // Keep escapes (and \N{...}) whole for the decoder.
                if (_body[_pos + 1] == 'N' && _pos + 2 < _body.Length && _body[_pos + 2] == '{')
                {
                    int close = _body.IndexOf('}', _pos);
                    int end = close < 0 ? _body.Length : close + 1;
                    raw.Append(_body, _pos, end - _pos);
                    _pos = end;
                    continue;
                }
                raw.Append(c).Append(_body[_pos + 1]);
                _pos += 2;
                continue;
            }
            if (c == '{')
            {
                if (level == 0 && _pos + 1 < _body.Length && _body[_pos + 1] == '{')
                {
                    raw.Append('{');
                    _pos += 2;
                    continue;
                }
                FlushLiteral(raw, builder);
                builder.Add(ParseField(builder, level));
                continue;
            }
            if (c == '}')
            {
                if (level > 0)
                {
                    break;
                }
                if (_pos + 1 < _body.Length && _body[_pos + 1] == '}')
                {
                    raw.Append('}');
                    _pos += 2;
                    continue;
                }
                throw _parser.FStringError("f-string: single '}' is not allowed");
            }
            raw.Append(c);
            _pos++;
        }
        FlushLiteral(raw, builder);
    }

    private void FlushLiteral(StringBuilder raw, FStringBuilder builder)
    {
        if (raw.Length > 0)
        {
            _parser.AppendLiteral(_literal, raw.ToString(), builder.Literal);
            raw.Clear();
        }
    }

    /// <summary>At '{': one replacement field, up to and including its '}'.</summary>
    private FormattedValue ParseField(FStringBuilder outer, int level)
    {
        if (level >= 2)
        {
            throw _parser.FStringError("f-string: expressions nested too deeply");
        }
        _pos++;
        int exprStart = _pos;
        int depth = 0;
        char quote = '\0';
        int quoteSize = 0;
        var stack = new StringBuilder();
        for (; _pos < _body.Length; _pos++)
        {
            char ch = _body[_pos];
            if (ch == '\\')
            {
                throw _parser.FStringError("f-string expression part cannot include a backslash");
            }
            if (quote != '\0')
            {
                if (ch == quote && (quoteSize == 1 || (_pos + 2 < _body.Length && _body[_pos + 1] == quote
                    && _body[_pos + 2] == quote)))
                {
                    _pos += quoteSize - 1;
                    quote = '\0';
                }
                continue;
            }
            if (ch is '\'' or '"')
            {
                quote = ch;
                quoteSize = _pos + 2 < _body.Length && _body[_pos + 1] == ch && _body[_pos + 2] == ch ? 3 : 1;
                _pos += quoteSize - 1;
                continue;
            }
            if (ch is '[' or '(' or '{')
            {
                stack.Append(ch);
                depth++;
                continue;
            }
            if (ch == '#')
            {
                throw _parser.FStringError("f-string expression part cannot include '#'");
            }
            if (depth == 0 && ch is '!' or ':' or '}' or '=' or '<' or '>')
            {
                char next = _pos + 1 < _body.Length ? _body[_pos + 1] : '\0';
                if (ch is '!' or '=' or '<' or '>' && next == '=')
                {
                    _pos++;
                    continue;
                }
                if (ch is '<' or '>')
                {
                    continue;
                }
                break;
            }
            if (ch is ']' or ')' or '}')
            {
                if (depth == 0)
                {
                    throw _parser.FStringError($"f-string: unmatched '{ch}'");
                }
                char open = stack[^1];
                stack.Length--;
                depth--;
                if ((open, ch) is not (('(', ')') or ('[', ']') or ('{', '}')))
                {
                    throw _parser.FStringError(
                        $"f-string: closing parenthesis '{ch}' does not match opening parenthesis '{open}'");
                }
            }
        }
        if (quote != '\0')
        {
            throw _parser.FStringError("f-string: unterminated string");
        }
        if (depth > 0)
        {
            throw _parser.FStringError($"f-string: unmatched '{stack[^1]}'");
        }
        if (_pos >= _body.Length)
        {
            throw _parser.FStringError("f-string: expecting '}'");
        }
        string exprText = _body[exprStart.._pos];
        if (exprText.Trim().Length == 0)
        {
            throw _parser.FStringError("f-string: empty expression not allowed");
        }
        ExprNode value = _parser.ParseFStringExpression(exprText, _bodySourceIndex + exprStart);
        var field = outer.Copy(new FormattedValue { Value = value });
        bool debug = false;
        if (_body[_pos] == '=')
        {
            debug = true;
            _pos++;
            while (_pos < _body.Length && char.IsWhiteSpace(_body[_pos]))
            {
                _pos++;
            }
            outer.Literal.Append(_body, exprStart, _pos - exprStart);
            if (_pos >= _body.Length)
            {
                throw _parser.FStringError("f-string: expecting '}'");
            }
        }
        bool explicitConversion = false;
        if (_body[_pos] == '!')
        {
            _pos++;
            if (_pos >= _body.Length)
            {
                throw _parser.FStringError("f-string: expecting '}'");
            }
            char conv = _body[_pos];
            _pos++;
            if (conv is not ('s' or 'r' or 'a'))
            {
                throw _parser.FStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            field.Conversion = conv;
            explicitConversion = true;
        }
        if (_pos >= _body.Length)
        {
            throw _parser.FStringError("f-string: expecting '}'");
        }
        if (_body[_pos] == ':')
        {
            _pos++;
            var spec = new JoinedStr();
            Token t = _literal.Token;
            spec.Lineno = t.Line;
            spec.ColOffset = _parser.Source.ByteCol(t.StartLineStart, t.Start);
            spec.EndLineno = t.EndLine;
            spec.EndColOffset = _parser.Source.ByteCol(t.EndLineStart, t.End);
            var specBuilder = new FStringBuilder(spec);
            CopyPositionsFrom(specBuilder);
            specBuilder.FinalPositionSource = spec;
            ParseParts(specBuilder, level + 1);
            specBuilder.Flush(final: true);
            field.FormatSpec = spec;
        }
        if (debug && !explicitConversion && field.FormatSpec is null)
        {
            // 3.11: `{x=}` without conversion or spec converts with repr.
            field.Conversion = 'r';
        }
        if (_pos >= _body.Length || _body[_pos] != '}')
        {
            throw _parser.FStringError("f-string: expecting '}'");
        }
        _pos++;
        return field;
    }

    /// <summary>Values inside a format spec take the whole string's position, not the spec's.</summary>
    private void CopyPositionsFrom(FStringBuilder specBuilder) => specBuilder.PositionSource = _whole;
}
