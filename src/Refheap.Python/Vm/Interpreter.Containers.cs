using System;
using System.Numerics;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Subscripts, containment, length, truth and iteration (Objects/abstract.c, 3.11:
// PyObject_GetItem, PyObject_SetItem, PySequence_Contains, PyObject_Size, PyObject_IsTrue,
// PyObject_GetIter, PyIter_Next).
internal sealed unsafe partial class Interpreter
{
    /// <summary>o[key].</summary>
    public PyObject* GetItem(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        if (rt.IsWeakProxy(o))
        {
            return ProxyGetItem(o, key);
        }

        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__getitem__");
            if (fn != null)
            {
                return CallDunder(fn, o, key);
            }

            if (PyRuntime.IsSubtype(t, rt.DictType))
            {
                PyObject* v = rt.DictGetItemWithError(o, key);
                if (v != null)
                {
                    return PyRuntime.NewRef(v);
                }

                if (rt.ErrorOccurred)
                {
                    return null;
                }

                PyObject* missing = LookupUserDunder(t, "__missing__");
                if (missing != null)
                {
                    return CallDunder(missing, o, key);
                }

                SetKeyError(key);
                return null;
            }
        }

        if (PyRuntime.IsSubtype(t, rt.DictType))
        {
            PyObject* v = rt.DictGetItemWithError(o, key);
            if (v != null)
            {
                return PyRuntime.NewRef(v);
            }

            if (!rt.ErrorOccurred)
            {
                SetKeyError(key);
            }

            return null;
        }

        if (PyRuntime.IsSubtype(t, rt.ListType) || PyRuntime.IsSubtype(t, rt.TupleType))
        {
            bool isList = PyRuntime.IsSubtype(t, rt.ListType);
            PyObject** items = isList ? PyRuntime.ListItems(o) : PyRuntime.TupleItems(o);
            nint n = ((PyVarObject*)o)->Size;
            string tn = isList ? "list" : "tuple";
            if (key->Type == rt.SliceType)
            {
                if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count))
                {
                    return null;
                }

                if (!isList && step == 1 && count == n && t == rt.TupleType)
                {
                    return PyRuntime.NewRef(o);
                }

                PyObject* r = isList ? rt.NewList(count) : rt.NewTuple(count);
                if (r == null)
                {
                    return null;
                }

                PyObject** dst = isList ? PyRuntime.ListItems(r) : PyRuntime.TupleItems(r);
                for (nint i = 0, j = start; i < count; i++, j += step)
                {
                    dst[i] = PyRuntime.NewRef(items[j]);
                }

                return r;
            }

            if (!IndexOf(key, tn, out nint index))
            {
                return null;
            }

            if (index < 0)
            {
                index += n;
            }

            if (index < 0 || index >= n)
            {
                rt.SetError(rt.IndexErrorType, $"{tn} index out of range");
                return null;
            }

            return PyRuntime.NewRef(items[index]);
        }

        if (PyRuntime.IsStr(o))
        {
            return StrSubscript(o, key);
        }

        if (PyRuntime.IsBytes(o) || rt.IsByteArray(o))
        {
            return BytesSubscript(o, key);
        }

        if (t == rt.RangeType)
        {
            return RangeSubscript(o, key);
        }

        if (PyRuntime.IsSubtype(t, rt.TypeType))
        {
            // Class subscription: __class_getitem__ (list[int] and friends are not modelled).
            PyObject* cg = GetAttrOrNull(o, Str("__class_getitem__"));
            if (cg != null)
            {
                PyObject* r = CallOneArg(cg, key);
                rt.DecRef(cg);
                return r;
            }

            if (rt.ErrorOccurred)
            {
                return null;
            }

            if (((PyTypeObject*)o)->Flags.HasFlag(TypeFlags.HeapType) == false)
            {
                // list[int], dict[str, int], type[X]: a types.GenericAlias (made by the bootstrap).
                PyObject* alias = rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("_generic_alias"));
                if (alias != null)
                {
                    PyObject** ga = stackalloc PyObject*[2];
                    ga[0] = o;
                    ga[1] = key;
                    return Call(alias, ga, 2, null);
                }
            }

            rt.SetError(rt.TypeErrorType, $"type '{rt.InfoOf((PyTypeObject*)o).Name}' is not subscriptable");
            return null;
        }

        rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(o)}' object is not subscriptable");
        return null;
    }

    public void SetKeyError(PyObject* key)
    {
        PyObject* args = Rt.NewTuple(1);
        if (args == null)
        {
            return;
        }

        PyRuntime.TupleItems(args)[0] = PyRuntime.NewRef(key);
        PyObject* exc = NewExceptionFromArgs(Rt.KeyErrorType, args);
        Rt.DecRef(args);
        if (exc != null)
        {
            Rt.SetErrorObject(exc);
        }
    }

    /// <summary>An index from an int or an object with __index__; TypeError in CPython's words otherwise.</summary>
    public bool IndexOf(PyObject* key, string typeName, out nint index)
    {
        index = 0;
        if (PyRuntime.IsInt(key))
        {
            if (!PyRuntime.TryIntToLong(key, out long v))
            {
                Rt.SetError(Rt.IndexErrorType, $"cannot fit 'int' into an index-sized integer");
                return false;
            }

            index = (nint)v;
            return true;
        }

        PyObject* idx = TryIndex(key);
        if (idx != null)
        {
            bool ok = IndexOf(idx, typeName, out index);
            Rt.DecRef(idx);
            return ok;
        }

        if (!Rt.ErrorOccurred)
        {
            Rt.SetError(Rt.TypeErrorType, $"{typeName} indices must be integers or slices, not {Rt.TypeName(key)}");
        }

        return false;
    }

    /// <summary>operator.index(o) for non-int objects with __index__: a new int, or null (no error if there is none).</summary>
    public PyObject* TryIndex(PyObject* o)
    {
        if (PyRuntime.IsInt(o))
        {
            return PyRuntime.NewRef(o);
        }

        if ((o->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(o->Type, "__index__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, o, null);
                if (r != null && !PyRuntime.IsInt(r))
                {
                    Rt.SetError(Rt.TypeErrorType, $"__index__ returned non-int (type {Rt.TypeName(r)})");
                    Rt.DecRef(r);
                    return null;
                }

                return r;
            }
        }

        return null;
    }

    /// <summary>PySlice_GetIndicesEx: start, stop, step and the number of items for a sequence of length n.</summary>
    public bool SliceIndices(PyObject* slice, nint length, out nint start, out nint stop, out nint step, out nint count)
    {
        var s = (PySliceObject*)slice;
        start = stop = count = 0;
        step = 1;
        if (s->Step != Rt.None)
        {
            if (!SliceInt(s->Step, out step))
            {
                return false;
            }

            if (step == 0)
            {
                Rt.SetError(Rt.ValueErrorType, "slice step cannot be zero");
                return false;
            }
        }

        nint lower = step < 0 ? -1 : 0;
        nint upper = step < 0 ? length - 1 : length;
        if (s->Start == Rt.None)
        {
            start = step < 0 ? upper : lower;
        }
        else
        {
            if (!SliceInt(s->Start, out start))
            {
                return false;
            }

            if (start < 0)
            {
                start = Math.Max(start + length, lower);
            }
            else
            {
                start = Math.Min(start, upper);
            }
        }

        if (s->Stop == Rt.None)
        {
            stop = step < 0 ? lower : upper;
        }
        else
        {
            if (!SliceInt(s->Stop, out stop))
            {
                return false;
            }

            if (stop < 0)
            {
                stop = Math.Max(stop + length, lower);
            }
            else
            {
                stop = Math.Min(stop, upper);
            }
        }

        if (step < 0)
        {
            count = stop < start ? ((start - stop - 1) / -step) + 1 : 0;
        }
        else
        {
            count = start < stop ? ((stop - start - 1) / step) + 1 : 0;
        }

        return true;
    }

    private bool SliceInt(PyObject* v, out nint value)
    {
        value = 0;
        PyObject* idx = TryIndex(v);
        if (idx == null)
        {
            if (!Rt.ErrorOccurred)
            {
                Rt.SetError(Rt.TypeErrorType, "slice indices must be integers or None or have an __index__ method");
            }

            return false;
        }

        BigInteger b = PyRuntime.IntToBigInteger(idx);
        Rt.DecRef(idx);
        value = b > long.MaxValue ? nint.MaxValue : b < long.MinValue ? nint.MinValue : (nint)(long)b;
        return true;
    }

    private PyObject* StrSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.StrLength(o);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count))
            {
                return null;
            }

            if (step == 1 && count == n && o->Type == rt.StrType)
            {
                return PyRuntime.NewRef(o);
            }

            if (step == 1)
            {
                return rt.StrSubstring(o, start, count);
            }

            var cps = new int[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                cps[i] = PyRuntime.StrRead(o, j);
            }

            return rt.NewStrFromCodePoints(cps);
        }

        if (!IndexOf(key, "string", out nint index))
        {
            return null;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, "string index out of range");
            return null;
        }

        return rt.StrSubstring(o, index, 1);
    }

    private PyObject* BytesSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        bool isBytes = PyRuntime.IsBytes(o);
        nint n = isBytes ? PyRuntime.BytesSize(o) : PyRuntime.ByteArraySize(o);
        byte* data = isBytes ? PyRuntime.BytesData(o) : ByteArrayData(o);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count))
            {
                return null;
            }

            var buf = new byte[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                buf[i] = data[j];
            }

            return isBytes ? rt.NewBytes(buf) : rt.NewByteArray(buf);
        }

        if (!IndexOf(key, isBytes ? "byte" : "bytearray", out nint index))
        {
            return null;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, isBytes ? "index out of range" : "bytearray index out of range");
            return null;
        }

        return rt.NewInt(data[index]);
    }

    private PyObject* RangeSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        var r = (PyRangeObject*)o;
        BigInteger start = PyRuntime.IntToBigInteger(r->Start);
        BigInteger step = PyRuntime.IntToBigInteger(r->Step);
        BigInteger len = PyRuntime.IntToBigInteger(r->Length);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, (nint)len, out nint s0, out nint s1, out nint st, out nint count))
            {
                return null;
            }

            BigInteger newStart = start + (s0 * step);
            BigInteger newStep = step * st;
            BigInteger newStop = newStart + (count * newStep);
            PyObject* a = rt.NewInt(newStart);
            PyObject* b = rt.NewInt(newStop);
            PyObject* c = rt.NewInt(newStep);
            PyObject* res = a == null || b == null || c == null ? null : rt.NewRange(a, b, c);
            rt.XDecRef(a);
            rt.XDecRef(b);
            rt.XDecRef(c);
            return res;
        }

        if (!IndexOf(key, "range", out nint index))
        {
            return null;
        }

        BigInteger i = index;
        if (i < 0)
        {
            i += len;
        }

        if (i < 0 || i >= len)
        {
            rt.SetError(rt.IndexErrorType, "range object index out of range");
            return null;
        }

        return rt.NewInt(start + (i * step));
    }

    /// <summary>o[key] = value, or del o[key] when value is null.</summary>
    public int SetItem(PyObject* o, PyObject* key, PyObject* value)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        if (rt.IsWeakProxy(o))
        {
            return ProxySetItem(o, key, value);
        }

        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, value == null ? "__delitem__" : "__setitem__");
            if (fn != null)
            {
                PyObject** args = stackalloc PyObject*[3];
                args[0] = o;
                args[1] = key;
                args[2] = value;
                PyObject* r = CallUnbound(fn, o, args, value == null ? 2 : 3);
                if (r == null)
                {
                    return -1;
                }

                rt.DecRef(r);
                return 0;
            }
        }

        if (PyRuntime.IsSubtype(t, rt.DictType))
        {
            if (value != null)
            {
                return rt.DictSetItem(o, key, value);
            }

            if (rt.DictDelItem(o, key) < 0)
            {
                if (rt.ErrorMatches(rt.KeyErrorType))
                {
                    rt.ClearError();
                    SetKeyError(key);
                }

                return -1;
            }

            return 0;
        }

        if (PyRuntime.IsSubtype(t, rt.ListType))
        {
            return ListSetItem(o, key, value);
        }

        if (rt.IsByteArray(o))
        {
            return ByteArraySetItem(o, key, value);
        }

        // PyObject_DelItem: an index key on a type with sequence methods goes through
        // PySequence_DelItem ("doesn't"); anything else is "does not".
        bool sequenceDelete = value == null && ((t->Flags & TypeFlags.HeapType) != 0 || t->Iter != null)
            && (PyRuntime.IsInt(key) || LookupUserDunder(key->Type, "__index__") != null);
        string what = value != null ? "does not support item assignment"
            : sequenceDelete ? "doesn't support item deletion" : "does not support item deletion";
        rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(o)}' object {what}");
        return -1;
    }

    private int ListSetItem(PyObject* o, PyObject* key, PyObject* value)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.ListSize(o);
        if (key->Type == rt.SliceType)
        {
            return ListAssignSlice(o, key, value);
        }

        if (!IndexOf(key, "list", out nint index))
        {
            return -1;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, value == null ? "list assignment index out of range" : "list assignment index out of range");
            return -1;
        }

        PyObject** items = PyRuntime.ListItems(o);
        PyObject* old = items[index];
        if (value != null)
        {
            items[index] = PyRuntime.NewRef(value);
            rt.DecRef(old);
            return 0;
        }

        // Delete: shift the tail down, then shrink.
        for (nint i = index; i < n - 1; i++)
        {
            items[i] = items[i + 1];
        }

        rt.ListResize(o, n - 1);
        rt.DecRef(old);
        return 0;
    }

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

        if (PyRuntime.IsBytes(o) || rt.IsByteArray(o) || t == rt.RangeType || rt.IsDictView(o))
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

            return PyRuntime.StrToString(container).Contains(PyRuntime.StrToString(item), StringComparison.Ordinal) ? 1 : 0;
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
