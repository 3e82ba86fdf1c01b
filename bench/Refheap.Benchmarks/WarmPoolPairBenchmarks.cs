using System;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Refheap.Memory;

namespace Refheap.Benchmarks;

/// <summary>
/// The pairs of <see cref="PairBenchmarks"/>, but with one other block of the same size
/// class allocated for the whole run. In <see cref="PairBenchmarks"/> every free empties
/// the pool, which goes back to its arena (insert_to_freepool) and is taken again by the
/// next allocation (allocate_from_new_pool), as in CPython; here the pool stays in use, so
/// each pair is the allocation and free fast paths alone.
/// </summary>
public unsafe class WarmPoolPairBenchmarks : IDisposable
{
    private const int PairsPerInvoke = 1024;

    private readonly Allocator _refheap = new(new AllocatorOptions { Profile = AllocatorProfile.Refheap });
    private readonly Allocator _cpython311 = new(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
    private void* _keptRefheap;
    private void* _keptCPython311;
    private void* _keptGlibc;

    [Params(16, 64, 256, 512)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keptRefheap = _refheap.Allocate(Size);
        _keptCPython311 = _cpython311.Allocate(Size);
        _keptGlibc = NativeMemory.Alloc((nuint)Size);
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
    public void RefheapProfile() => RefheapPairs(_refheap, Size);

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public void CPython311Profile() => RefheapPairs(_cpython311, Size);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        if (_keptGlibc != null)
        {
            _refheap.Free(_keptRefheap);
            _cpython311.Free(_keptCPython311);
            NativeMemory.Free(_keptGlibc);
            _keptGlibc = null;
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
