namespace Refheap.Memory;

/// <summary>The policy an <see cref="Allocator"/> follows, fixed when it is created.</summary>
public enum AllocatorProfile
{
    /// <summary>
    /// Refheap's own policy (the default): CPython's size classes and arena order, 4 KiB
    /// pools, and empty pools inside live arenas given back to the OS with hysteresis.
    /// </summary>
    Refheap = 0,

    /// <summary>pymalloc exactly as CPython 3.11 has it (obmalloc.c, 64-bit, radix tree on).</summary>
    CPython311 = 1,

    /// <summary>CPython 3.11's geometry, but arenas are never released: the seeds' world (Python 2.4 and before).</summary>
    Python24 = 2,
}
