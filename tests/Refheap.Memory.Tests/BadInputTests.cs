using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>
/// Release mode against bad input: bad frees are refused with a <see cref="HeapMisuseException"/>
/// and leave the heap as it was; bad sizes and exhaustion fail cleanly; a disposed heap refuses
/// every call.
/// </summary>
public unsafe class BadInputTests
{
    private const long MiB = 1 << 20;

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void A_double_free_of_a_small_block_is_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewHeap(profile);
        void* keeper = heap.Allocate(100);
        void* p = heap.Allocate(100);
        void* q = heap.Allocate(100);
        heap.Free(p);

        AssertMisuse(heap, p, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(100));

        // Deeper in the free list, behind a block freed later.
        heap.Free(q);
        AssertMisuse(heap, p, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(100));
        AssertMisuse(heap, q, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(100));
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(keeper);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void A_double_free_of_the_last_block_of_a_pool_is_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewHeap(profile);
        void* other = heap.Allocate(16);
        void* p = heap.Allocate(500);
        heap.Free(p);

        // p's pool is empty now (on its arena's free list).
        AssertMisuse(heap, p, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(500));
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(other);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void A_double_free_from_a_full_pool_is_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewHeap(profile);
        int capacity = SizeClasses.BlocksPerPool(SizeClasses.IndexOf(256), heap.PoolSize);
        var blocks = new List<nint>();
        for (int i = 0; i < capacity; i++)
        {
            blocks.Add((nint)heap.Allocate(256));
        }

        void* p = (void*)blocks[capacity / 2];
        heap.Free(p);
        AssertMisuse(heap, p, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(256));
        AssertStillWorks(heap, expectedLive: capacity - 1);
        foreach (nint b in blocks)
        {
            if (b != (nint)p)
            {
                heap.Free((void*)b);
            }
        }

        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void A_double_free_after_the_memory_went_back_to_the_OS_is_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewHeap(profile);

        // Fill two arenas and start a third; then free all but the last block. Both full arenas
        // empty out: at least one is unmapped (all profiles but Python24), and ReleaseFreePages
        // gives back the pages of the other's empty pools (Refheap profile).
        var firstArena = new List<nint>();
        var secondArena = new List<nint>();
        nint last = 0;
        while (last == 0)
        {
            nint b = (nint)heap.Allocate(512);
            switch (heap.FootprintBytes / MiB)
            {
                case 1:
                    firstArena.Add(b);
                    break;
                case 2:
                    secondArena.Add(b);
                    break;
                default:
                    last = b;
                    break;
            }
        }

        foreach (nint b in firstArena)
        {
            heap.Free((void*)b);
        }

        foreach (nint b in secondArena)
        {
            heap.Free((void*)b);
        }

        heap.ReleaseFreePages();
        heap.AssertValid();
        AllocatorStatistics stats = heap.GetStatistics();
        if (profile == AllocatorProfile.Python24)
        {
            Assert.Equal(0, stats.ArenasReclaimed);
        }
        else
        {
            Assert.True(stats.ArenasReclaimed >= 1, "no arena was given back");
        }

        foreach (nint stale in new[] { firstArena[firstArena.Count / 2], secondArena[secondArena.Count / 2], firstArena[0] })
        {
            HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)stale));
            Assert.True(ex.Kind is HeapMisuseKind.DoubleFree or HeapMisuseKind.InvalidPointer, $"kind {ex.Kind}");
            Assert.Equal((nuint)stale, ex.Address);
            heap.AssertValid();
            Assert.Equal(1, heap.GetAllocatedBlocks());
        }

        AssertStillWorks(heap, expectedLive: 1);
        heap.Free((void*)last);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Fact]
    public void A_double_free_of_a_raw_block_is_refused()
    {
        using Allocator heap = NewHeap(AllocatorProfile.Refheap);
        void* p = heap.Allocate(4000);
        heap.Free(p);
        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.True(ex.Kind is HeapMisuseKind.DoubleFree or HeapMisuseKind.InvalidPointer, $"kind {ex.Kind}");
        Assert.Equal(-1, ex.SizeClass);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap, 16)]
    [InlineData(AllocatorProfile.CPython311, 100)]
    [InlineData(AllocatorProfile.Python24, 512)]
    [InlineData(AllocatorProfile.Refheap, 2000)]
    public void An_interior_pointer_is_refused(AllocatorProfile profile, int size)
    {
        using Allocator heap = NewHeap(profile);
        byte* p = (byte*)heap.Allocate(size);
        new Span<byte>(p, size).Fill(0x3C);

        int cls = size <= SizeClasses.SmallRequestThreshold ? SizeClasses.IndexOf(size) : -1;
        AssertMisuse(heap, p + 8, HeapMisuseKind.InvalidPointer, cls);
        Assert.Throws<HeapMisuseException>(() => heap.Reallocate((void*)(nint)(p + 8), 10));
        Assert.Throws<HeapMisuseException>(() => heap.BlockSizeOf((void*)(nint)(p + 8)));

        // p is untouched and still frees.
        Assert.Equal(-1, new ReadOnlySpan<byte>(p, size).IndexOfAnyExcept((byte)0x3C));
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(p);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    public void Pointers_into_pool_memory_that_was_never_handed_out_are_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewHeap(profile);
        byte* p = (byte*)heap.Allocate(64);
        byte* poolBase = (byte*)((nint)p & ~(nint)(heap.PoolSize - 1));
        int lastSlot = ((heap.PoolSize - SizeClasses.PoolOverhead) / 64) - 1;
        var bad = new List<nint>
        {
            (nint)poolBase,                                                  // the pool header
            (nint)(poolBase + 16),                                           // inside the pool header
            (nint)(poolBase + SizeClasses.PoolOverhead + (lastSlot * 64)),   // the pool's last block, not yet carved
            (nint)(poolBase + heap.PoolSize),                                // the next pool, never carved
            (nint)(poolBase + (4 * heap.PoolSize) + SizeClasses.PoolOverhead),
        };

        // All before any other allocation, so that none of these was ever handed out.
        foreach (nint address in bad)
        {
            HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)address));
            Assert.Equal(HeapMisuseKind.InvalidPointer, ex.Kind);
            Assert.Equal((nuint)address, ex.Address);
            AssertNoChange(heap, expectedLive: 1);
        }

        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(p);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void The_next_free_block_of_a_fresh_pool_is_refused(AllocatorProfile profile)
    {
        // A fresh pool hands out its first block and keeps the second at the head of its free
        // list: that block was never handed out, so freeing it must be refused, not accepted.
        using Allocator heap = NewHeap(profile);
        byte* p = (byte*)heap.Allocate(16);
        byte* neverHandedOut = p + 16;

        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)neverHandedOut));
        Assert.True(ex.Kind is HeapMisuseKind.InvalidPointer or HeapMisuseKind.DoubleFree, $"kind {ex.Kind}");
        Assert.Equal((nuint)neverHandedOut, ex.Address);
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(p);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    public void The_next_virgin_block_of_a_growing_pool_is_refused(AllocatorProfile profile)
    {
        // Same as above, for the block a partly carved pool will hand out next.
        using Allocator heap = NewHeap(profile);
        byte* first = (byte*)heap.Allocate(48);
        for (int i = 1; i < 10; i++)
        {
            Assert.Equal((nint)(first + (i * 48)), (nint)heap.Allocate(48));
        }

        byte* next = first + (10 * 48);
        Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)next));
        AssertStillWorks(heap, expectedLive: 10);
        Assert.Throws<HeapMisuseException>(() => heap.Reallocate((void*)(nint)next, 100));
        AssertStillWorks(heap, expectedLive: 10);
    }

    [Fact]
    public void A_pointer_from_the_C_allocator_is_refused()
    {
        using Allocator heap = NewHeap(AllocatorProfile.Refheap);
        void* mine = heap.Allocate(10);
        void* foreign = NativeMemory.Alloc(64);
        try
        {
            AssertMisuse(heap, foreign, HeapMisuseKind.InvalidPointer, -1);
            Assert.Throws<HeapMisuseException>(() => heap.Reallocate((void*)(nint)foreign, 128));
            AssertStillWorks(heap, expectedLive: 1);
        }
        finally
        {
            NativeMemory.Free(foreign);
        }

        heap.Free(mine);
    }

    [Fact]
    public void A_stack_address_is_refused()
    {
        using Allocator heap = NewHeap(AllocatorProfile.CPython311);
        void* mine = heap.Allocate(10);
        byte* stack = stackalloc byte[64];
        AssertMisuse(heap, stack, HeapMisuseKind.InvalidPointer, -1);
        AssertMisuse(heap, stack + 16, HeapMisuseKind.InvalidPointer, -1);
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(mine);
    }

    [Fact]
    public void Freeing_null_does_nothing()
    {
        using Allocator heap = NewHeap(AllocatorProfile.Refheap);
        heap.Free(null);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Fact]
    public void A_block_whose_contents_look_like_a_freed_block_still_frees()
    {
        // Whatever the user wrote into a live block, freeing it must work, once.
        using Allocator heap = NewHeap(AllocatorProfile.CPython311);
        ulong* p = (ulong*)heap.Allocate(32);
        ulong* q = (ulong*)heap.Allocate(32);
        p[0] = (ulong)q;
        p[1] = (ulong)p ^ 0x9E3779B97F4A7C15UL;
        p[2] = (ulong)p;
        p[3] = ulong.MaxValue;
        heap.Free(p);
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(q);
        AssertMisuse(heap, p, HeapMisuseKind.DoubleFree, SizeClasses.IndexOf(32));
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_negative_size_is_an_argument_error(bool debug)
    {
        using var heap = new Allocator(new AllocatorOptions { Debug = debug });
        void* p = heap.Allocate(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => heap.Allocate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => heap.TryAllocate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => heap.Allocate(nint.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => heap.Reallocate((void*)(nint)p, -16));
        Assert.Throws<ArgumentOutOfRangeException>(() => heap.TryReallocate(null, -5));
        Assert.True(heap.BlockSizeOf(p) >= 10);
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(p);
    }

    [Theory]
    [InlineData(false, 1L << 50)]
    [InlineData(false, Allocator.MaxRequestBytes + 1)]
    [InlineData(false, long.MaxValue)]
    [InlineData(true, 1L << 50)]
    [InlineData(true, long.MaxValue)]
    public void An_absurd_size_is_exhaustion_not_a_crash(bool debug, long size)
    {
        using var heap = new Allocator(new AllocatorOptions { Debug = debug });
        void* p = heap.Allocate(100);
        HeapExhaustedException ex = Assert.Throws<HeapExhaustedException>(() => heap.Allocate((nint)size));
        Assert.Equal(size, ex.RequestedBytes);
        Assert.True(heap.TryAllocate((nint)size) == null);
        Assert.Throws<HeapExhaustedException>(() => heap.Reallocate((void*)(nint)p, (nint)size));
        Assert.True(heap.TryReallocate(p, (nint)size) == null);
        Assert.True(heap.BlockSizeOf(p) >= 100);
        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(p);
        Assert.Equal(0, heap.GetStatistics().RawBytes);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap, false)]
    [InlineData(AllocatorProfile.CPython311, false)]
    [InlineData(AllocatorProfile.Python24, false)]
    [InlineData(AllocatorProfile.Refheap, true)]
    public void A_cap_exhausted_by_small_blocks_fails_cleanly_and_recovers(AllocatorProfile profile, bool debug)
    {
        const long cap = 3 * MiB;
        using var heap = new Allocator(new AllocatorOptions { Profile = profile, MaxBytes = cap, Debug = debug });
        var blocks = new List<nint>();
        HeapExhaustedException? failure = null;
        while (failure is null)
        {
            try
            {
                blocks.Add((nint)heap.Allocate(200));
            }
            catch (HeapExhaustedException ex)
            {
                failure = ex;
            }

            Assert.True(blocks.Count < 100_000, "the cap never bit");
        }

        Assert.Equal(200, failure.RequestedBytes);
        Assert.Equal(cap, failure.LimitBytes);
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(3, stats.ArenasCurrent);
        Assert.True(stats.FootprintBytes <= cap, $"footprint {stats.FootprintBytes} passed the cap");
        Assert.True(heap.TryAllocate(200) == null);
        Assert.True(heap.TryAllocate(16) == null);
        Assert.True(heap.TryAllocate(5000) == null);
        AssertNoChange(heap, blocks.Count);

        // Resizing needs a new block too, and fails without touching the old one; a shrink of
        // under 25% needs no memory (release mode; debug mode always moves).
        byte* victim = (byte*)blocks[0];
        new Span<byte>(victim, 200).Fill(0x5E);
        Assert.Throws<HeapExhaustedException>(() => heap.Reallocate((void*)(nint)victim, 16));
        Assert.True(heap.TryReallocate(victim, 1000) == null);
        Assert.Equal(-1, new ReadOnlySpan<byte>(victim, 200).IndexOfAnyExcept((byte)0x5E));
        if (!debug)
        {
            Assert.Equal((nint)victim, (nint)heap.Reallocate(victim, 190));
        }

        AssertNoChange(heap, blocks.Count);

        // Free a few, and the same size fits again; then everything.
        for (int i = 0; i < 50; i++)
        {
            heap.Free((void*)blocks[^1]);
            blocks.RemoveAt(blocks.Count - 1);
        }

        for (int i = 0; i < 50; i++)
        {
            blocks.Add((nint)heap.Allocate(200));
        }

        heap.AssertValid();
        Assert.True(heap.TryAllocate(200) == null);
        foreach (nint b in blocks)
        {
            heap.Free((void*)b);
        }

        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
        void* again = heap.Allocate(200);
        heap.Free(again);
    }

    [Fact]
    public void A_raw_request_beyond_the_cap_fails_and_one_within_it_succeeds()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311, MaxBytes = 3 * MiB });
        HeapExhaustedException ex = Assert.Throws<HeapExhaustedException>(() => heap.Allocate((nint)(4 * MiB)));
        Assert.Equal(4 * MiB, ex.RequestedBytes);
        Assert.Equal(3 * MiB, ex.LimitBytes);
        Assert.True(heap.TryAllocate((nint)(3 * MiB) + 1) == null);
        Assert.Equal(0, heap.GetStatistics().FootprintBytes);

        void* big = heap.Allocate((nint)(2 * MiB));
        void* small = heap.Allocate(100);                 // maps the one arena that still fits
        Assert.Equal(3 * MiB, heap.GetStatistics().FootprintBytes);
        Assert.Throws<HeapExhaustedException>(() => heap.Allocate(1000));
        heap.AssertValid();

        heap.Free(big);
        void* again = heap.Allocate((nint)(1 * MiB));
        heap.Free(again);
        heap.Free(small);
        heap.AssertValid();
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(2000, false)]
    [InlineData(100, true)]
    public void Reallocate_beyond_the_cap_leaves_the_old_block_intact(int size, bool debug)
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.Refheap, MaxBytes = 3 * MiB, Debug = debug });
        byte* p = (byte*)heap.Allocate(size);
        new Span<byte>(p, size).Fill(0x77);

        Assert.Throws<HeapExhaustedException>(() => heap.Reallocate((void*)(nint)p, (nint)(4 * MiB)));
        Assert.True(heap.TryReallocate(p, (nint)(4 * MiB)) == null);
        Assert.Equal(-1, new ReadOnlySpan<byte>(p, size).IndexOfAnyExcept((byte)0x77));
        Assert.True(heap.BlockSizeOf(p) >= size);
        Assert.Equal(1, heap.GetAllocatedBlocks());
        heap.AssertValid();

        byte* q = (byte*)heap.Reallocate(p, size * 3);
        Assert.Equal(-1, new ReadOnlySpan<byte>(q, size).IndexOfAnyExcept((byte)0x77));
        heap.Free(q);
        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_disposed_heap_refuses_every_call(bool debug)
    {
        var heap = new Allocator(new AllocatorOptions { Debug = debug });
        void* p = heap.Allocate(10);
        void* raw = heap.Allocate(10_000);
        heap.Dispose();

        var calls = new List<Action>
        {
            () => heap.Allocate(10),
            () => heap.TryAllocate(10),
            () => heap.Free((void*)(nint)p),
            () => heap.Free((void*)(nint)raw),
            () => heap.Reallocate((void*)(nint)p, 20),
            () => heap.TryReallocate(null, 20),
            () => heap.BlockSizeOf((void*)(nint)p),
            () => heap.GetStatistics(),
            () => heap.GetAllocatedBlocks(),
            () => heap.CheckInvariants(),
            () => heap.ReleaseFreePages(),
            () => heap.IsSmallBlockAddress((void*)(nint)p),
        };
        foreach (Action call in calls)
        {
            HeapMisuseException ex = Assert.Throws<HeapMisuseException>(call);
            Assert.Equal(HeapMisuseKind.Disposed, ex.Kind);
        }

        heap.Dispose();
        Assert.Equal((0, 0, 0, 0, 0), heap.OutstandingCounters);
    }

    private static Allocator NewHeap(AllocatorProfile profile) => new(new AllocatorOptions { Profile = profile });

    /// <summary>Free(p) must throw the given misuse, naming p and its class, and change nothing.</summary>
    private static void AssertMisuse(Allocator heap, void* p, HeapMisuseKind kind, int sizeClass)
    {
        long before = heap.GetAllocatedBlocks();
        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(kind, ex.Kind);
        Assert.Equal((nuint)p, ex.Address);
        Assert.Equal(sizeClass, ex.SizeClass);
        Assert.Contains($"0x{(nuint)p:x}", ex.Message, StringComparison.OrdinalIgnoreCase);
        heap.AssertValid();
        Assert.Equal(before, heap.GetAllocatedBlocks());
    }

    private static void AssertNoChange(Allocator heap, long expectedLive)
    {
        heap.AssertValid();
        Assert.Equal(expectedLive, heap.GetAllocatedBlocks());
    }

    /// <summary>The heap is valid, holds <paramref name="expectedLive"/> blocks, and serves and takes back more.</summary>
    private static void AssertStillWorks(Allocator heap, long expectedLive)
    {
        heap.AssertValid();
        Assert.Equal(expectedLive, heap.GetAllocatedBlocks());
        var blocks = new List<nint>();
        for (int i = 0; i < 500; i++)
        {
            int size = (i * 53) % 800;
            byte* b = (byte*)heap.Allocate(size);
            new Span<byte>(b, size).Fill((byte)(i | 1));
            blocks.Add((nint)b);
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            int size = (i * 53) % 800;
            Assert.Equal(-1, new ReadOnlySpan<byte>((void*)blocks[i], size).IndexOfAnyExcept((byte)(i | 1)));
            heap.Free((void*)blocks[i]);
        }

        heap.AssertValid();
        Assert.Equal(expectedLive, heap.GetAllocatedBlocks());
    }
}
