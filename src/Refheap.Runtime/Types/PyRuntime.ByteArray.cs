using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// bytearray (Objects/bytearrayobject.c, 3.11): a 56-byte header and a separate buffer from
// the object allocator (PyObject_Malloc / PyObject_Realloc), with a logical start that
// deleting from the front advances. Not GC; getsizeof is 56 + ob_alloc. Growth follows
// PyByteArray_Resize exactly, so capacities match CPython's step for step.
public sealed unsafe partial class PyRuntime
{
    public PyTypeObject* ByteArrayType { get; private set; }

    private void InitByteArrayType()
    {
        ByteArrayType = NewStaticType("bytearray", sizeof(PyByteArrayObject), 0, TypeFlags.BaseType, ObjectType);
        ByteArrayType->Dealloc = &ByteArrayDealloc;
        ByteArrayType->SizeOf = &ByteArraySizeOf;
        ByteArrayType->RichCompare = &ByteArrayRichCompareSlot;
        ByteArrayType->Repr = &ByteArrayReprSlot;
        ByteArrayType->Iter = &ByteArrayIter;

        // bytearray is unhashable (tp_hash = PyObject_HashNotImplemented).
        ByteArrayType->Hash = null;
    }

    /// <summary>PyByteArray_Check.</summary>
    public bool IsByteArray(PyObject* o) => o->Type == ByteArrayType || IsSubtype(o->Type, ByteArrayType);

    public static nint ByteArraySize(PyObject* o) => ((PyVarObject*)o)->Size;

    /// <summary>ob_alloc: the capacity, NUL included.</summary>
    public static nint ByteArrayAllocated(PyObject* o) => ((PyByteArrayObject*)o)->Alloc;

    /// <summary>The contents (valid until the next resize).</summary>
    public static ReadOnlySpan<byte> ByteArraySpan(PyObject* o) =>
        ByteArraySize(o) == 0 ? default : new(((PyByteArrayObject*)o)->Start, (int)ByteArraySize(o));

    private static nint ByteArraySizeOf(PyRuntime rt, PyObject* o) => o->Type->BasicSize + ((PyByteArrayObject*)o)->Alloc;

    private static void ByteArrayDealloc(PyRuntime rt, PyObject* o)
    {
        var b = (PyByteArrayObject*)o;
        if (b->Bytes != null)
        {
            rt.Allocator.Free(b->Bytes);
            b->Bytes = null;
        }

        rt.FreeObject(o);
    }

    /// <summary>bytearray(data): an empty object resized to the length (capacity len + 1) and filled.</summary>
    public PyObject* NewByteArray(ReadOnlySpan<byte> data)
    {
        PyObject* o = NewObject(ByteArrayType, sizeof(PyByteArrayObject));
        if (o == null)
        {
            return null;
        }

        var b = (PyByteArrayObject*)o;
        b->Base.Size = 0;
        b->Alloc = 0;
        b->Bytes = null;
        b->Start = null;
        b->Exports = 0;
        if (!data.IsEmpty)
        {
            if (!ByteArrayResize(o, data.Length))
            {
                DecRef(o);
                return null;
            }

            data.CopyTo(new Span<byte>(b->Start, data.Length));
        }

        return o;
    }

    /// <summary>
    /// PyByteArray_Resize. Within the buffer: a shrink below half the capacity reallocates to
    /// size + 1, anything else only moves the length. Growing: up to 1.125 times the capacity
    /// over-allocates (size + size/8 + 3, or + 6 from 9 bytes on), beyond that exactly size + 1.
    /// With a logical offset the data moves to a fresh block at the buffer start.
    /// </summary>
    public bool ByteArrayResize(PyObject* o, nint requestedSize)
    {
        var b = (PyByteArrayObject*)o;
        if (requestedSize < 0)
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return false;
        }

        if (requestedSize == b->Base.Size)
        {
            return true;
        }

        nuint alloc = (nuint)b->Alloc;
        nuint offset = (nuint)(b->Start - b->Bytes);
        nuint size = (nuint)requestedSize;
        if (size + offset + 1 <= alloc)
        {
            if (size < alloc / 2)
            {
                alloc = size + 1;
            }
            else
            {
                b->Base.Size = requestedSize;
                b->Start[size] = 0;
                return true;
            }
        }
        else if (size <= alloc * 1.125)
        {
            alloc = size + (size >> 3) + (size < 9 ? 3u : 6u);
        }
        else
        {
            alloc = size + 1;
        }

        if (alloc > (nuint)nint.MaxValue)
        {
            NoMemory();
            return false;
        }

        byte* sval;
        if (offset > 0)
        {
            sval = (byte*)Allocator.TryAllocate((nint)alloc);
            if (sval == null)
            {
                NoMemory();
                return false;
            }

            nint keep = Math.Min(requestedSize, b->Base.Size);
            Buffer.MemoryCopy(b->Start, sval, (long)alloc, keep);
            Allocator.Free(b->Bytes);
        }
        else
        {
            sval = b->Bytes == null
                ? (byte*)Allocator.TryAllocate((nint)alloc)
                : (byte*)Allocator.TryReallocate(b->Bytes, (nint)alloc);
            if (sval == null)
            {
                NoMemory();
                return false;
            }
        }

        b->Bytes = sval;
        b->Start = sval;
        b->Base.Size = requestedSize;
        b->Alloc = (nint)alloc;
        sval[size] = 0;
        return true;
    }

    /// <summary>bytearray.append; ValueError "byte must be in range(0, 256)".</summary>
    public bool ByteArrayAppend(PyObject* o, int item)
    {
        if (item < 0 || item > 255)
        {
            SetError(ValueErrorType, "byte must be in range(0, 256)");
            return false;
        }

        nint n = ByteArraySize(o);
        if (!ByteArrayResize(o, n + 1))
        {
            return false;
        }

        ((PyByteArrayObject*)o)->Start[n] = (byte)item;
        return true;
    }

    /// <summary>bytearray.extend with bytes (a slice assignment at the end).</summary>
    public bool ByteArrayExtend(PyObject* o, ReadOnlySpan<byte> data) =>
        ByteArraySetSlice(o, ByteArraySize(o), ByteArraySize(o), data);

    /// <summary>bytearray.clear (PyByteArray_Resize to 0: the buffer shrinks to one byte).</summary>
    public bool ByteArrayClear(PyObject* o) => ByteArrayResize(o, 0);

    /// <summary>del b[lo:hi].</summary>
    public bool ByteArrayDeleteSlice(PyObject* o, nint lo, nint hi) => ByteArraySetSlice(o, lo, hi, default);

    /// <summary>
    /// b[lo:hi] = values (bytearray_setslice, then bytearray_setslice_linear); the bounds are
    /// clipped as for a simple slice. Deleting from the front advances the logical start
    /// instead of moving the tail.
    /// </summary>
    public bool ByteArraySetSlice(PyObject* o, nint lo, nint hi, ReadOnlySpan<byte> values)
    {
        var b = (PyByteArrayObject*)o;
        nint oldSize = b->Base.Size;
        lo = Math.Clamp(lo, 0, oldSize);
        hi = Math.Clamp(hi, lo, oldSize);

        // Assigning from our own buffer: work from a copy (CPython copies when values is self).
        byte[]? copy = null;
        if (!values.IsEmpty && b->Bytes != null)
        {
            fixed (byte* v = values)
            {
                if (v >= b->Bytes && v < b->Bytes + b->Alloc)
                {
                    copy = values.ToArray();
                }
            }
        }

        ReadOnlySpan<byte> bytes = copy ?? values;
        nint len = bytes.Length;
        nint growth = len - (hi - lo);
        if (growth < 0)
        {
            if (lo == 0)
            {
                b->Start -= growth;
            }
            else
            {
                Buffer.MemoryCopy(b->Start + hi, b->Start + lo + len, oldSize - hi, oldSize - hi);
            }

            if (!ByteArrayResize(o, oldSize + growth))
            {
                if (lo == 0)
                {
                    b->Start += growth;
                }
                else
                {
                    b->Base.Size = oldSize + growth;
                    b->Start[b->Base.Size] = 0;
                }

                return false;
            }
        }
        else if (growth > 0)
        {
            if (!ByteArrayResize(o, oldSize + growth))
            {
                return false;
            }

            nint tail = b->Base.Size - lo - len;
            Buffer.MemoryCopy(b->Start + hi, b->Start + lo + len, tail, tail);
        }

        if (len > 0)
        {
            bytes.CopyTo(new Span<byte>(b->Start + lo, (int)len));
        }

        return true;
    }

    /// <summary>bytearray.pop: a new int; IndexError "pop from empty bytearray" / "pop index out of range".</summary>
    public PyObject* ByteArrayPop(PyObject* o, nint index = -1)
    {
        var b = (PyByteArrayObject*)o;
        nint n = b->Base.Size;
        if (n == 0)
        {
            SetError(IndexErrorType, "pop from empty bytearray");
            return null;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            SetError(IndexErrorType, "pop index out of range");
            return null;
        }

        byte value = b->Start[index];
        Buffer.MemoryCopy(b->Start + index + 1, b->Start + index, n - index, n - index - 1);
        if (!ByteArrayResize(o, n - 1))
        {
            return null;
        }

        return NewInt(value);
    }

    /// <summary>bytearray_richcompare: against bytes or bytearray (NotImplemented otherwise).</summary>
    public PyObject* ByteArrayRichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        if (!TryBuffer(a, out ReadOnlySpan<byte> x) || !TryBuffer(b, out ReadOnlySpan<byte> y))
        {
            return NewRef(NotImplemented);
        }

        return NewBool(CompareOutcome(x.SequenceCompareTo(y), op));
    }

    private static PyObject* ByteArrayRichCompareSlot(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op) =>
        rt.ByteArrayRichCompare(a, b, op);

    private bool TryBuffer(PyObject* o, out ReadOnlySpan<byte> data)
    {
        if (IsBytes(o))
        {
            data = BytesSpan(o);
            return true;
        }

        if (IsByteArray(o))
        {
            data = ByteArraySpan(o);
            return true;
        }

        data = default;
        return false;
    }

    /// <summary>bytearray_repr: bytearray(b'...'), with ' always escaped.</summary>
    public PyObject* ByteArrayRepr(PyObject* o) =>
        NewStr(FormatBytesRepr(ByteArraySpan(o), TypeName(o) + "(b", ")", alwaysEscapeSingle: true));

    private static PyObject* ByteArrayReprSlot(PyRuntime rt, PyObject* o) => rt.ByteArrayRepr(o);
}
