using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>Size classes and the used/full/empty pool transitions (obmalloc.c, 3.11).</summary>
public unsafe class PoolTests
{
    private static Allocator CPython() => new(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });

    [Fact]
    public void Geometry_matches_CPython_3_11()
    {
        Assert.Equal(48, sizeof(PoolHeader));
        Assert.Equal(48, SizeClasses.PoolOverhead);
        Assert.Equal(32, SizeClasses.Count);
        Assert.Equal(1 << 20, SizeClasses.ArenaSize);
        Assert.Equal(1021, SizeClasses.BlocksPerPool(0, 16384));
        Assert.Equal(31, SizeClasses.BlocksPerPool(31, 16384));
        Assert.Equal(253, SizeClasses.BlocksPerPool(0, 4096));
        Assert.Equal(7, SizeClasses.BlocksPerPool(31, 4096));
        using Allocator heap = CPython();
        Assert.Equal(16384, heap.PoolSize);
        using var refheap = new Allocator();
        Assert.Equal(4096, refheap.PoolSize);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 32)]
    [InlineData(33, 48)]
    [InlineData(500, 512)]
    [InlineData(512, 512)]
    public void Request_maps_to_its_size_class(int request, int blockSize)
    {
        using Allocator heap = CPython();
        void* p = heap.Allocate(request);
        Assert.Equal(blockSize, heap.BlockSizeOf(p));
        Assert.True(heap.IsSmallBlockAddress(p));
        Assert.Equal(0, (long)p % 16);
        heap.Free(p);
        heap.AssertValid();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(513)]
    [InlineData(100_000)]
    public void Zero_and_large_requests_go_to_the_raw_allocator(int request)
    {
        using Allocator heap = CPython();
        void* p = heap.Allocate(request);
        Assert.False(heap.IsSmallBlockAddress(p));
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(1, stats.RawBlocks);
        Assert.Equal(Math.Max(1, request), stats.RawBytes);
        Assert.Equal(0, stats.ArenasCurrent);
        heap.Free(p);
        Assert.Equal(0, heap.GetStatistics().RawBlocks);
    }

    [Fact]
    public void A_new_pool_hands_out_blocks_in_address_order_after_its_header()
    {
        using Allocator heap = CPython();
        byte* a = (byte*)heap.Allocate(64);
        byte* b = (byte*)heap.Allocate(64);
        byte* c = (byte*)heap.Allocate(64);
        Assert.Equal(heap.PoolOf(a) + 48, (nuint)a);
        Assert.Equal(64, b - a);
        Assert.Equal(64, c - b);
        heap.AssertValid();
    }

    [Fact]
    public void Freed_blocks_are_reused_last_in_first_out()
    {
        using Allocator heap = CPython();
        void* a = heap.Allocate(32);
        void* b = heap.Allocate(32);
        void* keep = heap.Allocate(32);
        heap.Free(a);
        heap.Free(b);
        Assert.Equal((nint)b, (nint)heap.Allocate(32));
        Assert.Equal((nint)a, (nint)heap.Allocate(32));
        Assert.NotEqual((nint)keep, (nint)a);
        heap.AssertValid();
    }

    [Fact]
    public void A_pool_becomes_full_and_then_used_again_at_the_front_of_its_list()
    {
        using Allocator heap = CPython();
        const int size = 512;
        int capacity = SizeClasses.BlocksPerPool(31, heap.PoolSize);
        var first = new List<nint>();
        for (int i = 0; i < capacity; i++)
        {
            first.Add((nint)heap.Allocate(size));
        }

        AllocatorStatistics full = heap.GetStatistics();
        Assert.Equal(1, full.FullPools);
        Assert.Equal(0, full.UsedPools);

        // The next request carves a second pool.
        void* other = heap.Allocate(size);
        Assert.NotEqual(heap.PoolOf((void*)first[0]), heap.PoolOf(other));
        Assert.Equal(1, heap.GetStatistics().UsedPools);

        // Freeing one block of the full pool puts it at the front of the used list, so the
        // next request is served from it (the block just freed), not from the second pool.
        void* freed = (void*)first[10];
        heap.Free(freed);
        AllocatorStatistics after = heap.GetStatistics();
        Assert.Equal(0, after.FullPools);
        Assert.Equal(2, after.UsedPools);
        Assert.Equal((nint)freed, (nint)heap.Allocate(size));
        heap.AssertValid();
    }

    [Fact]
    public void An_empty_pool_keeps_its_class_and_free_list_for_the_same_class()
    {
        using Allocator heap = CPython();
        void* anchor = heap.Allocate(16);
        void* a = heap.Allocate(48);
        void* b = heap.Allocate(48);
        nuint pool = heap.PoolOf(a);
        heap.Free(a);
        heap.Free(b);
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(1, stats.EmptyPools);
        Assert.Equal(0, stats.Classes[2].Pools);

        // Same class: the pool is taken back and its free list is intact (last freed first).
        void* again = heap.Allocate(48);
        Assert.Equal(pool, heap.PoolOf(again));
        Assert.Equal((nint)b, (nint)again);
        heap.Free(again);
        heap.Free(anchor);
        heap.AssertValid();
    }

    [Fact]
    public void An_empty_pool_is_reinitialised_for_another_class()
    {
        using Allocator heap = CPython();
        void* anchor = heap.Allocate(16);
        void* a = heap.Allocate(48);
        nuint pool = heap.PoolOf(a);
        heap.Free(a);

        // The empty pool is the only free pool carved so far; another class re-initialises it.
        byte* c = (byte*)heap.Allocate(200);
        Assert.Equal(pool, heap.PoolOf(c));
        Assert.Equal(pool + 48, (nuint)c);
        Assert.Equal(208, heap.BlockSizeOf(c));
        heap.Free(c);
        heap.Free(anchor);
        heap.AssertValid();
    }

    [Fact]
    public void Blocks_in_use_per_class_are_counted_exactly()
    {
        using Allocator heap = CPython();
        var blocks = new List<nint>();
        for (int i = 0; i < 5000; i++)
        {
            blocks.Add((nint)heap.Allocate((i % 32 * 16) + 1));
        }

        AllocatorStatistics stats = heap.GetStatistics();
        for (int c = 0; c < SizeClasses.Count; c++)
        {
            Assert.Equal(5000 / 32 + (c < 5000 % 32 ? 1 : 0), stats.Classes[c].BlocksInUse);
        }

        Assert.Equal(5000, heap.GetAllocatedBlocks());
        foreach (nint p in blocks)
        {
            heap.Free((void*)p);
        }

        Assert.Equal(0, heap.GetAllocatedBlocks());
        heap.AssertValid();
    }

    [Fact]
    public void Free_of_null_does_nothing()
    {
        using Allocator heap = CPython();
        heap.Free(null);
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }

    [Fact]
    public void Blocks_are_sixteen_byte_aligned_in_every_profile()
    {
        foreach (AllocatorProfile profile in Enum.GetValues<AllocatorProfile>())
        {
            using var heap = new Allocator(new AllocatorOptions { Profile = profile });
            for (int n = 1; n <= 512; n += 7)
            {
                void* p = heap.Allocate(n);
                Assert.Equal(0, (long)p % 16);
                Unsafe.InitBlock(p, 0xAB, (uint)n);
            }

            heap.AssertValid();
        }
    }
}
