using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// Comparison and hashing slots of the dict views, range and slice.
internal static unsafe partial class TypeSlots
{
    /// <summary>all_contained_in: every item of a is in b. 1, 0 or -1.</summary>
    internal static int AllContainedIn(Interpreter interp, PyObject* a, PyObject* b)
    {
        PyRuntime rt = interp.Rt;
        PyObject* it = interp.GetIter(a);
        if (it == null)
        {
            return -1;
        }

        int ok = 1;
        while (true)
        {
            PyObject* x = interp.IterNext(it);
            if (x == null)
            {
                if (rt.ErrorOccurred)
                {
                    ok = -1;
                }

                break;
            }

            ok = interp.Contains(b, x);
            rt.DecRef(x);
            if (ok <= 0)
            {
                break;
            }
        }

        rt.DecRef(it);
        return ok;
    }

    /// <summary>dictview_richcompare: keys and items views compare as sets with sets and views.</summary>
    private static PyObject* ViewRichCompare(PyRuntime rt, PyObject* self, PyObject* other, CompareOp op)
    {
        if (!rt.IsAnySet(other) && other->Type != rt.DictKeysType && other->Type != rt.DictItemsType)
        {
            return MethodSupport.NotImplemented(rt);
        }

        Interpreter interp = Interpreter.Of(rt);
        nint lenSelf = interp.Length(self);
        nint lenOther = lenSelf < 0 ? -1 : interp.Length(other);
        if (lenOther < 0)
        {
            return null;
        }

        int ok = 0;
        switch (op)
        {
            case CompareOp.Eq:
            case CompareOp.Ne:
                ok = lenSelf == lenOther ? AllContainedIn(interp, self, other) : 0;
                if (op == CompareOp.Ne && ok >= 0)
                {
                    ok = 1 - ok;
                }

                break;
            case CompareOp.Lt:
                ok = lenSelf < lenOther ? AllContainedIn(interp, self, other) : 0;
                break;
            case CompareOp.Le:
                ok = lenSelf <= lenOther ? AllContainedIn(interp, self, other) : 0;
                break;
            case CompareOp.Gt:
                ok = lenSelf > lenOther ? AllContainedIn(interp, other, self) : 0;
                break;
            default:
                ok = lenSelf >= lenOther ? AllContainedIn(interp, other, self) : 0;
                break;
        }

        return MethodSupport.BoolOrNull(rt, ok);
    }

    /// <summary>range_equals: the same sequence of numbers. 1, 0 or -1.</summary>
    internal static int RangeEquals(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (a == b)
        {
            return 1;
        }

        var r0 = (PyRangeObject*)a;
        var r1 = (PyRangeObject*)b;
        int c = rt.ObjectRichCompareBool(r0->Length, r1->Length, CompareOp.Eq);
        if (c != 1)
        {
            return c;
        }

        if (PyRuntime.IntToBigInteger(r0->Length).IsZero)
        {
            return 1;
        }

        c = rt.ObjectRichCompareBool(r0->Start, r1->Start, CompareOp.Eq);
        if (c != 1)
        {
            return c;
        }

        if (PyRuntime.IntToBigInteger(r0->Length).IsOne)
        {
            return 1;
        }

        return rt.ObjectRichCompareBool(r0->Step, r1->Step, CompareOp.Eq);
    }

    private static PyObject* RangeRichCompare(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        if (w->Type != rt.RangeType || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return MethodSupport.NotImplemented(rt);
        }

        int r = RangeEquals(rt, v, w);
        if (r < 0)
        {
            return null;
        }

        return rt.NewBool((r == 1) == (op == CompareOp.Eq));
    }

    /// <summary>range_hash: the hash of (len, start, step), with None for start and step as the length allows.</summary>
    private static nint RangeHash(PyRuntime rt, PyObject* o)
    {
        var r = (PyRangeObject*)o;
        System.Numerics.BigInteger len = PyRuntime.IntToBigInteger(r->Length);
        ulong acc = XxPrime5;
        nint h = rt.ObjectHash(r->Length);
        if (h == -1)
        {
            return -1;
        }

        acc = MixLane(acc, h);
        h = rt.ObjectHash(len.IsZero ? rt.None : r->Start);
        if (h == -1)
        {
            return -1;
        }

        acc = MixLane(acc, h);
        h = rt.ObjectHash(len <= 1 ? rt.None : r->Step);
        if (h == -1)
        {
            return -1;
        }

        acc = MixLane(acc, h);
        return FinishHash(acc, 3);
    }

    /// <summary>slice_richcompare: compares (start, stop, step) as tuples.</summary>
    private static PyObject* SliceRichCompare(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        if (v->Type != rt.SliceType || w->Type != rt.SliceType)
        {
            return MethodSupport.NotImplemented(rt);
        }

        if (v == w && (op == CompareOp.Eq || op == CompareOp.Ne))
        {
            return rt.NewBool(op == CompareOp.Eq);
        }

        var a = (PySliceObject*)v;
        var b = (PySliceObject*)w;
        PyObject* t1 = rt.NewTuple((nint)a->Start, (nint)a->Stop, (nint)a->Step);
        if (t1 == null)
        {
            return null;
        }

        PyObject* t2 = rt.NewTuple((nint)b->Start, (nint)b->Stop, (nint)b->Step);
        if (t2 == null)
        {
            rt.DecRef(t1);
            return null;
        }

        PyObject* res = rt.ObjectRichCompare(t1, t2, op);
        rt.DecRef(t1);
        rt.DecRef(t2);
        return res;
    }
}
