using System;
using Refheap.Memory.Platform;

namespace Refheap.Memory;

// Raw blocks: requests of 0 or more than 512 bytes go to the C allocator
// (PyMem_RawMalloc), tracked exactly so every byte is accounted for and a bad
// pointer is caught without reading memory we do not own.
public sealed unsafe partial class Allocator
{
    private void* AllocateRaw(nint size)
    {
        if (_maxBytes > 0 && FootprintBytes + size > _maxBytes)
        {
            return null;
        }

        void* p;
        try
        {
            p = NativeHeap.Alloc((nuint)size);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }

        _rawBlocks.Add((nuint)p, (nuint)size);
        _rawBytes += size;
        return p;
    }

    private void FreeRaw(void* p)
    {
        if (p == null)
        {
            return;
        }

        if (!_rawBlocks.Remove((nuint)p, out nuint size))
        {
            throw new HeapMisuseException(HeapMisuseKind.InvalidPointer, (nuint)p, -1,
                $"Cannot free {Hex(p)}: it is neither in a pool of this allocator nor a live raw block (a double free of a raw block, or a pointer from elsewhere).");
        }

        _rawBytes -= (long)size;
        NativeHeap.Free(p);
    }

    private void* ReallocateRaw(void* p, nint size)
    {
        if (!_rawBlocks.TryGetValue((nuint)p, out nuint oldSize))
        {
            throw new HeapMisuseException(HeapMisuseKind.InvalidPointer, (nuint)p, -1,
                $"Cannot reallocate {Hex(p)}: it is neither in a pool of this allocator nor a live raw block.");
        }

        // _PyMem_RawRealloc: a 0-byte request becomes 1 byte. A raw block never moves into pymalloc.
        nint newSize = size == 0 ? 1 : size;
        if (size > MaxRequestBytes || (_maxBytes > 0 && FootprintBytes - (long)oldSize + newSize > _maxBytes))
        {
            return null;
        }

        void* q;
        try
        {
            q = NativeHeap.Realloc(p, (nuint)newSize);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }

        if (q == p)
        {
            _rawBlocks.Set((nuint)p, (nuint)newSize);
        }
        else
        {
            _rawBlocks.Remove((nuint)p, out _);
            _rawBlocks.Add((nuint)q, (nuint)newSize);
        }
        _rawBytes += newSize - (long)oldSize;
        return q;
    }

    private long RawSize(void* p)
    {
        if (!_rawBlocks.TryGetValue((nuint)p, out nuint size))
        {
            throw new HeapMisuseException(HeapMisuseKind.InvalidPointer, (nuint)p, -1,
                $"{Hex(p)} is not a live block of this allocator.");
        }

        return (long)size;
    }
}
