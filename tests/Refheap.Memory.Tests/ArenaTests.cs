using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>Arena order, the keep-one-empty rule, and each profile's arena release rule.</summary>
public unsafe class ArenaTests
{
    // 512-byte blocks: 31 per 16 KiB pool, so a pool is cheap to fill and to empty.
    private const int Size = 512;

    private static List<nint>[] FillPools(Allocator heap, int pools)
    {
        int perPool = SizeClasses.BlocksPerPool(31, heap.PoolSize);
        var result = new List<nint>[pools];
        for (int i = 0; i < pools; i++)
        {
            result[i] = new List<nint>();
            for (int j = 0; j < perPool; j++)
            {
                result[i].Add((nint)heap.Allocate(Size));
            }
        }

        return result;
    }

    private static void FreeAll(Allocator heap, IEnumerable<nint> blocks)
    {
        foreach (nint p in blocks)
        {
            heap.Free((void*)p);
        }
    }

    [Fact]
    public void An_arena_has_64_pools_or_63_when_its_base_is_not_pool_aligned()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        void* p = heap.Allocate(8);
        int slot = heap.ArenaSlotOf(p);
        uint total = heap.TotalPoolsOfArena(slot);
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.True(total is 63 or 64);
        Assert.Equal(total == 63 ? 16384 : 0, stats.BytesLostToArenaAlignment);
        Assert.Equal(total - 1, stats.UnusedPools);
        Assert.Equal(1, stats.ArenasCurrent);
        heap.Free(p);
    }

    [Fact]
    public void Pools_are_taken_from_the_usable_arena_with_the_fewest_free_pools()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        List<nint>[] pools = FillPools(heap, 200);
        var poolsByArena = pools.GroupBy(p => heap.ArenaSlotOf((void*)p[0])).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(poolsByArena.Count >= 3);
        int[] arenas = poolsByArena.Keys.Order().ToArray();
        int a = arenas[0], b = arenas[1];

        // Empty 5 pools in arena a and 2 in arena b: b has fewer free pools, so it comes
        // first among the arenas with free pools.
        foreach (List<nint> pool in poolsByArena[a].Take(5))
        {
            FreeAll(heap, pool);
        }

        foreach (List<nint> pool in poolsByArena[b].Take(2))
        {
            FreeAll(heap, pool);
        }

        heap.AssertValid();
        int[] order = heap.UsableArenaOrder();
        int ia = System.Array.IndexOf(order, a), ib = System.Array.IndexOf(order, b);
        Assert.True(ib >= 0 && ia > ib, $"usable order {string.Join(",", order)}; a={a} b={b}");
        for (int i = 1; i < order.Length; i++)
        {
            Assert.True(heap.FreePoolsOfArena(order[i - 1]) <= heap.FreePoolsOfArena(order[i]));
        }

        // New pools come from the arena with the fewest free pools: b's two, then a's five,
        // and only then the last arena's never-carved pools.
        int last = arenas[^1];
        Assert.True(heap.FreePoolsOfArena(last) > 5);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(b, heap.ArenaSlotOf((void*)FillPools(heap, 1)[0][0]));
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(a, heap.ArenaSlotOf((void*)FillPools(heap, 1)[0][0]));
        }

        Assert.Equal(last, heap.ArenaSlotOf((void*)FillPools(heap, 1)[0][0]));
        heap.AssertValid();
    }

    [Fact]
    public void CPython311_returns_an_arena_when_all_its_pools_are_empty_but_keeps_the_last_usable_one()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        List<nint>[] pools = FillPools(heap, 300);
        AllocatorStatistics built = heap.GetStatistics();
        Assert.True(built.ArenasCurrent >= 4);

        foreach (List<nint> pool in pools)
        {
            FreeAll(heap, pool);
        }

        AllocatorStatistics after = heap.GetStatistics();
        Assert.Equal(1, after.ArenasCurrent);
        Assert.Equal(built.ArenasCurrent, after.ArenasHighWater);
        Assert.Equal(built.ArenasCurrent - 1, after.ArenasReclaimed);
        Assert.Equal(0, after.BlocksInPools);
        heap.AssertValid();
    }

    [Fact]
    public void A_single_survivor_pins_its_arena_in_CPython311()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        List<nint>[] pools = FillPools(heap, 300);
        var survivors = new HashSet<int>();
        var kept = new List<nint>();
        foreach (List<nint> pool in pools)
        {
            int arena = heap.ArenaSlotOf((void*)pool[0]);
            if (survivors.Add(arena))
            {
                kept.Add(pool[7]);
                pool.RemoveAt(7);
            }

            FreeAll(heap, pool);
        }

        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(survivors.Count, stats.ArenasCurrent);
        Assert.Equal(0, stats.PagesReleased);
        FreeAll(heap, kept);
        heap.AssertValid();
    }

    [Fact]
    public void Python24_never_returns_an_arena()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.Python24 });
        List<nint>[] pools = FillPools(heap, 300);
        long built = heap.GetStatistics().ArenasCurrent;
        foreach (List<nint> pool in pools)
        {
            FreeAll(heap, pool);
        }

        AllocatorStatistics after = heap.GetStatistics();
        Assert.Equal(built, after.ArenasCurrent);
        Assert.Equal(0, after.ArenasReclaimed);
        Assert.Equal(0, after.PagesReleased);
        heap.AssertValid();

        // The empty arenas are reused rather than new ones mapped.
        FillPools(heap, 300);
        Assert.Equal(built, heap.GetStatistics().ArenasAllocatedTotal);
        heap.AssertValid();
    }

    [Fact]
    public void An_alloc_free_loop_at_an_arena_boundary_does_not_map_and_unmap_each_time()
    {
        // bpo-37257: the keep-one-empty rule stops arena thrashing.
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        void* first = heap.Allocate(Size);
        uint total = heap.TotalPoolsOfArena(heap.ArenaSlotOf(first));
        heap.Free(first);
        List<nint>[] fill = FillPools(heap, (int)total);
        long before = heap.GetStatistics().ArenasAllocatedTotal;
        for (int i = 0; i < 1000; i++)
        {
            void* p = heap.Allocate(Size);
            heap.Free(p);
        }

        Assert.True(heap.GetStatistics().ArenasAllocatedTotal - before <= 1);
        foreach (List<nint> pool in fill)
        {
            FreeAll(heap, pool);
        }

        heap.AssertValid();
    }
}
