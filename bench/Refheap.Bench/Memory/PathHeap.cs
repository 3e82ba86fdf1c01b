using System;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// Python ints and tuples of ints as allocator blocks with reference counts, for the BFS
/// model. An int is a 32-byte block: refcount, type tag, ob_size, value. A tuple of k items
/// is a block of 40 + 8k bytes (the 3.11 GC header, refcount, type and ob_size) with its
/// refcount in the first word, k in the third and the item pointers at offset 40 + 8i; a
/// tuple owns one reference to each of its items.
/// </summary>
public sealed unsafe class PathHeap
{
    public const int IntBytes = 32;
    public const int TupleHeaderBytes = 40;

    private const long IntTag = 2;
    private const long TupleTag = 3;

    private readonly Allocator _allocator;

    public PathHeap(Allocator allocator)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        _allocator = allocator;
    }

    /// <summary>The block size of a tuple of <paramref name="length"/> items (PyTuple_New).</summary>
    public static nint TupleBytes(long length) => (nint)(TupleHeaderBytes + (8 * length));

    public static long Length(nint tuple) => ((long*)tuple)[2];

    /// <summary>The value of the last int of a path.</summary>
    public static long LastValue(nint tuple)
    {
        long* t = (long*)tuple;
        long* last = (long*)t[5 + t[2] - 1];
        return last[3];
    }

    public static void IncRef(nint obj) => ((long*)obj)[0]++;

    /// <summary>A new int object with one reference, to be handed to a tuple.</summary>
    public nint NewInt(long value)
    {
        long* p = (long*)_allocator.Allocate(IntBytes);
        p[0] = 1;
        p[1] = IntTag;
        p[2] = 1;
        p[3] = value;
        return (nint)p;
    }

    /// <summary>The 1-tuple (item,), taking over the caller's reference to item.</summary>
    public nint NewSingleton(nint item)
    {
        long* p = (long*)_allocator.Allocate(TupleBytes(1));
        p[0] = 1;
        p[1] = TupleTag;
        p[2] = 1;
        p[5] = item;
        return (nint)p;
    }

    /// <summary>
    /// path + (item,): a new tuple with one reference, a new reference to every item of
    /// <paramref name="path"/>, and the caller's reference to <paramref name="item"/>.
    /// </summary>
    public nint Extend(nint path, nint item)
    {
        long* source = (long*)path;
        long length = source[2];
        long* p = (long*)_allocator.Allocate(TupleBytes(length + 1));
        p[0] = 1;
        p[1] = TupleTag;
        p[2] = length + 1;
        long* items = p + 5;
        long* sourceItems = source + 5;
        for (long i = 0; i < length; i++)
        {
            long shared = sourceItems[i];
            ((long*)shared)[0]++;
            items[i] = shared;
        }

        items[length] = item;
        return (nint)p;
    }

    /// <summary>Drops one reference to a tuple; at zero its items lose one each and it is freed (tupledealloc).</summary>
    public void DecRefTuple(nint tuple)
    {
        long* t = (long*)tuple;
        if (--t[0] != 0)
        {
            return;
        }

        long length = t[2];
        for (long i = length - 1; i >= 0; i--)
        {
            long* item = (long*)t[5 + i];
            if (--item[0] == 0)
            {
                _allocator.Free(item);
            }
        }

        _allocator.Free(t);
    }
}
