using System;
using System.Globalization;
using Refheap.Memory;

namespace Refheap.Bench.Cli;

/// <summary>A parsed command line of the scenario runner.</summary>
public sealed record BenchOptions
{
    public const string Pairs = "pairs";
    public const string PairsEmptyPool = "pairs-empty-pool";
    public const string FreeAll = "free-all";
    public const string SparseSurvivors = "sparse-survivors";
    public const string Random10Pct = "random-10pct";
    public const string All = "all";

    /// <summary>Alloc/free pairs timed per size (10M unless --iters says otherwise).</summary>
    public const long DefaultIterations = 10_000_000;

    public const string Usage =
        """
        usage: Refheap.Bench <scenario> [--profile cpython311|refheap|python24] [--n N] [--iters N]

        scenarios (each prints one JSON object per line on stdout):
          pairs             allocate/write/free pairs for sizes 16..512 with Refheap, glibc and mimalloc,
                            with one other block of the size live (as in a running interpreter)
          pairs-empty-pool  the same with nothing else live: every free empties the pool
          free-all          build N objects (1/3 floats, 1/3 2-tuples, 1/3 instances), free all (default N 5000000)
          sparse-survivors  path-enumerating BFS until the queue holds N paths, drop the queue,
                            keep the 0.1% "found" paths (default N 2500000)
          random-10pct      the free-all build, then keep a random 10% (default N 5000000)
          all               pairs, pairs-empty-pool, then the three memory scenarios for every profile

        options:
          --profile P  pairs: the profile of the Refheap allocator (default refheap);
                       memory scenarios and all: run only this profile (default: all three,
                       each in a fresh child process)
          --n N        memory scenarios and all: the size of the workload
          --iters N    pairs and all: timed pairs per allocator and size (default 10000000)
        """;

    public required string Scenario { get; init; }

    /// <summary>The profile given with --profile, or null for the default.</summary>
    public AllocatorProfile? Profile { get; init; }

    /// <summary>The --n given, or null for each scenario's default.</summary>
    public long? N { get; init; }

    public long Iterations { get; init; } = DefaultIterations;

    public static bool IsMemoryScenario(string scenario) =>
        scenario is FreeAll or SparseSurvivors or Random10Pct;

    public static long DefaultN(string scenario) => scenario == SparseSurvivors ? 2_500_000 : 5_000_000;

    /// <summary>Parses the arguments; throws <see cref="UsageException"/> for anything it cannot use.</summary>
    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            throw new UsageException("no scenario given");
        }

        string scenario = args[0];
        if (scenario is not (Pairs or PairsEmptyPool or FreeAll or SparseSurvivors or Random10Pct or All))
        {
            throw new UsageException($"unknown scenario '{scenario}'");
        }

        AllocatorProfile? profile = null;
        long? n = null;
        long? iterations = null;
        for (int i = 1; i < args.Length; i++)
        {
            string option = args[i];
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"'{option}' needs a value");
            }

            string value = args[++i];
            switch (option)
            {
                case "--profile":
                    if (!ProfileNames.TryParse(value, out AllocatorProfile parsed))
                    {
                        throw new UsageException($"unknown profile '{value}'");
                    }

                    profile = parsed;
                    break;
                case "--n":
                    if (scenario is Pairs or PairsEmptyPool)
                    {
                        throw new UsageException($"--n does not apply to {scenario} (use --iters)");
                    }

                    n = ParseCount(option, value, 3, 100_000_000);
                    break;
                case "--iters":
                    if (IsMemoryScenario(scenario))
                    {
                        throw new UsageException($"--iters does not apply to {scenario} (use --n)");
                    }

                    iterations = ParseCount(option, value, 1_000, 10_000_000_000);
                    break;
                default:
                    throw new UsageException($"unknown option '{option}'");
            }
        }

        return new BenchOptions
        {
            Scenario = scenario,
            Profile = profile,
            N = n,
            Iterations = iterations ?? DefaultIterations,
        };
    }

    private static long ParseCount(string option, string value, long min, long max)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long count)
            || count < min || count > max)
        {
            throw new UsageException($"{option} must be a whole number from {min} to {max}, not '{value}'");
        }

        return count;
    }
}
