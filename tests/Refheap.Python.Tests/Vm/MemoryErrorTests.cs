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
        Assert.Equal("2 MemoryError\n2 MemoryError\nFalse True\n", RunCapped(src, 64L << 20));
    }

    /// <summary>
    /// Sizes a builtin's .NET code cannot represent (int overflow in a width or a count) come
    /// out of the eval loop's safety net as MemoryError, catchable by the caller; the
    /// interpreter goes on and exits normally. Every line here was a .NET stack trace before.
    /// </summary>
    [Fact]
    public void Sizes_the_host_cannot_represent_are_MemoryError_not_a_crash()
    {
        const string src = """
            tests = ["'x'.center(2**33)", "'x'.zfill(2**33)", "b'x'.ljust(2**33)", "'{:>9999999999}'.format(1)",
                     "'%9999999999d' % 1", "bytes(2**40)", "bytearray(b'x').zfill(2**33)", "bytes(range(256)) * 2**30"]
            for t in tests:
                def run():
                    return eval(t)
                try:
                    run()
                    print(t, 'ok')
                except MemoryError as e:
                    print(type(e).__name__)
            print('done')
            """;
        Assert.Equal(string.Concat(System.Linq.Enumerable.Repeat("MemoryError\n", 8)) + "done\n", RunCapped(src, 256L << 20));
    }

    /// <summary>Runs a program as `refheap --max-memory` does and returns its stdout; fails on a non-zero exit.</summary>
    private static string RunCapped(string source, long maxBytes)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int status = PythonEngine.RunCommand(source, new RunOptions
        {
            Profile = AllocatorProfile.Refheap,
            MaxBytes = maxBytes,
            Argv = ["-c"],
            Stdout = stdout,
            Stderr = stderr,
        });
        Assert.True(status == 0, $"exit status {status}: {stderr}");
        return stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
