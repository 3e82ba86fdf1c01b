using System;
using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>
/// Dispose gives everything back, whether or not the user freed it: after it, the counters of
/// outstanding arenas, pools and raw blocks read zero.
/// </summary>
public unsafe class DisposeTests
{
    [Theory]
    [InlineData(AllocatorProfile.Refheap, false, 4096)]
    [InlineData(AllocatorProfile.Refheap, false, 16384)]
    [InlineData(AllocatorProfile.CPython311, false, 4096)]
    [InlineData(AllocatorProfile.Python24, false, 4096)]
    [InlineData(AllocatorProfile.Refheap, true, 4096)]
    [InlineData(AllocatorProfile.CPython311, true, 4096)]
    public void Dispose_without_freeing_leaves_nothing_outstanding(AllocatorProfile profile, bool debug, int refheapPoolSize)
    {
        var heap = new Allocator(new AllocatorOptions { Profile = profile, Debug = debug, RefheapPoolSize = refheapPoolSize });
        var rng = new Random(7);
        var blocks = new List<nint>();
        while (heap.GetStatistics().ArenasCurrent < 10)
        {
            for (int i = 0; i < 1_000; i++)
            {
                int size = rng.Next(20) == 0 ? rng.Next(513, 20_000) : rng.Next(0, 513);
                blocks.Add((nint)heap.Allocate(size));
            }
        }

        // Some churn, so that pools empty, arenas may go back and slots are reused.
        for (int i = 0; i < blocks.Count; i += 2)
        {
            heap.Free((void*)blocks[i]);
        }

        for (int i = 0; i < 5_000; i++)
        {
            heap.Allocate(rng.Next(1, 513));
        }

        heap.ReleaseFreePages();
        heap.AssertValid();
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.True(stats.ArenasCurrent >= 5, $"only {stats.ArenasCurrent} arenas in use");
        Assert.True(stats.RawBlocks > 0, "no raw blocks in use");
        var before = heap.OutstandingCounters;
        Assert.True(before.Arenas > 0 && before.LivePools > 0 && before.RawBlocks > 0 && before.RawBytes > 0, $"{before}");

        heap.Dispose();
        Assert.Equal((0, 0, 0, 0, 0), heap.OutstandingCounters);

        heap.Dispose();
        Assert.Equal((0, 0, 0, 0, 0), heap.OutstandingCounters);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void Dispose_of_a_heap_with_only_empty_pools_leaves_nothing_outstanding(AllocatorProfile profile)
    {
        var heap = new Allocator(new AllocatorOptions { Profile = profile });
        var blocks = new List<nint>();
        for (int i = 0; i < 20_000; i++)
        {
            blocks.Add((nint)heap.Allocate((i % 32) * 16 + 1));
        }

        foreach (nint b in blocks)
        {
            heap.Free((void*)b);
        }

        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
        var before = heap.OutstandingCounters;
        Assert.True(before.Arenas > 0 && before.LivePools == 0, $"{before}");
        if (profile != AllocatorProfile.Refheap)
        {
            Assert.True(before.DirtyPools > 0, $"{before}");
        }

        heap.Dispose();
        Assert.Equal((0, 0, 0, 0, 0), heap.OutstandingCounters);
    }

    [Fact]
    public void Dispose_of_an_unused_heap_is_fine()
    {
        var heap = new Allocator();
        heap.Dispose();
        Assert.Equal((0, 0, 0, 0, 0), heap.OutstandingCounters);
    }

    [Fact]
    public void Many_heaps_can_be_created_used_and_disposed()
    {
        for (int round = 0; round < 20; round++)
        {
            using var heap = new Allocator(new AllocatorOptions { Profile = (AllocatorProfile)(round % 3) });
            for (int i = 0; i < 2_000; i++)
            {
                heap.Allocate(i % 600);
            }

            Assert.Equal(2_000, heap.GetAllocatedBlocks());
        }
    }
}
