using System;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>The named methods of list (Objects/listobject.c, 3.11 behaviour).</summary>
internal static unsafe partial class ListMethods
{
    private const string L = "list";
    private static readonly string[] s_sortNames = ["key", "reverse"];

    public static void Register()
    {
        BuiltinMethods.Add(L, "append", Append);
        BuiltinMethods.Add(L, "extend", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "list.extend", n, kw))
            {
                return null;
            }

            return Extend(Interpreter.Of(rt), self, args[0]) < 0 ? null : MethodSupport.None(rt);
        });
        BuiltinMethods.Add(L, "insert", Insert);
        BuiltinMethods.Add(L, "pop", Pop);
        BuiltinMethods.Add(L, "remove", Remove);
        BuiltinMethods.Add(L, "index", Index);
        BuiltinMethods.Add(L, "count", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "list.count", n, kw))
            {
                return null;
            }

            nint c = CountIn(rt, self, args[0], isList: true);
            return c < 0 ? null : rt.NewInt(c);
        });
        BuiltinMethods.Add(L, "sort", Sort);
        BuiltinMethods.Add(L, "reverse", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "list.reverse", n, kw))
            {
                return null;
            }

            new Span<nint>(PyRuntime.ListItems(self), (int)PyRuntime.ListSize(self)).Reverse();
            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(L, "clear", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "list.clear", n, kw))
            {
                return null;
            }

            Interpreter.Of(rt).ListClearItems(self);
            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(L, "copy", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "list.copy", n, kw))
            {
                return null;
            }

            return Slice(rt, self, 0, PyRuntime.ListSize(self));
        });
        RegisterDunders();
    }

    private static PyObject* Append(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.OneArg(rt, "list.append", n, kw))
        {
            return null;
        }

        return rt.ListAppend(self, args[0]) ? MethodSupport.None(rt) : null;
    }

    /// <summary>A new list of items [lo, hi) of a list (list_slice).</summary>
    internal static PyObject* Slice(PyRuntime rt, PyObject* list, nint lo, nint hi)
    {
        nint len = hi - lo;
        PyObject* r = rt.NewList(len);
        if (r == null)
        {
            return null;
        }

        for (nint i = 0; i < len; i++)
        {
            PyRuntime.ListItems(r)[i] = PyRuntime.NewRef(PyRuntime.ListItems(list)[lo + i]);
        }

        return r;
    }

    /// <summary>
    /// list_extend: one resize for lists and tuples; for other iterables room for the
    /// length hint first, the items appended, then any unused room given back.
    /// </summary>
    public static int Extend(Interpreter interp, PyObject* self, PyObject* iterable)
    {
        PyRuntime rt = interp.Rt;
        if (PyRuntime.IsSubtype(iterable->Type, rt.ListType) || PyRuntime.IsSubtype(iterable->Type, rt.TupleType))
        {
            bool isList = PyRuntime.IsSubtype(iterable->Type, rt.ListType);
            nint n = ((PyVarObject*)iterable)->Size;
            if (n == 0)
            {
                return 0;
            }

            nint m = PyRuntime.ListSize(self);
            if (PyRuntime.ListItems(self) == null)
            {
                if (!PreallocateExact(rt, self, n))
                {
                    return -1;
                }

                ((PyVarObject*)self)->Size = n;
            }
            else if (!rt.ListResize(self, m + n))
            {
                return -1;
            }

            // For a.extend(a) the source is the list itself: its first n items are still in place.
            PyObject** src = isList ? PyRuntime.ListItems(iterable) : PyRuntime.TupleItems(iterable);
            PyObject** dst = PyRuntime.ListItems(self) + m;
            for (nint i = 0; i < n; i++)
            {
                dst[i] = PyRuntime.NewRef(src[i]);
            }

            return 0;
        }

        PyObject* it = interp.GetIter(iterable);
        if (it == null)
        {
            return -1;
        }

        nint hint = LengthHint(interp, iterable, it);
        if (hint < 0)
        {
            rt.DecRef(it);
            return -1;
        }

        nint size = PyRuntime.ListSize(self);
        if (PyRuntime.ListItems(self) == null)
        {
            if (hint > 0 && !PreallocateExact(rt, self, hint))
            {
                rt.DecRef(it);
                return -1;
            }
        }
        else if (hint > 0)
        {
            if (!rt.ListResize(self, size + hint))
            {
                rt.DecRef(it);
                return -1;
            }

            ((PyVarObject*)self)->Size = size;
        }

        while (true)
        {
            PyObject* x = interp.IterNext(it);
            if (x == null)
            {
                if (rt.ErrorOccurred)
                {
                    rt.DecRef(it);
                    return -1;
                }

                break;
            }

            nint cur = PyRuntime.ListSize(self);
            if (cur < PyRuntime.ListAllocated(self))
            {
                PyRuntime.ListItems(self)[cur] = x;
                ((PyVarObject*)self)->Size = cur + 1;
            }
            else
            {
                bool ok = rt.ListAppend(self, x);
                rt.DecRef(x);
                if (!ok)
                {
                    rt.DecRef(it);
                    return -1;
                }
            }
        }

        if (PyRuntime.ListSize(self) < PyRuntime.ListAllocated(self) && !rt.ListResize(self, PyRuntime.ListSize(self)))
        {
            rt.DecRef(it);
            return -1;
        }

        rt.DecRef(it);
        return 0;
    }

    /// <summary>list_preallocate_exact: an empty list gets room for exactly n items, rounded up to even.</summary>
    private static bool PreallocateExact(PyRuntime rt, PyObject* self, nint n)
    {
        n = (n + 1) & ~(nint)1;
        var items = (PyObject**)rt.Allocator.TryAllocate(n * 8);
        if (items == null)
        {
            rt.SetError(rt.MemoryErrorType, "");
            return false;
        }

        ((PyListObject*)self)->Items = items;
        ((PyListObject*)self)->Allocated = n;
        return true;
    }

    /// <summary>PyObject_LengthHint(iterable, 8) for the types whose length this runtime knows.</summary>
    private static nint LengthHint(Interpreter interp, PyObject* iterable, PyObject* it)
    {
        PyRuntime rt = interp.Rt;
        PyTypeObject* t = iterable->Type;
        bool sized = PyRuntime.IsStr(iterable) || PyRuntime.IsBytes(iterable) || rt.IsByteArray(iterable) || rt.IsDict(iterable)
            || rt.IsAnySet(iterable) || rt.IsDictView(iterable) || t == rt.RangeType
            || ((t->Flags & TypeFlags.HeapType) != 0 && interp.LookupUserDunder(t, "__len__") != null);
        if (sized)
        {
            nint n = interp.Length(iterable);
            if (n >= 0)
            {
                return n;
            }

            if (!rt.ErrorMatches(rt.TypeErrorType))
            {
                return -1;
            }

            rt.ClearError();
        }

        PyTypeObject* it0 = it->Type;
        if (it0 == rt.ListIterType || it0 == rt.TupleIterType || it0 == rt.ListRevIterType || it0 == rt.SetIterType
            || it0 == rt.DictKeyIterType || it0 == rt.DictValueIterType || it0 == rt.DictItemIterType
            || it0 == rt.StrAsciiIterType || it0 == rt.StrIterType || it0 == rt.BytesIterType || it0 == rt.ByteArrayIterType)
        {
            return rt.IterLengthHint(it);
        }

        return 8;
    }

    private static PyObject* Insert(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "list.insert", kw) || !ArgParse.Positional(rt, "insert", n, 2, 2))
        {
            return null;
        }

        if (!MethodSupport.SsizeArg(Interpreter.Of(rt), args[0], out nint where, clamp: false))
        {
            return null;
        }

        nint size = PyRuntime.ListSize(self);
        if (!rt.ListResize(self, size + 1))
        {
            return null;
        }

        if (where < 0)
        {
            where += size;
            if (where < 0)
            {
                where = 0;
            }
        }

        if (where > size)
        {
            where = size;
        }

        PyObject** items = PyRuntime.ListItems(self);
        for (nint i = size; i > where; i--)
        {
            items[i] = items[i - 1];
        }

        items[where] = PyRuntime.NewRef(args[1]);
        return MethodSupport.None(rt);
    }

    /// <summary>Removes items[index] (shifting the tail down, then list_resize) and returns it, a reference the caller owns.</summary>
    internal static PyObject* TakeAt(PyRuntime rt, PyObject* self, nint index)
    {
        nint size = PyRuntime.ListSize(self);
        PyObject** items = PyRuntime.ListItems(self);
        PyObject* v = items[index];
        for (nint i = index; i < size - 1; i++)
        {
            items[i] = items[i + 1];
        }

        if (!rt.ListResize(self, size - 1))
        {
            // Shrinking never fails in practice; keep the list consistent if it does.
            rt.ClearError();
            ((PyVarObject*)self)->Size = size - 1;
        }

        return v;
    }

    private static PyObject* Pop(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "list.pop", kw) || !ArgParse.Positional(rt, "pop", n, 0, 1))
        {
            return null;
        }

        nint index = -1;
        if (n == 1 && !MethodSupport.SsizeArg(Interpreter.Of(rt), args[0], out index, clamp: false))
        {
            return null;
        }

        nint size = PyRuntime.ListSize(self);
        if (size == 0)
        {
            rt.SetError(rt.IndexErrorType, "pop from empty list");
            return null;
        }

        if (index < 0)
        {
            index += size;
        }

        if (index < 0 || index >= size)
        {
            rt.SetError(rt.IndexErrorType, "pop index out of range");
            return null;
        }

        return TakeAt(rt, self, index);
    }

    /// <summary>The index of the first item equal to <paramref name="value"/> in [start, stop); -1 if none, -2 on error.</summary>
    internal static nint Find(PyRuntime rt, PyObject* seq, PyObject* value, nint start, nint stop, bool isList)
    {
        for (nint i = start; i < stop && i < ((PyVarObject*)seq)->Size; i++)
        {
            PyObject* x = isList ? PyRuntime.ListItems(seq)[i] : PyRuntime.TupleItems(seq)[i];
            PyRuntime.IncRef(x);
            int c = rt.ObjectRichCompareBool(x, value, CompareOp.Eq);
            rt.DecRef(x);
            if (c < 0)
            {
                return -2;
            }

            if (c > 0)
            {
                return i;
            }
        }

        return -1;
    }

    internal static nint CountIn(PyRuntime rt, PyObject* seq, PyObject* value, bool isList)
    {
        nint count = 0;
        for (nint i = 0; i < ((PyVarObject*)seq)->Size; i++)
        {
            PyObject* x = isList ? PyRuntime.ListItems(seq)[i] : PyRuntime.TupleItems(seq)[i];
            PyRuntime.IncRef(x);
            int c = rt.ObjectRichCompareBool(x, value, CompareOp.Eq);
            rt.DecRef(x);
            if (c < 0)
            {
                return -1;
            }

            count += c;
        }

        return count;
    }

    private static PyObject* Remove(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.OneArg(rt, "list.remove", n, kw))
        {
            return null;
        }

        nint i = Find(rt, self, args[0], 0, nint.MaxValue, isList: true);
        if (i == -2)
        {
            return null;
        }

        if (i < 0)
        {
            rt.SetError(rt.ValueErrorType, "list.remove(x): x not in list");
            return null;
        }

        rt.DecRef(TakeAt(rt, self, i));
        return MethodSupport.None(rt);
    }

    /// <summary>list.index and tuple.index: "X is not in list" / "tuple.index(x): x not in tuple".</summary>
    internal static PyObject* IndexIn(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw, bool isList)
    {
        if (!ArgParse.NoKeywords(rt, isList ? "list.index" : "tuple.index", kw) || !ArgParse.Positional(rt, "index", n, 1, 3))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        if (!MethodSupport.StartStop(interp, args, n, out nint start, out nint stop))
        {
            return null;
        }

        MethodSupport.AdjustRange(((PyVarObject*)self)->Size, ref start, ref stop);
        nint i = Find(rt, self, args[0], start, stop, isList);
        if (i == -2)
        {
            return null;
        }

        if (i < 0)
        {
            if (isList)
            {
                string? r = interp.ReprOf(args[0]);
                if (r == null)
                {
                    return null;
                }

                rt.SetError(rt.ValueErrorType, $"{r} is not in list");
            }
            else
            {
                rt.SetError(rt.ValueErrorType, "tuple.index(x): x not in tuple");
            }

            return null;
        }

        return rt.NewInt(i);
    }

    private static PyObject* Index(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw) =>
        IndexIn(rt, self, args, n, kw, isList: true);

    private static PyObject* Sort(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (n > 0)
        {
            rt.SetError(rt.TypeErrorType, "sort() takes no positional arguments");
            return null;
        }

        PyObject** opts = stackalloc PyObject*[2];
        if (!ArgParse.Parse(rt, "sort", args, n, kw, s_sortNames, 0, opts))
        {
            return null;
        }

        PyObject* key = opts[0] == rt.None ? null : opts[0];
        bool reverse = false;
        if (opts[1] != null)
        {
            if (!MethodSupport.SsizeArg(Interpreter.Of(rt), opts[1], out nint rv, clamp: false))
            {
                return null;
            }

            reverse = rv != 0;
        }

        return Interpreter.Of(rt).ListSort(self, key, reverse) < 0 ? null : MethodSupport.None(rt);
    }
}
