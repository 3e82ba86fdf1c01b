using Refheap.Memory;

namespace Refheap.Runtime;

/// <summary>How to build a <see cref="PyRuntime"/>.</summary>
public sealed record RuntimeOptions
{
    /// <summary>CPython311: every observable rule is 3.11's. Refheap (default): our allocator policy.</summary>
    public AllocatorProfile Profile { get; init; } = AllocatorProfile.Refheap;

    /// <summary>Cap on the heap's footprint in bytes (0: none). Passing it raises MemoryError.</summary>
    public long MaxBytes { get; init; }

    /// <summary>Allocator debug mode (guard bytes, fill bytes, exact misuse detection).</summary>
    public bool DebugAllocator { get; init; }

    /// <summary>sys.getrecursionlimit(): 1000 as in CPython.</summary>
    public int RecursionLimit { get; init; } = 1000;
}
