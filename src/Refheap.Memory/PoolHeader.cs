using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>
/// struct pool_header (obmalloc.c, 3.11): the first 48 bytes of every pool.
/// <para>Invariants, checked by <see cref="Allocator.AssertValid"/>:</para>
/// <list type="bullet">
/// <item>A carved pool is in exactly one state: used (0 &lt; Count &lt; capacity, on the
/// used list of its class), full (Count == capacity, on no list) or empty (Count == 0, on
/// its arena's FreePools list).</item>
/// <item>Count + blocks on the FreeBlock list + virgin blocks (from NextOffset up to
/// MaxNextOffset) == capacity, for a pool that was initialised for a class.</item>
/// <item>Every block on the FreeBlock list lies at 48 + k * size, below NextOffset, and
/// carries the free tag in its second word.</item>
/// </list>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PoolHeader
{
    /// <summary>ref.count: blocks allocated from this pool.</summary>
    public uint Count;

    /// <summary>
    /// The upper half of CPython's <c>ref</c> union, unused there. Refheap keeps here the
    /// release epoch at which an empty pool became empty.
    /// </summary>
    public uint EmptyEpoch;

    /// <summary>freeblock: head of the singly linked list of free blocks.</summary>
    public byte* FreeBlock;

    /// <summary>nextpool: used list (circular, doubly linked) or arena free list (singly linked).</summary>
    public PoolHeader* NextPool;

    /// <summary>prevpool.</summary>
    public PoolHeader* PrevPool;

    /// <summary>arenaindex: index into the arena table.</summary>
    public uint ArenaIndex;

    /// <summary>szidx: size class, or <see cref="SizeClasses.DummySizeIndex"/>.</summary>
    public uint SizeIndex;

    /// <summary>nextoffset: offset of the next virgin block.</summary>
    public uint NextOffset;

    /// <summary>maxnextoffset: the largest valid NextOffset.</summary>
    public uint MaxNextOffset;
}
