using System;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>obmalloc.c: pymalloc_realloc, 3.11.</summary>
public unsafe class ReallocTests
{
    private static Allocator CPython() => new(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });

    private static void Fill(void* p, int n)
    {
        for (int i = 0; i < n; i++)
        {
            ((byte*)p)[i] = (byte)(i * 7 + 1);
        }
    }

    private static void Check(void* p, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Assert.Equal((byte)(i * 7 + 1), ((byte*)p)[i]);
        }
    }

    [Theory]
    [InlineData(64, 64, true)]
    [InlineData(64, 49, true)] // 4*49 = 196 > 192: a shrink under 25% keeps the block
    [InlineData(64, 48, false)] // 4*48 = 192: moves
    [InlineData(512, 385, true)]
    [InlineData(512, 384, false)]
    [InlineData(16, 1, false)]
    [InlineData(64, 65, false)]
    public void A_small_block_stays_put_only_when_shrunk_by_less_than_a_quarter(int from, int to, bool stays)
    {
        using Allocator heap = CPython();
        void* p = heap.Allocate(from);
        Fill(p, from);
        void* q = heap.Reallocate(p, to);
        Assert.Equal(stays, p == q);
        Check(q, Math.Min(from, to));
        Assert.Equal(1, heap.GetAllocatedBlocks());
        heap.Free(q);
        heap.AssertValid();
    }

    [Fact]
    public void Growing_past_512_moves_to_the_raw_allocator_and_a_raw_block_stays_raw()
    {
        using Allocator heap = CPython();
        void* p = heap.Allocate(100);
        Fill(p, 100);
        void* big = heap.Reallocate(p, 4000);
        Assert.False(heap.IsSmallBlockAddress(big));
        Check(big, 100);
        void* shrunk = heap.Reallocate(big, 10);
        Assert.False(heap.IsSmallBlockAddress(shrunk));
        Check(shrunk, 10);
        Assert.Equal(10, heap.BlockSizeOf(shrunk));
        AllocatorStatistics stats = heap.GetStatistics();
        Assert.Equal(1, stats.RawBlocks);
        Assert.Equal(0, stats.BlocksInPools);
        heap.Free(shrunk);
        heap.AssertValid();
    }

    [Fact]
    public void Realloc_of_null_allocates_and_realloc_to_zero_returns_a_live_block()
    {
        using Allocator heap = CPython();
        void* p = heap.Reallocate(null, 40);
        Assert.True(heap.IsSmallBlockAddress(p));
        Assert.Equal(48, heap.BlockSizeOf(p));
        void* z = heap.Reallocate(p, 0);
        Assert.True(z != null);
        Assert.Equal(1, heap.GetAllocatedBlocks());
        heap.Free(z);
        Assert.Equal(0, heap.GetAllocatedBlocks());
        heap.AssertValid();
    }
}
