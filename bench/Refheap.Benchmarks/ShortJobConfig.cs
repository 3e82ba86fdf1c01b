using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using Refheap.Bench.Pairs;

namespace Refheap.Benchmarks;

/// <summary>
/// BenchmarkDotNet's defaults, with a shorter job (one launch, 3 warm-up and 10 measured
/// iterations of about 250 ms), so that the whole suite runs in minutes; and without the
/// mimalloc benchmarks when Debian's libmimalloc2.0 is not installed.
/// </summary>
public static class ShortJobConfig
{
    public const string MimallocCategory = "mimalloc";

    public static IConfig Create(bool mimallocPresent)
    {
        Job job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short");
        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job);
        if (!mimallocPresent)
        {
            config.AddFilter(new SimpleFilter(b => !b.Descriptor.Categories.Contains(MimallocCategory, StringComparer.Ordinal)));
        }

        return config;
    }

    /// <summary>Loads mimalloc, or says on stderr that its benchmarks are skipped.</summary>
    public static bool ProbeMimalloc()
    {
        if (MimallocLibrary.TryLoad() != null)
        {
            return true;
        }

        Console.Error.WriteLine($"{MimallocLibrary.MissingMessage} (skipping the mimalloc benchmarks)");
        return false;
    }
}
