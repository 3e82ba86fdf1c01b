using System.Numerics;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// len(), truth, `in`, iteration and rich comparison (PyObject_Size, PyObject_IsTrue,
// PySequence_Contains, PyObject_GetIter, PyIter_Next).
internal sealed unsafe partial class Interpreter
{
    /// <summary>The length of a container (len()); -1 with TypeError if it has none.</summary>
    public nint Length(PyObject* o)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        if (rt.IsWeakProxy(o))
        {
            return ProxyLength(o);
        }

        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__len__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, o, null);
                if (r == null)
                {
                    return -1;
                }

                if (!PyRuntime.IsInt(r))
                {
                    rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(r)}' object cannot be interpreted as an integer");
                    rt.DecRef(r);
                    return -1;
                }

                BigInteger b = PyRuntime.IntToBigInteger(r);
                rt.DecRef(r);
                if (b < 0)
                {
                    rt.SetError(rt.ValueErrorType, "__len__() should return >= 0");
                    return -1;
                }

                if (b > long.MaxValue)
                {
                    rt.SetError(rt.OverflowErrorType, "cannot fit 'int' into an index-sized integer");
                    return -1;
                }

                return (nint)(long)b;
            }
        }

        if (PyRuntime.IsSubtype(t, rt.ListType) || PyRuntime.IsSubtype(t, rt.TupleType))
        {
            return ((PyVarObject*)o)->Size;
        }

        if (PyRuntime.IsStr(o))
        {
            return PyRuntime.StrLength(o);
        }

        if (PyRuntime.IsSubtype(t, rt.DictType))
        {
            return rt.DictSize(o);
        }

        if (rt.IsAnySet(o))
        {
            return rt.SetSize(o);
        }

        if (PyRuntime.IsBytes(o))
        {
            return PyRuntime.BytesSize(o);
        }

        if (rt.IsByteArray(o))
        {
            return PyRuntime.ByteArraySize(o);
        }

        if (t == rt.RangeType)
        {
            BigInteger len = PyRuntime.IntToBigInteger(((PyRangeObject*)o)->Length);
            if (len > long.MaxValue)
            {
                rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C ssize_t");
                return -1;
            }

            return (nint)(long)len;
        }

        if (rt.IsDictView(o))
        {
            return rt.DictViewLength(o);
        }

        nint special = SpecialLength(o);
        if (special >= 0 || rt.ErrorOccurred)
        {
            return special;
        }

        rt.SetError(rt.TypeErrorType, $"object of type '{rt.TypeName(o)}' has no len()");
        return -1;
    }

    /// <summary>PyObject_IsTrue: 1, 0, or -1 with an error.</summary>
    public int IsTrue(PyObject* o)
    {
        PyRuntime rt = Rt;
        if (o == rt.True)
        {
            return 1;
        }

        if (o == rt.False || o == rt.None)
        {
            return 0;
        }

        if (rt.IsWeakProxy(o))
        {
            return ProxyIsTrue(o);
        }

        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__bool__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, o, null);
                if (r == null)
                {
                    return -1;
                }

                if (r->Type != rt.BoolType)
                {
                    rt.SetError(rt.TypeErrorType, $"__bool__ should return bool, returned {rt.TypeName(r)}");
                    rt.DecRef(r);
                    return -1;
                }

                int b = r == rt.True ? 1 : 0;
                rt.DecRef(r);
                return b;
            }

            if (LookupUserDunder(t, "__len__") != null)
            {
                nint n = Length(o);
                return n < 0 ? -1 : n > 0 ? 1 : 0;
            }
        }

        if (rt.IsFloat(o))
        {
            return PyRuntime.FloatValue(o) != 0 ? 1 : 0;
        }

        if (IsComplex(o))
        {
            return ((PyComplexObject*)o)->Real != 0 || ((PyComplexObject*)o)->Imag != 0 ? 1 : 0;
        }

        if (t == rt.RangeType)
        {
            // range_bool: the length's truth, whatever its size (len() overflows past 2**63).
            return PyRuntime.IntDigitCount(((PyRangeObject*)o)->Length) != 0 ? 1 : 0;
        }

        if (PyRuntime.IsBytes(o) || rt.IsByteArray(o) || rt.IsDictView(o))
        {
            nint n = Length(o);
            return n < 0 ? -1 : n > 0 ? 1 : 0;
        }

        return rt.ObjectIsTrue(o);
    }

    /// <summary>item in container: 1, 0, or -1 with an error.</summary>
    public int Contains(PyObject* container, PyObject* item)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = container->Type;
        if (rt.IsWeakProxy(container))
        {
            return ProxyContains(container, item);
        }

        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__contains__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, container, item);
                if (r == null)
                {
                    return -1;
                }

                int b = IsTrue(r);
                rt.DecRef(r);
                return b;
            }
        }

        if (PyRuntime.IsSubtype(t, rt.DictType))
        {
            return rt.DictContains(container, item);
        }

        if (rt.IsAnySet(container))
        {
            return rt.SetContains(container, item);
        }

        if (container->Type == rt.DictKeysType || container->Type == rt.DictItemsType)
        {
            return Objects.Methods.DictViewMethods.ViewContains(rt, container, item);
        }

        if (PyRuntime.IsSubtype(t, rt.ListType) || PyRuntime.IsSubtype(t, rt.TupleType))
        {
            bool isList = PyRuntime.IsSubtype(t, rt.ListType);
            for (nint i = 0; i < ((PyVarObject*)container)->Size; i++)
            {
                PyObject* x = isList ? PyRuntime.ListItems(container)[i] : PyRuntime.TupleItems(container)[i];
                PyRuntime.IncRef(x);
                int c = RichCompareBool(x, item, CompareOp.Eq);
                rt.DecRef(x);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }

        if (PyRuntime.IsStr(container))
        {
            if (!PyRuntime.IsStr(item))
            {
                rt.SetError(rt.TypeErrorType, $"'in <string>' requires string as left operand, not {rt.TypeName(item)}");
                return -1;
            }

            return Objects.Methods.StrMethods.FindStr(container, item, 0, PyRuntime.StrLength(container), reverse: false) >= 0 ? 1 : 0;
        }

        if (t == rt.RangeType && PyRuntime.IsInt(item) && item->Type != rt.BoolType)
        {
            var r = (PyRangeObject*)container;
            BigInteger v = PyRuntime.IntToBigInteger(item);
            BigInteger start = PyRuntime.IntToBigInteger(r->Start);
            BigInteger stop = PyRuntime.IntToBigInteger(r->Stop);
            BigInteger step = PyRuntime.IntToBigInteger(r->Step);
            bool inRange = step > 0 ? v >= start && v < stop : v <= start && v > stop;
            return inRange && BigInteger.Remainder(v - start, step).IsZero ? 1 : 0;
        }

        if (PyRuntime.IsBytes(container) || rt.IsByteArray(container))
        {
            return BytesContains(container, item);
        }

        // The iteration fallback.
        PyObject* it = GetIter(container);
        if (it == null)
        {
            if (rt.ErrorMatches(rt.TypeErrorType))
            {
                rt.ClearError();
                rt.SetError(rt.TypeErrorType, $"argument of type '{rt.TypeName(container)}' is not iterable");
            }

            return -1;
        }

        while (true)
        {
            PyObject* x = IterNext(it);
            if (x == null)
            {
                rt.DecRef(it);
                return rt.ErrorOccurred ? -1 : 0;
            }

            int c = RichCompareBool(x, item, CompareOp.Eq);
            rt.DecRef(x);
            if (c != 0)
            {
                rt.DecRef(it);
                return c;
            }
        }
    }

    /// <summary>iter(o).</summary>
    public PyObject* GetIter(PyObject* o)
    {
        PyRuntime rt = Rt;
        if (o->Type->Iter == null && (o->Type->Flags & TypeFlags.HeapType) != 0 && LookupUserDunder(o->Type, "__getitem__") != null)
        {
            return NewSequenceIterator(o);
        }

        PyObject* it = rt.GetIter(o);
        return it;
    }

    /// <summary>next(it): a new reference; null without an error at the end; null with an error on failure.</summary>
    public PyObject* IterNext(PyObject* it)
    {
        PyObject* r = Rt.IterNext(it);
        if (r == null && Rt.ErrorMatches(Rt.StopIterationType))
        {
            Rt.ClearError();
        }

        return r;
    }

    /// <summary>Compare with a bool result: 1, 0 or -1 with an error.</summary>
    public int RichCompareBool(PyObject* a, PyObject* b, CompareOp op) => Rt.ObjectRichCompareBool(a, b, op);

    /// <summary>a op b as an object.</summary>
    public PyObject* RichCompare(PyObject* a, PyObject* b, CompareOp op) => Rt.ObjectRichCompare(a, b, op);
}
