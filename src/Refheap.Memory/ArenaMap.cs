using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Memory.Platform;

namespace Refheap.Memory;

/// <summary>
/// The radix tree behind address_in_range (obmalloc.c, 3.11, WITH_PYMALLOC_RADIX_TREE,
/// bpo-37448): 15 top bits, 15 middle bits, 14 bottom bits, one leaf per 1 MiB of address
/// space. A lookup reads only the tree, never the memory it asks about.
/// <para>
/// Where CPython marks the whole mapping [base, base + 1 MiB), Refheap marks only the part
/// that holds pools, [first pool, base + 1 MiB). A pointer into the few KiB lost to pool
/// alignment is then "not ours", and freeing it cannot make the allocator read a pool
/// header below the mapping.
/// </para>
/// <para>Invariant: a leaf's (TailLo, TailHi) covers exactly the pool ranges of live arenas that
/// touch its 1 MiB of address space; MidNodes and BotNodes count the nodes allocated.</para>
/// </summary>
internal unsafe struct ArenaMap : IDisposable
{
    private const int TopBits = 15;
    private const int MidBits = 15;
    private const int BotBits = 14;
    private const int TopShift = 64 - TopBits;
    private const int MidShift = TopShift - MidBits;
    private const int BotShift = MidShift - BotBits;
    private const int TopLength = 1 << TopBits;
    private const int MidLength = 1 << MidBits;
    private const int BotLength = 1 << BotBits;
    private const nuint TailMask = SizeClasses.ArenaSize - 1;

    /// <summary>Bytes of the root, as _debugmallocstats reports it (static in CPython).</summary>
    public const int RootBytes = TopLength * 8;

    /// <summary>Bytes of one middle node.</summary>
    public const int MidBytes = MidLength * 8;

    /// <summary>Bytes of one bottom node.</summary>
    public const int BotBytes = BotLength * 8;

    private Leaf*** _root;

    public int MidNodes { get; private set; }

    public int BotNodes { get; private set; }

    /// <summary>arena_coverage_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Leaf
    {
        public int TailHi;
        public int TailLo;
    }

    public static ArenaMap Create()
    {
        var map = default(ArenaMap);
        map._root = (Leaf***)NativeHeap.AllocZeroed((nuint)RootBytes);
        return map;
    }

    /// <summary>arena_map_is_used: is <paramref name="p"/> inside the pools of a live arena?</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Contains(void* p)
    {
        nuint a = (nuint)p;
        Leaf** mid = _root[a >> TopShift];
        if (mid == null)
        {
            return false;
        }

        Leaf* bot = mid[(a >> MidShift) & (MidLength - 1)];
        if (bot == null)
        {
            return false;
        }

        Leaf* leaf = bot + ((a >> BotShift) & (BotLength - 1));
        int tail = (int)(a & TailMask);
        return tail < leaf->TailLo || (tail >= leaf->TailHi && leaf->TailHi != 0);
    }

    /// <summary>
    /// Marks [start, end) as in use, or clears it. The range lies within one arena mapping:
    /// at most 1 MiB long, so it touches at most two leaves.
    /// Returns false (nothing changed) when a node could not be allocated.
    /// </summary>
    public bool Mark(nuint start, nuint end, bool used)
    {
        Leaf* first = LeafFor(start, used);
        if (first == null)
        {
            return !used;
        }

        int startTail = (int)(start & TailMask);
        int endTail = (int)(end & TailMask);
        if (startTail == 0 && endTail == 0)
        {
            // A whole, aligned megabyte.
            first->TailHi = used ? -1 : 0;
            return true;
        }

        if (startTail == 0)
        {
            // [leaf start, endTail): the range is under 1 MiB, so it ends in this leaf.
            first->TailLo = used ? endTail : 0;
            return true;
        }

        // [startTail, leaf end) here, and [0, endTail) in the next leaf when endTail != 0.
        // A range strictly inside one leaf cannot occur: arena ranges are at least 1 MiB
        // minus one pool long.
        Debug.Assert(endTail == 0 || (start >> SizeClasses.ArenaBits) != (end >> SizeClasses.ArenaBits));
        Leaf* second = endTail == 0 ? null : LeafFor(end, used);
        if (endTail != 0 && second == null && used)
        {
            return false;
        }

        first->TailHi = used ? startTail : 0;
        if (second != null)
        {
            second->TailLo = used ? endTail : 0;
        }

        return true;
    }

    private Leaf* LeafFor(nuint a, bool create)
    {
        ref Leaf** mid = ref _root[a >> TopShift];
        if (mid == null)
        {
            if (!create)
            {
                return null;
            }

            mid = (Leaf**)TryAllocZeroed(MidBytes);
            if (mid == null)
            {
                return null;
            }

            MidNodes++;
        }

        ref Leaf* bot = ref mid[(a >> MidShift) & (MidLength - 1)];
        if (bot == null)
        {
            if (!create)
            {
                return null;
            }

            bot = (Leaf*)TryAllocZeroed(BotBytes);
            if (bot == null)
            {
                return null;
            }

            BotNodes++;
        }

        return bot + ((a >> BotShift) & (BotLength - 1));
    }

    private static void* TryAllocZeroed(int bytes)
    {
        try
        {
            return NativeHeap.AllocZeroed((nuint)bytes);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Frees every node. CPython never frees its nodes; neither do we until dispose.</summary>
    public void Dispose()
    {
        if (_root == null)
        {
            return;
        }

        for (int i = 0; i < TopLength; i++)
        {
            Leaf** mid = _root[i];
            if (mid == null)
            {
                continue;
            }

            for (int j = 0; j < MidLength; j++)
            {
                if (mid[j] != null)
                {
                    NativeHeap.Free(mid[j]);
                }
            }

            NativeHeap.Free(mid);
        }

        NativeHeap.Free(_root);
        _root = null;
        MidNodes = 0;
        BotNodes = 0;
    }
}
