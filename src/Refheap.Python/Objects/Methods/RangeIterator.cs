using System.Numerics;
using System.Runtime.InteropServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>_PyRangeIterObject (3.11): index, start, step and length as C longs; 48 bytes, not GC.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyRangeIterObject
{
    public PyObject Base;
    public long Index;
    public long Start;
    public long Step;
    public long Len;
}

/// <summary>
/// range_iterator: iter(range) for ranges whose bounds fit in a C long (the runtime has no
/// range iteration). Ranges beyond that raise OverflowError here (CPython's longrange_iterator
/// is not modelled).
/// </summary>
internal static unsafe class RangeIterator
{
    /// <summary>Creates this runtime's range_iterator type and makes range iterable.</summary>
    public static void Install(PyRuntime rt)
    {
        PyTypeObject* t = rt.NewStaticType("range_iterator", sizeof(PyRangeIterObject), 0, TypeFlags.Ready, rt.ObjectType);
        t->Dealloc = &Dealloc;
        t->Iter = &Self;
        t->IterNext = &Next;
        PyObject* dict = rt.NewDict();
        Vm.Interpreter.Of(rt).AddIteratorSlotMethods(t, "range_iterator", dict);
        rt.SetStaticTypeDict(t, dict);
        rt.DecRef(dict);
        Vm.Interpreter.Of(rt).RangeIteratorType = t;
        rt.RangeType->Iter = &RangeIter;
    }

    private static void Dealloc(PyRuntime rt, PyObject* o) => rt.FreeObject(o);

    private static PyObject* Self(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(o);

    private static PyObject* Next(PyRuntime rt, PyObject* o)
    {
        var it = (PyRangeIterObject*)o;
        if (it->Index >= it->Len)
        {
            return null;
        }

        long v = unchecked(it->Start + (it->Index * it->Step));
        it->Index++;
        return rt.NewInt(v);
    }

    private static bool Fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;

    private static PyObject* RangeIter(PyRuntime rt, PyObject* o)
    {
        var r = (PyRangeObject*)o;
        if (PyRuntime.TryIntToLong(r->Start, out long start64) && PyRuntime.TryIntToLong(r->Step, out long step64)
            && PyRuntime.TryIntToLong(r->Length, out long len64) && PyRuntime.TryIntToLong(r->Stop, out _))
        {
            return NewRangeIterator(rt, start64, step64, len64);
        }

        BigInteger start = PyRuntime.IntToBigInteger(r->Start);
        BigInteger step = PyRuntime.IntToBigInteger(r->Step);
        BigInteger len = PyRuntime.IntToBigInteger(r->Length);
        BigInteger stop = PyRuntime.IntToBigInteger(r->Stop);
        if (!Fits(start) || !Fits(step) || !Fits(len) || !Fits(stop))
        {
            return Vm.Interpreter.Of(rt).NewLongRangeIterator(r->Start, r->Step, r->Length);
        }

        return NewRangeIterator(rt, (long)start, (long)step, (long)len);
    }

    private static PyObject* NewRangeIterator(PyRuntime rt, long start, long step, long len)
    {
        PyTypeObject* type = Vm.Interpreter.Of(rt).RangeIteratorType;
        PyObject* obj = rt.NewObject(type, sizeof(PyRangeIterObject));
        if (obj == null)
        {
            return null;
        }

        var it = (PyRangeIterObject*)obj;
        it->Index = 0;
        it->Start = start;
        it->Step = step;
        it->Len = len;
        return obj;
    }
}
