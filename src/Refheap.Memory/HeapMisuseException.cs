using System;

namespace Refheap.Memory;

/// <summary>What a caller did wrong to the heap.</summary>
public enum HeapMisuseKind
{
    /// <summary>Freeing or resizing a pointer this allocator never handed out (or already gave back with its arena).</summary>
    InvalidPointer,

    /// <summary>Freeing a block that is already free.</summary>
    DoubleFree,

    /// <summary>A write past the end of a block (debug mode: the trailing guard bytes changed).</summary>
    BufferOverrun,

    /// <summary>A write before the start of a block (debug mode: the leading guard bytes changed).</summary>
    BufferUnderrun,

    /// <summary>A call from a thread other than the owner (debug mode).</summary>
    WrongThread,

    /// <summary>A call on an allocator that was disposed.</summary>
    Disposed,
}

/// <summary>
/// API misuse that would corrupt the heap if it went on. Thrown before anything changes,
/// so the heap stays valid. Names the address and the size class (-1 for raw blocks or
/// pointers that belong to no block).
/// </summary>
public sealed class HeapMisuseException : Exception
{
    public HeapMisuseException()
    {
    }

    public HeapMisuseException(string message)
        : base(message)
    {
    }

    public HeapMisuseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    internal HeapMisuseException(HeapMisuseKind kind, nuint address, int sizeClass, string message)
        : base(message)
    {
        Kind = kind;
        Address = address;
        SizeClass = sizeClass;
    }

    public HeapMisuseKind Kind { get; }

    public nuint Address { get; }

    /// <summary>The size class index (block size = 16 * (index + 1)), or -1.</summary>
    public int SizeClass { get; }
}
