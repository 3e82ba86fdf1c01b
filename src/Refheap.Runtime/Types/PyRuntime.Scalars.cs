using System;
using System.Numerics;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The scalar types' part of startup and shutdown: int slots, float, bytes, bytearray, str
// repr; the small ints, the bytes singletons, bool's repr strings; the float free list; the
// interned-string table.
public sealed unsafe partial class PyRuntime
{
    private PyObject* _trueRepr;
    private PyObject* _falseRepr;

    /// <summary>An int handle.</summary>
    public PyRef PyInt(long value) => Own(NewInt(value));

    /// <summary>An int handle of any size.</summary>
    public PyRef PyInt(BigInteger value) => Own(NewInt(value));

    /// <summary>A float handle.</summary>
    public PyRef PyFloat(double value) => Own(NewFloat(value));

    /// <summary>A bytes handle.</summary>
    public PyRef PyBytes(ReadOnlySpan<byte> data) => Own(NewBytes(data));

    /// <summary>A bytearray handle.</summary>
    public PyRef PyByteArray(ReadOnlySpan<byte> data) => Own(NewByteArray(data));

    partial void InitScalarTypes()
    {
        InitIntSlots();
        InitFloatType();
        InitBytesType();
        InitByteArrayType();
        StrType->Repr = &StrReprSlot;
    }

    partial void InitScalarSingletons()
    {
        InitSmallInts();
        InitBytesSingletons();

        // _Py_ID(True) and _Py_ID(False): statically allocated strs in 3.11.
        _trueRepr = NewStr("True");
        _falseRepr = NewStr("False");
        if (_trueRepr == null || _falseRepr == null)
        {
            throw new InvalidOperationException("Cannot create bool's repr strings: the heap cap is too small.");
        }

        _trueRepr->RefCount = ImmortalInitRefCount;
        _falseRepr->RefCount = ImmortalInitRefCount;
    }

    partial void ClearScalarFreeLists() => ClearFloatFreeList();

    partial void ReleaseScalarSingletons()
    {
        ClearInterned();
        ClearFloatFreeList();
        if (_trueRepr != null)
        {
            FreeObject(_trueRepr);
            _trueRepr = null;
        }

        if (_falseRepr != null)
        {
            FreeObject(_falseRepr);
            _falseRepr = null;
        }

        ReleaseBytesSingletons();
        ReleaseSmallInts();
    }
}
