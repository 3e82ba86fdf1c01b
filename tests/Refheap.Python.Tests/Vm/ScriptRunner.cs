using System;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Hosting;
using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>Runs a program as `refheap -c` does (Refheap profile) and returns its stdout; fails on a non-zero exit.</summary>
internal static class ScriptRunner
{
    public static string Run(string source)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int status = PythonEngine.RunCommand(source, new RunOptions
        {
            Profile = AllocatorProfile.Refheap,
            Argv = ["-c"],
            Stdout = stdout,
            Stderr = stderr,
        });
        Assert.True(status == 0, $"exit status {status}: {stderr}");
        return stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
