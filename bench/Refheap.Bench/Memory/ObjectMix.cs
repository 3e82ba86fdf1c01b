using System;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// The mix of rss_release.py's build_mix, as allocator blocks of CPython 3.11's sizes:
/// object i is a float when i % 3 == 0 (one 32-byte block), a 2-tuple (i, i) when i % 3 == 1
/// (a 64-byte tuple block and a 32-byte int block), and an instance P(i, i) otherwise
/// (a 48-byte object block, a 48-byte values block and a 32-byte int block). Objects point at
/// their parts through the blocks, as Python objects do; only the top-level pointers are in
/// a managed array (Python's list).
/// </summary>
public sealed unsafe class ObjectMix
{
    public const int IntBytes = 32;
    public const int FloatBytes = 32;
    public const int TupleBytes = 64;
    public const int InstanceBytes = 48;
    public const int ValuesBytes = 48;

    // Block layouts, in 8-byte words. Objects: refcount, type tag, then the payload.
    private const long FloatTag = 1;
    private const long IntTag = 2;
    private const long TupleTag = 3;
    private const long InstanceTag = 4;

    private readonly nint[] _objects;

    public ObjectMix(long n)
    {
        _objects = new nint[n];
        Array.Fill(_objects, 0);
    }

    public long Count => _objects.LongLength;

    public void Build(Allocator allocator)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        for (long i = 0; i < _objects.LongLength; i++)
        {
            _objects[i] = (i % 3) switch
            {
                0 => NewFloat(allocator, i * 0.5),
                1 => NewTuple2(allocator, i),
                _ => NewInstance(allocator, i),
            };
        }
    }

    /// <summary>Frees object <paramref name="index"/> and its parts (tuple_dealloc, subtype_dealloc order: parts first).</summary>
    public void Free(Allocator allocator, long index)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        long* obj = (long*)_objects[index];
        if (obj == null)
        {
            return;
        }

        switch (obj[1])
        {
            case FloatTag:
                break;
            case TupleTag:
                // Both items are the same int: two references, one block.
                allocator.Free((void*)obj[5]);
                break;
            case InstanceTag:
                long* values = (long*)obj[2];
                allocator.Free((void*)values[1]);
                allocator.Free(values);
                break;
            default:
                throw new InvalidOperationException($"Object {index} has a corrupt type tag {obj[1]}.");
        }

        allocator.Free(obj);
        _objects[index] = 0;
    }

    private static nint NewInt(Allocator allocator, long value, long references)
    {
        long* p = (long*)allocator.Allocate(IntBytes);
        p[0] = references;
        p[1] = IntTag;
        p[2] = 1;
        p[3] = value;
        return (nint)p;
    }

    private static nint NewFloat(Allocator allocator, double value)
    {
        long* p = (long*)allocator.Allocate(FloatBytes);
        p[0] = 1;
        p[1] = FloatTag;
        *(double*)(p + 2) = value;
        return (nint)p;
    }

    private static nint NewTuple2(Allocator allocator, long value)
    {
        nint item = NewInt(allocator, value, references: 2);
        long* p = (long*)allocator.Allocate(TupleBytes);
        p[0] = 1;
        p[1] = TupleTag;
        p[2] = 2;
        p[5] = item;
        p[6] = item;
        return (nint)p;
    }

    private static nint NewInstance(Allocator allocator, long value)
    {
        nint item = NewInt(allocator, value, references: 2);
        long* values = (long*)allocator.Allocate(ValuesBytes);
        values[0] = 2;
        values[1] = item;
        values[2] = item;
        long* p = (long*)allocator.Allocate(InstanceBytes);
        p[0] = 1;
        p[1] = InstanceTag;
        p[2] = (long)values;
        return (nint)p;
    }
}
