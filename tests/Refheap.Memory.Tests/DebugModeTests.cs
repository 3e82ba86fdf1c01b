using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>
/// Debug mode (CPython's debug hooks): fill bytes, guard bytes, and misuse caught with a
/// <see cref="HeapMisuseException"/> that names the address and the size class, leaving a
/// heap that is valid and goes on working.
/// </summary>
public unsafe class DebugModeTests
{
    private const int GuardBytes = 8;

    [Theory]
    [InlineData(AllocatorProfile.Refheap, 1)]
    [InlineData(AllocatorProfile.Refheap, 13)]
    [InlineData(AllocatorProfile.CPython311, 100)]
    [InlineData(AllocatorProfile.CPython311, 488)]
    [InlineData(AllocatorProfile.Python24, 489)]
    [InlineData(AllocatorProfile.Refheap, 5000)]
    public void A_new_block_is_filled_with_0xCD_between_guards_of_0xFD(AllocatorProfile profile, int size)
    {
        using Allocator heap = NewDebugHeap(profile);
        byte* p = (byte*)heap.Allocate(size);
        Assert.Equal(0, (nint)p % SizeClasses.Alignment);
        AssertAll(p, size, Allocator.CleanByte, "user bytes");
        AssertAll(p - GuardBytes, GuardBytes, Allocator.ForbiddenByte, "leading guard");
        AssertAll(p + size, GuardBytes, Allocator.ForbiddenByte, "trailing guard");
        Assert.Equal(size, *(long*)(p - 16));
        Assert.Equal(size, heap.BlockSizeOf(p));
        Assert.Equal(ExpectedClass(size) >= 0, heap.IsSmallBlockAddress(p));
        heap.Free(p);
        heap.AssertValid();
    }

    [Fact]
    public void A_zero_byte_request_gets_a_block_of_its_own_with_guards()
    {
        using Allocator heap = NewDebugHeap(AllocatorProfile.Refheap);
        byte* p = (byte*)heap.Allocate(0);
        byte* q = (byte*)heap.Allocate(0);
        Assert.NotEqual((nint)p, (nint)q);
        AssertAll(p, GuardBytes, Allocator.ForbiddenByte, "trailing guard");
        Assert.Equal(0, heap.BlockSizeOf(p));
        p[0] = 0;
        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(HeapMisuseKind.BufferOverrun, ex.Kind);
        p[0] = Allocator.ForbiddenByte;
        heap.Free(p);
        heap.Free(q);
        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }

    [Fact]
    public void A_freed_small_block_is_filled_with_0xDD()
    {
        using Allocator heap = NewDebugHeap(AllocatorProfile.CPython311);
        byte* keeper = (byte*)heap.Allocate(40);
        byte* p = (byte*)heap.Allocate(40);
        new Span<byte>(p, 40).Fill(0x11);
        heap.Free(p);

        // The pool stays alive through keeper, so the dead block can still be read.
        AssertAll(p, 40 + GuardBytes, Allocator.DeadByte, "freed block");
        heap.Free(keeper);
        heap.AssertValid();
    }

    [Fact]
    public void Reallocate_moves_the_block_keeps_the_bytes_and_fills_the_growth_with_0xCD()
    {
        using Allocator heap = NewDebugHeap(AllocatorProfile.Refheap);
        byte* p = (byte*)heap.Allocate(30);
        for (int i = 0; i < 30; i++)
        {
            p[i] = (byte)i;
        }

        byte* q = (byte*)heap.Reallocate(p, 700);
        Assert.NotEqual((nint)p, (nint)q);
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal((byte)i, q[i]);
        }

        AssertAll(q + 30, 670, Allocator.CleanByte, "grown bytes");
        AssertAll(q + 700, GuardBytes, Allocator.ForbiddenByte, "trailing guard");
        Assert.Equal(700, heap.BlockSizeOf(q));

        // The old pointer is dead: using it again is a double free.
        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(HeapMisuseKind.DoubleFree, ex.Kind);
        heap.Free(q);
        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap, 8)]
    [InlineData(AllocatorProfile.CPython311, 100)]
    [InlineData(AllocatorProfile.Python24, 300)]
    [InlineData(AllocatorProfile.CPython311, 2000)]
    public void A_double_free_is_reported_with_the_address_and_the_size_class(AllocatorProfile profile, int size)
    {
        using Allocator heap = NewDebugHeap(profile);
        void* keeper = heap.Allocate(size);
        void* p = heap.Allocate(size);
        heap.Free(p);

        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(HeapMisuseKind.DoubleFree, ex.Kind);
        Assert.Equal((nuint)p, ex.Address);
        int cls = ExpectedClass(size);
        Assert.Equal(cls, ex.SizeClass);
        Assert.Contains(Hex(p), ex.Message, StringComparison.OrdinalIgnoreCase);
        if (cls >= 0)
        {
            Assert.Contains($"size class {cls}", ex.Message, StringComparison.Ordinal);
        }

        AssertStillWorks(heap, expectedLive: 1);
        heap.Free(keeper);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap, 13, 0)]
    [InlineData(AllocatorProfile.Refheap, 13, 7)]
    [InlineData(AllocatorProfile.CPython311, 64, 0)]
    [InlineData(AllocatorProfile.Python24, 200, 3)]
    [InlineData(AllocatorProfile.CPython311, 1000, 0)]
    public void A_write_past_the_end_is_caught_by_free_and_by_AssertValid(AllocatorProfile profile, int size, int past)
    {
        using Allocator heap = NewDebugHeap(profile);
        void* other = heap.Allocate(size);
        byte* p = (byte*)heap.Allocate(size);
        p[size + past] = 0x00;

        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(HeapMisuseKind.BufferOverrun, ex.Kind);
        Assert.Equal((nuint)p, ex.Address);
        Assert.Equal(ExpectedClass(size), ex.SizeClass);
        Assert.Contains(Hex(p), ex.Message, StringComparison.OrdinalIgnoreCase);

        Exception? fromValidation = Record.Exception(() => heap.AssertValid());
        AssertNamesDamage(fromValidation, p, HeapMisuseKind.BufferOverrun);
        Assert.Throws<HeapMisuseException>(() => heap.Reallocate((void*)(nint)p, size * 2));

        // Nothing changed: the block is still live; once repaired, it frees normally.
        Assert.Equal(2, heap.GetAllocatedBlocks());
        p[size + past] = Allocator.ForbiddenByte;
        heap.Free(p);
        heap.Free(other);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap, 24, 1)]
    [InlineData(AllocatorProfile.CPython311, 24, 8)]
    [InlineData(AllocatorProfile.Python24, 120, 16)]
    [InlineData(AllocatorProfile.Refheap, 3000, 1)]
    public void A_write_before_the_start_is_caught(AllocatorProfile profile, int size, int before)
    {
        using Allocator heap = NewDebugHeap(profile);
        byte* p = (byte*)heap.Allocate(size);
        byte saved = p[-before];
        p[-before] ^= 0x5A;

        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)(nint)p));
        Assert.Equal(HeapMisuseKind.BufferUnderrun, ex.Kind);
        Assert.Equal((nuint)p, ex.Address);
        Assert.Equal(ExpectedClass(size), ex.SizeClass);
        Assert.Contains(Hex(p), ex.Message, StringComparison.OrdinalIgnoreCase);
        AssertNamesDamage(Record.Exception(() => heap.AssertValid()), p, HeapMisuseKind.BufferUnderrun);

        p[-before] = saved;
        Assert.Equal(1, heap.GetAllocatedBlocks());
        heap.Free(p);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Theory]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Python24)]
    public void A_pointer_never_handed_out_is_refused(AllocatorProfile profile)
    {
        using Allocator heap = NewDebugHeap(profile);
        byte* p = (byte*)heap.Allocate(64);
        byte* big = (byte*)heap.Allocate(1000);
        byte* foreign = (byte*)NativeMemory.Alloc(64);
        byte* stack = stackalloc byte[64];
        try
        {
            var bad = new List<nint>
            {
                (nint)(p + 16),          // inside a live block
                (nint)p & ~(nint)(heap.PoolSize - 1), // the header of p's pool
                (nint)(big + 16),        // inside a raw block
                (nint)foreign,           // from the C allocator
                (nint)stack,             // on the stack
                (nint)(p - 16),          // the block's own header
            };
            foreach (nint address in bad)
            {
                HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Free((void*)address));
                Assert.Equal(HeapMisuseKind.InvalidPointer, ex.Kind);
                Assert.Equal((nuint)address, ex.Address);
                Assert.Contains(Hex((void*)address), ex.Message, StringComparison.OrdinalIgnoreCase);
                Assert.Throws<HeapMisuseException>(() => heap.Reallocate((void*)address, 10));
                Assert.Throws<HeapMisuseException>(() => heap.BlockSizeOf((void*)address));
                AssertStillWorks(heap, expectedLive: 2);
            }
        }
        finally
        {
            NativeMemory.Free(foreign);
        }

        heap.Free(p);
        heap.Free(big);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Fact]
    public void A_call_from_another_thread_is_refused_and_changes_nothing()
    {
        using Allocator heap = NewDebugHeap(AllocatorProfile.Refheap);
        nint p = (nint)heap.Allocate(48);
        new Span<byte>((void*)p, 48).Fill(0x42);

        var failures = RunOnNewThread(
            () => heap.Allocate(16),
            () => heap.Free((void*)p),
            () => heap.Reallocate((void*)p, 100),
            () => heap.GetStatistics());
        Assert.Equal(4, failures.Count);
        foreach (Exception? failure in failures)
        {
            HeapMisuseException ex = Assert.IsType<HeapMisuseException>(failure);
            Assert.Equal(HeapMisuseKind.WrongThread, ex.Kind);
        }

        Assert.Equal(1, heap.GetAllocatedBlocks());
        AssertAll((byte*)p, 48, 0x42, "the block the other thread tried to free");
        heap.Free((void*)p);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Fact]
    public void BindToCurrentThread_hands_the_heap_to_another_thread()
    {
        using Allocator heap = NewDebugHeap(AllocatorProfile.CPython311);
        nint p = (nint)heap.Allocate(48);
        nint q = 0;

        // The new thread takes the heap over, frees the main thread's block and allocates one.
        var failures = RunOnNewThread(() =>
        {
            heap.BindToCurrentThread();
            heap.Free((void*)p);
            q = (nint)heap.Allocate(200);
            heap.AssertValid();
        });
        Assert.Null(failures[0]);
        Assert.NotEqual(0, q);

        // Now the main thread is the stranger, until it takes the heap back.
        HeapMisuseException ex = Assert.Throws<HeapMisuseException>(() => heap.Allocate(16));
        Assert.Equal(HeapMisuseKind.WrongThread, ex.Kind);
        heap.BindToCurrentThread();
        Assert.Equal(200, heap.BlockSizeOf((void*)q));
        heap.Free((void*)q);
        AssertStillWorks(heap, expectedLive: 0);
    }

    [Fact]
    public void Release_mode_does_not_check_the_thread()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.Refheap });
        nint p = (nint)heap.Allocate(48);
        var failures = RunOnNewThread(() => heap.Free((void*)p));
        Assert.Null(failures[0]);
        heap.AssertValid();
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }

    private static Allocator NewDebugHeap(AllocatorProfile profile) =>
        new(new AllocatorOptions { Profile = profile, Debug = true });

    /// <summary>The class a debug request of <paramref name="size"/> lands in (24 bytes more), or -1 for raw.</summary>
    private static int ExpectedClass(long size)
    {
        long effective = size + Allocator.DebugExtraBytes;
        return effective <= SizeClasses.SmallRequestThreshold ? SizeClasses.IndexOf(effective) : -1;
    }

    private static string Hex(void* p) => $"0x{(nuint)p:x}";

    private static void AssertAll(byte* p, int count, byte expected, string what)
    {
        int bad = new ReadOnlySpan<byte>(p, count).IndexOfAnyExcept(expected);
        Assert.True(bad < 0, $"{what}: byte {bad} is 0x{(bad < 0 ? 0 : p[bad]):x2}, expected 0x{expected:x2}");
    }

    /// <summary>AssertValid must refuse a heap with a damaged guard, and say which block.</summary>
    private static void AssertNamesDamage(Exception? ex, byte* p, HeapMisuseKind kind)
    {
        Assert.NotNull(ex);
        Assert.True(ex is InvalidOperationException || (ex is HeapMisuseException misuse && misuse.Kind == kind),
            $"AssertValid threw {ex.GetType().Name}: {ex.Message}");
        Assert.Contains(Hex(p), ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The heap is valid, holds <paramref name="expectedLive"/> blocks, and serves and takes back more.</summary>
    private static void AssertStillWorks(Allocator heap, long expectedLive)
    {
        heap.AssertValid();
        Assert.Equal(expectedLive, heap.GetAllocatedBlocks());
        var blocks = new List<nint>();
        for (int i = 0; i < 300; i++)
        {
            int size = (i * 37) % 700;
            byte* b = (byte*)heap.Allocate(size);
            new Span<byte>(b, size).Fill((byte)i);
            blocks.Add((nint)b);
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            int size = (i * 37) % 700;
            AssertAll((byte*)blocks[i], size, (byte)i, "a block of the follow-up workload");
            heap.Free((void*)blocks[i]);
        }

        heap.AssertValid();
        Assert.Equal(expectedLive, heap.GetAllocatedBlocks());
    }

    /// <summary>Runs each action on a fresh thread (joined before the next) and returns what each threw, or null.</summary>
    private static List<Exception?> RunOnNewThread(params Action[] actions)
    {
        var results = new List<Exception?>();
        foreach (Action action in actions)
        {
            Exception? caught = null;
            var thread = new Thread(() => caught = Record.Exception(action));
            thread.Start();
            thread.Join();
            results.Add(caught);
        }

        return results;
    }
}
