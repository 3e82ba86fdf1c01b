using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Refheap.Bench.Cli;
using Refheap.Memory;

namespace Refheap.Bench.Pairs;

/// <summary>
/// Alloc/free pairs: allocate one block, write one byte through a volatile write, free it,
/// for every size class 16..512. With <c>liveNeighbour</c> (the <c>pairs</c> scenario) one
/// other block of the same size stays allocated throughout, for every allocator: that is the
/// situation of CPython's own figure (measured inside a running interpreter, whose objects
/// keep every pool in use), and of any real heap. Without it (<c>pairs-empty-pool</c>) each
/// free empties the pool, so pymalloc moves the pool to its arena's free list and back on
/// every pair. Each allocator is timed in <see cref="Chunks"/> chunks of
/// iterations/<see cref="Chunks"/> pairs after a warm-up, and the median chunk is reported,
/// so one descheduling on a shared machine does not move the figure.
/// </summary>
public static unsafe class PairsScenario
{
    public const int Chunks = 5;

    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(1);

    public const string RefheapName = "refheap";
    public const string GlibcName = "glibc";
    public const string MimallocName = "mimalloc";

    /// <summary>16, 32, ..., 512: one request size per pymalloc size class.</summary>
    public static IReadOnlyList<int> Sizes { get; } = BuildSizes();

    public static int Run(AllocatorProfile profile, long iterations, bool liveNeighbour)
    {
        string scenario = liveNeighbour ? BenchOptions.Pairs : BenchOptions.PairsEmptyPool;
        MimallocLibrary? mimalloc = MimallocLibrary.TryLoad();
        if (mimalloc == null)
        {
            Console.Error.WriteLine(MimallocLibrary.MissingMessage);
        }

        long chunk = Math.Max(1, iterations / Chunks);
        long warmUp = Math.Min(1_000_000, Math.Max(1, iterations / 10));
        using var allocator = new Allocator(new AllocatorOptions { Profile = profile });
        var kernels = new List<(string Name, Action<int, long> Pairs)>
        {
            (RefheapName, (size, n) => RefheapPairs(allocator, size, n, liveNeighbour)),
            (GlibcName, (size, n) => GlibcPairs(size, n, liveNeighbour)),
        };
        if (mimalloc != null)
        {
            kernels.Add((MimallocName, (size, n) => MimallocPairs(mimalloc.Malloc, mimalloc.Free, size, n, liveNeighbour)));
        }

        WarmUpAll(kernels);
        foreach (int size in Sizes)
        {
            foreach ((string name, Action<int, long> pairs) in kernels)
            {
                Emit(scenario, name, size, Measure(chunk, warmUp, n => pairs(size, n)));
            }
        }

        return 0;
    }

    /// <summary>
    /// Runs every kernel at every size for at least <see cref="s_warmUpTime"/>, so that the
    /// allocators' slow paths (in other assemblies, tiered) reach their final code before
    /// the first timing.
    /// </summary>
    private static void WarmUpAll(List<(string Name, Action<int, long> Pairs)> kernels)
    {
        long start = Stopwatch.GetTimestamp();
        do
        {
            foreach ((string _, Action<int, long> pairs) in kernels)
            {
                foreach (int size in Sizes)
                {
                    pairs(size, 10_000);
                }
            }
        }
        while (Stopwatch.GetElapsedTime(start) < s_warmUpTime);
    }

    /// <summary>Median nanoseconds per pair over <see cref="Chunks"/> timed chunks.</summary>
    private static double Measure(long chunk, long warmUp, Action<long> pairs)
    {
        pairs(warmUp);
        var perPair = new double[Chunks];
        for (int i = 0; i < Chunks; i++)
        {
            long start = Stopwatch.GetTimestamp();
            pairs(chunk);
            long ticks = Stopwatch.GetTimestamp() - start;
            perPair[i] = ticks * (1e9 / Stopwatch.Frequency) / chunk;
        }

        Array.Sort(perPair);
        return perPair[Chunks / 2];
    }

    private static void Emit(string scenario, string allocator, int size, double nsPerPair) =>
        new JsonLine()
            .Add("scenario", scenario)
            .Add("allocator", allocator)
            .Add("size", size)
            .Add("ns_per_pair", nsPerPair, 3)
            .WriteLine();

    // The kernels are compiled fully optimised at once: the timed code must not change tier
    // in the middle of a measurement.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RefheapPairs(Allocator allocator, nint size, long count, bool liveNeighbour)
    {
        void* neighbour = liveNeighbour ? allocator.Allocate(size) : null;
        for (long i = 0; i < count; i++)
        {
            byte* p = (byte*)allocator.Allocate(size);
            Volatile.Write(ref *p, (byte)1);
            allocator.Free(p);
        }

        allocator.Free(neighbour);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GlibcPairs(nint size, long count, bool liveNeighbour)
    {
        void* neighbour = liveNeighbour ? NativeMemory.Alloc((nuint)size) : null;
        for (long i = 0; i < count; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc((nuint)size);
            Volatile.Write(ref *p, (byte)1);
            NativeMemory.Free(p);
        }

        NativeMemory.Free(neighbour);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MimallocPairs(delegate* unmanaged<nuint, void*> malloc, delegate* unmanaged<void*, void> free, nint size, long count, bool liveNeighbour)
    {
        void* neighbour = liveNeighbour ? malloc((nuint)size) : null;
        for (long i = 0; i < count; i++)
        {
            byte* p = (byte*)malloc((nuint)size);
            if (p == null)
            {
                throw new InvalidOperationException("mi_malloc returned null.");
            }

            Volatile.Write(ref *p, (byte)1);
            free(p);
        }

        if (neighbour != null)
        {
            free(neighbour);
        }
    }

    private static int[] BuildSizes()
    {
        var sizes = new int[SizeClasses.Count];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = SizeClasses.BlockSize(i);
        }

        return sizes;
    }
}
