using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// list's dunder methods, and the subscript shared with tuple.
internal static unsafe partial class ListMethods
{
    private static void RegisterDunders()
    {
        SlotDunders.AddCompare(L);
        SlotDunders.AddRepr(L);
        SlotDunders.AddIter(L);
        SlotDunders.AddLen(L, &SeqLength);
        SlotDunders.AddContains(L, &ListContains);
        SlotDunders.AddSizeOf(L, &ListExtraSize);
        SlotDunders.AddBinary(L, "__getitem__", &ListGetItem);
        SlotDunders.AddUnary(L, "__reversed__", &ListReversedDunder);
        SlotDunders.AddBinary(L, "__add__", &ListAdd);
        SlotDunders.AddBinary(L, "__iadd__", &ListIAdd);
        SlotDunders.AddBinary(L, "__mul__", &SeqMul);
        SlotDunders.AddBinary(L, "__rmul__", &SeqMul);
        SlotDunders.AddBinary(L, "__imul__", &ListIMul);
        SlotDunders.AddBinary(L, "__delitem__", &ListDelItem);
        BuiltinMethods.Add(L, "__setitem__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunders.Expect(rt, n, kw, 2))
            {
                return null;
            }

            return Interpreter.Of(rt).ListSetItemBase(self, args[0], args[1]) < 0 ? null : MethodSupport.None(rt);
        });
    }

    internal static nint SeqLength(PyRuntime rt, PyObject* o) => ((PyVarObject*)o)->Size;

    private static nint ListExtraSize(PyRuntime rt, PyObject* o) => PyRuntime.ListAllocated(o) * 8;

    private static int ListContains(PyRuntime rt, PyObject* o, PyObject* x)
    {
        nint i = Find(rt, o, x, 0, nint.MaxValue, isList: true);
        return i == -2 ? -1 : i >= 0 ? 1 : 0;
    }

    private static PyObject* ListGetItem(PyRuntime rt, PyObject* o, PyObject* key) => SeqSubscript(rt, o, key, isList: true);

    /// <summary>list[key] / tuple[key] with an int (or __index__) or a slice.</summary>
    internal static PyObject* SeqSubscript(PyRuntime rt, PyObject* o, PyObject* key, bool isList)
    {
        Interpreter interp = Interpreter.Of(rt);
        nint n = ((PyVarObject*)o)->Size;
        PyObject** items = isList ? PyRuntime.ListItems(o) : PyRuntime.TupleItems(o);
        string tn = isList ? "list" : "tuple";
        if (key->Type == rt.SliceType)
        {
            if (!interp.SliceIndices(key, n, out nint start, out _, out nint step, out nint count))
            {
                return null;
            }

            if (!isList && step == 1 && count == n && o->Type == rt.TupleType)
            {
                return PyRuntime.NewRef(o);
            }

            PyObject* r = isList ? rt.NewList(count) : rt.NewTuple(count);
            if (r == null)
            {
                return null;
            }

            items = isList ? PyRuntime.ListItems(o) : PyRuntime.TupleItems(o);
            PyObject** dst = isList ? PyRuntime.ListItems(r) : PyRuntime.TupleItems(r);
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                dst[i] = PyRuntime.NewRef(items[j]);
            }

            return r;
        }

        if (!interp.IndexOf(key, tn, out nint index))
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

    private static PyObject* ListReversedDunder(PyRuntime rt, PyObject* o) => rt.ListReversed(o);

    private static PyObject* ListAdd(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!PyRuntime.IsSubtype(b->Type, rt.ListType))
        {
            rt.SetError(rt.TypeErrorType, $"can only concatenate list (not \"{rt.TypeName(b)}\") to list");
            return null;
        }

        return Interpreter.Of(rt).SequenceConcatBase(a, b);
    }

    private static PyObject* ListIAdd(PyRuntime rt, PyObject* a, PyObject* b) =>
        Extend(Interpreter.Of(rt), a, b) < 0 ? null : PyRuntime.NewRef(a);

    /// <summary>The repeat count of seq * n: TypeError unless n is an index.</summary>
    private static bool RepeatCount(PyRuntime rt, PyObject* count, out PyObject* index)
    {
        index = Interpreter.Of(rt).TryIndex(count);
        if (index == null && !rt.ErrorOccurred)
        {
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(count)}' object cannot be interpreted as an integer");
        }

        return index != null;
    }

    internal static PyObject* SeqMul(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!RepeatCount(rt, b, out PyObject* index))
        {
            return null;
        }

        PyObject* r = Interpreter.Of(rt).SequenceRepeatBase(a, index, false);
        rt.DecRef(index);
        return r;
    }

    private static PyObject* ListIMul(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!RepeatCount(rt, b, out PyObject* index))
        {
            return null;
        }

        PyObject* r = Interpreter.Of(rt).ListInPlaceRepeatBase(a, index);
        rt.DecRef(index);
        return r;
    }

    private static PyObject* ListDelItem(PyRuntime rt, PyObject* o, PyObject* key) =>
        Interpreter.Of(rt).ListSetItemBase(o, key, null) < 0 ? null : MethodSupport.None(rt);

    /// <summary>A copy of a tuple as an exact tuple (the tuple itself when exact).</summary>
    internal static PyObject* SeqSubscriptAll(PyRuntime rt, PyObject* t)
    {
        if (t->Type == rt.TupleType)
        {
            return PyRuntime.NewRef(t);
        }

        nint n = PyRuntime.TupleSize(t);
        PyObject* r = rt.NewTuple(n);
        if (r == null)
        {
            return null;
        }

        for (nint i = 0; i < n; i++)
        {
            PyRuntime.TupleItems(r)[i] = PyRuntime.NewRef(PyRuntime.TupleItems(t)[i]);
        }

        return r;
    }
}
