using System;
using Refheap.Bench.Cli;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// One memory scenario in three phases, each measured after it by the runner:
/// <see cref="Build"/> grows the heap to its peak, <see cref="Release"/> frees what the
/// scenario frees, and <see cref="FreeRemaining"/> frees the survivors (not measured) so
/// the runner can check that every block came back. The constructor allocates every managed
/// array the phases need and touches its pages, so that they are part of the RSS baseline.
/// </summary>
public abstract class MemoryWorkload
{
    /// <summary>Grows the heap to the scenario's peak.</summary>
    public abstract void Build(Allocator allocator);

    /// <summary>Frees what the scenario frees; the survivors stay live for the measurement.</summary>
    public abstract void Release(Allocator allocator);

    /// <summary>Frees the survivors.</summary>
    public abstract void FreeRemaining(Allocator allocator);

    public static MemoryWorkload Create(string scenario, long n) => scenario switch
    {
        BenchOptions.FreeAll => new FreeAllWorkload(n),
        BenchOptions.Random10Pct => new Random10PctWorkload(n),
        BenchOptions.SparseSurvivors => new SparseSurvivorsWorkload(n),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Not a memory scenario."),
    };

    /// <summary>Writes every element, so the array's pages are resident before the baseline is taken.</summary>
    protected static void Touch<T>(T[] array)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(array);
        Array.Fill(array, default);
    }
}
