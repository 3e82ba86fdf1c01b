using System;
using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>The Refheap profile's page release: empty pools in live arenas go back to the OS, with hysteresis.</summary>
public unsafe class ReleasePolicyTests
{
    /// <summary>Allocates n blocks of 64 bytes, then frees all but every keepEvery-th one.</summary>
    private static (List<nint> Kept, long Pools) BuildSparse(Allocator heap, int n, int keepEvery)
    {
        var all = new nint[n];
        for (int i = 0; i < n; i++)
        {
            all[i] = (nint)heap.Allocate(64);
        }

        long pools = heap.GetStatistics().UsedPools + heap.GetStatistics().FullPools;
        var kept = new List<nint>();
        for (int i = 0; i < n; i++)
        {
            if (i % keepEvery == 0)
            {
                kept.Add(all[i]);
            }
            else
            {
                heap.Free((void*)all[i]);
            }
        }

        return (kept, pools);
    }

    [Fact]
    public void Refheap_gives_back_the_pages_of_empty_pools_inside_live_arenas()
    {
        using var heap = new Allocator();
        // 64-byte blocks, 63 per 4 KiB pool; keeping one block in 630 leaves one pool in ten in use.
        (List<nint> kept, long pools) = BuildSparse(heap, 400_000, 630);
        AllocatorStatistics stats = heap.GetStatistics();
        long live = stats.UsedPools + stats.FullPools;
        Assert.InRange(live, pools / 10 - 2, pools / 10 + 2);

        // Every arena still holds survivors, so CPython would give nothing back. Here all empty
        // pools but a bounded few have been given back.
        Assert.Equal(stats.ArenasHighWater, stats.ArenasCurrent);
        Assert.True(stats.PagesReleased > 0);
        Assert.True(stats.EmptyPools <= heap.CommittedEmptyPoolLimit,
            $"{stats.EmptyPools} empty pools committed, limit {heap.CommittedEmptyPoolLimit}");
        Assert.True(stats.EmptyPools + live < pools / 5);
        heap.AssertValid();

        foreach (nint p in kept)
        {
            heap.Free((void*)p);
        }

        heap.AssertValid();
    }

    [Fact]
    public void CPython311_and_Python24_never_give_pages_back()
    {
        foreach (AllocatorProfile profile in new[] { AllocatorProfile.CPython311, AllocatorProfile.Python24 })
        {
            using var heap = new Allocator(new AllocatorOptions { Profile = profile });
            BuildSparse(heap, 200_000, 630);
            Assert.Equal(0, heap.ReleaseFreePages());
            AllocatorStatistics stats = heap.GetStatistics();
            Assert.Equal(0, stats.PagesReleased);
            Assert.Equal(0, stats.ReleaseRuns);
            heap.AssertValid();
        }
    }

    [Fact]
    public void An_alloc_free_loop_across_a_pool_boundary_releases_nothing()
    {
        using var heap = new Allocator();
        int perPool = SizeClasses.BlocksPerPool(3, heap.PoolSize);
        var fill = new List<nint>();
        for (int i = 0; i < perPool; i++)
        {
            fill.Add((nint)heap.Allocate(64));
        }

        // Each iteration carves or reuses a pool and empties it again.
        for (int i = 0; i < 100_000; i++)
        {
            void* p = heap.Allocate(64);
            heap.Free(p);
        }

        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(0, stats.ReleaseRuns);
        Assert.Equal(0, stats.PagesReleased);
        heap.AssertValid();
    }

    [Fact]
    public void Release_keeps_the_newest_empty_pools_up_to_the_limit()
    {
        var options = new AllocatorOptions { MinRetainedEmptyBytes = 64 * 4096, DirtyFractionDivisor = 1_000_000 };
        using var heap = new Allocator(options);
        Assert.Equal(64, heap.CommittedEmptyPoolLimit);

        // Empty 64 pools: at the limit, nothing released yet.
        int perPool = SizeClasses.BlocksPerPool(0, heap.PoolSize);
        var blocks = new List<nint>();
        void* anchor = heap.Allocate(512);
        for (int i = 0; i < perPool * 65; i++)
        {
            blocks.Add((nint)heap.Allocate(16));
        }

        for (int i = 0; i < perPool * 64; i++)
        {
            heap.Free((void*)blocks[i]);
        }

        Assert.Equal(64, heap.CommittedEmptyPools);
        Assert.Equal(0, heap.GetStatistics().PagesReleased);

        // One more empty pool passes the limit: the older ones go until half the limit is left.
        for (int i = perPool * 64; i < perPool * 65; i++)
        {
            heap.Free((void*)blocks[i]);
        }

        Assert.Equal(32, heap.CommittedEmptyPools);
        Assert.Equal(33, heap.GetStatistics().PagesReleased);
        Assert.Equal(1, heap.GetStatistics().ReleaseRuns);
        heap.AssertValid();
        heap.Free(anchor);
    }

    [Fact]
    public void ReleaseFreePages_gives_back_every_empty_pool_and_released_pools_are_reused()
    {
        using var heap = new Allocator();
        (List<nint> kept, _) = BuildSparse(heap, 100_000, 630);
        long released = heap.ReleaseFreePages();
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(0, stats.EmptyPools);
        Assert.True(released > 0 || stats.ReleaseCalls > 0);
        heap.AssertValid();

        // Allocating again reuses the released slots: no new arena is mapped.
        long arenas = stats.ArenasAllocatedTotal;
        var again = new List<nint>();
        for (int i = 0; i < 50_000; i++)
        {
            void* p = heap.Allocate(64);
            *(long*)p = i;
            again.Add((nint)p);
        }

        Assert.Equal(arenas, heap.GetStatistics().ArenasAllocatedTotal);
        for (int i = 0; i < again.Count; i++)
        {
            Assert.Equal(i, *(long*)again[i]);
            heap.Free((void*)again[i]);
        }

        foreach (nint p in kept)
        {
            heap.Free((void*)p);
        }

        heap.AssertValid();
    }

    [Fact]
    public void Refheap_also_returns_wholly_empty_arenas_and_keeps_one()
    {
        using var heap = new Allocator();
        var blocks = new List<nint>();
        for (int i = 0; i < 100_000; i++)
        {
            blocks.Add((nint)heap.Allocate(100));
        }

        long built = heap.GetStatistics().ArenasCurrent;
        Assert.True(built > 3);
        foreach (nint p in blocks)
        {
            heap.Free((void*)p);
        }

        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(1, stats.ArenasCurrent);
        Assert.Equal(built - 1, stats.ArenasReclaimed);
        heap.AssertValid();
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Allocator(new AllocatorOptions { RefheapPoolSize = 8192 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Allocator(new AllocatorOptions { MaxBytes = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Allocator(new AllocatorOptions { DirtyFractionDivisor = 0 }));
        using var sixteen = new Allocator(new AllocatorOptions { RefheapPoolSize = 16384 });
        Assert.Equal(16384, sixteen.PoolSize);
    }

    [Fact]
    public void Refheap_places_the_pools_of_one_class_on_consecutive_pages()
    {
        using var heap = new Allocator();
        int per16 = SizeClasses.BlocksPerPool(0, heap.PoolSize);
        int per512 = SizeClasses.BlocksPerPool(31, heap.PoolSize);
        var small = new List<nint>();
        var large = new List<nint>();

        // Interleave two classes so that each keeps asking for new pools in turn.
        for (int round = 0; round < 6; round++)
        {
            for (int i = 0; i < per16; i++)
            {
                small.Add((nint)heap.Allocate(16));
            }

            for (int i = 0; i < per512; i++)
            {
                large.Add((nint)heap.Allocate(512));
            }
        }

        var smallPools = new List<nuint>();
        foreach (nint p in small)
        {
            nuint pool = heap.PoolOf((void*)p);
            if (smallPools.Count == 0 || smallPools[^1] != pool)
            {
                smallPools.Add(pool);
            }
        }

        // Runs of four consecutive pages (a free group of four is taken whole).
        Assert.Equal(6, smallPools.Count);
        for (int i = 1; i < 4; i++)
        {
            Assert.Equal(smallPools[i - 1] + 4096, smallPools[i]);
        }

        heap.AssertValid();

        // The CPython311 profile keeps CPython's bump order: pools alternate between classes.
        using var exact = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        void* a = exact.Allocate(16);
        for (int i = 0; i < SizeClasses.BlocksPerPool(31, exact.PoolSize); i++)
        {
            exact.Allocate(512);
        }

        for (int i = 0; i < SizeClasses.BlocksPerPool(0, exact.PoolSize); i++)
        {
            exact.Allocate(16);
        }

        nuint firstSmall = exact.PoolOf(a);
        Assert.Equal(firstSmall + 2 * 16384, exact.PoolOf(exact.Allocate(16)));
    }
}
