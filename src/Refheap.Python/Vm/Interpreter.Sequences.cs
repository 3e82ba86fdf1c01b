using System.Collections.Generic;
using System.Numerics;
using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Vm;

// The sequence helpers the instructions need (list extend, tuple/list conversion, dict merges,
// BUILD_STRING, unpacking, slice assignment); + and * in Interpreter.SequenceOps.cs, set algebra in Interpreter.SetAlgebra.cs.
internal sealed unsafe partial class Interpreter
{
    public static byte* ByteArrayData(PyObject* o) => ((PyByteArrayObject*)o)->Start;

    /// <summary>list.extend(iterable).</summary>
    public int ListExtend(PyObject* list, PyObject* iterable) => Objects.Methods.ListMethods.Extend(this, list, iterable);

    /// <summary>A new list of an iterable's items.</summary>
    public PyObject* SequenceToList(PyObject* iterable)
    {
        PyObject* list = Rt.NewList(0);
        if (list == null)
        {
            return null;
        }

        if (ListExtend(list, iterable) < 0)
        {
            Rt.DecRef(list);
            return null;
        }

        return list;
    }

    /// <summary>tuple(iterable).</summary>
    public PyObject* SequenceToTuple(PyObject* iterable)
    {
        if (iterable->Type == Rt.TupleType)
        {
            return PyRuntime.NewRef(iterable);
        }

        PyObject* list = SequenceToList(iterable);
        if (list == null)
        {
            return null;
        }

        PyObject* t = ListAsTuple(list);
        Rt.DecRef(list);
        return t;
    }

    public PyObject* ListAsTuple(PyObject* list)
    {
        nint n = PyRuntime.ListSize(list);
        PyObject* t = Rt.NewTuple(n);
        if (t == null)
        {
            return null;
        }

        for (nint i = 0; i < n; i++)
        {
            PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(PyRuntime.ListItems(list)[i]);
        }

        return t;
    }

    public int SetUpdate(PyObject* set, PyObject* iterable)
    {
        PyObject* it = GetIter(iterable);
        if (it == null)
        {
            return -1;
        }

        while (true)
        {
            PyObject* x = IterNext(it);
            if (x == null)
            {
                Rt.DecRef(it);
                return Rt.ErrorOccurred ? -1 : 0;
            }

            int r = Rt.SetAdd(set, x);
            Rt.DecRef(x);
            if (r < 0)
            {
                Rt.DecRef(it);
                return -1;
            }
        }
    }

    /// <summary>dict.update(other) for a dict or a mapping with keys(), or an iterable of pairs.</summary>
    public int DictUpdateFrom(PyObject* dict, PyObject* other)
    {
        PyRuntime rt = Rt;
        if (PyRuntime.IsSubtype(other->Type, rt.DictType) && (other->Type->Flags & TypeFlags.HeapType) == 0)
        {
            return rt.DictUpdate(dict, other);
        }

        PyObject* keysFn = GetAttrOrNull(other, Str("keys"));
        if (keysFn != null)
        {
            PyObject* keys = CallNoArgs(keysFn);
            rt.DecRef(keysFn);
            if (keys == null)
            {
                return -1;
            }

            PyObject* it = GetIter(keys);
            rt.DecRef(keys);
            if (it == null)
            {
                return -1;
            }

            while (true)
            {
                PyObject* k = IterNext(it);
                if (k == null)
                {
                    rt.DecRef(it);
                    return rt.ErrorOccurred ? -1 : 0;
                }

                PyObject* v = GetItem(other, k);
                int r = v == null ? -1 : rt.DictSetItem(dict, k, v);
                rt.XDecRef(v);
                rt.DecRef(k);
                if (r < 0)
                {
                    rt.DecRef(it);
                    return -1;
                }
            }
        }

        if (rt.ErrorOccurred)
        {
            return -1;
        }

        PyObject* pairs = GetIter(other);
        if (pairs == null)
        {
            return -1;
        }

        nint index = 0;
        while (true)
        {
            PyObject* item = IterNext(pairs);
            if (item == null)
            {
                rt.DecRef(pairs);
                return rt.ErrorOccurred ? -1 : 0;
            }

            PyObject* seq = SequenceToTuple(item);
            rt.DecRef(item);
            if (seq == null)
            {
                rt.DecRef(pairs);
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"cannot convert dictionary update sequence element #{index} to a sequence");
                }

                return -1;
            }

            if (PyRuntime.TupleSize(seq) != 2)
            {
                rt.SetError(rt.ValueErrorType, $"dictionary update sequence element #{index} has length {PyRuntime.TupleSize(seq)}; 2 is required");
                rt.DecRef(seq);
                rt.DecRef(pairs);
                return -1;
            }

            int r = rt.DictSetItem(dict, PyRuntime.TupleItems(seq)[0], PyRuntime.TupleItems(seq)[1]);
            rt.DecRef(seq);
            if (r < 0)
            {
                rt.DecRef(pairs);
                return -1;
            }

            index++;
        }
    }

    /// <summary>DICT_UPDATE / DICT_MERGE (merge refuses repeated keys: f(**a, **b)).</summary>
    private int DictMergeFromStack(PyObject* dict, PyObject* other, bool merge, PyObject* func)
    {
        PyRuntime rt = Rt;
        if (!merge)
        {
            if (DictUpdateFrom(dict, other) < 0)
            {
                if (rt.ErrorMatches(rt.AttributeErrorType) || rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(other)}' object is not a mapping");
                }

                return -1;
            }

            return 0;
        }

        if (!PyRuntime.IsSubtype(other->Type, rt.DictType))
        {
            PyObject* tmp = rt.NewDict();
            if (tmp == null || DictUpdateFrom(tmp, other) < 0)
            {
                rt.XDecRef(tmp);
                if (rt.ErrorMatches(rt.AttributeErrorType) || rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    string fname = func == null ? "function" : CallableName(func);
                    rt.SetError(rt.TypeErrorType, $"{fname} argument after ** must be a mapping, not {rt.TypeName(other)}");
                }

                return -1;
            }

            int r = DictMergeFromStack(dict, tmp, true, func);
            rt.DecRef(tmp);
            return r;
        }

        nint pos = 0;
        while (rt.DictNext(other, ref pos, out PyObject* key, out PyObject* value))
        {
            if (rt.DictContains(dict, key) == 1)
            {
                string fname = func == null ? "function" : CallableName(func);
                rt.SetError(rt.TypeErrorType, $"{fname} got multiple values for keyword argument '{PyRuntime.StrToString(key)}'");
                return -1;
            }

            if (rt.DictSetItem(dict, key, value) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>BUILD_STRING: joins str parts.</summary>
    private PyObject* JoinStrings(PyObject** parts, int n)
    {
        // BUILD_STRING is _PyUnicode_JoinArray with an empty separator: one exact str is
        // itself; exact strs are joined on their own data (lone surrogates stay apart).
        bool exact = true;
        for (int i = 0; i < n && exact; i++)
        {
            exact = parts[i]->Type == Rt.StrType;
        }

        if (exact && n == 1)
        {
            return PyRuntime.NewRef(parts[0]);
        }

        if (exact && n >= 2)
        {
            return Rt.StrJoinExact(Rt.EmptyStr, parts, n);
        }

        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append(PyRuntime.StrToString(parts[i]));
        }

        return Rt.NewStr(sb.ToString());
    }

    /// <summary>UNPACK_SEQUENCE / UNPACK_EX: writes the items to sp[0..] in push order (so the first is on top).</summary>
    private bool UnpackSequence(PyObject* v, int before, int after, PyObject** sp)
    {
        PyRuntime rt = Rt;
        PyObject* list = null;
        PyObject** items;
        nint n;
        if (v->Type == rt.TupleType || v->Type == rt.ListType)
        {
            n = ((PyVarObject*)v)->Size;
            items = v->Type == rt.TupleType ? PyRuntime.TupleItems(v) : PyRuntime.ListItems(v);
        }
        else
        {
            PyObject* it = GetIter(v);
            if (it == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"cannot unpack non-iterable {rt.TypeName(v)} object");
                }

                return false;
            }

            list = rt.NewList(0);
            while (true)
            {
                PyObject* x = IterNext(it);
                if (x == null)
                {
                    break;
                }

                rt.ListAppend(list, x);
                rt.DecRef(x);
                if (after < 0 && PyRuntime.ListSize(list) > before)
                {
                    break;
                }
            }

            rt.DecRef(it);
            if (rt.ErrorOccurred)
            {
                rt.DecRef(list);
                return false;
            }

            n = PyRuntime.ListSize(list);
            items = PyRuntime.ListItems(list);
        }

        if (after < 0)
        {
            if (n != before)
            {
                if (n < before)
                {
                    rt.SetError(rt.ValueErrorType, $"not enough values to unpack (expected {before}, got {n})");
                }
                else
                {
                    rt.SetError(rt.ValueErrorType, $"too many values to unpack (expected {before})");
                }

                rt.XDecRef(list);
                return false;
            }

            for (int i = 0; i < before; i++)
            {
                sp[before - 1 - i] = PyRuntime.NewRef(items[i]);
            }

            rt.XDecRef(list);
            return true;
        }

        if (n < before + after)
        {
            rt.SetError(rt.ValueErrorType, $"not enough values to unpack (expected at least {before + after}, got {n})");
            rt.XDecRef(list);
            return false;
        }

        int total = before + after + 1;
        for (int i = 0; i < before; i++)
        {
            sp[total - 1 - i] = PyRuntime.NewRef(items[i]);
        }

        nint middle = n - before - after;
        PyObject* rest = rt.NewList(middle);
        for (nint i = 0; i < middle; i++)
        {
            PyRuntime.ListItems(rest)[i] = PyRuntime.NewRef(items[before + i]);
        }

        sp[after] = rest;
        for (int i = 0; i < after; i++)
        {
            sp[after - 1 - i] = PyRuntime.NewRef(items[before + middle + i]);
        }

        rt.XDecRef(list);
        return true;
    }

    /// <summary>list[slice] = iterable, or del list[slice] (value null). A null slice means the whole list.</summary>
    private int ListAssignSlice(PyObject* list, PyObject* slice, PyObject* value)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.ListSize(list);
        nint start = 0;
        nint step = 1;
        nint count = n;
        if (slice != null && !SliceIndices(slice, n, out start, out _, out step, out count))
        {
            return -1;
        }

        var current = new List<nint>();
        for (nint i = 0; i < n; i++)
        {
            current.Add((nint)PyRuntime.ListItems(list)[i]);
        }

        var replacement = new List<nint>();
        if (value != null)
        {
            PyObject* seq = value == list ? ListAsTuple(list) : SequenceToTuple(value);
            if (seq == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
                }

                return -1;
            }

            for (nint i = 0; i < PyRuntime.TupleSize(seq); i++)
            {
                PyObject* x = PyRuntime.TupleItems(seq)[i];
                PyRuntime.IncRef(x);
                replacement.Add((nint)x);
            }

            rt.DecRef(seq);
        }

        var removed = new List<nint>();
        if (step == 1)
        {
            if (count < 0)
            {
                count = 0;
            }

            removed.AddRange(current.GetRange((int)start, (int)count));
            current.RemoveRange((int)start, (int)count);
            current.InsertRange((int)start, replacement);
        }
        else
        {
            if (value != null && replacement.Count != count)
            {
                rt.SetError(rt.ValueErrorType, $"attempt to assign sequence of size {replacement.Count} to extended slice of size {count}");
                foreach (nint p in replacement)
                {
                    rt.DecRef((PyObject*)p);
                }

                return -1;
            }

            var indices = new List<int>();
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                indices.Add((int)j);
            }

            if (value != null)
            {
                for (int i = 0; i < indices.Count; i++)
                {
                    removed.Add(current[indices[i]]);
                    current[indices[i]] = replacement[i];
                }
            }
            else
            {
                indices.Sort();
                for (int i = indices.Count - 1; i >= 0; i--)
                {
                    removed.Add(current[indices[i]]);
                    current.RemoveAt(indices[i]);
                }
            }
        }

        if (!rt.ListResize(list, current.Count))
        {
            return -1;
        }

        for (int i = 0; i < current.Count; i++)
        {
            PyRuntime.ListItems(list)[i] = (PyObject*)current[i];
        }

        foreach (nint p in removed)
        {
            rt.DecRef((PyObject*)p);
        }

        return 0;
    }

    private int ByteArraySetItem(PyObject* o, PyObject* key, PyObject* value)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.ByteArraySize(o);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count) || step != 1)
            {
                if (!rt.ErrorOccurred)
                {
                    rt.SetError(rt.NotImplementedErrorType, "extended slice assignment on bytearray is not supported by Refheap yet");
                }

                return -1;
            }

            byte[] repl = value == null ? [] : PyRuntime.IsInt(value) ? new byte[(int)PyRuntime.IntToBigInteger(value)] : BytesOf(value);
            return rt.ByteArraySetSlice(o, start, start + count, repl) ? 0 : -1;
        }

        if (!IndexOf(key, "bytearray", out nint index))
        {
            return -1;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, "bytearray index out of range");
            return -1;
        }

        if (value == null)
        {
            return rt.ByteArrayDeleteSlice(o, index, index + 1) ? 0 : -1;
        }

        if (!PyRuntime.IsInt(value))
        {
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(value)}' object cannot be interpreted as an integer");
            return -1;
        }

        BigInteger v = PyRuntime.IntToBigInteger(value);
        if (v < 0 || v > 255)
        {
            rt.SetError(rt.ValueErrorType, "byte must be in range(0, 256)");
            return -1;
        }

        ByteArrayData(o)[index] = (byte)v;
        return 0;
    }

    private static nint SpecialLength(PyObject* o)
    {
        _ = o;
        return -1;
    }

    /// <summary>iter(o) for an object with __getitem__ only: items 0, 1, 2, ... until IndexError or StopIteration.</summary>
    private PyObject* NewSequenceIterator(PyObject* o) => NewIterObject(SeqIterType, o, null, null, 0, 0);
}
