using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Refheap.Memory;
using Refheap.Python.Hosting;

namespace Refheap.Conformance;

/// <summary>What one run of a case produced, before normalization.</summary>
public sealed record CaseRun(string Stdout, string Stderr, int? ExitCode, Exception? Error, bool TimedOut);

/// <summary>
/// Runs one case as eng/record-expected runs it with CPython: a fresh `refheap` process (the
/// CPython311 profile, sys.argv == [file name], the case's directory as the working directory),
/// stdout and stderr captured as text. REFHEAP_CONFORMANCE_INPROCESS=1 runs the engine inside
/// the test process instead (faster to debug; see docs/design/conformance.md for why the
/// separate process is the default).
/// </summary>
public static class CaseRunner
{
    /// <summary>Per-case time limit; REFHEAP_CASE_TIMEOUT (seconds) overrides it.</summary>
    public static TimeSpan Timeout { get; } = ReadTimeout();

    /// <summary>Stack of the thread a case runs on: deep Python recursion needs room.</summary>
    private const int StackBytes = 256 * 1024 * 1024;

    public static CaseRun Run(string relativeName)
    {
        if (Environment.GetEnvironmentVariable("REFHEAP_CONFORMANCE_INPROCESS") != "1")
        {
            return RunProcess(relativeName);
        }

        string fullPath = CaseCatalog.FullPath(relativeName);
        var stdout = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        TextWriter syncStdout = TextWriter.Synchronized(stdout);
        TextWriter syncStderr = TextWriter.Synchronized(stderr);
        var options = new RunOptions
        {
            Profile = AllocatorProfile.CPython311,
            Argv = [Path.GetFileName(fullPath)],
            Stdout = syncStdout,
            Stderr = syncStderr,
            // CPython is recorded from inside the case's directory, so os.getcwd() and relative
            // open() resolve there; the absolute path makes __file__, sys.path[0] and tracebacks right.
            WorkingDirectory = Path.GetDirectoryName(fullPath),
        };

        int? exitCode = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    exitCode = PythonEngine.RunFile(fullPath, options);
                }
#pragma warning disable CA1031 // Any engine failure is this case's failure, not the suite's.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    error = e;
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "conformance " + relativeName,
        };
        thread.Start();
        bool finished = thread.Join(Timeout);

        // A case that hangs is abandoned on its background thread; what it wrote so far is kept.
        return new CaseRun(
            Snapshot(syncStdout, stdout),
            Snapshot(syncStderr, stderr),
            finished ? exitCode : null,
            finished ? error : null,
            !finished);
    }

    /// <summary>Runs the case with the refheap command built next to this test assembly.</summary>
    private static CaseRun RunProcess(string relativeName)
    {
        return RunProcess(relativeName, "dotnet", Path.Combine(AppContext.BaseDirectory, "refheap.dll"));
    }

    /// <summary>Runs the case with the natively compiled refheap executable (eng/build-native).</summary>
    public static CaseRun RunNative(string relativeName, string executable)
    {
        return RunProcess(relativeName, executable, null);
    }

    private static CaseRun RunProcess(string relativeName, string program, string? firstArgument)
    {
        string fullPath = CaseCatalog.FullPath(relativeName);
        var psi = new System.Diagnostics.ProcessStartInfo(program)
        {
            WorkingDirectory = Path.GetDirectoryName(fullPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        if (firstArgument != null)
        {
            psi.ArgumentList.Add(firstArgument);
        }

        psi.ArgumentList.Add("--profile");
        psi.ArgumentList.Add("cpython311");
        psi.ArgumentList.Add("run");
        psi.ArgumentList.Add(Path.GetFileName(fullPath));
        psi.Environment["PYTHONHASHSEED"] = "0";

        // eng/record-expected runs CPython with nothing inherited from the shell; an inherited
        // PYTHONUNBUFFERED would make our standard streams write through (and print's objects
        // live shorter) where CPython's were buffered.
        psi.Environment.Remove("PYTHONUNBUFFERED");
        using var process = System.Diagnostics.Process.Start(psi)!;
        System.Threading.Tasks.Task<string> stdoutTask = process.StandardOutput.ReadToEndAsync();
        System.Threading.Tasks.Task<string> stderrTask = process.StandardError.ReadToEndAsync();
        bool finished = process.WaitForExit((int)Timeout.TotalMilliseconds);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new CaseRun(stdoutTask.Result, stderrTask.Result, finished ? process.ExitCode : null, null, !finished);
    }

    private static string Snapshot(TextWriter synchronizedWriter, StringWriter inner)
    {
        // The writer TextWriter.Synchronized returns locks on itself in every method.
        lock (synchronizedWriter)
        {
            return inner.ToString();
        }
    }

    private static TimeSpan ReadTimeout()
    {
        string? text = Environment.GetEnvironmentVariable("REFHEAP_CASE_TIMEOUT");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(60);
    }

    internal static byte[] Utf8(string text)
    {
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }
}
