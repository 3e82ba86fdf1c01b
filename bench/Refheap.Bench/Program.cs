using System;
using Refheap.Bench.Cli;
using Refheap.Bench.Memory;
using Refheap.Bench.Pairs;
using Refheap.Bench.Runtime;
using Refheap.Memory;

namespace Refheap.Bench;

/// <summary>
/// The scenario runner: <c>Refheap.Bench &lt;scenario&gt; [--profile P] [--n N] [--iters N]</c>.
/// Prints one JSON object per line on stdout; messages go to stderr.
/// Exit codes: 0 done, 1 a scenario failed, 2 bad arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help")
        {
            Console.Out.WriteLine(BenchOptions.Usage);
            return 0;
        }

        if (args.Length > 0 && RuntimeScenarioOptions.IsRuntimeScenario(args[0]))
        {
            try
            {
                return RuntimeScenarios.Run(RuntimeScenarioOptions.Parse(args));
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine(RuntimeScenarioOptions.Usage);
                return 2;
            }
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(BenchOptions.Usage);
            Console.Error.WriteLine(RuntimeScenarioOptions.Usage);
            return 2;
        }

        return options.Scenario switch
        {
            BenchOptions.Pairs => PairsScenario.Run(options.Profile ?? AllocatorProfile.Refheap, options.Iterations, liveNeighbour: true),
            BenchOptions.PairsEmptyPool => PairsScenario.Run(options.Profile ?? AllocatorProfile.Refheap, options.Iterations, liveNeighbour: false),
            BenchOptions.All => RunAll(options),
            _ => RunMemoryScenario(options.Scenario, options),
        };
    }

    private static int RunAll(BenchOptions options)
    {
        int status = PairsScenario.Run(options.Profile ?? AllocatorProfile.Refheap, options.Iterations, liveNeighbour: true);
        status = Math.Max(status, PairsScenario.Run(options.Profile ?? AllocatorProfile.Refheap, options.Iterations, liveNeighbour: false));
        foreach (string scenario in new[] { BenchOptions.FreeAll, BenchOptions.SparseSurvivors, BenchOptions.Random10Pct })
        {
            status = Math.Max(status, RunMemoryScenario(scenario, options));
        }

        return status;
    }

    /// <summary>One profile runs here; no profile means all three, each in a child process.</summary>
    private static int RunMemoryScenario(string scenario, BenchOptions options)
    {
        long n = options.N ?? BenchOptions.DefaultN(scenario);
        if (options.Scenario != BenchOptions.All && options.Profile is AllocatorProfile profile)
        {
            return MemoryScenarioRunner.Run(scenario, profile, n);
        }

        int status = 0;
        foreach (AllocatorProfile each in options.Profile is AllocatorProfile only ? [only] : ProfileNames.All)
        {
            status = Math.Max(status, ChildProcesses.RunScenario(scenario, each, n));
        }

        return status;
    }
}
