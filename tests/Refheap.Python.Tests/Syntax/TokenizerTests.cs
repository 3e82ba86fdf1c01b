using System.Collections.Generic;
using System.Linq;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Syntax;

public class TokenizerTests
{
    private static List<Token> Tokens(string src)
    {
        var tokenizer = new Tokenizer(new SourceText(src, "x.py"));
        var list = new List<Token>();
        while (true)
        {
            Token t = tokenizer.Next();
            list.Add(t);
            if (t.Kind == TokenKind.EndMarker)
            {
                return list;
            }
        }
    }

    private static string Kinds(string src) =>
        string.Join(" ", Tokens(src).Select(t => t.Kind switch
        {
            TokenKind.Name or TokenKind.Op or TokenKind.Number or TokenKind.String => t.Text,
            TokenKind.Newline => "NL",
            TokenKind.Indent => "IN",
            TokenKind.Dedent => "DE",
            _ => "END",
        }));

    [Fact]
    public void Indentation_gives_indent_and_dedent()
    {
        Assert.Equal("if x : NL IN a NL if y : NL IN b NL DE DE c NL END", Kinds("if x:\n    a\n    if y:\n        b\nc\n"));
    }

    [Fact]
    public void Tabs_count_to_the_next_multiple_of_eight()
    {
        Assert.Equal("if x : NL IN a NL b NL DE END", Kinds("if x:\n\ta\n\tb\n"));
    }

    [Fact]
    public void Blank_lines_and_comments_give_no_newline()
    {
        Assert.Equal("a NL b NL END", Kinds("a  # c\n\n   # only a comment\n\nb\n"));
    }

    [Fact]
    public void Brackets_join_lines()
    {
        Assert.Equal("x = ( 1 , 2 ) NL END", Kinds("x = (1,\n     2)\n"));
    }

    [Fact]
    public void Backslash_continues_a_line()
    {
        Assert.Equal("x = 1 + 2 NL END", Kinds("x = 1 + \\\n  2\n"));
    }

    [Fact]
    public void Missing_final_newline_is_added()
    {
        Assert.Equal("x NL END", Kinds("x"));
    }

    [Fact]
    public void Operators_take_the_longest_match()
    {
        Assert.Equal("a **= b //= c -> d := e ... f != g <<= h >>= i @= j NL END",
            Kinds("a **= b //= c -> d := e ... f != g <<= h >>= i @= j\n"));
    }

    [Theory]
    [InlineData("0x_1f", "0x_1f")]
    [InlineData("1_000.5e-3j", "1_000.5e-3j")]
    [InlineData(".5", ".5")]
    [InlineData("1.", "1.")]
    [InlineData("0o17", "0o17")]
    [InlineData("0b1_0", "0b1_0")]
    public void Numbers_are_single_tokens(string src, string expected)
    {
        Token t = Tokens(src)[0];
        Assert.Equal(TokenKind.Number, t.Kind);
        Assert.Equal(expected, t.Text);
    }

    [Fact]
    public void A_number_may_touch_a_keyword()
    {
        Assert.Equal("1 if x else 2 NL END", Kinds("1if x else 2\n"));
    }

    [Theory]
    [InlineData("rb'x'")]
    [InlineData("BR'x'")]
    [InlineData("f'{x}'")]
    [InlineData("Rf\"x\"")]
    [InlineData("u'x'")]
    [InlineData("'''a\nb'''")]
    [InlineData("'a\\\nb'")]
    public void String_prefixes_and_quotes(string src)
    {
        Token t = Tokens(src)[0];
        Assert.Equal(TokenKind.String, t.Kind);
        Assert.Equal(src, t.Text);
    }

    [Fact]
    public void Ur_is_not_a_prefix()
    {
        Assert.Equal("ur 'x' NL END", Kinds("ur'x'\n"));
    }

    [Fact]
    public void Non_ascii_identifiers_are_names()
    {
        // CPython NFKC-normalizes identifiers ("ﬁ" is "fi"); under InvariantGlobalization .NET
        // leaves the text as it is (a documented difference), so only the token kind is checked.
        Assert.Equal(TokenKind.Name, Tokens("ﬁ\n")[0].Kind);
        Assert.Equal("日本", Tokens("日本\n")[0].Text);
    }

    [Fact]
    public void Tokens_carry_utf8_columns()
    {
        Module m = PythonParser.ParseModule("é = 'ü' + x\n", "x.py");
        var assign = (Refheap.Python.Syntax.Assign)m.Body[0];
        var bin = (BinOp)assign.Value;
        Assert.Equal(5, bin.ColOffset);
        Assert.Equal(13, bin.EndColOffset);
    }
}
