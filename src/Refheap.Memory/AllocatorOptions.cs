namespace Refheap.Memory;

/// <summary>How to build an <see cref="Allocator"/>. Every option is fixed for its lifetime.</summary>
public sealed record AllocatorOptions
{
    /// <summary>The release policy and geometry; see <see cref="AllocatorProfile"/>.</summary>
    public AllocatorProfile Profile { get; init; } = AllocatorProfile.Refheap;

    /// <summary>
    /// A cap on the allocator's footprint: bytes of mapped arenas plus bytes of raw blocks.
    /// A request that would pass it fails as <see cref="HeapExhaustedException"/>. Zero means no cap.
    /// </summary>
    public long MaxBytes { get; init; }

    /// <summary>
    /// Debug mode: fill bytes, guard bytes around every block, an exact table of live blocks,
    /// and the owner-thread check on every call. Costs time and memory; changes block sizes
    /// (each request grows by <see cref="Allocator.DebugExtraBytes"/>), as CPython's debug hooks do.
    /// </summary>
    public bool Debug { get; init; }

    /// <summary>
    /// Pool size for the <see cref="AllocatorProfile.Refheap"/> profile: 4096 (the default) or
    /// 16384. The CPython311 and Python24 profiles always use 16 KiB pools.
    /// </summary>
    public int RefheapPoolSize { get; init; } = 4096;

    /// <summary>
    /// Refheap profile: the least number of bytes of empty pools kept committed before any is
    /// given back (hysteresis for alloc/free loops). The limit is the larger of this and
    /// 1/<see cref="DirtyFractionDivisor"/> of the bytes in non-empty pools.
    /// </summary>
    public long MinRetainedEmptyBytes { get; init; } = 1 << 20;

    /// <summary>Refheap profile: see <see cref="MinRetainedEmptyBytes"/>.</summary>
    public int DirtyFractionDivisor { get; init; } = 16;
}
