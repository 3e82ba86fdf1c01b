using Refheap.Python.Compiler;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Compiler;

/// <summary>
/// The compiler's except* SyntaxErrors (3.11's compiler_unwind_fblock): break, continue and
/// return may not leave an except* clause. Positions are those CPython 3.11's compile() reports.
/// </summary>
public class ExceptStarCompilerTests
{
    private const string Message = "'break', 'continue' and 'return' cannot appear in an except* block";

    private static void Compile(string source) =>
        PyCompiler.CompileModule(PythonParser.ParseModule(source, "x.py"), "x.py");

    [Theory]
    [InlineData("for i in x:\n    try:\n        pass\n    except* ValueError:\n        break\n", 5, 9, 5, 14)]
    [InlineData("for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue\n", 5, 9, 5, 17)]
    [InlineData("def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n", 5, 16, 5, 17)]
    [InlineData("def f(x):\n    try:\n        pass\n    except* ValueError:\n        return x + 1\n", 5, 9, 5, 21)]
    [InlineData("def f():\n    try:\n        pass\n    except* ValueError:\n        return\n", 5, 9, 5, 15)]
    [InlineData("for i in x:\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        finally:\n            break\n", 8, 13, 8, 18)]
    public void Leaving_an_except_star_clause_is_a_syntax_error(string source, int line, int offset, int endLine, int endOffset)
    {
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => Compile(source));
        Assert.Equal(Message, e.Msg);
        Assert.Equal((line, offset, endLine, endOffset), (e.Lineno, e.Offset, e.EndLineno, e.EndOffset));
    }

    [Fact]
    public void Loops_and_functions_inside_an_except_star_clause_compile()
    {
        Compile("try:\n    pass\nexcept* ValueError:\n    for i in x:\n        break\n    def g():\n        return 1\n");
        Compile("for i in x:\n    try:\n        break\n    except* ValueError:\n        pass\n    finally:\n        pass\n");
    }
}
