using System.Runtime.InteropServices;

namespace Refheap.Memory.Platform;

/// <summary>
/// The fallback where no mmap is bound: page-aligned blocks from the C runtime, zeroed so
/// that never-used pools read as zero exactly as fresh anonymous mappings do.
/// </summary>
internal static unsafe class PortableMemory
{
    public static void* Map(nuint size)
    {
        void* p;
        try
        {
            p = NativeMemory.AlignedAlloc(size, OsMemory.PageSize);
        }
        catch (System.OutOfMemoryException)
        {
            return null;
        }

        NativeMemory.Clear(p, size);
        return p;
    }

    public static void Unmap(void* address) => NativeMemory.AlignedFree(address);
}
