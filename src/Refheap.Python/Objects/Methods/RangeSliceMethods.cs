using System.Numerics;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of range and slice (Objects/rangeobject.c, Objects/sliceobject.c, 3.11 behaviour).</summary>
internal static unsafe class RangeSliceMethods
{
    private const string R = "range";
    private const string S = "slice";

    public static void Register()
    {
        BuiltinMethods.Add(R, "index", (rt, self, args, n, kw) => ArgParse.OneArg(rt, "range.index", n, kw) ? Index(rt, self, args[0]) : null);
        BuiltinMethods.Add(R, "count", (rt, self, args, n, kw) => ArgParse.OneArg(rt, "range.count", n, kw) ? Count(rt, self, args[0]) : null);
        BuiltinMethods.AddGetSet(R, "start", (interp, self) => PyRuntime.NewRef(((PyRangeObject*)self)->Start));
        BuiltinMethods.AddGetSet(R, "stop", (interp, self) => PyRuntime.NewRef(((PyRangeObject*)self)->Stop));
        BuiltinMethods.AddGetSet(R, "step", (interp, self) => PyRuntime.NewRef(((PyRangeObject*)self)->Step));
        SlotDunders.AddLen(R, &RangeLen);
        SlotDunders.AddCompare(R);
        SlotDunders.AddHash(R);
        SlotDunders.AddRepr(R);
        SlotDunders.AddUnary(R, "__bool__", &RangeBool);
        SlotDunders.AddUnary(R, "__iter__", &RangeIter);
        SlotDunders.AddUnary(R, "__reversed__", &RangeReversed);
        SlotDunders.AddBinary(R, "__getitem__", &RangeGetItem);
        SlotDunders.AddContains(R, &RangeContains);

        BuiltinMethods.Add(S, "indices", (rt, self, args, n, kw) => ArgParse.OneArg(rt, "slice.indices", n, kw) ? Indices(rt, self, args[0]) : null);
        BuiltinMethods.AddGetSet(S, "start", (interp, self) => PyRuntime.NewRef(((PySliceObject*)self)->Start));
        BuiltinMethods.AddGetSet(S, "stop", (interp, self) => PyRuntime.NewRef(((PySliceObject*)self)->Stop));
        BuiltinMethods.AddGetSet(S, "step", (interp, self) => PyRuntime.NewRef(((PySliceObject*)self)->Step));
        SlotDunders.AddCompare(S);
        SlotDunders.AddRepr(S);
    }

    private static BigInteger Big(PyObject* o) => PyRuntime.IntToBigInteger(o);

    private static nint RangeLen(PyRuntime rt, PyObject* o)
    {
        BigInteger len = Big(((PyRangeObject*)o)->Length);
        if (len > long.MaxValue)
        {
            rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C ssize_t");
            return -1;
        }

        return (nint)(long)len;
    }

    private static PyObject* RangeBool(PyRuntime rt, PyObject* o) => rt.NewBool(!Big(((PyRangeObject*)o)->Length).IsZero);

    private static PyObject* RangeIter(PyRuntime rt, PyObject* o) => Interpreter.Of(rt).GetIter(o);

    private static PyObject* RangeGetItem(PyRuntime rt, PyObject* o, PyObject* key) => Interpreter.Of(rt).RangeSubscriptBase(o, key);

    private static int RangeContains(PyRuntime rt, PyObject* o, PyObject* x) => Interpreter.Of(rt).Contains(o, x);

    /// <summary>reversed(range): the range running the other way, iterated.</summary>
    private static PyObject* RangeReversed(PyRuntime rt, PyObject* o)
    {
        var r = (PyRangeObject*)o;
        BigInteger len = Big(r->Length);
        BigInteger start = Big(r->Start);
        BigInteger step = Big(r->Step);
        BigInteger last = start + ((len - 1) * step);
        PyObject* a = rt.NewInt(len.IsZero ? start : last);
        PyObject* b = rt.NewInt(len.IsZero ? start : start - step);
        PyObject* c = rt.NewInt(-step);
        PyObject* rev = a == null || b == null || c == null ? null : rt.NewRange(a, b, c);
        rt.XDecRef(a);
        rt.XDecRef(b);
        rt.XDecRef(c);
        if (rev == null)
        {
            return null;
        }

        PyObject* it = Interpreter.Of(rt).GetIter(rev);
        rt.DecRef(rev);
        return it;
    }

    /// <summary>The position of an int in a range, or -1.</summary>
    private static BigInteger IntPosition(PyRangeObject* r, BigInteger v)
    {
        BigInteger start = Big(r->Start);
        BigInteger stop = Big(r->Stop);
        BigInteger step = Big(r->Step);
        bool inside = step > 0 ? v >= start && v < stop : v <= start && v > stop;
        if (!inside || !BigInteger.Remainder(v - start, step).IsZero)
        {
            return -1;
        }

        return (v - start) / step;
    }

    private static PyObject* Index(PyRuntime rt, PyObject* self, PyObject* x)
    {
        Interpreter interp = Interpreter.Of(rt);
        if (x->Type == rt.IntType || x->Type == rt.BoolType)
        {
            BigInteger pos = IntPosition((PyRangeObject*)self, Big(x));
            if (pos >= 0)
            {
                return rt.NewInt(pos);
            }
        }
        else
        {
            PyObject* it = interp.GetIter(self);
            if (it == null)
            {
                return null;
            }

            long i = 0;
            while (true)
            {
                PyObject* item = interp.IterNext(it);
                if (item == null)
                {
                    break;
                }

                int c = interp.RichCompareBool(item, x, CompareOp.Eq);
                rt.DecRef(item);
                if (c != 0)
                {
                    rt.DecRef(it);
                    return c < 0 ? null : rt.NewInt(i);
                }

                i++;
            }

            rt.DecRef(it);
            if (rt.ErrorOccurred)
            {
                return null;
            }
        }

        if (x->Type == rt.IntType || x->Type == rt.BoolType)
        {
            string? repr = interp.ReprOf(x);
            if (repr != null)
            {
                rt.SetError(rt.ValueErrorType, $"{repr} is not in range");
            }
        }
        else
        {
            rt.SetError(rt.ValueErrorType, "sequence.index(x): x not in sequence");
        }

        return null;
    }

    private static PyObject* Count(PyRuntime rt, PyObject* self, PyObject* x)
    {
        if (x->Type == rt.IntType || x->Type == rt.BoolType)
        {
            return rt.NewInt(IntPosition((PyRangeObject*)self, Big(x)) >= 0 ? 1 : 0);
        }

        Interpreter interp = Interpreter.Of(rt);
        PyObject* it = interp.GetIter(self);
        if (it == null)
        {
            return null;
        }

        long count = 0;
        while (true)
        {
            PyObject* item = interp.IterNext(it);
            if (item == null)
            {
                break;
            }

            int c = interp.RichCompareBool(item, x, CompareOp.Eq);
            rt.DecRef(item);
            if (c < 0)
            {
                rt.DecRef(it);
                return null;
            }

            count += c;
        }

        rt.DecRef(it);
        return rt.ErrorOccurred ? null : rt.NewInt(count);
    }

    private static PyObject* Indices(PyRuntime rt, PyObject* self, PyObject* lengthObj)
    {
        Interpreter interp = Interpreter.Of(rt);
        if (!MethodSupport.SsizeArg(interp, lengthObj, out nint length, clamp: false))
        {
            return null;
        }

        if (length < 0)
        {
            rt.SetError(rt.ValueErrorType, "length should not be negative");
            return null;
        }

        if (!interp.SliceIndices(self, length, out nint start, out nint stop, out nint step, out _))
        {
            return null;
        }

        PyObject* a = rt.NewInt(start);
        PyObject* b = rt.NewInt(stop);
        PyObject* c = rt.NewInt(step);
        PyObject* t = rt.NewTuple((nint)a, (nint)b, (nint)c);
        rt.DecRef(a);
        rt.DecRef(b);
        rt.DecRef(c);
        return t;
    }
}
