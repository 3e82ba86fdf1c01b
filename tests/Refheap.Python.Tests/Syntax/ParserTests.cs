using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Syntax;

public class ParserTests
{
    [Fact]
    public void Hundred_nested_parentheses_parse()
    {
        string src = new string('(', 100) + "1" + new string(')', 100) + "\n";
        Module m = PythonParser.ParseModule(src, "x.py");
        Assert.Single(m.Body);
    }

    [Fact]
    public void Two_hundred_and_one_parentheses_are_too_many()
    {
        string src = new string('(', 201) + new string(')', 201) + "\n";
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseModule(src, "x.py"));
        Assert.Equal("too many nested parentheses", e.Msg);
        Assert.Equal(201, e.Offset);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(1000)]
    public void Deep_unary_chains_within_cpythons_limit_parse(int n)
    {
        Module m = PythonParser.ParseModule(new string('-', n) + "1\n", "x.py");
        Assert.Single(m.Body);
    }

    [Theory]
    [InlineData("-", 100000)]
    [InlineData("not ", 100000)]
    [InlineData("~", 5000)]
    [InlineData("lambda:", 5000)]
    [InlineData("a**", 5000)]
    [InlineData("x if y else ", 5000)]
    public void Deep_prefix_chains_raise_recursion_error_not_stack_overflow(string unit, int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append(unit);
        }
        sb.Append("1\n");
        Assert.Throws<PythonRecursionError>(() => PythonParser.ParseModule(sb.ToString(), "x.py"));
    }

    [Theory]
    [InlineData(".a")]
    [InlineData("+a")]
    [InlineData("[0]")]
    [InlineData("(1)")]
    public void Deep_left_chains_raise_recursion_error(string unit)
    {
        var sb = new StringBuilder("x");
        for (int i = 0; i < 10000; i++)
        {
            sb.Append(unit);
        }
        sb.Append('\n');
        Assert.Throws<PythonRecursionError>(() => PythonParser.ParseModule(sb.ToString(), "x.py"));
    }

    [Fact]
    public void Deep_parse_on_a_small_stack_thread_still_works()
    {
        Module? result = null;
        var thread = new System.Threading.Thread(
            () => result = PythonParser.ParseModule(new string('-', 2500) + "1\n", "x.py"), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
    }

    [Fact]
    public void Eval_mode_parses_one_expression()
    {
        ExpressionModule e = PythonParser.ParseExpression("  a + 1\n", "<string>");
        Assert.Equal("Expression(body=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Constant(value=1)))",
            AstDump.Dump(e));
        Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseExpression("x = 1", "<string>"));
    }

    [Theory]
    [InlineData("async def f(): pass\n", "'async'")]
    [InlineData("def f():\n    await x\n", "'await'")]
    [InlineData("match x:\n    case 1: pass\n", "'match'")]
    public void Unsupported_constructs_say_so(string src, string what)
    {
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseModule(src, "x.py"));
        Assert.Contains(what, e.Msg, StringComparison.Ordinal);
        Assert.Contains("not supported by Refheap", e.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_as_a_name_still_works()
    {
        Module m = PythonParser.ParseModule("match = 1\nmatch.x = 2\nmatch(x)\nmatch[1]\n", "x.py");
        Assert.Equal(4, m.Body.Count);
    }

    [Fact]
    public void File_bytes_with_bom_and_latin1_cookie_decode()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, (byte)'x', (byte)'=', (byte)'1', (byte)'\n'];
        Assert.Single(PythonParser.ParseModule(bom, "x.py").Body);
        byte[] latin = Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\ns = 'caf\u00e9'\n");
        var assign = (Refheap.Python.Syntax.Assign)PythonParser.ParseModule(latin, "x.py").Body[0];
        Assert.Equal("caf\u00e9", ((Constant)assign.Value).Value);
    }

    [Fact]
    public void Invalid_utf8_is_a_syntax_error()
    {
        byte[] bad = [(byte)'x', (byte)'=', (byte)'\'', 0xFF, (byte)'\'', (byte)'\n'];
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseModule(bad, "bad.py"));
        Assert.StartsWith("Non-UTF-8 code starting with '\\xff' in file bad.py on line 1", e.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Big_generated_file_parses()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 1000; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"def f{i}(a, b=1, *c, d, **e):\n    x = [a + b * {i} for a in range(10) if a % 2]\n    if x and b:\n        return {{'k': x, 'v': f\"{{a!r:>10}}\"}}\n    else:\n        y = (a, b, c[1:2], d.e(*c, **e))\n        return y\n\n\n");
        }
        string src = sb.ToString();
        Assert.True(src.Count(c => c == '\n') >= 9000);
        // No timing assertion; the times (cold, then warm) show with --logger "console;verbosity=detailed".
        for (int round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            Module m = PythonParser.ParseModule(src, "big.py");
            watch.Stop();
            Assert.Equal(1000, m.Body.Count);
            Console.WriteLine($"parsed {src.Length} chars in {watch.Elapsed.TotalMilliseconds:F1} ms");
        }
    }

    [Theory]
    [InlineData("x = (1,\n", "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n")]
    [InlineData("if x:\n    a\n  b\n", "  File \"x.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n")]
    [InlineData("f(a=1, b)\n", "  File \"x.py\", line 1\n    f(a=1, b)\n            ^\nSyntaxError: positional argument follows keyword argument\n")]
    [InlineData("    print \"x\"\n", "  File \"x.py\", line 1\n    print \"x\"\nIndentationError: unexpected indent\n")]
    [InlineData("x = 1 +\n", "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n")]
    [InlineData("é = €\n", "  File \"x.py\", line 1\n    é = €\n        ^\nSyntaxError: invalid character '€' (U+20AC)\n")]
    [InlineData("print 'x'\n", "  File \"x.py\", line 1\n    print 'x'\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n")]
    public void Formatter_prints_like_cpython(string src, string expected)
    {
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseModule(src, "x.py"));
        Assert.Equal(expected, SyntaxErrorFormatter.Format(e));
    }
}
