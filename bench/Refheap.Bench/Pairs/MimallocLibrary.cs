using System;
using System.Runtime.InteropServices;

namespace Refheap.Bench.Pairs;

/// <summary>
/// Debian's mimalloc (package libmimalloc2.0), loaded at run time so that the benchmarks
/// build and run without it. The library stays loaded for the life of the process.
/// </summary>
public sealed unsafe class MimallocLibrary
{
    public const string LibraryName = "libmimalloc.so.2";

    public const string MissingMessage = "mimalloc not found: apt-get install libmimalloc2.0";

    private static readonly Lazy<MimallocLibrary?> s_shared = new(Load);

    private MimallocLibrary(delegate* unmanaged<nuint, void*> malloc, delegate* unmanaged<void*, void> free)
    {
        Malloc = malloc;
        Free = free;
    }

    /// <summary>mi_malloc.</summary>
    public delegate* unmanaged<nuint, void*> Malloc { get; }

    /// <summary>mi_free.</summary>
    public delegate* unmanaged<void*, void> Free { get; }

    /// <summary>The library, or null when it is not installed (or lacks mi_malloc/mi_free).</summary>
    public static MimallocLibrary? TryLoad() => s_shared.Value;

    private static MimallocLibrary? Load()
    {
        if (!NativeLibrary.TryLoad(LibraryName, out nint handle))
        {
            return null;
        }

        if (!NativeLibrary.TryGetExport(handle, "mi_malloc", out nint malloc)
            || !NativeLibrary.TryGetExport(handle, "mi_free", out nint free))
        {
            return null;
        }

        return new MimallocLibrary((delegate* unmanaged<nuint, void*>)malloc, (delegate* unmanaged<void*, void>)free);
    }
}
