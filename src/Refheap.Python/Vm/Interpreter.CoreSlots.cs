using System;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Slots of builtin types the runtime leaves to the interpreter: object's identity hash,
// str ordering, tuple hashing, list/tuple comparison (Objects/object.c: _Py_HashPointer;
// Objects/tupleobject.c: tuplehash (xxHash-based), tuplerichcompare; Objects/listobject.c:
// list_richcompare; Objects/unicodeobject.c: PyUnicode_RichCompare; 3.11).
internal sealed unsafe partial class Interpreter
{
    private void InitCoreSlots()
    {
        PyRuntime rt = Rt;
        rt.ObjectType->Hash = &ObjectHashSlot;
        rt.StrType->RichCompare = &StrCompareSlot;
        rt.TupleType->Hash = &TupleHashSlot;
        rt.TupleType->RichCompare = &SequenceCompareSlot;
        rt.ListType->RichCompare = &SequenceCompareSlot;
        rt.ListType->Hash = null;

        // Types made before object had its hash inherit it now (dict, list, set, bytearray,
        // slice and cell stay unhashable, as in CPython).
        foreach (TypeInfo info in rt.Types)
        {
            PyTypeObject* t = info.Type;
            if (info.IsHeapType || t->Hash != null || t == rt.ListType || t == rt.DictType || t == rt.SetType
                || t == rt.ByteArrayType || t == rt.SliceType || t == rt.CellType)
            {
                continue;
            }

            t->Hash = &ObjectHashSlot;
        }
    }

    private static nint ObjectHashSlot(PyRuntime rt, PyObject* o) => PyRuntime.HashPointer(o);

    private static PyObject* StrCompareSlot(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        if (!PyRuntime.IsStr(b))
        {
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        if (op is CompareOp.Eq or CompareOp.Ne)
        {
            bool eq = PyRuntime.StrEquals(a, b);
            return rt.NewBool(op == CompareOp.Eq ? eq : !eq);
        }

        nint la = PyRuntime.StrLength(a);
        nint lb = PyRuntime.StrLength(b);
        nint n = Math.Min(la, lb);
        int c = 0;
        for (nint i = 0; i < n && c == 0; i++)
        {
            c = PyRuntime.StrRead(a, i).CompareTo(PyRuntime.StrRead(b, i));
        }

        if (c == 0)
        {
            c = la.CompareTo(lb);
        }

        return rt.NewBool(PyRuntime.CompareOutcome(c, op));
    }

    /// <summary>tuplehash (3.11): xxHash's round over the items' hashes.</summary>
    private static nint TupleHashSlot(PyRuntime rt, PyObject* t)
    {
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        nint n = PyRuntime.TupleSize(t);
        ulong acc = prime5;
        for (nint i = 0; i < n; i++)
        {
            nint lane = rt.ObjectHash(PyRuntime.TupleItems(t)[i]);
            if (lane == -1 && rt.ErrorOccurred)
            {
                return -1;
            }

            acc += (ulong)lane * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }

        acc += (ulong)n ^ (prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (nint)acc;
    }

    /// <summary>list_richcompare / tuplerichcompare: the first differing item decides, else the lengths.</summary>
    private static PyObject* SequenceCompareSlot(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        bool isList = PyRuntime.IsSubtype(v->Type, rt.ListType);
        PyTypeObject* kind = isList ? rt.ListType : rt.TupleType;
        if (!PyRuntime.IsSubtype(w->Type, kind))
        {
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        Interpreter interp = Of(rt);
        nint i = 0;
        while (true)
        {
            nint vl = ((PyVarObject*)v)->Size;
            nint wl = ((PyVarObject*)w)->Size;
            if (i >= vl || i >= wl)
            {
                if (op is CompareOp.Eq or CompareOp.Ne)
                {
                    return rt.NewBool((vl == wl) == (op == CompareOp.Eq));
                }

                return rt.NewBool(PyRuntime.CompareOutcome(vl.CompareTo(wl), op));
            }

            PyObject* a = isList ? PyRuntime.ListItems(v)[i] : PyRuntime.TupleItems(v)[i];
            PyObject* b = isList ? PyRuntime.ListItems(w)[i] : PyRuntime.TupleItems(w)[i];
            PyRuntime.IncRef(a);
            PyRuntime.IncRef(b);
            int eq = interp.RichCompareBool(a, b, CompareOp.Eq);
            if (eq < 0)
            {
                rt.DecRef(a);
                rt.DecRef(b);
                return null;
            }

            if (eq == 0)
            {
                PyObject* r;
                if (op == CompareOp.Eq)
                {
                    r = PyRuntime.NewRef(rt.False);
                }
                else if (op == CompareOp.Ne)
                {
                    r = PyRuntime.NewRef(rt.True);
                }
                else
                {
                    r = interp.RichCompare(a, b, op);
                }

                rt.DecRef(a);
                rt.DecRef(b);
                return r;
            }

            rt.DecRef(a);
            rt.DecRef(b);
            i++;
        }
    }
}
