namespace Refheap.Python.Syntax;

internal enum TokenKind
{
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
}

/// <summary>
/// One token. Start and End are indices into the (newline-normalized) source text; StartLineStart
/// and EndLineStart are the indices where their lines begin, so columns can be computed in UTF-8
/// bytes (for the tree) or code points (for SyntaxError offsets).
/// </summary>
internal sealed class Token
{
    public TokenKind Kind { get; init; }

    /// <summary>The token's text (for a string literal, prefix and quotes included).</summary>
    public string Text { get; init; } = "";

    public int Line { get; init; }

    public int Start { get; init; }

    public int StartLineStart { get; init; }

    public int EndLine { get; init; }

    public int End { get; init; }

    public int EndLineStart { get; init; }

    /// <summary>Open brackets around the token (CPython's tok->level when it was read).</summary>
    public int Level { get; init; }

    public bool Is(string op) => Kind == TokenKind.Op && Text == op;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && Text == keyword;

    public override string ToString() => $"{Kind} '{Text}' {Line}:{Start}-{EndLine}:{End}";
}
