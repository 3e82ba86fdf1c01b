using System;
using System.Globalization;
using System.IO;

namespace Refheap.Memory.Platform;

/// <summary>
/// The only door to the operating system's virtual memory. Linux gets anonymous
/// <c>mmap</c>, <c>munmap</c> and <c>madvise(MADV_DONTNEED)</c>; every other OS gets a
/// portable fallback on the C runtime's aligned allocator, which cannot give pages back.
/// </summary>
public static unsafe class OsMemory
{
    /// <summary>The page size this layer assumes (CPython 3.11 assumes it too: SYSTEM_PAGE_SIZE).</summary>
    public const int PageSize = 4096;

    private static readonly bool s_linux = OperatingSystem.IsLinux();

    /// <summary>True when <see cref="Decommit"/> really returns pages to the OS.</summary>
    public static bool CanDecommit => s_linux;

    /// <summary>
    /// Maps <paramref name="size"/> bytes of zeroed, readable and writable memory.
    /// Returns null when the OS refuses. The address is page aligned and nothing more,
    /// exactly as CPython's <c>_PyObject_ArenaMmap</c> gets it.
    /// </summary>
    public static void* Map(nuint size)
    {
        if (s_linux)
        {
            void* p = LinuxMemory.Mmap(null, size, LinuxMemory.ProtRead | LinuxMemory.ProtWrite,
                LinuxMemory.MapPrivate | LinuxMemory.MapAnonymous, -1, 0);
            return p == LinuxMemory.MapFailed ? null : p;
        }

        return PortableMemory.Map(size);
    }

    /// <summary>Returns a mapping made by <see cref="Map"/> to the OS.</summary>
    public static void Unmap(void* address, nuint size)
    {
        if (s_linux)
        {
            if (LinuxMemory.Munmap(address, size) != 0)
            {
                throw new InvalidOperationException(
                    $"munmap(0x{(nuint)address:x}, {size}) failed with errno {*LinuxMemory.ErrnoLocation()}");
            }

            return;
        }

        PortableMemory.Unmap(address);
    }

    /// <summary>
    /// Gives the physical pages behind [address, address+size) back to the OS while keeping
    /// the range mapped; the next touch reads zeros. Returns false where the OS layer cannot
    /// do that (the portable fallback), in which case nothing changed.
    /// </summary>
    public static bool Decommit(void* address, nuint size)
    {
        if (!s_linux)
        {
            return false;
        }

        return LinuxMemory.Madvise(address, size, LinuxMemory.MadvDontNeed) == 0;
    }

    /// <summary>The peak resident set size of this process in bytes (VmHWM); the current RSS where unknown.</summary>
    public static long PeakResidentSetBytes()
    {
        if (!s_linux)
        {
            return Environment.WorkingSet;
        }

        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return ResidentSetBytes();
    }

    /// <summary>The resident set size of this process in bytes (VmRSS), or -1 where unknown.</summary>
    public static long ResidentSetBytes()
    {
        if (!s_linux)
        {
            return Environment.WorkingSet;
        }

        // /proc/self/statm: size resident shared text lib data dt, in pages.
        string text = File.ReadAllText("/proc/self/statm");
        string[] fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
