using System;
using System.Runtime.InteropServices;

namespace Refheap.Memory.Platform;

/// <summary>
/// The C heap, for the runtime's own bookkeeping (arena tables, the radix map, pool heads,
/// raw blocks, the collector's list heads). The contract of <see cref="NativeMemory"/>
/// (an OutOfMemoryException, here InsufficientMemoryException, when the C heap refuses), but
/// on Linux through glibc directly: these
/// calls are precompiled into the ReadyToRun image (runtime marshalling is disabled in this
/// assembly), where NativeMemory's own P/Invokes had their stubs JIT-compiled in every process.
/// The OS test is OperatingSystem.IsLinux() itself, a constant for the compiled platform (a
/// static readonly copy would be a load on every allocation in precompiled code).
/// </summary>
public static unsafe partial class NativeHeap
{
    public static void* Alloc(nuint size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NativeMemory.Alloc(size);
        }

        return Check(Malloc(size == 0 ? 1 : size));
    }

    public static void* AllocZeroed(nuint size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NativeMemory.AllocZeroed(size);
        }

        return Check(Calloc(1, size == 0 ? 1 : size));
    }

    public static void* Realloc(void* p, nuint size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NativeMemory.Realloc(p, size);
        }

        return Check(CRealloc(p, size == 0 ? 1 : size));
    }

    public static void Free(void* p)
    {
        if (!OperatingSystem.IsLinux())
        {
            NativeMemory.Free(p);
            return;
        }

        CFree(p);
    }

    /// <summary>A block aligned to <paramref name="alignment"/> (a power of two, at least pointer size).</summary>
    public static void* AlignedAlloc(nuint size, nuint alignment)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NativeMemory.AlignedAlloc(size, alignment);
        }

        void* p;
        return PosixMemalign(&p, alignment, size == 0 ? 1 : size) == 0 ? p : Check(null);
    }

    /// <summary>Frees a block from <see cref="AlignedAlloc"/>.</summary>
    public static void AlignedFree(void* p)
    {
        if (!OperatingSystem.IsLinux())
        {
            NativeMemory.AlignedFree(p);
            return;
        }

        CFree(p);
    }

    private static void* Check(void* p) => p != null ? p : throw new InsufficientMemoryException("the C heap refused an allocation");

    [LibraryImport("libc", EntryPoint = "malloc")]
    private static partial void* Malloc(nuint size);

    [LibraryImport("libc", EntryPoint = "calloc")]
    private static partial void* Calloc(nuint count, nuint size);

    [LibraryImport("libc", EntryPoint = "realloc")]
    private static partial void* CRealloc(void* p, nuint size);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void CFree(void* p);

    [LibraryImport("libc", EntryPoint = "posix_memalign")]
    private static partial int PosixMemalign(void** p, nuint alignment, nuint size);
}
