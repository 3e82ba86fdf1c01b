namespace Refheap.Memory;

/// <summary>The fixed geometry every profile shares (obmalloc.c, 3.11, 64-bit).</summary>
public static class SizeClasses
{
    /// <summary>ALIGNMENT: every block size is a multiple of this.</summary>
    public const int Alignment = 16;

    /// <summary>ALIGNMENT_SHIFT.</summary>
    public const int AlignmentShift = 4;

    /// <summary>SMALL_REQUEST_THRESHOLD: larger requests go to the raw allocator.</summary>
    public const int SmallRequestThreshold = 512;

    /// <summary>NB_SMALL_SIZE_CLASSES.</summary>
    public const int Count = SmallRequestThreshold / Alignment;

    /// <summary>ARENA_BITS.</summary>
    public const int ArenaBits = 20;

    /// <summary>ARENA_SIZE: 1 MiB.</summary>
    public const int ArenaSize = 1 << ArenaBits;

    /// <summary>POOL_OVERHEAD: sizeof(struct pool_header) rounded up to ALIGNMENT.</summary>
    public const int PoolOverhead = 48;

    /// <summary>DUMMY_SIZE_IDX: the size index of a pool that was carved but never initialised.</summary>
    public const uint DummySizeIndex = 0xffff;

    /// <summary>INDEX2SIZE: the block size of class <paramref name="index"/>.</summary>
    public static int BlockSize(int index) => (index + 1) << AlignmentShift;

    /// <summary>The class of a request of 1..512 bytes: (n - 1) >> ALIGNMENT_SHIFT.</summary>
    public static int IndexOf(long request) => (int)((request - 1) >> AlignmentShift);

    /// <summary>NUMBLOCKS: blocks in one pool of <paramref name="poolSize"/> bytes.</summary>
    public static int BlocksPerPool(int index, int poolSize) => (poolSize - PoolOverhead) / BlockSize(index);
}
