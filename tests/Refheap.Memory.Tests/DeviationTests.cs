using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>Pins the deliberate differences from CPython 3.11 listed in docs/deviations.md.</summary>
public unsafe class DeviationTests
{
    [Fact]
    public void The_arena_map_marks_only_the_pools_of_a_misaligned_arena()
    {
        // CPython marks the whole 1 MiB in its radix tree, so a pointer in the few KiB lost to
        // pool alignment passes address_in_range. We mark only the pools. The map reads only
        // itself, so synthetic addresses test it exactly, whatever mmap returns here.
        var map = ArenaMap.Create();
        try
        {
            nuint arenaBase = unchecked((nuint)0x7f12_3450_1000UL); // 4 KiB aligned, not 16 KiB aligned
            nuint firstPool = (arenaBase + 16383) & ~(nuint)16383;
            nuint end = arenaBase + (1 << 20);
            Assert.True(map.Mark(firstPool, end, used: true));
            Assert.False(map.Contains((void*)arenaBase));
            Assert.False(map.Contains((void*)(firstPool - 1)));
            Assert.True(map.Contains((void*)firstPool));
            Assert.True(map.Contains((void*)(end - 1)));
            Assert.False(map.Contains((void*)end));

            // A 1 MiB-aligned arena covers its whole megabyte, and unmarking clears it all.
            nuint aligned = unchecked((nuint)0x7f12_3480_0000UL);
            Assert.True(map.Mark(aligned, aligned + (1 << 20), used: true));
            Assert.True(map.Contains((void*)aligned));
            Assert.True(map.Contains((void*)(aligned + (1 << 20) - 1)));
            map.Mark(aligned, aligned + (1 << 20), used: false);
            map.Mark(firstPool, end, used: false);
            Assert.False(map.Contains((void*)firstPool));
            Assert.False(map.Contains((void*)aligned));
        }
        finally
        {
            map.Dispose();
        }
    }

    [Fact]
    public void Freeing_a_pointer_below_the_first_pool_of_a_live_arena_is_refused()
    {
        // End to end: when some arena of this process is misaligned (it depends on where mmap
        // puts it), the bytes below its first pool are refused; the pool itself is not.
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        var blocks = new List<nint>();
        for (int i = 0; i < 8 * 64 * 31; i++)
        {
            blocks.Add((nint)heap.Allocate(512));
        }

        foreach (nint p in blocks)
        {
            nuint pool = heap.PoolOf((void*)p);
            bool firstPool = !heap.IsSmallBlockAddress((void*)(pool - 16));
            if (firstPool && heap.TotalPoolsOfArena(heap.ArenaSlotOf((void*)p)) == 63)
            {
                HeapMisuseException e = Assert.Throws<HeapMisuseException>(() => heap.Free((byte*)pool - 16));
                Assert.Equal(HeapMisuseKind.InvalidPointer, e.Kind);
            }
        }

        heap.AssertValid();
        foreach (nint p in blocks)
        {
            heap.Free((void*)p);
        }
    }

    [Fact]
    public void Release_mode_refuses_a_double_free_and_the_heap_stays_usable()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        void* keep = heap.Allocate(64);
        void* p = heap.Allocate(64);
        heap.Free(p);
        HeapMisuseException e = Assert.Throws<HeapMisuseException>(() => heap.Free(p));
        Assert.Equal(HeapMisuseKind.DoubleFree, e.Kind);
        Assert.Equal(3, e.SizeClass);
        Assert.Contains($"{(nuint)p:x}", e.Message, System.StringComparison.Ordinal);
        heap.AssertValid();
        Assert.Equal((nint)p, (nint)heap.Allocate(64));
        Assert.Equal(2, heap.GetAllocatedBlocks());
        heap.Free(keep);
    }

    [Fact]
    public void User_data_that_looks_like_a_free_tag_does_not_block_a_free()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        void* anchor = heap.Allocate(32);
        void* p = heap.Allocate(32);
        heap.Free(p);
        ulong tag = ((ulong*)p)[1];
        void* again = heap.Allocate(32);
        Assert.Equal((nint)p, (nint)again);
        ((ulong*)again)[1] = tag;
        heap.Free(again);
        Assert.Equal(1, heap.GetAllocatedBlocks());
        heap.Free(anchor);
        heap.AssertValid();
    }
}
