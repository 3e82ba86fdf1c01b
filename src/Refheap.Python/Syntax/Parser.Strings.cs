using System.Collections.Generic;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>Adjacent string literals: concatenation, bytes, f-strings (as 3.11's
/// Parser/string_parser.c builds them: every Constant and FormattedValue of a JoinedStr carries
/// the position of the whole concatenation; expressions carry their real positions).</summary>
internal sealed partial class Parser
{
    private ExprNode ParseStrings()
    {
        Token first = Cur;
        var parts = new List<StringLiteral>();
        while (Cur.Kind == TokenKind.String)
        {
            parts.Add(new StringLiteral(Advance()));
        }
        _ = Cur; // CPython reads the token after the strings before building them.
        Token last = _prev;
        bool anyBytes = false;
        bool anyStr = false;
        bool anyF = false;
        foreach (StringLiteral p in parts)
        {
            anyBytes |= p.IsBytes;
            anyStr |= !p.IsBytes;
            anyF |= p.IsFString;
        }
        if (anyBytes && anyStr)
        {
            throw ErrorAtLast("cannot mix bytes and nonbytes literals");
        }
        if (_src.HasUndecodable && !anyBytes)
        {
            foreach (StringLiteral p in parts)
            {
                CheckUndecodable(p);
            }
        }
        string? kind = parts[0].IsUnicode ? "u" : null;
        if (anyBytes)
        {
            var bytes = new List<byte>();
            foreach (StringLiteral p in parts)
            {
                string? error = Escapes.DecodeBytes(p.Body, p.IsRaw, bytes);
                if (error is not null)
                {
                    // The ASCII check names the token; escape errors point after the strings.
                    throw error.StartsWith("bytes", System.StringComparison.Ordinal) ? ErrorAt(p.Token, error) : ErrorAtLast(error);
                }
            }
            return Span(new Constant { Value = bytes.ToArray() }, first, last, this);
        }
        if (!anyF)
        {
            var sb = new StringBuilder();
            foreach (StringLiteral p in parts)
            {
                AppendLiteral(p, p.Body, sb);
            }
            return Span(new Constant { Value = sb.ToString(), Kind = kind }, first, last, this);
        }
        var joined = Span(new JoinedStr(), first, last, this);
        var builder = new FStringBuilder(joined);
        foreach (StringLiteral p in parts)
        {
            if (p.IsFString)
            {
                new FStringParser(this, p, joined).ParseInto(builder);
            }
            else
            {
                AppendLiteral(p, p.Body, builder.Literal);
            }
        }
        builder.Flush();
        return joined;
    }

    /// <summary>
    /// A str literal holding bytes that are not UTF-8 (a file declared utf-8): CPython's error
    /// from decoding them. A plain literal without backslashes (or a raw one) is decoded whole,
    /// so the position counts from the body's start; otherwise (escapes, f-strings) each run of
    /// non-ASCII bytes is decoded on its own and the position counts from the run's start.
    /// </summary>
    private void CheckUndecodable(StringLiteral p)
    {
        string body = p.Body;
        int bad = UndecodableBytes.IndexOfEscape(body);
        if (bad < 0)
        {
            return;
        }

        string segment = body;
        if (!p.IsRaw && (p.IsFString || body.Contains('\\', System.StringComparison.Ordinal)))
        {
            int from = bad;
            while (from > 0 && body[from - 1] >= 0x80)
            {
                from--;
            }

            int to = bad;
            while (to < body.Length && body[to] >= 0x80)
            {
                to++;
            }

            segment = body[from..to];
        }

        string? error = UndecodableBytes.DescribeError(UndecodableBytes.ToBytes(segment));
        if (error is not null)
        {
            throw ErrorAtLast("(unicode error) " + error);
        }
    }

    /// <summary>Decodes literal text of a string token (escapes unless raw) into sb.</summary>
    internal void AppendLiteral(StringLiteral p, string text, StringBuilder sb)
    {
        if (p.IsRaw)
        {
            sb.Append(text);
            return;
        }
        string? error = Escapes.DecodeStr(text, sb);
        if (error is not null)
        {
            _ = p;
            throw ErrorAtLast(error);
        }
    }

    /// <summary>An f-string error, reported (as 3.11 does) at the token after the strings.</summary>
    internal PythonSyntaxError FStringError(string msg) => ErrorAtLast(msg);

    /// <summary>Parses an expression found inside an f-string, at a source index, in eval mode,
    /// and moves its positions to where it is in the file.</summary>
    internal ExprNode ParseFStringExpression(string text, int sourceIndex)
    {
        var sub = new Parser(new SourceText("(" + text + ")", _src.Filename));
        ExprNode e;
        try
        {
            e = sub.ParseEval().Body;
        }
        catch (PythonSyntaxError ex)
        {
            // 3.11 reports the error inside "(expr)" as the sub-parser saw it.
            throw new PythonSyntaxError(ex.Kind, "f-string: " + ex.Msg, ex.Filename, ex.Lineno, ex.Offset,
                ex.EndLineno, ex.EndOffset, ex.Text);
        }
        int line = _src.LineOf(sourceIndex);
        int col = _src.ByteCol(_src.LineStart(line), sourceIndex);
        foreach (Node n in AstWalker.PreOrder(e))
        {
            if (n.Lineno == 1)
            {
                n.ColOffset += col - 1;
            }
            if (n.EndLineno == 1)
            {
                n.EndColOffset += col - 1;
            }
            n.Lineno += line - 1;
            n.EndLineno += line - 1;
        }
        return e;
    }
}

/// <summary>Collects the values of a JoinedStr, merging adjacent literal text.</summary>
internal sealed class FStringBuilder
{
    private readonly JoinedStr _target;

    public FStringBuilder(JoinedStr target)
    {
        _target = target;
    }

    public StringBuilder Literal { get; } = new();

    /// <summary>Whose position the values get (the target itself unless set).</summary>
    public Node? PositionSource { get; set; }

    /// <summary>Whose position the literal flushed last gets (3.11: in a format spec, the text
    /// after the last nested field has the spec token's position).</summary>
    public Node? FinalPositionSource { get; set; }

    public void Flush(bool final = false)
    {
        if (Literal.Length > 0)
        {
            var constant = Copy(new Constant { Value = Literal.ToString() });
            if (final && FinalPositionSource is Node f)
            {
                constant.Lineno = f.Lineno;
                constant.ColOffset = f.ColOffset;
                constant.EndLineno = f.EndLineno;
                constant.EndColOffset = f.EndColOffset;
            }
            _target.Values.Add(constant);
            Literal.Clear();
        }
    }

    public void Add(ExprNode value)
    {
        Flush();
        _target.Values.Add(value);
    }

    public T Copy<T>(T node)
        where T : Node
    {
        Node from = PositionSource ?? _target;
        node.Lineno = from.Lineno;
        node.ColOffset = from.ColOffset;
        node.EndLineno = from.EndLineno;
        node.EndColOffset = from.EndColOffset;
        return node;
    }
}
