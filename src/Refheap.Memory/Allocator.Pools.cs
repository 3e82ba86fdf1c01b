using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Refheap.Memory;

// Pools: the slow paths of allocation and free, and the list moves between the used,
// full and empty states (obmalloc.c, 3.11).
public sealed unsafe partial class Allocator
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void* AllocateSlow(nint size)
    {
        if (size < 0)
        {
            ThrowNegativeSize(size);
        }

        if (size > MaxRequestBytes)
        {
            return null;
        }

        if (size > 0 && size <= SizeClasses.SmallRequestThreshold)
        {
            void* bp = AllocateFromNewPool((uint)SizeClasses.IndexOf(size));
            if (bp != null)
            {
                return bp;
            }

            // No arena could be had: like _PyObject_Malloc, fall back to the raw allocator.
        }

        return AllocateRaw(size == 0 ? 1 : size);
    }

    /// <summary>
    /// obmalloc.c: pymalloc_pool_extend. Every block put on a free list carries the free
    /// tag, the pre-linked virgin block included, so a pointer to it is refused by free.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ExtendPool(PoolHeader* pool)
    {
        if (pool->NextOffset <= pool->MaxNextOffset)
        {
            // There is room for another virgin block.
            byte* virgin = (byte*)pool + pool->NextOffset;
            pool->FreeBlock = virgin;
            pool->NextOffset += (uint)SizeClasses.BlockSize((int)pool->SizeIndex);
            *(byte**)virgin = null;
            ((ulong*)virgin)[1] = FreeTag(virgin);
            return;
        }

        // The pool is full: unlink it from its used list.
        PoolHeader* next = pool->NextPool;
        PoolHeader* prev = pool->PrevPool;
        next->PrevPool = prev;
        prev->NextPool = next;
    }

    /// <summary>obmalloc.c: allocate_from_new_pool. Returns null when no arena can be had.</summary>
    private byte* AllocateFromNewPool(uint sizeIndex)
    {
        if (_usableArenas == null)
        {
            ArenaObject* fresh = NewArena();
            if (fresh == null)
            {
                return null;
            }

            fresh->NextArena = null;
            fresh->PrevArena = null;
            _usableArenas = fresh;
            Debug.Assert(_nfp2lasta[fresh->NFreePools] == null);
            _nfp2lasta[fresh->NFreePools] = fresh;
        }

        ArenaObject* arena = _usableArenas;
        Debug.Assert(arena->NFreePools > 0);

        // The head arena has the fewest free pools, so taking one keeps the list sorted.
        if (_nfp2lasta[arena->NFreePools] == arena)
        {
            _nfp2lasta[arena->NFreePools] = null;
        }

        if (arena->NFreePools > 1)
        {
            Debug.Assert(_nfp2lasta[arena->NFreePools - 1] == null);
            _nfp2lasta[arena->NFreePools - 1] = arena;
        }

        PoolHeader* pool = arena->FreePools;
        if (pool != null)
        {
            arena->FreePools = pool->NextPool;
            arena->NDirty--;
            _dirtyPools--;
        }
        else
        {
            pool = CarvePool(arena, sizeIndex);
        }

        arena->NFreePools--;
        _livePools++;
        if (arena->NFreePools == 0)
        {
            // The arena is wholly allocated: unlink it.
            _usableArenas = arena->NextArena;
            if (_usableArenas != null)
            {
                _usableArenas->PrevArena = null;
            }
        }

        // Link the pool at the front of its class's used list (which is empty here).
        PoolHeader* head = _usedHeads + sizeIndex;
        PoolHeader* first = head->NextPool;
        pool->NextPool = first;
        pool->PrevPool = head;
        first->PrevPool = pool;
        head->NextPool = pool;
        pool->Count = 1;

        byte* bp;
        if (pool->SizeIndex == sizeIndex)
        {
            // An empty pool of the same class: its free list is intact.
            bp = pool->FreeBlock;
            pool->FreeBlock = *(byte**)bp;
            ((ulong*)bp)[1] = 0;
            return bp;
        }

        // Initialise the pool for this class; only the first two blocks are touched.
        pool->SizeIndex = sizeIndex;
        uint size = (uint)SizeClasses.BlockSize((int)sizeIndex);
        bp = (byte*)pool + SizeClasses.PoolOverhead;
        pool->NextOffset = SizeClasses.PoolOverhead + (size << 1);
        pool->MaxNextOffset = (uint)_poolSize - size;
        byte* second = bp + size;
        pool->FreeBlock = second;
        *(byte**)second = null;
        ((ulong*)second)[1] = FreeTag(second);
        ((ulong*)bp)[1] = 0;
        return bp;
    }

    /// <summary>
    /// Carves the lowest uncarved pool slot of <paramref name="arena"/>. Without releases this
    /// is CPython's pool_address bump pointer.
    /// </summary>
    private PoolHeader* CarvePool(ArenaObject* arena, uint sizeIndex)
    {
        int slot = -1;
        if (_profile == AllocatorProfile.Refheap)
        {
            // Where new pools go: right after the last pool of the same class when that slot
            // is free, so a class's blocks run on consecutive pages (the collector walks them
            // in allocation order, and the hardware prefetcher follows consecutive pages).
            int hint = arena->NextSlotHint[(int)sizeIndex];
            if (hint != 0 && hint < arena->NTotalPools && (arena->Uncarved[hint >> 6] & (1UL << (hint & 63))) != 0)
            {
                slot = hint;
            }
        }

        if (slot < 0 && _profile == AllocatorProfile.Refheap)
        {
            // A class starting a new run takes a whole free group of four slots (16 KiB), so
            // that other classes do not land right behind it.
            slot = LowestFreeGroupOfFour(arena);
        }

        if (slot < 0)
        {
            slot = LowestUncarved(arena);
        }

        if (_profile == AllocatorProfile.Refheap)
        {
            arena->NextSlotHint[(int)sizeIndex] = (byte)(slot + 1 < 256 ? slot + 1 : 0);
        }

        Debug.Assert(slot >= 0 && slot < arena->NTotalPools);
        arena->Uncarved[slot >> 6] &= ~(1UL << (slot & 63));
        PoolHeader* pool = (PoolHeader*)(arena->FirstPool + ((nint)slot * _poolSize));
        pool->ArenaIndex = (uint)(arena - _arenas);
        pool->SizeIndex = SizeClasses.DummySizeIndex;
        pool->EmptyEpoch = 0;
        return pool;
    }

    private static int LowestFreeGroupOfFour(ArenaObject* arena)
    {
        for (int w = 0; w < 4; w++)
        {
            ulong bits = arena->Uncarved[w];
            ulong groups = bits & (bits >> 1) & (bits >> 2) & (bits >> 3) & 0x1111111111111111UL;
            if (groups != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(groups);
            }
        }

        return -1;
    }

    private static int LowestUncarved(ArenaObject* arena)
    {
        for (int w = 0; w < 4; w++)
        {
            ulong bits = arena->Uncarved[w];
            if (bits != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }

        return -1;
    }

    /// <summary>obmalloc.c: insert_to_usedpool. The pool was full and becomes used again, at the front.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InsertToUsedPool(PoolHeader* pool)
    {
        PoolHeader* head = _usedHeads + pool->SizeIndex;
        PoolHeader* next = head->NextPool;
        pool->NextPool = next;
        pool->PrevPool = head;
        next->PrevPool = pool;
        head->NextPool = pool;
    }

    /// <summary>obmalloc.c: insert_to_freepool. The pool became empty; arena bookkeeping follows.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InsertToFreePool(PoolHeader* pool)
    {
        PoolHeader* next = pool->NextPool;
        PoolHeader* prev = pool->PrevPool;
        next->PrevPool = prev;
        prev->NextPool = next;

        ArenaObject* arena = _arenas + pool->ArenaIndex;
        pool->NextPool = arena->FreePools;
        arena->FreePools = pool;
        arena->NDirty++;
        _dirtyPools++;
        _livePools--;
        pool->EmptyEpoch = ++_releaseEpoch;

        uint nf = arena->NFreePools;
        ArenaObject* lastnf = _nfp2lasta[nf];
        if (lastnf == arena)
        {
            // It was the rightmost arena with nf free pools.
            ArenaObject* p = arena->PrevArena;
            _nfp2lasta[nf] = (p != null && p->NFreePools == nf) ? p : null;
        }

        arena->NFreePools = ++nf;

        if (nf == arena->NTotalPools && arena->NextArena != null && _profile != AllocatorProfile.Python24)
        {
            // Case 1: every pool is empty and the arena is not the last usable one
            // (keep-one-empty, bpo-37257): give the whole arena back.
            FreeArena(arena);
            return;
        }

        if (nf == 1)
        {
            // Case 2: the arena was full and on no list; it has the fewest free pools now.
            arena->NextArena = _usableArenas;
            arena->PrevArena = null;
            if (_usableArenas != null)
            {
                _usableArenas->PrevArena = arena;
            }

            _usableArenas = arena;
            if (_nfp2lasta[1] == null)
            {
                _nfp2lasta[1] = arena;
            }
        }
        else
        {
            if (_nfp2lasta[nf] == null)
            {
                _nfp2lasta[nf] = arena;
            }

            // Case 3: still in order. Case 4: slide it to just after lastnf, in O(1) (bpo-37029).
            if (arena != lastnf)
            {
                Debug.Assert(arena->NextArena != null && lastnf != null);
                if (arena->PrevArena != null)
                {
                    arena->PrevArena->NextArena = arena->NextArena;
                }
                else
                {
                    _usableArenas = arena->NextArena;
                }

                arena->NextArena->PrevArena = arena->PrevArena;
                arena->PrevArena = lastnf;
                arena->NextArena = lastnf->NextArena;
                if (arena->NextArena != null)
                {
                    arena->NextArena->PrevArena = arena;
                }

                lastnf->NextArena = arena;
            }
        }

        // The cheap test first: the limit is never below the minimum.
        if (_profile == AllocatorProfile.Refheap && _dirtyPools > _minDirtyPools && _dirtyPools > DirtyLimit)
        {
            ReleaseOldEmptyPools(DirtyLimit / 2);
        }
    }

    /// <summary>
    /// The pointer failed the cheap checks of the free path: find out what it is, free it if
    /// it is a real block after all (its second word only looked like a free tag), otherwise
    /// throw without changing anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FreeSuspicious(PoolHeader* pool, byte* p)
    {
        ClassifyPoolPointer(pool, p, "free");
        FreeValidBlock(pool, p);
    }

    /// <summary>Throws unless <paramref name="p"/> is a live block of <paramref name="pool"/>.</summary>
    private void ClassifyPoolPointer(PoolHeader* pool, byte* p, string operation)
    {
        uint offset = (uint)(p - (byte*)pool);
        uint sizeIndex = pool->SizeIndex;
        bool carved = sizeIndex < SizeClasses.Count && pool->NextOffset >= SizeClasses.PoolOverhead;
        int cls = carved ? (int)sizeIndex : -1;
        if (!carved
            || offset - SizeClasses.PoolOverhead >= pool->NextOffset - SizeClasses.PoolOverhead
            || !IsBlockStart(offset - SizeClasses.PoolOverhead, sizeIndex))
        {
            throw new HeapMisuseException(HeapMisuseKind.InvalidPointer, (nuint)p, cls,
                $"Cannot {operation} {Hex(p)}: it is not the start of a block this allocator handed out"
                + (carved ? $" (it lies in a pool of size class {sizeIndex}, {SizeClasses.BlockSize((int)sizeIndex)}-byte blocks)." : "."));
        }

        if (pool->Count == 0 || IsOnFreeList(pool, p))
        {
            throw new HeapMisuseException(HeapMisuseKind.DoubleFree, (nuint)p, cls,
                $"Cannot {operation} {Hex(p)}: the block is already free (size class {sizeIndex}, {SizeClasses.BlockSize((int)sizeIndex)}-byte blocks).");
        }
    }

    private static bool IsOnFreeList(PoolHeader* pool, byte* p)
    {
        for (byte* b = pool->FreeBlock; b != null; b = *(byte**)b)
        {
            if (b == p)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Validates a pymalloc pointer for realloc and size queries; returns its pool.</summary>
    private PoolHeader* PoolOfLiveBlock(byte* p, string operation)
    {
        PoolHeader* pool = (PoolHeader*)((nuint)p & ~_poolMask);
        if (!LooksLikeLiveBlock(pool, p))
        {
            ClassifyPoolPointer(pool, p, operation);
        }

        return pool;
    }

    private void* ReallocateCore(void* p, nint size)
    {
        if (p == null)
        {
            return AllocateCore(size);
        }

        if (!_map.Contains(p))
        {
            return ReallocateRaw(p, size);
        }

        // obmalloc.c: pymalloc_realloc.
        PoolHeader* pool = PoolOfLiveBlock((byte*)p, "reallocate");
        nint blockSize = SizeClasses.BlockSize((int)pool->SizeIndex);
        nint copy = blockSize;
        if (size <= blockSize)
        {
            // A shrink of less than 25% is not worth a copy.
            if (4 * size > 3 * blockSize)
            {
                return p;
            }

            copy = size;
        }

        void* bp = AllocateCore(size);
        if (bp == null)
        {
            return null;
        }

        Buffer.MemoryCopy(p, bp, copy, copy);
        FreeValidBlock(pool, (byte*)p);
        return bp;
    }

    /// <summary>obmalloc.c: pymalloc_alloc, the fast path, without the mode test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void* AllocateCore(nint size)
    {
        nuint n = (nuint)size - 1;
        if (n < SizeClasses.SmallRequestThreshold)
        {
            PoolHeader* head = _usedHeads + (n >> SizeClasses.AlignmentShift);
            PoolHeader* pool = head->NextPool;
            if (pool != head)
            {
                byte* bp = pool->FreeBlock;
                pool->Count++;
                byte* next = *(byte**)bp;
                pool->FreeBlock = next;
                ((ulong*)bp)[1] = 0;
                if (next == null)
                {
                    ExtendPool(pool);
                }

                return bp;
            }
        }

        return AllocateSlow(size);
    }

    private long UsableSize(void* p)
    {
        if (_map.Contains(p))
        {
            PoolHeader* pool = PoolOfLiveBlock((byte*)p, "size");
            return SizeClasses.BlockSize((int)pool->SizeIndex);
        }

        return RawSize(p);
    }
}
