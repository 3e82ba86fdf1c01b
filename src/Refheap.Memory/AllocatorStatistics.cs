using System.Collections.Generic;

namespace Refheap.Memory;

/// <summary>One size class in <see cref="AllocatorStatistics"/>.</summary>
public readonly record struct SizeClassStatistics(int Index, int BlockSize, long Pools, long BlocksInUse, long AvailableBlocks);

/// <summary>
/// A snapshot of an allocator's books. The arena counters are kept as they change; the
/// pool and block figures are counted by walking the arenas when the snapshot is taken,
/// as CPython does for <c>sys._debugmallocstats()</c> and <c>sys.getallocatedblocks()</c>.
/// </summary>
public sealed class AllocatorStatistics
{
    public AllocatorProfile Profile { get; init; }

    public int PoolSize { get; init; }

    public int ArenaSize { get; init; } = SizeClasses.ArenaSize;

    /// <summary>ntimes_arena_allocated.</summary>
    public long ArenasAllocatedTotal { get; init; }

    /// <summary>Arenas given back to the OS: total minus current, as CPython prints it.</summary>
    public long ArenasReclaimed => ArenasAllocatedTotal - ArenasCurrent;

    /// <summary>narenas_highwater.</summary>
    public long ArenasHighWater { get; init; }

    /// <summary>narenas_currently_allocated.</summary>
    public long ArenasCurrent { get; init; }

    /// <summary>Pools with some but not all blocks in use.</summary>
    public long UsedPools { get; init; }

    /// <summary>Pools with every block in use.</summary>
    public long FullPools { get; init; }

    /// <summary>Carved pools with no block in use, pages still committed.</summary>
    public long EmptyPools { get; init; }

    /// <summary>Pool slots never carved, or given back to the OS (Refheap profile).</summary>
    public long UncarvedPools { get; init; }

    /// <summary>Σ nfreepools: what CPython reports as unused pools.</summary>
    public long UnusedPools => EmptyPools + UncarvedPools;

    /// <summary>Per size class, all 32 of them.</summary>
    public IReadOnlyList<SizeClassStatistics> Classes { get; init; } = [];

    public long BytesInAllocatedBlocks { get; init; }

    public long BytesInAvailableBlocks { get; init; }

    public long BytesLostToPoolHeaders { get; init; }

    public long BytesLostToQuantization { get; init; }

    public long BytesLostToArenaAlignment { get; init; }

    public int ArenaMapMidNodes { get; init; }

    public int ArenaMapBotNodes { get; init; }

    /// <summary>Blocks of 0 or more than 512 bytes, from the C allocator.</summary>
    public long RawBlocks { get; init; }

    public long RawBytes { get; init; }

    /// <summary>Pages (4 KiB) of empty pools given back to the OS since creation.</summary>
    public long PagesReleased { get; init; }

    /// <summary>Times the release policy ran, and madvise calls it made.</summary>
    public long ReleaseRuns { get; init; }

    public long ReleaseCalls { get; init; }

    /// <summary>sys.getallocatedblocks(): raw blocks plus blocks in use in pools.</summary>
    public long AllocatedBlocks => RawBlocks + BlocksInPools;

    public long BlocksInPools { get; init; }

    /// <summary>Mapped arenas plus raw bytes: what the cap limits.</summary>
    public long FootprintBytes { get; init; }

    public long MaxBytes { get; init; }
}
