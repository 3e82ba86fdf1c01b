using System.Numerics;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// range (Objects/rangeobject.c: make_range_object, compute_range_length, range_dealloc,
// range_repr) and slice (Objects/sliceobject.c: PySlice_New with interp->slice_cache,
// slice_dealloc, slice_traverse, slice_repr), 3.11.
public sealed unsafe partial class PyRuntime
{
    // interp->slice_cache: one dead slice (refcount 0, untracked) kept for the next PySlice_New.
    private PyObject* _sliceCache;

    /// <summary>The cached slice (for tests); null when the cache is empty.</summary>
    internal PyObject* SliceCache => _sliceCache;

    private void InitRangeAndSliceTypes()
    {
        RangeType = NewStaticType("range", sizeof(PyRangeObject), 0, TypeFlags.None, ObjectType);
        RangeType->Dealloc = &RangeDealloc;
        RangeType->Repr = &RangeRepr;

        // range_hash needs tuple hashing, which this runtime lacks: unhashable for now.
        RangeType->Hash = null;

        SliceType = NewStaticType("slice", sizeof(PySliceObject), 0, TypeFlags.HaveGc, ObjectType);
        SliceType->Dealloc = &SliceDealloc;
        SliceType->Traverse = &SliceTraverse;
        SliceType->Repr = &SliceRepr;

        // 3.11 slices are unhashable (slice_hash came in 3.12).
        SliceType->Hash = null;
    }

    /// <summary>
    /// range(start, stop, step) as range_new/make_range_object build it: every argument an
    /// int (TypeError otherwise; null start means 0, null step means 1), ValueError
    /// "range() arg 3 must not be zero", the length computed once and stored as an int.
    /// </summary>
    public PyObject* NewRange(PyObject* start, PyObject* stop, PyObject* step)
    {
        if (stop == null)
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return null;
        }

        PyObject* istart = start == null ? NewInt(0) : IndexOf(start);
        if (istart == null)
        {
            return null;
        }

        PyObject* istop = IndexOf(stop);
        if (istop == null)
        {
            DecRef(istart);
            return null;
        }

        PyObject* istep = step == null ? NewInt(1) : IndexOf(step);
        if (istep == null)
        {
            DecRef(istart);
            DecRef(istop);
            return null;
        }

        if (IntDigitCount(istep) == 0)
        {
            DecRef(istart);
            DecRef(istop);
            DecRef(istep);
            SetError(ValueErrorType, "range() arg 3 must not be zero");
            return null;
        }

        // Bounds that fit in a long (range(k) and its kind): the length without BigIntegers.
        // No BigInteger, Int128 or UInt128 in this method: a value type from outside the
        // ReadyToRun version bubble keeps a method out of the precompiled image, and every
        // range() call would start in JIT-compiled code.
        PyObject* length = TryIntToLong(istart, out long a) && TryIntToLong(istop, out long b) && TryIntToLong(istep, out long c)
            ? NewRangeLengthInt(RangeLength(a, b, c))
            : BigRangeLength(istart, istop, istep);
        PyObject* o = length == null ? null : NewObject(RangeType, sizeof(PyRangeObject));
        if (o == null)
        {
            XDecRef(length);
            DecRef(istart);
            DecRef(istop);
            DecRef(istep);
            return null;
        }

        var r = (PyRangeObject*)o;
        r->Start = istart;
        r->Stop = istop;
        r->Step = istep;
        r->Length = length;
        return o;
    }

    /// <summary>range(start, stop, step) from machine integers.</summary>
    public PyObject* NewRange(long start, long stop, long step = 1)
    {
        PyObject* a = NewInt(start);
        PyObject* b = NewInt(stop);
        PyObject* c = NewInt(step);
        PyObject* r = a == null || b == null || c == null ? null : NewRange(a, b, c);
        XDecRef(a);
        XDecRef(b);
        XDecRef(c);
        return r;
    }

    /// <summary>compute_range_length: (hi - lo - 1) // |step| + 1 when lo &lt; hi, else 0.</summary>
    public static BigInteger RangeLength(BigInteger start, BigInteger stop, BigInteger step)
    {
        BigInteger lo = step.Sign > 0 ? start : stop;
        BigInteger hi = step.Sign > 0 ? stop : start;
        return lo >= hi ? BigInteger.Zero : (BigInteger.Divide(hi - lo - 1, BigInteger.Abs(step)) + 1);
    }

    /// <summary><see cref="RangeLength(BigInteger, BigInteger, BigInteger)"/> for long bounds and a non-zero step (exact: hi - lo fits in 64 unsigned bits).</summary>
    public static ulong RangeLength(long start, long stop, long step)
    {
        long lo = step > 0 ? start : stop;
        long hi = step > 0 ? stop : start;
        if (lo >= hi)
        {
            return 0;
        }

        ulong span = unchecked((ulong)hi - (ulong)lo);
        ulong magnitude = step > 0 ? (ulong)step : unchecked((ulong)(-(step + 1)) + 1);
        return ((span - 1) / magnitude) + 1;
    }

    private PyObject* NewRangeLengthInt(ulong length) =>
        length <= long.MaxValue ? NewInt((long)length) : NewIntFromUInt64(length);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyObject* NewIntFromUInt64(ulong value) => NewIntFromMagnitude(value, negative: false);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyObject* BigRangeLength(PyObject* start, PyObject* stop, PyObject* step) =>
        NewInt(RangeLength(IntToBigInteger(start), IntToBigInteger(stop), IntToBigInteger(step)));

    /// <summary>len(range): the stored length as Py_ssize_t, or -1 with OverflowError.</summary>
    public nint RangeLen(PyObject* range)
    {
        PyObject* length = ((PyRangeObject*)range)->Length;
        if (!TryIntToLong(length, out long n))
        {
            SetError(OverflowErrorType, "Python int too large to convert to C ssize_t");
            return -1;
        }

        return (nint)n;
    }

    /// <summary>PyNumber_Index for the ints this runtime has: a new exact-int reference, or TypeError.</summary>
    private PyObject* IndexOf(PyObject* o)
    {
        if (!IsInt(o))
        {
            SetError(TypeErrorType, $"'{TypeName(o)}' object cannot be interpreted as an integer");
            return null;
        }

        return o->Type == IntType ? NewRef(o) : NewInt(IntToBigInteger(o));
    }

    /// <summary>range_dealloc: start, stop, step, length, then PyObject_Free.</summary>
    private static void RangeDealloc(PyRuntime rt, PyObject* o)
    {
        var r = (PyRangeObject*)o;
        rt.DecRef(r->Start);
        rt.DecRef(r->Stop);
        rt.DecRef(r->Step);
        rt.DecRef(r->Length);
        rt.FreeObject(o);
    }

    /// <summary>range_repr: range(START, STOP) when the step is 1, else range(START, STOP, STEP).</summary>
    private static PyObject* RangeRepr(PyRuntime rt, PyObject* o)
    {
        var r = (PyRangeObject*)o;
        string start = rt.ReprString(r->Start);
        string stop = rt.ReprString(r->Stop);
        bool unit = TryIntToLong(r->Step, out long step) && step == 1;
        return rt.NewStr(unit ? $"range({start}, {stop})" : $"range({start}, {stop}, {rt.ReprString(r->Step)})");
    }

    /// <summary>
    /// PySlice_New: null bounds mean None. Takes the cached slice when there is one (no GC
    /// allocation count then, as _Py_NewReference does not count), else allocates; tracked.
    /// </summary>
    public PyObject* NewSlice(PyObject* start, PyObject* stop, PyObject* step)
    {
        step = step == null ? None : step;
        start = start == null ? None : start;
        stop = stop == null ? None : stop;
        PyObject* o;
        if (_sliceCache != null)
        {
            o = _sliceCache;
            _sliceCache = null;
            o->RefCount = 1;
        }
        else
        {
            o = NewGcObject(SliceType, sizeof(PySliceObject));
            if (o == null)
            {
                return null;
            }
        }

        var s = (PySliceObject*)o;
        s->Step = NewRef(step);
        s->Start = NewRef(start);
        s->Stop = NewRef(stop);
        Track(o);
        return o;
    }

    /// <summary>slice_dealloc: untrack, drop step, start, stop; keep the object when the cache is empty.</summary>
    private static void SliceDealloc(PyRuntime rt, PyObject* o)
    {
        var s = (PySliceObject*)o;
        rt.Untrack(o);
        rt.DecRef(s->Step);
        rt.DecRef(s->Start);
        rt.DecRef(s->Stop);
        if (rt._sliceCache == null)
        {
            rt._sliceCache = o;
        }
        else
        {
            rt.GcDel(o);
        }
    }

    /// <summary>slice_traverse: start, stop, step.</summary>
    private static int SliceTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var s = (PySliceObject*)o;
        int r = s->Start != null ? visit(rt, s->Start, arg) : 0;
        if (r == 0 && s->Stop != null)
        {
            r = visit(rt, s->Stop, arg);
        }

        if (r == 0 && s->Step != null)
        {
            r = visit(rt, s->Step, arg);
        }

        return r;
    }

    /// <summary>slice_repr: slice(START, STOP, STEP) with each part's repr.</summary>
    private static PyObject* SliceRepr(PyRuntime rt, PyObject* o)
    {
        var s = (PySliceObject*)o;
        PyObject* a = rt.Repr(s->Start);
        PyObject* b = a == null ? null : rt.Repr(s->Stop);
        PyObject* c = b == null ? null : rt.Repr(s->Step);
        PyObject* result = c == null ? null : rt.NewStr($"slice({StrToString(a)}, {StrToString(b)}, {StrToString(c)})");
        rt.XDecRef(a);
        rt.XDecRef(b);
        rt.XDecRef(c);
        return result;
    }
}
