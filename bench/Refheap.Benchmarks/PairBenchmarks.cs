using System;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Refheap.Bench.Pairs;
using Refheap.Memory;

namespace Refheap.Benchmarks;

/// <summary>
/// Alloc/free pairs of one size: allocate, write one byte through a volatile write, free.
/// One operation is one pair. glibc and mimalloc are called through P/Invoke and function
/// pointers, so their figures include two managed-to-native transitions per pair.
/// With <see cref="LiveNeighbour"/> one other block of the size stays allocated, for every
/// allocator: pymalloc's pool then stays in use, as in a running interpreter; without it
/// every free empties the pool (insert_to_freepool, then allocate_from_new_pool).
/// </summary>
public unsafe class PairBenchmarks : IDisposable
{
    private const int PairsPerInvoke = 1024;

    private readonly Allocator _refheap = new(new AllocatorOptions { Profile = AllocatorProfile.Refheap });
    private readonly Allocator _cpython311 = new(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
    private readonly MimallocLibrary? _mimalloc = MimallocLibrary.TryLoad();
    private void* _keptGlibc;
    private void* _keptMimalloc;

    [Params(16, 64, 256, 512)]
    public int Size { get; set; }

    [Params(false, true)]
    public bool LiveNeighbour { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!LiveNeighbour)
        {
            return;
        }

        // The allocators free their neighbours when they are disposed.
        _refheap.Allocate(Size);
        _cpython311.Allocate(Size);
        _keptGlibc = NativeMemory.Alloc((nuint)Size);
        _keptMimalloc = _mimalloc != null ? _mimalloc.Malloc((nuint)Size) : null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PairsPerInvoke)]
    public void Glibc()
    {
        nuint size = (nuint)Size;
        for (int i = 0; i < PairsPerInvoke; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc(size);
            Volatile.Write(ref *p, (byte)1);
            NativeMemory.Free(p);
        }
    }

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    [BenchmarkCategory(ShortJobConfig.MimallocCategory)]
    public void Mimalloc()
    {
        MimallocLibrary mimalloc = _mimalloc ?? throw new InvalidOperationException(MimallocLibrary.MissingMessage);
        delegate* unmanaged<nuint, void*> malloc = mimalloc.Malloc;
        delegate* unmanaged<void*, void> free = mimalloc.Free;
        nuint size = (nuint)Size;
        for (int i = 0; i < PairsPerInvoke; i++)
        {
            byte* p = (byte*)malloc(size);
            Volatile.Write(ref *p, (byte)1);
            free(p);
        }
    }

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public void RefheapProfile() => RefheapPairs(_refheap, Size);

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public void CPython311Profile() => RefheapPairs(_cpython311, Size);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        NativeMemory.Free(_keptGlibc);
        _keptGlibc = null;
        if (_keptMimalloc != null)
        {
            _mimalloc!.Free(_keptMimalloc);
            _keptMimalloc = null;
        }

        _refheap.Dispose();
        _cpython311.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void RefheapPairs(Allocator allocator, nint size)
    {
        for (int i = 0; i < PairsPerInvoke; i++)
        {
            byte* p = (byte*)allocator.Allocate(size);
            Volatile.Write(ref *p, (byte)1);
            allocator.Free(p);
        }
    }
}
