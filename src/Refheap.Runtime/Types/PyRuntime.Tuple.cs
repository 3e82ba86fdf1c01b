using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// tuple (Objects/tupleobject.c, 3.11): 24 bytes + 8 per item, a GC type. 20 free lists
// (sizes 1..20, 2000 each, linked through ob_item[0]); only sizes 1..19 are ever popped
// (maybe_freelist_pop tests size < PyTuple_MAXSAVESIZE). Free-list traffic does not touch
// the GC count. The empty tuple is a singleton.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyTuple_MAXSAVESIZE (= PyTuple_NFREELISTS).</summary>
    public const int TupleMaxSaveSize = 20;

    /// <summary>PyTuple_MAXFREELIST.</summary>
    public const int TupleMaxFreeList = 2000;

    private readonly nint[] _tupleFreeList = new nint[TupleMaxSaveSize];
    private readonly int[] _tupleNumFree = new int[TupleMaxSaveSize];
    private PyObject* _emptyTuple;

    public PyTypeObject* TupleType { get; private set; }

    /// <summary>The () singleton (borrowed).</summary>
    public PyObject* EmptyTuple => _emptyTuple;

    /// <summary>Tuples waiting on the free list of each size 1..20.</summary>
    public int TupleFreeCount(int size) => _tupleNumFree[size - 1];

    private void InitTupleType()
    {
        TupleType = NewStaticType("tuple", 24, 8, TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.TupleSubclass, ObjectType);
        TupleType->Dealloc = &TupleDealloc;
        TupleType->Traverse = &TupleTraverse;
        TupleType->SizeOf = null;
        TupleType->Iter = &TupleIter;
    }

    private void InitTupleSingletons()
    {
        // Statically allocated in CPython: not counted by the collector, never tracked.
        byte* mem = (byte*)Allocator.TryAllocate(16 + 24);
        if (mem == null)
        {
            throw new InvalidOperationException("Cannot create (): the heap cap is too small.");
        }

        new Span<byte>(mem, 16).Clear();
        _emptyTuple = (PyObject*)(mem + 16);
        _emptyTuple->RefCount = ImmortalInitRefCount;
        _emptyTuple->Type = TupleType;
        ((PyVarObject*)_emptyTuple)->Size = 0;
    }

    private void ReleaseTupleSingletons()
    {
        if (_emptyTuple != null)
        {
            Allocator.Free((byte*)_emptyTuple - 16);
            _emptyTuple = null;
        }
    }

    /// <summary>PyTuple_GET_ITEM's address.</summary>
    public static PyObject** TupleItems(PyObject* t) => (PyObject**)((byte*)t + 24);

    public static nint TupleSize(PyObject* t) => ((PyVarObject*)t)->Size;

    /// <summary>
    /// PyTuple_New: a tracked tuple of <paramref name="size"/> null items (fill them with
    /// stolen references), or the empty singleton. Null with MemoryError on failure.
    /// </summary>
    public PyObject* NewTuple(nint size)
    {
        // maybe_freelist_pop inline: the common case of the loops is one pop, a few null
        // items and the link into generation 0. No call on this path, so the method saves
        // no registers; everything else is NewTupleSlow.
        if ((nuint)(size - 1) < TupleMaxSaveSize - 1)
        {
            // Unchecked element refs: the index was just range-checked against both arrays' length.
            ref nint head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tupleFreeList), size - 1);
            var op = (PyObject*)head;
            if (op != null)
            {
                PyObject** items = TupleItems(op);
                head = (nint)items[0];
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tupleNumFree), size - 1)--;
                op->RefCount = 1;
                for (nint i = 0; i < size; i++)
                {
                    items[i] = null;
                }

                Track(op);
                return op;
            }
        }

        return NewTupleSlow(size);
    }

    /// <summary>NewTuple without a free tuple of the size at hand: a new block, the empty singleton, or the error.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyObject* NewTupleSlow(nint size)
    {
        if (size < 0)
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return null;
        }

        if (size == 0)
        {
            return NewRef(_emptyTuple);
        }

        PyObject* o = TupleAlloc(size);
        if (o == null)
        {
            return null;
        }

        new Span<nint>(TupleItems(o), (int)size).Clear();
        Track(o);
        return o;
    }

    /// <summary>A tuple of the given items (new references are taken).</summary>
    public PyObject* NewTuple(params ReadOnlySpan<nint> items)
    {
        PyObject* t = NewTuple(items.Length);
        if (t == null)
        {
            return null;
        }

        for (int i = 0; i < items.Length; i++)
        {
            TupleItems(t)[i] = NewRef((PyObject*)items[i]);
        }

        return t;
    }

    /// <summary>
    /// The GC-count effect of the argument tuple _PyObject_MakeTpCall builds for a callable
    /// without vectorcall (a class, an instance with __call__): a tuple of nargs taken and
    /// given back. With a free tuple of that size this changes nothing; otherwise a new tuple
    /// is counted and ends on the free list (size 20 is never reused, so it counts every
    /// time; larger ones are freed again). No tuple for nargs 0 (the empty singleton).
    /// </summary>
    public void SimulateArgsTuple(nint nargs)
    {
        if (nargs <= 0 || (nargs < TupleMaxSaveSize && _tupleNumFree[nargs - 1] > 0))
        {
            return;
        }

        PyObject* t = NewTuple(nargs);
        if (t == null)
        {
            ClearError();
            return;
        }

        PyObject** items = TupleItems(t);
        for (nint i = 0; i < nargs; i++)
        {
            items[i] = NewRef(None);
        }

        DecRef(t);
    }

    /// <summary>tuple_alloc: maybe_freelist_pop, else a counted GC allocation.</summary>
    private PyObject* TupleAlloc(nint size)
    {
        if (size < TupleMaxSaveSize)
        {
            int index = (int)size - 1;
            var op = (PyObject*)_tupleFreeList[index];
            if (op != null)
            {
                _tupleFreeList[index] = (nint)TupleItems(op)[0];
                _tupleNumFree[index]--;
                op->RefCount = 1;
                return op;
            }
        }

        if (size > (nint.MaxValue - 24) / 8)
        {
            return NoMemory();
        }

        PyObject* t = NewGcObject(TupleType, 24 + (size * 8));
        if (t != null)
        {
            ((PyVarObject*)t)->Size = size;
        }

        return t;
    }

    /// <summary>tupledealloc: items last to first, then the free list or tp_free, inside the trashcan.</summary>
    private static void TupleDealloc(PyRuntime rt, PyObject* o)
    {
        nint size = TupleSize(o);
        if (size == 0 && o->Type == rt.TupleType)
        {
            throw new InvalidOperationException("Fatal Python error: deallocating the empty tuple singleton");
        }

        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        PyObject** items = TupleItems(o);
        for (nint i = size - 1; i >= 0; i--)
        {
            rt.XDecRef(items[i]);
        }

        if (!rt.TupleFreeListPush(o))
        {
            rt.GcDel(o);
        }

        rt.TrashEnd();
    }

    /// <summary>maybe_freelist_push: sizes 1..20, exact tuples, up to 2000 per size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TupleFreeListPush(PyObject* o)
    {
        nint index = TupleSize(o) - 1;
        if (o->Type == TupleType && (nuint)index < TupleMaxSaveSize)
        {
            // Unchecked element refs: the index was just range-checked against both arrays' length.
            ref int numFree = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tupleNumFree), index);
            if (numFree < TupleMaxFreeList)
            {
                ref nint head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tupleFreeList), index);
                TupleItems(o)[0] = (PyObject*)head;
                head = (nint)o;
                numFree++;
                return true;
            }
        }

        return false;
    }

    /// <summary>tupletraverse: last to first.</summary>
    private static int TupleTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject** items = TupleItems(o);
        for (nint i = TupleSize(o) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                int r = visit(rt, items[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <summary>_PyTuple_MaybeUntrack: untrack an exact tuple none of whose items may be tracked.</summary>
    internal void TupleMaybeUntrack(PyObject* o)
    {
        if (o->Type != TupleType || !IsTracked(o))
        {
            return;
        }

        PyObject** items = TupleItems(o);
        for (nint i = 0; i < TupleSize(o); i++)
        {
            PyObject* e = items[i];
            if (e == null || MayBeTracked(e))
            {
                return;
            }
        }

        Untrack(o);
    }

    /// <summary>_PyObject_GC_MAY_BE_TRACKED.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool MayBeTracked(PyObject* o)
    {
        if (!IsGc(o))
        {
            return false;
        }

        return o->Type != TupleType || IsTracked(o);
    }

    /// <summary>_PyTuple_ClearFreeList: PyObject_GC_Del each (which does lower the GC count).</summary>
    private void ClearTupleFreeLists()
    {
        for (int i = 0; i < TupleMaxSaveSize; i++)
        {
            var p = (PyObject*)_tupleFreeList[i];
            _tupleFreeList[i] = 0;
            _tupleNumFree[i] = 0;
            while (p != null)
            {
                var next = TupleItems(p)[0];
                GcDel(p);
                p = next;
            }
        }
    }
}
