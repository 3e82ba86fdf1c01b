using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Refheap.Memory;

// The whole-structure validator: every invariant stated on Allocator, PoolHeader,
// ArenaObject and ArenaMap, checked by walking everything.
public sealed unsafe partial class Allocator
{
    /// <summary>
    /// Checks every invariant (see <see cref="CheckInvariants"/>). Compiled into callers
    /// that define REFHEAP_CHECK_INVARIANTS, as the tests and randomized stress runs do.
    /// </summary>
    [Conditional("REFHEAP_CHECK_INVARIANTS")]
    public void AssertValid() => CheckInvariants();

    /// <summary>
    /// Walks the whole heap and throws <see cref="InvalidOperationException"/> naming the
    /// first invariant that does not hold (in debug mode, damaged guard bytes throw
    /// <see cref="HeapMisuseException"/> naming the block). Cost: proportional to the blocks in the heap.
    /// </summary>
    public void CheckInvariants()
    {
        CheckCallable();
        var usedPools = new HashSet<nuint>();
        CheckUsedLists(usedPools);
        (long live, long dirty, long inPools) = CheckArenas(usedPools);
        CheckUsableList();
        CheckUnusedSlots();

        Require(live == _livePools, $"live pools counted {live}, counter says {_livePools}");
        Require(dirty == _dirtyPools, $"empty committed pools counted {dirty}, counter says {_dirtyPools}");
        Require(_arenasHighWater >= _arenasCurrent && _arenasAllocatedTotal >= _arenasCurrent, "arena counters out of order");

        long rawBytes = 0;
        for (int slot = 0; slot < _rawBlocks.SlotCount; slot++)
        {
            if (_rawBlocks.TryGetSlot(slot, out nuint p, out nuint size))
            {
                rawBytes += (long)size;
                Require(!_map.Contains((void*)p), $"raw block 0x{p:x} lies inside an arena");
            }
        }

        Require(rawBytes == _rawBytes, $"raw bytes counted {rawBytes}, counter says {_rawBytes}");

        if (_debug)
        {
            Require(_debugLive!.Count == inPools + _rawBlocks.Count,
                $"debug table has {_debugLive.Count} live blocks, the heap has {inPools + _rawBlocks.Count}");
            foreach ((nuint user, long size) in _debugLive)
            {
                CheckGuards((byte*)user, size);
            }
        }
    }

    private void CheckUsedLists(HashSet<nuint> usedPools)
    {
        for (int c = 0; c < SizeClasses.Count; c++)
        {
            PoolHeader* head = _usedHeads + c;
            int capacity = SizeClasses.BlocksPerPool(c, _poolSize);
            PoolHeader* prev = head;
            for (PoolHeader* pool = head->NextPool; pool != head; pool = pool->NextPool)
            {
                Require(pool->PrevPool == prev, $"used list {c}: broken back link at 0x{(nuint)pool:x}");
                Require(_map.Contains(pool), $"used list {c}: pool 0x{(nuint)pool:x} is in no live arena");
                Require(pool->SizeIndex == c, $"used list {c}: pool 0x{(nuint)pool:x} has size index {pool->SizeIndex}");
                Require(pool->Count > 0 && pool->Count < capacity,
                    $"used list {c}: pool 0x{(nuint)pool:x} has {pool->Count} of {capacity} blocks in use");
                Require(pool->FreeBlock != null, $"used list {c}: pool 0x{(nuint)pool:x} has no free block");
                Require(usedPools.Add((nuint)pool), $"used list {c}: pool 0x{(nuint)pool:x} appears twice");
                prev = pool;
            }

            Require(head->PrevPool == prev, $"used list {c}: the head's back link is wrong");
        }
    }

    private (long Live, long Dirty, long BlocksInPools) CheckArenas(HashSet<nuint> usedPools)
    {
        long live = 0, dirty = 0, blocks = 0, arenas = 0, usedSeen = 0;
        var freeListed = new HashSet<nuint>();
        for (uint i = 0; i < _maxArenas; i++)
        {
            ArenaObject* arena = _arenas + i;
            if (arena->Address == 0)
            {
                continue;
            }

            arenas++;
            nuint end = arena->Address + SizeClasses.ArenaSize;
            Require(((nuint)arena->FirstPool & _poolMask) == 0 && (nuint)arena->FirstPool >= arena->Address,
                $"arena {i}: first pool misplaced");
            Require(arena->NTotalPools == (uint)((end - (nuint)arena->FirstPool) / (nuint)_poolSize), $"arena {i}: wrong pool total");
            Require(_map.Contains(arena->FirstPool) && _map.Contains((void*)(end - 1)), $"arena {i}: not in the arena map");
            Require(arena->FirstPool == (byte*)arena->Address || !_map.Contains((void*)arena->Address),
                $"arena {i}: the alignment gap is in the arena map");

            freeListed.Clear();
            uint listed = 0;
            for (PoolHeader* pool = arena->FreePools; pool != null; pool = pool->NextPool)
            {
                Require(++listed <= arena->NTotalPools, $"arena {i}: free pool list has a cycle");
                Require(pool->Count == 0, $"arena {i}: free-listed pool 0x{(nuint)pool:x} has {pool->Count} blocks in use");
                Require(freeListed.Add((nuint)pool), $"arena {i}: pool listed twice");
            }

            Require(listed == arena->NDirty, $"arena {i}: {listed} pools on its free list, NDirty says {arena->NDirty}");
            dirty += listed;

            uint uncarved = 0;
            for (int slot = 0; slot < arena->NTotalPools; slot++)
            {
                if ((arena->Uncarved[slot >> 6] & (1UL << (slot & 63))) != 0)
                {
                    uncarved++;
                    continue;
                }

                PoolHeader* pool = (PoolHeader*)(arena->FirstPool + ((nint)slot * _poolSize));
                Require(pool->ArenaIndex == i, $"pool 0x{(nuint)pool:x}: arena index {pool->ArenaIndex}, expected {i}");
                CheckPoolBlocks(pool);
                int capacity = SizeClasses.BlocksPerPool((int)pool->SizeIndex, _poolSize);
                if (pool->Count == 0)
                {
                    Require(freeListed.Contains((nuint)pool), $"pool 0x{(nuint)pool:x} is empty but not on its arena's free list");
                }
                else
                {
                    live++;
                    blocks += pool->Count;
                    bool isFull = pool->Count == capacity;
                    usedSeen += isFull ? 0 : 1;
                    Require(isFull != usedPools.Contains((nuint)pool),
                        $"pool 0x{(nuint)pool:x} ({pool->Count}/{capacity}) is {(isFull ? "full but on" : "used but not on")} a used list");
                }
            }

            for (int slot = (int)arena->NTotalPools; slot < 256; slot++)
            {
                Require((arena->Uncarved[slot >> 6] & (1UL << (slot & 63))) == 0, $"arena {i}: bit for missing slot {slot}");
            }

            Require(arena->NFreePools == uncarved + listed,
                $"arena {i}: nfreepools {arena->NFreePools}, but {listed} empty and {uncarved} uncarved pools");
        }

        Require(arenas == _arenasCurrent, $"{arenas} live arenas, counter says {_arenasCurrent}");
        Require(usedSeen == usedPools.Count, $"{usedPools.Count} pools on used lists, {usedSeen} found in arenas");
        return (live, dirty, blocks);
    }

    /// <summary>Count + free-listed blocks + virgin blocks == capacity; free blocks are distinct, tagged block starts.</summary>
    private void CheckPoolBlocks(PoolHeader* pool)
    {
        Require(pool->SizeIndex < SizeClasses.Count, $"pool 0x{(nuint)pool:x} has size index {pool->SizeIndex}");
        int size = SizeClasses.BlockSize((int)pool->SizeIndex);
        int capacity = SizeClasses.BlocksPerPool((int)pool->SizeIndex, _poolSize);
        Require(pool->MaxNextOffset == (uint)(_poolSize - size), $"pool 0x{(nuint)pool:x}: maxnextoffset {pool->MaxNextOffset}");
        Require(pool->NextOffset >= SizeClasses.PoolOverhead + size && (pool->NextOffset - SizeClasses.PoolOverhead) % size == 0,
            $"pool 0x{(nuint)pool:x}: nextoffset {pool->NextOffset}");
        long virgin = pool->NextOffset <= pool->MaxNextOffset ? ((pool->MaxNextOffset - pool->NextOffset) / size) + 1 : 0;
        long free = 0;
        var seen = new HashSet<nuint>();
        for (byte* b = pool->FreeBlock; b != null; b = *(byte**)b)
        {
            uint offset = (uint)(b - (byte*)pool);
            Require(offset >= SizeClasses.PoolOverhead && offset < pool->NextOffset && (offset - SizeClasses.PoolOverhead) % size == 0,
                $"pool 0x{(nuint)pool:x}: free block at bad offset {offset}");
            Require(seen.Add((nuint)b), $"pool 0x{(nuint)pool:x}: free list has a cycle at offset {offset}");
            Require(((ulong*)b)[1] == FreeTag(b), $"pool 0x{(nuint)pool:x}: free block at offset {offset} lacks the free tag");
            free++;
        }

        Require(pool->Count + free + virgin == capacity,
            $"pool 0x{(nuint)pool:x}: {pool->Count} in use + {free} free + {virgin} virgin != {capacity}");
    }

    private void CheckUsableList()
    {
        var lastWith = new Dictionary<uint, nuint>();
        ArenaObject* prev = null;
        uint previousFree = 0;
        long count = 0;
        for (ArenaObject* a = _usableArenas; a != null; a = a->NextArena)
        {
            Require(++count <= _maxArenas, "usable arena list has a cycle");
            Require(a->Address != 0, "usable arena list holds an unused slot");
            Require(a->PrevArena == prev, "usable arena list: broken back link");
            Require(a->NFreePools > 0, "usable arena list holds a full arena");
            Require(a->NFreePools >= previousFree, "usable arena list is not sorted by free pools");
            previousFree = a->NFreePools;
            lastWith[a->NFreePools] = (nuint)a;
            prev = a;
        }

        long usable = 0;
        for (uint i = 0; i < _maxArenas; i++)
        {
            if (_arenas[i].Address != 0 && _arenas[i].NFreePools > 0)
            {
                usable++;
            }
        }

        Require(usable == count, $"{usable} arenas have free pools but {count} are on the usable list");
        for (uint k = 0; k <= _maxPoolsPerArena; k++)
        {
            nuint expected = lastWith.TryGetValue(k, out nuint a) ? a : 0;
            Require((nuint)_nfp2lasta[k] == expected, $"nfp2lasta[{k}] is wrong");
        }
    }

    private void CheckUnusedSlots()
    {
        long unused = 0;
        for (ArenaObject* a = _unusedArenaObjects; a != null; a = a->NextArena)
        {
            Require(++unused <= _maxArenas, "unused arena list has a cycle");
            Require(a->Address == 0, "unused arena list holds a live arena");
        }

        Require(unused == _maxArenas - _arenasCurrent, $"{unused} unused slots, expected {_maxArenas - _arenasCurrent}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Allocator invariant violated: " + message);
        }
    }
}
