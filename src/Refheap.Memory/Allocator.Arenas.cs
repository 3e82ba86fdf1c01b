using System;
using System.Diagnostics;
using Refheap.Memory.Platform;

namespace Refheap.Memory;

// Arenas: mapping, registration in the radix tree, and giving them back (obmalloc.c, 3.11).
public sealed unsafe partial class Allocator
{
    /// <summary>INITIAL_ARENA_OBJECTS.</summary>
    private const uint InitialArenaObjects = 16;

    /// <summary>
    /// obmalloc.c: new_arena. Maps 1 MiB, registers its pools in the radix tree and returns
    /// its slot, or null when the cap or the OS refuses. Only called while no arena is
    /// usable, so growing the slot table cannot leave a dangling list pointer.
    /// </summary>
    private ArenaObject* NewArena()
    {
        if (_unusedArenaObjects == null)
        {
            Debug.Assert(_usableArenas == null);
            if (!GrowArenaTable())
            {
                return null;
            }
        }

        if (_maxBytes > 0 && FootprintBytes + SizeClasses.ArenaSize > _maxBytes)
        {
            return null;
        }

        byte* address = (byte*)OsMemory.Map(SizeClasses.ArenaSize);
        if (address == null)
        {
            return null;
        }

        // mmap guarantees only page alignment: round up to the pool size, losing a pool
        // when the base was not aligned (CPython: ntotalpools 63 instead of 64).
        nuint baseAddress = (nuint)address;
        nuint firstPool = (baseAddress + _poolMask) & ~_poolMask;
        nuint end = baseAddress + SizeClasses.ArenaSize;
        if (!_map.Mark(firstPool, end, used: true))
        {
            OsMemory.Unmap(address, SizeClasses.ArenaSize);
            return null;
        }

        ArenaObject* arena = _unusedArenaObjects;
        _unusedArenaObjects = arena->NextArena;
        arena->Address = baseAddress;
        arena->FirstPool = (byte*)firstPool;
        arena->NTotalPools = (uint)((end - firstPool) / (nuint)_poolSize);
        arena->NFreePools = arena->NTotalPools;
        arena->FreePools = null;
        arena->NDirty = 0;
        arena->Uncarved = default;
        arena->NextSlotHint = default;
        for (int slot = 0; slot < arena->NTotalPools; slot++)
        {
            arena->Uncarved[slot >> 6] |= 1UL << (slot & 63);
        }

        _arenasCurrent++;
        _arenasAllocatedTotal++;
        if (_arenasCurrent > _arenasHighWater)
        {
            _arenasHighWater = _arenasCurrent;
        }

        GC.AddMemoryPressure(SizeClasses.ArenaSize);
        return arena;
    }

    private bool GrowArenaTable()
    {
        uint newMax = _maxArenas == 0 ? InitialArenaObjects : _maxArenas * 2;
        if (newMax <= _maxArenas || (ulong)newMax * (ulong)sizeof(ArenaObject) > int.MaxValue)
        {
            return false;
        }

        ArenaObject* table;
        try
        {
            table = (ArenaObject*)NativeHeap.Realloc(_arenas, (nuint)newMax * (nuint)sizeof(ArenaObject));
        }
        catch (OutOfMemoryException)
        {
            return false;
        }

        for (uint i = _maxArenas; i < newMax; i++)
        {
            table[i] = default;
            table[i].NextArena = i + 1 < newMax ? table + i + 1 : null;
        }

        _unusedArenaObjects = table + _maxArenas;
        _arenas = table;
        _maxArenas = newMax;
        return true;
    }

    /// <summary>Case 1 of insert_to_freepool: unlink the arena, unmap it, recycle its slot.</summary>
    private void FreeArena(ArenaObject* arena)
    {
        if (arena->PrevArena == null)
        {
            _usableArenas = arena->NextArena;
        }
        else
        {
            arena->PrevArena->NextArena = arena->NextArena;
        }

        if (arena->NextArena != null)
        {
            arena->NextArena->PrevArena = arena->PrevArena;
        }

        arena->NextArena = _unusedArenaObjects;
        _unusedArenaObjects = arena;
        _map.Mark((nuint)arena->FirstPool, arena->Address + SizeClasses.ArenaSize, used: false);
        OsMemory.Unmap((void*)arena->Address, SizeClasses.ArenaSize);
        GC.RemoveMemoryPressure(SizeClasses.ArenaSize);
        _dirtyPools -= arena->NDirty;
        arena->NDirty = 0;
        arena->FreePools = null;
        arena->Address = 0;
        _arenasCurrent--;
    }
}
