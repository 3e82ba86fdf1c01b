using System;
using System.IO;
using Refheap.Memory;

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

    public TextWriter Stdout { get; init; } = Console.Out;

    public TextWriter Stderr { get; init; } = Console.Error;
}

/// <summary>
/// Runs Python programs on a fresh runtime, as `python3 script.py` and `python3 -c code` do:
/// the same stdout and stderr, the same exit status (1 for an uncaught exception, SystemExit's
/// code, 2 for a file that cannot be opened).
/// </summary>
public static class PythonEngine
{
    /// <summary>Runs a script file; returns the process exit status.</summary>
    public static int RunFile(string path, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException("the interpreter is not built yet");
    }

    /// <summary>Runs source text given on the command line (-c); returns the exit status.</summary>
    public static int RunCommand(string source, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException("the interpreter is not built yet");
    }
}
