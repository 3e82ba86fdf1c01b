using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Subscripts: getting, setting and KeyError (Objects/abstract.c, 3.11: PyObject_GetItem,
// PyObject_SetItem); indices and slices are in Interpreter.Indexing.cs, len/truth/in/iteration
// in Interpreter.ObjectProtocol.cs.
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
}
