using System;
using System.Collections.Generic;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Hosting;
using Xunit;

namespace Refheap.Python.Tests;

/// <summary>
/// The container and number method scripts under Data/methods/containers: each runs on
/// Refheap with the CPython 3.11 profile and its stdout must equal the .out that
/// eng/record-method-tests recorded from CPython.
/// </summary>
public sealed class ContainerMethodScriptTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Data", "methods", "containers");

    public static IEnumerable<object[]> Scripts()
    {
        foreach (string path in Directory.EnumerateFiles(Root, "*.py", SearchOption.AllDirectories))
        {
            yield return [Path.GetRelativePath(Root, path)];
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void OutputMatchesCPython(string script)
    {
        string path = Path.Combine(Root, script);
        string expected = File.ReadAllText(Path.ChangeExtension(path, ".out"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int status = PythonEngine.RunFile(path, new RunOptions
        {
            Profile = AllocatorProfile.CPython311,
            Argv = [path],
            WorkingDirectory = Path.GetDirectoryName(path),
            Stdout = stdout,
            Stderr = stderr,
        });
        Assert.Equal(expected, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(status == 0, $"exit status {status}: {stderr}");
    }
}
