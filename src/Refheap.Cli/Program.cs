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
        "usage: refheap [--profile cpython311|refheap] [--max-memory SIZE] (run script.py | -c code) [args...]";

    private static int Main(string[] args)
    {
        var profile = AllocatorProfile.Refheap;
        long maxBytes = 0;
        int i = 0;
        while (i < args.Length && args[i].StartsWith("--", StringComparison.Ordinal))
        {
            string option = args[i];
            if (i + 1 >= args.Length)
            {
                return Fail($"refheap: option {option} needs a value");
            }

            string value = args[i + 1];
            switch (option)
            {
                case "--profile":
                    if (!TryParseProfile(value, out profile))
                    {
                        return Fail($"refheap: unknown profile '{value}' (cpython311, refheap)");
                    }

                    break;
                case "--max-memory":
                    if (!TryParseSize(value, out maxBytes))
                    {
                        return Fail($"refheap: bad size '{value}' (e.g. 64M, 1G, 500000)");
                    }

                    break;
                default:
                    return Fail($"refheap: unknown option {option}\n{Usage}");
            }

            i += 2;
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
            var options = new RunOptions { Profile = profile, MaxBytes = maxBytes, Argv = argv };
            return PythonEngine.RunCommand(args[i + 1], options);
        }

        if (args[i] == "run")
        {
            if (i + 1 >= args.Length)
            {
                return Fail("refheap run: a script path is needed\n" + Usage);
            }

            string[] argv = args[(i + 1)..];
            var options = new RunOptions { Profile = profile, MaxBytes = maxBytes, Argv = argv };
            return PythonEngine.RunFile(args[i + 1], options);
        }

        return Fail(Usage);
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
}
