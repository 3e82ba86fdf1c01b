using System;
using Refheap.Memory.Platform;

namespace Refheap.Memory;

// Refheap's release policy: empty pools inside live arenas give their pages back to the OS.
// See docs/design/allocator.md for the reasoning.
public sealed unsafe partial class Allocator
{
    // Bumped each time a pool becomes empty; a pool remembers the value in EmptyEpoch.
    private uint _releaseEpoch;
    private long _pagesReleased;
    private long _releaseRuns;
    private long _releaseCalls;

    /// <summary>
    /// How many empty pools may stay committed: the larger of the configured minimum and
    /// 1/divisor of the pools in use. Scaling with the live heap keeps alloc/free loops
    /// of any size from refaulting pages every cycle, while a heap that shrinks gives back
    /// all but a small fraction.
    /// </summary>
    private long DirtyLimit => Math.Max(_minDirtyPools, _livePools / _dirtyDivisor);

    /// <summary>
    /// Gives back to the OS the pages of every empty pool in a live arena, now. In the
    /// Refheap profile this is what the automatic policy does by degrees; the CPython311
    /// and Python24 profiles never give pages back, and this returns 0 there.
    /// Returns the number of bytes given back.
    /// </summary>
    public long ReleaseFreePages()
    {
        CheckCallable();
        if (_profile != AllocatorProfile.Refheap)
        {
            return 0;
        }

        return ReleaseOldEmptyPools(keepNewest: 0);
    }

    /// <summary>
    /// Gives back every empty pool except those among the <paramref name="keepNewest"/> most
    /// recent to become empty. Adjacent pools go back in one madvise call. Returns bytes given back.
    /// </summary>
    private long ReleaseOldEmptyPools(long keepNewest)
    {
        long released = 0;
        _releaseRuns++;
        UncarvedMask toRelease = default;
        for (uint i = 0; i < _maxArenas && _dirtyPools > 0; i++)
        {
            ArenaObject* arena = _arenas + i;
            if (arena->Address == 0 || arena->NDirty == 0)
            {
                continue;
            }

            toRelease = default;
            PoolHeader** link = &arena->FreePools;
            while (*link != null)
            {
                PoolHeader* pool = *link;
                if ((uint)(_releaseEpoch - pool->EmptyEpoch) >= keepNewest)
                {
                    *link = pool->NextPool;
                    int slot = (int)(((byte*)pool - arena->FirstPool) / _poolSize);
                    toRelease[slot >> 6] |= 1UL << (slot & 63);
                    arena->NDirty--;
                    _dirtyPools--;
                }
                else
                {
                    link = &pool->NextPool;
                }
            }

            released += DecommitSlots(arena, toRelease);
        }

        return released;
    }

    /// <summary>Decommits the marked slots, in runs, and marks them uncarved.</summary>
    private long DecommitSlots(ArenaObject* arena, UncarvedMask slots)
    {
        long released = 0;
        int slot = 0;
        while (slot < arena->NTotalPools)
        {
            if ((slots[slot >> 6] & (1UL << (slot & 63))) == 0)
            {
                slot++;
                continue;
            }

            int runStart = slot;
            while (slot < arena->NTotalPools && (slots[slot >> 6] & (1UL << (slot & 63))) != 0)
            {
                arena->Uncarved[slot >> 6] |= 1UL << (slot & 63);
                slot++;
            }

            nuint bytes = (nuint)((slot - runStart) * _poolSize);
            byte* start = arena->FirstPool + ((nint)runStart * _poolSize);
            _releaseCalls++;
            if (OsMemory.Decommit(start, bytes))
            {
                released += (long)bytes;
                _pagesReleased += (long)bytes / OsMemory.PageSize;
            }
            else
            {
                // The OS layer cannot decommit: the slot is still uncarved (it will be
                // re-initialised), but its header must read as a never-used pool.
                for (int s = runStart; s < slot; s++)
                {
                    *(PoolHeader*)(arena->FirstPool + ((nint)s * _poolSize)) = default;
                }
            }
        }

        return released;
    }
}
