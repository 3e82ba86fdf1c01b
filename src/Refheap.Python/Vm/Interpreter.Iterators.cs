using System.Numerics;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// enumerate, zip, map, filter, reversed and the two-argument iter() (callable_iterator):
// small GC objects holding up to three references (Objects/enumobject.c, Python/bltinmodule.c).
internal sealed unsafe partial class Interpreter
{
    private readonly NintList _iteratorTypes = new();

    public PyTypeObject* EnumerateType { get; private set; }

    public PyTypeObject* ZipType { get; private set; }

    public PyTypeObject* MapType { get; private set; }

    public PyTypeObject* FilterType { get; private set; }

    public PyTypeObject* ReversedType { get; private set; }

    public PyTypeObject* CallableIteratorType { get; private set; }

    public PyTypeObject* SeqIterType { get; private set; }

    public PyTypeObject* LongRangeIteratorType { get; private set; }

    /// <summary>longrange_iterator: A the next value, B the step, C the items left (ints of any size).</summary>
    public PyObject* NewLongRangeIterator(PyObject* start, PyObject* step, PyObject* length) =>
        NewIterObject(LongRangeIteratorType, start, step, length, 0, 0);

    private static PyObject* LongRangeNext(PyRuntime rt, PyObject* o)
    {
        var it = (PyIterObject*)o;
        if (PyRuntime.IntToBigInteger(it->C).Sign <= 0)
        {
            return null;
        }

        PyObject* value = it->A;
        it->A = rt.IntAdd(value, it->B);
        PyObject* one = rt.NewInt(1);
        PyObject* left = rt.IntSubtract(it->C, one);
        rt.DecRef(one);
        rt.DecRef(it->C);
        it->C = left;
        return value;
    }

    private static PyObject* SeqIterNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        if (it->A == null)
        {
            return null;
        }

        PyObject* key = rt.NewInt(it->Index);
        PyObject* item = interp.GetItem(it->A, key);
        rt.DecRef(key);
        if (item == null)
        {
            if (interp.ErrorMatches(rt.IndexErrorType) || interp.ErrorMatches(rt.StopIterationType))
            {
                rt.ClearError();
                rt.Clear(ref it->A);
            }

            return null;
        }

        it->Index++;
        return item;
    }

    /// <summary>range_iterator (made by the range methods at start-up).</summary>
    public PyTypeObject* RangeIteratorType { get; set; }

    /// <summary>The native collections.deque type and its iterators (Objects/Deque).</summary>
    public PyTypeObject* DequeType { get; set; }

    public PyTypeObject* DequeIterType { get; set; }

    public PyTypeObject* DequeReverseIterType { get; set; }

    private PyTypeObject* IterType(string name, delegate*<PyRuntime, PyObject*, PyObject*> next)
    {
        PyTypeObject* t = NewType(name, sizeof(PyIterObject), TypeFlags.HaveGc | TypeFlags.BaseType);
        t->Dealloc = &IterObjDealloc;
        t->Traverse = &IterObjTraverse;
        t->Iter = &IterSelf;
        t->IterNext = next;
        _iteratorTypes.Add((nint)t);
        return t;
    }

    private void InitIteratorTypes()
    {
        EnumerateType = IterType("enumerate", &EnumerateNext);
        ZipType = IterType("zip", &ZipNext);
        MapType = IterType("map", &MapNext);

        // sys.getsizeof reports CPython's structs: zipobject 48 bytes, mapobject 32 (3.11);
        // the shared iterator layout here is 56.
        ZipType->SizeOf = &ZipSizeOf;
        MapType->SizeOf = &MapSizeOf;
        FilterType = IterType("filter", &FilterNext);
        ReversedType = IterType("reversed", &ReversedNext);
        CallableIteratorType = IterType("callable_iterator", &CallableIterNext);
        SeqIterType = IterType("iterator", &SeqIterNext);
        LongRangeIteratorType = IterType("longrange_iterator", &LongRangeNext);
    }

    public PyObject* NewIterObject(PyTypeObject* type, PyObject* a, PyObject* b, PyObject* c, nint index, nint extra)
    {
        PyObject* o = Rt.NewGcObject(type, type->BasicSize);
        if (o == null)
        {
            return null;
        }

        var it = (PyIterObject*)o;
        it->A = a;
        it->B = b;
        it->C = c;
        PyRuntime.XIncRef(a);
        PyRuntime.XIncRef(b);
        PyRuntime.XIncRef(c);
        it->Index = index;
        it->Extra = extra;
        if ((type->Flags & TypeFlags.HeapType) != 0 && type->BasicSize > sizeof(PyIterObject))
        {
            new System.Span<byte>((byte*)o + sizeof(PyIterObject), (int)(type->BasicSize - sizeof(PyIterObject))).Clear();
        }

        Rt.Track(o);
        return o;
    }

    private static void IterObjDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        var it = (PyIterObject*)o;
        rt.Clear(ref it->A);
        rt.Clear(ref it->B);
        rt.Clear(ref it->C);
        rt.GcDel(o);
    }

    private static int IterObjTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var it = (PyIterObject*)o;
        int r;
        if (it->A != null && (r = visit(rt, it->A, arg)) != 0)
        {
            return r;
        }

        if (it->B != null && (r = visit(rt, it->B, arg)) != 0)
        {
            return r;
        }

        return it->C != null ? visit(rt, it->C, arg) : 0;
    }

    private static PyObject* IterSelf(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(o);

    private static nint ZipSizeOf(PyRuntime rt, PyObject* o) => o->Type->BasicSize - sizeof(PyIterObject) + 48;

    private static nint MapSizeOf(PyRuntime rt, PyObject* o) => o->Type->BasicSize - sizeof(PyIterObject) + 32;

    /// <summary>enumerate: A the iterator, B the big count once it leaves nint, Index the count.</summary>
    private static PyObject* EnumerateNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        PyObject* item = interp.IterNext(it->A);
        if (item == null)
        {
            return null;
        }

        PyObject* index;
        if (it->B != null)
        {
            index = it->B;
            PyObject* one = rt.NewInt(1);
            it->B = rt.IntAdd(index, one);
            rt.DecRef(one);
        }
        else
        {
            index = rt.NewInt(it->Index);
            it->Index++;
        }

        PyObject* t = ReusableResult(rt, it->C, 2);
        PyObject** items = PyRuntime.TupleItems(t);
        PyObject* oldIndex = items[0];
        PyObject* oldItem = items[1];
        items[0] = index;
        items[1] = item;
        rt.XDecRef(oldIndex);
        rt.XDecRef(oldItem);
        return t;
    }

    /// <summary>
    /// The result tuple of enumerate and zip (Python/bltinmodule.c zip_next, Objects/enumobject.c
    /// enum_next, 3.11): the cached tuple again when nothing else holds it (its old items stay in it
    /// until replaced), else a new one. Re-tracked, as the collector may have untracked it.
    /// </summary>
    private static PyObject* ReusableResult(PyRuntime rt, PyObject* cached, nint size)
    {
        if (cached == null || cached->RefCount != 1)
        {
            return rt.NewTuple(size);
        }

        PyRuntime.IncRef(cached);
        if (!rt.GcIsTracked(cached))
        {
            rt.Track(cached);
        }

        return cached;
    }

    /// <summary>A tuple of <paramref name="n"/> Nones: the initial cached result of enumerate and zip.</summary>
    public PyObject* NoneResultTuple(nint n)
    {
        PyObject* t = Rt.NewTuple(n);
        for (nint i = 0; t != null && i < n; i++)
        {
            PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(Rt.None);
        }

        return t;
    }

    /// <summary>zip: A a tuple of iterators; Extra 1 for strict=True.</summary>
    private static PyObject* ZipNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        nint n = PyRuntime.TupleSize(it->A);
        if (n == 0)
        {
            return null;
        }

        PyObject* result = ReusableResult(rt, it->C, n);
        for (nint i = 0; i < n; i++)
        {
            PyObject* item = interp.IterNext(PyRuntime.TupleItems(it->A)[i]);
            if (item == null)
            {
                rt.DecRef(result);
                if (!rt.ErrorOccurred && it->Extra != 0)
                {
                    if (i > 0)
                    {
                        string plural = i == 1 ? " " : "s 1-";
                        rt.SetError(rt.ValueErrorType, $"zip() argument {i + 1} is shorter than argument{plural}{i}");
                        return null;
                    }

                    for (nint j = 1; j < n; j++)
                    {
                        PyObject* extra = interp.IterNext(PyRuntime.TupleItems(it->A)[j]);
                        if (extra != null)
                        {
                            rt.DecRef(extra);
                            string plural = j == 1 ? " " : "s 1-";
                            rt.SetError(rt.ValueErrorType, $"zip() argument {j + 1} is longer than argument{plural}{j}");
                            return null;
                        }

                        if (rt.ErrorOccurred)
                        {
                            return null;
                        }
                    }
                }

                return null;
            }

            PyObject* old = PyRuntime.TupleItems(result)[i];
            PyRuntime.TupleItems(result)[i] = item;
            rt.XDecRef(old);
        }

        return result;
    }

    /// <summary>map: A the function, B a tuple of iterators.</summary>
    private static PyObject* MapNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        nint n = PyRuntime.TupleSize(it->B);
        var args = new nint[n];
        for (nint i = 0; i < n; i++)
        {
            PyObject* item = interp.IterNext(PyRuntime.TupleItems(it->B)[i]);
            if (item == null)
            {
                for (nint j = 0; j < i; j++)
                {
                    rt.DecRef((PyObject*)args[j]);
                }

                return null;
            }

            args[i] = (nint)item;
        }

        PyObject* r;
        fixed (nint* p = args)
        {
            r = interp.Call(it->A, (PyObject**)p, n, null);
        }

        foreach (nint a in args)
        {
            rt.DecRef((PyObject*)a);
        }

        return r;
    }

    /// <summary>filter: A the predicate (or None), B the iterator.</summary>
    private static PyObject* FilterNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        while (true)
        {
            PyObject* item = interp.IterNext(it->B);
            if (item == null)
            {
                return null;
            }

            int ok;
            if (it->A == rt.None || it->A == (PyObject*)rt.BoolType)
            {
                ok = interp.IsTrue(item);
            }
            else
            {
                PyObject* r = interp.CallOneArg(it->A, item);
                ok = r == null ? -1 : interp.IsTrue(r);
                rt.XDecRef(r);
            }

            if (ok > 0)
            {
                return item;
            }

            rt.DecRef(item);
            if (ok < 0)
            {
                return null;
            }
        }
    }

    /// <summary>reversed: A the sequence, Index the next position (counting down).</summary>
    private static PyObject* ReversedNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        if (it->A == null || it->Index < 0)
        {
            rt.Clear(ref it->A);
            return null;
        }

        PyObject* key = rt.NewInt(it->Index);
        PyObject* item = interp.GetItem(it->A, key);
        rt.DecRef(key);
        it->Index--;
        if (item == null && (interp.ErrorMatches(rt.IndexErrorType) || interp.ErrorMatches(rt.StopIterationType)))
        {
            rt.ClearError();
            rt.Clear(ref it->A);
        }

        return item;
    }

    /// <summary>iter(callable, sentinel): A the callable, B the sentinel.</summary>
    private static PyObject* CallableIterNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        var it = (PyIterObject*)o;
        if (it->A == null)
        {
            return null;
        }

        PyObject* r = interp.CallNoArgs(it->A);
        if (r == null)
        {
            if (interp.ErrorMatches(rt.StopIterationType))
            {
                rt.ClearError();
                rt.Clear(ref it->A);
            }

            return null;
        }

        int eq = interp.RichCompareBool(r, it->B, CompareOp.Eq);
        if (eq != 0)
        {
            rt.DecRef(r);
            if (eq > 0)
            {
                rt.Clear(ref it->A);
            }

            return null;
        }

        return r;
    }

    /// <summary>reversed(seq): __reversed__ if the class has one, else a reversed iterator over __len__/__getitem__.</summary>
    public PyObject* NewReversed(PyObject* seq)
    {
        PyRuntime rt = Rt;
        PyObject* rev = LookupSpecial(seq, Str("__reversed__"));
        if (rev != null && rev != rt.None)
        {
            return CallDunder(rev, seq, null);
        }

        if (PyRuntime.IsSubtype(seq->Type, rt.ListType) && (seq->Type->Flags & TypeFlags.HeapType) == 0)
        {
            return rt.ListReversed(seq);
        }

        if (PyRuntime.IsSubtype(seq->Type, rt.DictType) || rt.IsAnySet(seq) || rt.IsDictView(seq))
        {
            if (PyRuntime.IsSubtype(seq->Type, rt.DictType))
            {
                PyObject* keys = rt.DictKeys(seq);
                PyObject* r = NewIterObject(ReversedType, keys, null, null, PyRuntime.ListSize(keys) - 1, 0);
                rt.DecRef(keys);
                return r;
            }

            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(seq)}' object is not reversible");
            return null;
        }

        nint n = Length(seq);
        if (n < 0)
        {
            rt.ClearError();
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(seq)}' object is not reversible");
            return null;
        }

        return NewIterObject(ReversedType, seq, null, null, n - 1, 0);
    }

    private static BigInteger Big(PyObject* o) => PyRuntime.IntToBigInteger(o);
}
