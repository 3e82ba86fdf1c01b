using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Refheap.Bench.Pairs;
using Refheap.Memory;

namespace Refheap.Benchmarks;

/// <summary>
/// One million allocations of one size (one byte written to each), then all of them freed
/// in allocation order. One operation is one allocation plus its free. Freeing everything
/// empties the pools and arenas, so the profiles' release policies are part of the cost.
/// </summary>
public unsafe class BulkBenchmarks : IDisposable
{
    private const int Blocks = 1_000_000;

    private readonly nint[] _blocks = new nint[Blocks];
    private readonly Allocator _refheap = new(new AllocatorOptions { Profile = AllocatorProfile.Refheap });
    private readonly Allocator _cpython311 = new(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
    private readonly MimallocLibrary? _mimalloc = MimallocLibrary.TryLoad();

    [Params(32, 256)]
    public int Size { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Blocks)]
    public void Glibc()
    {
        nuint size = (nuint)Size;
        nint[] blocks = _blocks;
        for (int i = 0; i < blocks.Length; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc(size);
            *p = 1;
            blocks[i] = (nint)p;
        }

        for (int i = 0; i < blocks.Length; i++)
        {
            NativeMemory.Free((void*)blocks[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Blocks)]
    [BenchmarkCategory(ShortJobConfig.MimallocCategory)]
    public void Mimalloc()
    {
        MimallocLibrary mimalloc = _mimalloc ?? throw new InvalidOperationException(MimallocLibrary.MissingMessage);
        delegate* unmanaged<nuint, void*> malloc = mimalloc.Malloc;
        delegate* unmanaged<void*, void> free = mimalloc.Free;
        nuint size = (nuint)Size;
        nint[] blocks = _blocks;
        for (int i = 0; i < blocks.Length; i++)
        {
            byte* p = (byte*)malloc(size);
            *p = 1;
            blocks[i] = (nint)p;
        }

        for (int i = 0; i < blocks.Length; i++)
        {
            free((void*)blocks[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Blocks)]
    public void RefheapProfile() => AllocateAndFreeAll(_refheap, Size, _blocks);

    [Benchmark(OperationsPerInvoke = Blocks)]
    public void CPython311Profile() => AllocateAndFreeAll(_cpython311, Size, _blocks);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _refheap.Dispose();
        _cpython311.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void AllocateAndFreeAll(Allocator allocator, nint size, nint[] blocks)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            byte* p = (byte*)allocator.Allocate(size);
            *p = 1;
            blocks[i] = (nint)p;
        }

        for (int i = 0; i < blocks.Length; i++)
        {
            allocator.Free((void*)blocks[i]);
        }
    }
}
