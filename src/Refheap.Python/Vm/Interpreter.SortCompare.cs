using System;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

/// <summary>
/// list.sort's '&lt;' for one kind of keys (CPython's pre-sort check in list_sort_impl picks
/// unsafe_long_compare, unsafe_latin_compare or unsafe_tuple_compare the same way). Returns 1
/// when a &lt; b, 0 when not, -1 with an error set.
/// <para>
/// Invariant: each comparer gives exactly the answer, and runs exactly the Python code, that
/// PyObject_RichCompareBool(a, b, Py_LT) would for the keys it is chosen for: exact int and
/// exact str comparisons run no Python code, and a tuple comparison makes the same item
/// comparisons in the same order as tuple's richcompare.
/// </para>
/// </summary>
internal unsafe interface ISortLess
{
    public int Less(Interpreter interp, PyObject* a, PyObject* b);
}

/// <summary>Any keys: the object protocol.</summary>
internal readonly unsafe struct GenericSortLess : ISortLess
{
    public int Less(Interpreter interp, PyObject* a, PyObject* b) => interp.Rt.ObjectRichCompareBool(a, b, CompareOp.Lt);
}

/// <summary>Every key an exact int.</summary>
internal readonly unsafe struct IntSortLess : ISortLess
{
    public int Less(Interpreter interp, PyObject* a, PyObject* b) => PyRuntime.IntCompare(a, b) < 0 ? 1 : 0;
}

/// <summary>Every key an exact str.</summary>
internal readonly unsafe struct StrSortLess : ISortLess
{
    public int Less(Interpreter interp, PyObject* a, PyObject* b) => Interpreter.StrOrder(a, b) < 0 ? 1 : 0;
}

/// <summary>Every key an exact tuple: tuple's richcompare for '&lt;', items of exact int or str compared directly.</summary>
internal readonly unsafe struct TupleSortLess : ISortLess
{
    public int Less(Interpreter interp, PyObject* v, PyObject* w)
    {
        PyRuntime rt = interp.Rt;
        nint i;
        for (i = 0; i < PyRuntime.TupleSize(v) && i < PyRuntime.TupleSize(w); i++)
        {
            PyObject* a = PyRuntime.TupleItems(v)[i];
            PyObject* b = PyRuntime.TupleItems(w)[i];
            if (a == b)
            {
                continue;
            }

            int k;
            PyTypeObject* t = a->Type;
            if (t == b->Type && t == rt.IntType)
            {
                k = PyRuntime.IntCompare(a, b) == 0 ? 1 : 0;
            }
            else if (t == b->Type && t == rt.StrType)
            {
                k = PyRuntime.StrEquals(a, b) ? 1 : 0;
            }
            else
            {
                PyRuntime.IncRef(a);
                PyRuntime.IncRef(b);
                k = rt.ObjectRichCompareBool(a, b, CompareOp.Eq);
                rt.DecRef(a);
                rt.DecRef(b);
            }

            if (k < 0)
            {
                return -1;
            }

            if (k == 0)
            {
                break;
            }
        }

        nint vn = PyRuntime.TupleSize(v);
        nint wn = PyRuntime.TupleSize(w);
        if (i >= vn || i >= wn)
        {
            return vn < wn ? 1 : 0;
        }

        PyObject* x = PyRuntime.TupleItems(v)[i];
        PyObject* y = PyRuntime.TupleItems(w)[i];
        if (x->Type == y->Type && x->Type == rt.IntType)
        {
            return PyRuntime.IntCompare(x, y) < 0 ? 1 : 0;
        }

        if (x->Type == y->Type && x->Type == rt.StrType)
        {
            return Interpreter.StrOrder(x, y) < 0 ? 1 : 0;
        }

        PyRuntime.IncRef(x);
        PyRuntime.IncRef(y);
        PyObject* res = rt.ObjectRichCompare(x, y, CompareOp.Lt);
        rt.DecRef(x);
        rt.DecRef(y);
        if (res == null)
        {
            return -1;
        }

        int ok = res == rt.True ? 1 : res == rt.False ? 0 : rt.ObjectIsTrue(res);
        rt.DecRef(res);
        return ok;
    }
}

internal sealed unsafe partial class Interpreter
{
    /// <summary>The order of two str objects by code points: negative, zero or positive.</summary>
    public static int StrOrder(PyObject* a, PyObject* b)
    {
        nint la = PyRuntime.StrLength(a);
        nint lb = PyRuntime.StrLength(b);
        int n = (int)Math.Min(la, lb);
        int kind = PyRuntime.StrKind(a);
        int c = 0;
        if (kind == PyRuntime.StrKind(b))
        {
            byte* da = PyRuntime.StrData(a);
            byte* db = PyRuntime.StrData(b);
            c = kind switch
            {
                1 => new ReadOnlySpan<byte>(da, n).SequenceCompareTo(new ReadOnlySpan<byte>(db, n)),
                2 => new ReadOnlySpan<ushort>(da, n).SequenceCompareTo(new ReadOnlySpan<ushort>(db, n)),
                _ => new ReadOnlySpan<uint>(da, n).SequenceCompareTo(new ReadOnlySpan<uint>(db, n)),
            };
        }
        else
        {
            for (int i = 0; i < n && c == 0; i++)
            {
                c = PyRuntime.StrRead(a, i).CompareTo(PyRuntime.StrRead(b, i));
            }
        }

        return c != 0 ? c : la.CompareTo(lb);
    }
}
