using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Refheap.Conformance;

/// <summary>The `refheap` command line: where options may go, help, version and usage errors.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("refheap-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--profile cpython311 run {0} x", "['s.py', 'x'] 3.11")]
    [InlineData("run --profile cpython311 {0} x", "['s.py', 'x'] 3.11")]
    [InlineData("--profile=cpython311 {0} x", "['s.py', 'x'] 3.11")]
    [InlineData("run {0} --profile refheap", "['s.py', '--profile', 'refheap'] refheap")]
    [InlineData("--max-memory=64M run {0}", "['s.py'] refheap")]
    public void Options_go_before_the_script_and_the_rest_is_the_programs_argv(string arguments, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, "s.py"),
            "import sys, gc\nprint(sys.argv, '3.11' if gc.get_threshold()[0] == 700 and sys.implementation._profile == 'cpython311' else sys.implementation._profile)\n");
        (string stdout, string stderr, int code) = Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, "s.py"));
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal(expected + "\n", stdout);
    }

    [Fact]
    public void Help_and_version_print_to_stdout_and_exit_0()
    {
        (string help, _, int helpCode) = Run("--help");
        Assert.Equal(0, helpCode);
        Assert.StartsWith("usage: refheap ", help, StringComparison.Ordinal);
        Assert.Contains("--max-memory SIZE", help, StringComparison.Ordinal);
        (string version, _, int versionCode) = Run("-V");
        Assert.Equal(0, versionCode);
        Assert.StartsWith("refheap ", version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus run s.py", "refheap: unknown option --bogus")]
    [InlineData("run", "refheap run: a script path is needed")]
    [InlineData("--profile", "refheap: option --profile needs a value")]
    [InlineData("--profile pypy run s.py", "refheap: unknown profile 'pypy' (cpython311, refheap)")]
    [InlineData("--max-memory 12Q run s.py", "refheap: bad size '12Q' (e.g. 64M, 1G, 500000)")]
    public void Usage_errors_exit_2_with_a_message(string arguments, string message)
    {
        (string stdout, string stderr, int code) = Run(arguments);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith(message + "\n", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// stdout and stderr on one pipe: the order the text arrives in shows how each stream is
    /// buffered. CPython 3.11 on this machine judges it (block-buffered stdout, line-buffered
    /// stderr; both write-through with -u or PYTHONUNBUFFERED).
    /// </summary>
    [Theory]
    [InlineData("", "", "1/0")]
    [InlineData("-u", "", "1/0")]
    [InlineData("", "1", "1/0")]
    [InlineData("", "", "raise SystemExit('bye')")]
    [InlineData("", "", "import atexit; atexit.register(sys.stderr.write, 'atexit\\n')")]
    [InlineData("-c", "", "1/0")]
    [InlineData(">file", "", "1/0")]
    [InlineData(">file", "1", "1/0")]
    public void Stdout_and_stderr_on_one_pipe_interleave_as_on_CPython(string option, string unbufferedEnv, string ending)
    {
        string program = "import sys\nprint('out 1')\nsys.stderr.write('err 1\\n')\nsys.stdout.write('out 2 ')\n" +
            "sys.stderr.write('err 2 ')\nprint('out 3')\nsys.stderr.write('\\n')\n" + ending + "\n";
        File.WriteAllText(Path.Combine(_dir, "b.py"), program);
        string[] args = option switch { "" or ">file" => ["b.py"], "-c" => ["-c", program], _ => [option, "b.py"] };
        bool toFile = option == ">file";
        string refheap = MergedOutput("dotnet", [Path.Combine(AppContext.BaseDirectory, "refheap.dll"), .. args], unbufferedEnv, toFile);
        string cpython = MergedOutput("python3", ["-S", .. args], unbufferedEnv, toFile);
        Assert.Contains("out 3", cpython, StringComparison.Ordinal);
        Assert.Equal(cpython, refheap);
    }

    /// <summary>
    /// stdout is a pipe nobody reads any more: CPython raises BrokenPipeError where the write
    /// happens, and reports a failed flush at exit ("Exception ignored in: ...", status 120).
    /// </summary>
    [Theory]
    [InlineData("", "import time; time.sleep(0.5); print('x')")]
    [InlineData("", "import time, sys; time.sleep(0.5); print('x'); sys.stdout.flush()")]
    [InlineData("", "import time; time.sleep(0.5)\nfor i in range(100000): print(i)")]
    [InlineData("-u", "import time; time.sleep(0.5); print('x')")]
    public void A_closed_stdout_pipe_raises_BrokenPipeError_as_on_CPython(string option, string program)
    {
        string[] args = option.Length == 0 ? ["-c", program] : [option, "-c", program];
        (string stderr, int code) refheap = ClosedStdout("dotnet", [Path.Combine(AppContext.BaseDirectory, "refheap.dll"), .. args]);
        (string stderr, int code) cpython = ClosedStdout("python3", ["-S", .. args]);
        Assert.Contains("BrokenPipeError", cpython.stderr, StringComparison.Ordinal);
        Assert.Equal(cpython, refheap);
    }

    private (string Stderr, int Code) ClosedStdout(string program, string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONUNBUFFERED"] = "";
        using var process = Process.Start(psi)!;
        process.StandardOutput.Close();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish in 60 s");
        return (stderr, process.ExitCode);
    }

    /// <summary>The program's stdout and stderr on one pipe, or with <paramref name="toFile"/> on one file (`&gt; out 2&gt;&amp;1`).</summary>
    private string MergedOutput(string program, string[] arguments, string unbufferedEnv, bool toFile = false)
    {
        string outFile = Path.Combine(_dir, "merged.txt");
        var psi = new ProcessStartInfo("/bin/sh") { WorkingDirectory = _dir, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(toFile ? "exec \"$@\" > merged.txt 2>&1" : "exec \"$@\" 2>&1");
        psi.ArgumentList.Add("sh");
        psi.ArgumentList.Add(program);
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONUNBUFFERED"] = unbufferedEnv;
        using var process = Process.Start(psi)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish in 60 s");
        return toFile ? File.ReadAllText(outFile) : output;
    }

    private (string Stdout, string Stderr, int Code) Run(string arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "refheap.dll"));
        foreach (string a in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "refheap did not finish in 60 s");
        return (stdout.Result, stderr.Result, process.ExitCode);
    }
}
