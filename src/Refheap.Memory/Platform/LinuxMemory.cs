using System.Runtime.InteropServices;

namespace Refheap.Memory.Platform;

/// <summary>P/Invoke bindings to glibc's memory-mapping calls (sys/mman.h, x86-64 and arm64 values).</summary>
internal static unsafe partial class LinuxMemory
{
    public const int ProtRead = 0x1;
    public const int ProtWrite = 0x2;
    public const int MapPrivate = 0x02;
    public const int MapAnonymous = 0x20;
    public const int MadvDontNeed = 4;
    public static readonly void* MapFailed = (void*)-1;

    // No SetLastError: its generated code saves and restores errno through two runtime P/Invokes
    // whose stubs are JIT-compiled at run time (at every start-up, the first arena mapping
    // paid for them). Failures read errno through ErrnoLocation right after the call instead.
    [LibraryImport("libc", EntryPoint = "mmap")]
    public static partial void* Mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    public static partial int Munmap(void* addr, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise")]
    public static partial int Madvise(void* addr, nuint length, int advice);

    /// <summary>glibc's thread-local errno.</summary>
    [LibraryImport("libc", EntryPoint = "__errno_location")]
    public static partial int* ErrnoLocation();
}
