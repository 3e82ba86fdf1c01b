using System;
using System.IO;
using System.Text;
using System.Threading;
using Refheap.Memory;
using Refheap.Python.Vm;
using Refheap.Runtime;

namespace Refheap.Python.Hosting;

/// <summary>What a run of the interpreter is given: like python3's command line.</summary>
public sealed class RunOptions
{
    /// <summary>The allocator and collector profile (the `refheap` command's --profile).</summary>
    public AllocatorProfile Profile { get; init; } = AllocatorProfile.Refheap;

    /// <summary>Heap cap in bytes (--max-memory); 0 means none. Going over raises MemoryError.</summary>
    public long MaxBytes { get; init; }

    /// <summary>sys.argv as the program sees it (argv[0] is the script path, or '-c').</summary>
    public string[] Argv { get; init; } = [];

    /// <summary>The directory relative paths resolve against (os.getcwd()); null means the process's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Unbuffered standard streams (python3 -u); applies to the default Stdout and Stderr.</summary>
    public bool Unbuffered { get; init; }

    /// <summary>Where sys.stdout writes; by default the process's stdout, buffered as CPython does (<see cref="StandardStreams"/>).</summary>
    public TextWriter Stdout
    {
        get => _stdout ??= StandardStreams.OpenStdout(Unbuffered);
        init => _stdout = value;
    }

    /// <summary>Where sys.stderr writes; by default the process's stderr, line-buffered.</summary>
    public TextWriter Stderr
    {
        get => _stderr ??= StandardStreams.OpenStderr(Unbuffered);
        init => _stderr = value;
    }

    /// <summary>What sys.stdin and input() read; null (the default) means the process's stdin, opened on first read.</summary>
    public TextReader? Stdin { get; init; }

    private TextWriter? _stdout;
    private TextWriter? _stderr;
}

/// <summary>
/// Runs Python programs on a fresh runtime, as `python3 script.py` and `python3 -c code` do:
/// the same stdout and stderr, the same exit status (1 for an uncaught exception, SystemExit's
/// code, 2 for a file that cannot be opened). Each run gets a thread with a large stack, so
/// deep Python recursion ends in RecursionError, never in a crashed process.
/// </summary>
public static class PythonEngine
{
    private const int StackSize = 256 * 1024 * 1024;

    /// <summary>Runs a script file; returns the process exit status.</summary>
    public static int RunFile(string path, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string cwd = options.WorkingDirectory ?? Directory.GetCurrentDirectory();
        string full = Path.GetFullPath(path, cwd);
        if (!File.Exists(full))
        {
            options.Stderr.Write($"python3: can't open file '{full}': [Errno 2] No such file or directory\n");
            options.Stderr.Flush();
            return 2;
        }

        byte[] source = File.ReadAllBytes(full);
        return RunOnBigStack(() => Run(source, full, Path.GetDirectoryName(full)!, options, cwd));
    }

    /// <summary>Runs source text given on the command line (-c); returns the exit status.</summary>
    public static int RunCommand(string source, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        string cwd = options.WorkingDirectory ?? Directory.GetCurrentDirectory();
        return RunOnBigStack(() => Run(Encoding.UTF8.GetBytes(source), "<string>", "", options, cwd));
    }

    private static int RunOnBigStack(Func<int> body)
    {
        int result = 1;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = body();
                }
#pragma warning disable CA1031 // The host gets the failure back on its own thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        if (failure != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }

    private static int Run(byte[] source, string filename, string scriptDir, RunOptions options, string cwd)
    {
        bool debug = Environment.GetEnvironmentVariable("REFHEAP_DEBUG_ALLOCATOR") == "1";
        var rt = new PyRuntime(new RuntimeOptions { Profile = options.Profile, MaxBytes = options.MaxBytes, DebugAllocator = debug });
        int exit;
        try
        {
            using var interp = new Interpreter(rt, options.Stdout, options.Stderr, options.Argv, cwd) { Stdin = options.Stdin };
            exit = interp.RunMain(source, filename, scriptDir);
        }
        finally
        {
            // Always give the heap back, even when the interpreter failed: an allocator left to
            // the .NET finalizer would release its memory at an arbitrary later time.
            rt.Dispose();
        }

        try
        {
            options.Stdout.Flush();
            options.Stderr.Flush();
        }
        catch (IOException)
        {
            // Reported at shutdown already (flush_std_files); the status says it.
            exit = 120;
        }

        return exit;
    }
}
