using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>Pins the deliberate differences from CPython 3.11 listed in docs/deviations.md.</summary>
public unsafe class DeviationTests
{
    [Fact]
    public void A_pointer_into_the_alignment_gap_of_an_arena_is_not_ours()
    {
        // CPython marks the whole 1 MiB in its radix tree, so a pointer in the few KiB lost to
        // pool alignment passes address_in_range. We mark only the pools. Most mmap bases
        // are not 16 KiB aligned; among 40 arenas at least one is, with overwhelming odds.
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        var blocks = new List<nint>();
        byte* gap = null;
        for (int i = 0; i < 40 * 64 * 31 && gap == null; i++)
        {
            void* p = heap.Allocate(512);
            blocks.Add((nint)p);
            nuint pool = heap.PoolOf(p);
            int slot = heap.ArenaSlotOf(p);
            if (heap.TotalPoolsOfArena(slot) == 63 && !heap.IsSmallBlockAddress((void*)(pool - 16)) && ((pool - 16) & 0xFFFFF) > 0)
            {
                // The first pool of a misaligned arena: the bytes just below it are mapped
                // by us but belong to no pool.
                gap = (byte*)pool - 16;
            }
        }

        Assert.True(gap != null, "no misaligned arena found among 40");
        HeapMisuseException e = Assert.Throws<HeapMisuseException>(() => heap.Free(gap));
        Assert.Equal(HeapMisuseKind.InvalidPointer, e.Kind);
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
