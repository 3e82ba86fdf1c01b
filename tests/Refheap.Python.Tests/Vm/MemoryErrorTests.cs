using System;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Hosting;
using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>MemoryError under a heap cap: each raise is a fresh exception with only its own traceback.</summary>
public sealed class MemoryErrorTests
{
    [Fact]
    public void A_second_MemoryError_does_not_carry_the_first_ones_traceback()
    {
        const string src = """
            import traceback
            def first():
                return [0] * (10 ** 9)
            def second():
                return [1] * (10 ** 9)
            errors = []
            for f in (first, second):
                try:
                    f()
                except MemoryError as e:
                    errors.append(e)
                    print(traceback.format_exc().count('File '), type(e).__name__)
            print(errors[0] is errors[1], errors[1].__context__ is None)
            """;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int status = PythonEngine.RunCommand(src, new RunOptions
        {
            Profile = AllocatorProfile.Refheap,
            MaxBytes = 64L << 20,
            Argv = ["-c"],
            Stdout = stdout,
            Stderr = stderr,
        });
        Assert.True(status == 0, $"exit status {status}: {stderr}");
        Assert.Equal("2 MemoryError\n2 MemoryError\nFalse True\n", stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
