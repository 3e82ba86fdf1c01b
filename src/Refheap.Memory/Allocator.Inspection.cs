namespace Refheap.Memory;

// Read-only views of the structure, for tests and diagnostics that need to see where a
// block lives. None of them changes anything.
public sealed unsafe partial class Allocator
{
    /// <summary>The pool header address of a small block, or 0 for a raw block.</summary>
    internal nuint PoolOf(void* p) => _map.Contains(p) ? (nuint)p & ~_poolMask : 0;

    /// <summary>The arena slot of a small block, or -1 for a raw block.</summary>
    internal int ArenaSlotOf(void* p) => _map.Contains(p) ? (int)((PoolHeader*)PoolOf(p))->ArenaIndex : -1;

    /// <summary>nfreepools of an arena slot.</summary>
    internal uint FreePoolsOfArena(int slot) => _arenas[slot].NFreePools;

    /// <summary>ntotalpools of an arena slot.</summary>
    internal uint TotalPoolsOfArena(int slot) => _arenas[slot].NTotalPools;

    /// <summary>Arena slots in usable-list order (fewest free pools first).</summary>
    internal int[] UsableArenaOrder()
    {
        var order = new System.Collections.Generic.List<int>();
        for (ArenaObject* a = _usableArenas; a != null; a = a->NextArena)
        {
            order.Add((int)(a - _arenas));
        }

        return order.ToArray();
    }

    /// <summary>Empty pools whose pages are still committed.</summary>
    internal long CommittedEmptyPools => _dirtyPools;

    /// <summary>The current bound on committed empty pools (Refheap profile).</summary>
    internal long CommittedEmptyPoolLimit => DirtyLimit;
}
