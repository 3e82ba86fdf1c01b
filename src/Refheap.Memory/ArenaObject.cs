using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>
/// struct arena_object (obmalloc.c, 3.11), one slot of the arena table. Refheap replaces
/// CPython's <c>pool_address</c> bump pointer with a bitmap of uncarved pool slots, so that
/// pools given back to the OS can be carved again; in the CPython311 profile nothing is
/// ever given back and the bitmap is always a suffix, which makes it the same bump pointer.
/// <para>Invariants, checked by <see cref="Allocator.AssertValid"/>:</para>
/// <list type="bullet">
/// <item>Address == 0 iff the slot is on the unused list.</item>
/// <item>NFreePools == (pools on FreePools) + (bits set in Uncarved) and NDirty == pools on FreePools.</item>
/// <item>The arena is on the usable list iff NFreePools &gt; 0, and that list is sorted by NFreePools ascending.</item>
/// </list>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ArenaObject
{
    /// <summary>address: base of the 1 MiB mapping, 0 when the slot is unused.</summary>
    public nuint Address;

    /// <summary>The first pool-aligned address in the arena.</summary>
    public byte* FirstPool;

    /// <summary>nfreepools: empty pools plus pools not carved.</summary>
    public uint NFreePools;

    /// <summary>ntotalpools: 64 (or 63 when the base was not pool aligned) for 16 KiB pools.</summary>
    public uint NTotalPools;

    /// <summary>freepools: empty pools whose pages are committed (singly linked through NextPool).</summary>
    public PoolHeader* FreePools;

    /// <summary>nextarena: usable list, or unused-slot list.</summary>
    public ArenaObject* NextArena;

    /// <summary>prevarena: usable list.</summary>
    public ArenaObject* PrevArena;

    /// <summary>Pools on <see cref="FreePools"/>.</summary>
    public uint NDirty;

    public uint Reserved;

    /// <summary>Bit i set: pool slot i is not carved (never used, or given back to the OS).</summary>
    public UncarvedMask Uncarved;

    /// <summary>
    /// Refheap profile: per size class, 1 + the slot of the pool last carved for that class
    /// here (0: none), so the next pool of a class goes right after the previous one.
    /// </summary>
    public ClassSlotHints NextSlotHint;
}

/// <summary>One byte per size class.</summary>
[InlineArray(SizeClasses.Count)]
internal struct ClassSlotHints
{
    private byte _slot;
}

/// <summary>256 bits: one per pool slot of a 1 MiB arena of 4 KiB pools.</summary>
[InlineArray(4)]
internal struct UncarvedMask
{
    private ulong _word;
}
