namespace Refheap.Runtime.Gc;

/// <summary>gc.DEBUG_* (Modules/gcmodule.c, 3.11).</summary>
[System.Flags]
public enum GcDebugFlags
{
    None = 0,
    Stats = 1,
    Collectable = 2,
    Uncollectable = 4,
    SaveAll = 32,
    Leak = Collectable | Uncollectable | SaveAll,
}

/// <summary>One generation's row of gc.get_stats().</summary>
public readonly record struct GcGenerationStats(long Collections, long Collected, long Uncollectable);

/// <summary>The info gc.callbacks receive: generation, collected, uncollectable.</summary>
public readonly record struct GcCallbackInfo(int Generation, long Collected, long Uncollectable);
