using System;
using System.Globalization;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Hosting;

namespace Refheap.Cli;

/// <summary>
/// The `refheap` command: `refheap run script.py [args]` and `refheap -c "code" [args]`
/// behave as python3 does, with `--profile cpython311|refheap` and `--max-memory SIZE`.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: refheap [--profile cpython311|refheap] [--max-memory SIZE] [-u] (run script.py | script.py | -c code) [args...]";

    private const string Help = Usage + """


        Runs a Python 3.11 script on Refheap's runtime, as python3 runs it.

          run script.py [args]  run a script (also: refheap script.py [args]); options may
                                also come between `run` and the script
          -c code [args]        run a program passed as a string
          --profile NAME        allocator and collector: refheap (default; bounded collector
                                pauses, page-level release) or cpython311 (exactly 3.11's)
          --max-memory SIZE     cap the heap (e.g. 500000, 64M, 2G); going over it raises
                                MemoryError inside the program
          -u                    unbuffered stdout and stderr (also: PYTHONUNBUFFERED set to
                                a non-empty string); by default stdout is block-buffered
                                unless it is a terminal, as python3's
          -h, --help            print this help and exit
          -V, --version         print the version and exit

        Arguments after the script (or after -c code) are the program's sys.argv[1:].
        """;

    private static int Main(string[] args)
    {
        var settings = new Settings();
        int i = 0;
        int status = ParseOptions(args, ref i, settings);
        if (status >= 0)
        {
            return status;
        }

        if (i >= args.Length)
        {
            return Fail(Usage);
        }

        if (args[i] == "-c")
        {
            if (i + 1 >= args.Length)
            {
                return Fail("Argument expected for the -c option\n" + Usage);
            }

            string[] argv = ["-c", .. args[(i + 2)..]];
            return PythonEngine.RunCommand(args[i + 1], settings.Options(argv));
        }

        if (args[i] == "run")
        {
            i++;
            status = ParseOptions(args, ref i, settings);
            if (status >= 0)
            {
                return status;
            }

            if (i >= args.Length)
            {
                return Fail("refheap run: a script path is needed\n" + Usage);
            }
        }

        string[] scriptArgv = args[i..];
        return PythonEngine.RunFile(args[i], settings.Options(scriptArgv));
    }

    /// <summary>
    /// Reads options from <paramref name="i"/> on (`--name value` or `--name=value`); stops at
    /// the first argument that is not one. Returns an exit status when the command is done
    /// (help, version, a bad option), or -1 to go on.
    /// </summary>
    private static int ParseOptions(string[] args, ref int i, Settings settings)
    {
        while (i < args.Length && args[i].StartsWith('-') && args[i] != "-c" && args[i] != "-")
        {
            string option = args[i];
            switch (option)
            {
                case "-h" or "--help":
                    Console.Out.WriteLine(Help);
                    return 0;
                case "-V" or "--version":
                    Console.Out.WriteLine($"refheap {Version()} (Python 3.11.7 semantics)");
                    return 0;
                case "-u":
                    settings.Unbuffered = true;
                    i++;
                    continue;
            }

            string? value = null;
            int eq = option.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                value = option[(eq + 1)..];
                option = option[..eq];
            }
            else if (option is "--profile" or "--max-memory")
            {
                if (i + 1 >= args.Length)
                {
                    return Fail($"refheap: option {option} needs a value");
                }

                value = args[++i];
            }

            switch (option)
            {
                case "--profile":
                    if (!TryParseProfile(value!, out settings.Profile))
                    {
                        return Fail($"refheap: unknown profile '{value}' (cpython311, refheap)");
                    }

                    break;
                case "--max-memory":
                    if (!TryParseSize(value!, out settings.MaxBytes))
                    {
                        return Fail($"refheap: bad size '{value}' (e.g. 64M, 1G, 500000)");
                    }

                    break;
                default:
                    return Fail($"refheap: unknown option {option}\n{Usage}");
            }

            i++;
        }

        return -1;
    }

    private static string Version()
    {
        Version? v = typeof(Program).Assembly.GetName().Version;
        return v == null ? "0.0" : v.ToString(3);
    }

    private static bool TryParseProfile(string text, out AllocatorProfile profile)
    {
        switch (text.ToLowerInvariant())
        {
            case "cpython311":
                profile = AllocatorProfile.CPython311;
                return true;
            case "refheap":
                profile = AllocatorProfile.Refheap;
                return true;
            default:
                profile = AllocatorProfile.Refheap;
                return false;
        }
    }

    /// <summary>Parses 500000, 64K, 64M, 2G (binary multiples), with an optional trailing B or iB.</summary>
    internal static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        string t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal))
        {
            t = t[..^2];
        }
        else if (t.EndsWith('B'))
        {
            t = t[..^1];
        }

        long multiplier = 1;
        if (t.Length > 0 && "KMG".Contains(t[^1], StringComparison.Ordinal))
        {
            multiplier = t[^1] switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            t = t[..^1];
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0 || n > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = n * multiplier;
        return true;
    }

    private static int Fail(string message)
    {
        TextWriter err = Console.Error;
        err.WriteLine(message);
        return 2;
    }

    /// <summary>What the options chose.</summary>
    private sealed class Settings
    {
        public AllocatorProfile Profile = AllocatorProfile.Refheap;
        public long MaxBytes;

        // python3: PYTHONUNBUFFERED set to a non-empty string is -u.
        public bool Unbuffered = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PYTHONUNBUFFERED"));

        public RunOptions Options(string[] argv) => new() { Profile = Profile, MaxBytes = MaxBytes, Argv = argv, Unbuffered = Unbuffered };
    }
}
