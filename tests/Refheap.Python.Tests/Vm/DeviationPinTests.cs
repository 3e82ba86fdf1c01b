using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>Pins the interpreter's deliberate differences from CPython listed in docs/deviations.md.</summary>
public sealed class DeviationPinTests
{
    [Fact]
    public void CodeObjectsAreFixedSizeWithoutCoCode()
    {
        const string src = """
            import sys
            def f(a, b=1):
                return a + b
            print(sys.getsizeof(f.__code__), sys.getsizeof((lambda: None).__code__), hasattr(f.__code__, 'co_code'))
            """;
        Assert.Equal("128 128 False\n", ScriptRunner.Run(src));
    }
}
