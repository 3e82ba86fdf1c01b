using System;
using Refheap.Bench.Cli;
using Refheap.Memory;
using Refheap.Memory.Platform;

namespace Refheap.Bench.Memory;

/// <summary>
/// Runs one memory scenario for one profile in this process and prints its JSON line.
/// RSS is taken three times, each after a full managed collection: at the start (the
/// allocator created, the managed arrays allocated and touched), at the peak (built), and
/// after the scenario's frees.
/// </summary>
public static class MemoryScenarioRunner
{
    private const double MiB = 1024.0 * 1024.0;

    /// <summary>Objects in the warm-up run, which gets the scenario's code compiled before the baseline.</summary>
    private const long WarmUpN = 3_000;

    public static int Run(string scenario, AllocatorProfile profile, long n)
    {
        var options = new AllocatorOptions { Profile = profile };
        int warmUpStatus = RunPhases(scenario, options, Math.Min(n, WarmUpN), measure: false);
        if (warmUpStatus != 0)
        {
            return warmUpStatus;
        }

        return RunPhases(scenario, options, n, measure: true);
    }

    private static int RunPhases(string scenario, AllocatorOptions options, long n, bool measure)
    {
        MemoryWorkload workload = MemoryWorkload.Create(scenario, n);
        using var allocator = new Allocator(options);

        long start = Rss();
        workload.Build(allocator);
        long peak = Rss();
        workload.Release(allocator);
        long after = Rss();
        AllocatorStatistics afterStats = allocator.GetStatistics();
        workload.FreeRemaining(allocator);

        AllocatorStatistics end = allocator.GetStatistics();
        if (end.AllocatedBlocks != 0 || end.RawBytes != 0)
        {
            Console.Error.WriteLine(
                $"{scenario} ({ProfileNames.Name(options.Profile)}): the allocator still holds {end.AllocatedBlocks} blocks "
                + $"({end.BytesInAllocatedBlocks} bytes in pools, {end.RawBytes} raw bytes) after everything was freed");
            return 1;
        }

        if (measure)
        {
            double live = (afterStats.BytesInAllocatedBlocks + afterStats.RawBytes) / MiB;
            double grown = peak - start;
            new JsonLine()
                .Add("scenario", scenario)
                .Add("profile", ProfileNames.Name(options.Profile))
                .Add("rss_start_mib", start / MiB, 2)
                .Add("rss_peak_mib", peak / MiB, 2)
                .Add("rss_after_mib", after / MiB, 2)
                .Add("live_mib", live, 2)
                .Add("fraction_returned", grown > 0 ? (peak - after) / grown : double.NaN, 3)
                .WriteLine();
        }

        GC.KeepAlive(workload);
        return 0;
    }

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return OsMemory.ResidentSetBytes();
    }
}
