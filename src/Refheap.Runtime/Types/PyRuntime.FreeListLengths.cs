using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Setting the free lists' lengths: a host that starts a program where CPython would have run
// its own start-up first (site, encodings, io, the compiler) can leave the free lists as that
// start-up leaves them, so the program's first allocations of each kind reuse or allocate
// blocks as they would on CPython (sys.getallocatedblocks(), gc.get_count()).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Makes the list, dict, float and tuple free lists (tuples: <paramref name="tuples"/>[n - 1]
    /// for size n, at most <see cref="TupleMaxSaveSize"/> sizes) exactly the given lengths:
    /// surplus entries are freed, missing ones are new blocks of the right size in the state a
    /// deallocation leaves them. The GC counts, the generations and any pending error are left
    /// as they were, and no collection runs. Returns false (with MemoryError set) when a block
    /// could not be allocated; the lists are then valid but shorter.
    /// </summary>
    public bool SetFreeListLengths(int lists, int dicts, int floats, ReadOnlySpan<int> tuples)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tuples.Length, TupleMaxSaveSize);
        ArgumentOutOfRangeException.ThrowIfNegative(lists);
        ArgumentOutOfRangeException.ThrowIfNegative(dicts);
        ArgumentOutOfRangeException.ThrowIfNegative(floats);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lists, ListMaxFreeList);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dicts, DictMaxFreeList);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(floats, FloatMaxFreeList);
        int count0 = _count[0];
        try
        {
            return SetArrayFreeLength(_listFreeList, ref _listNumFree, lists, ListType, sizeof(PyListObject))
                && SetArrayFreeLength(_dictFreeList, ref _dictNumFree, dicts, DictType, sizeof(PyDictObject))
                && SetFloatFreeLength(floats)
                && SetTupleFreeLengths(tuples);
        }
        finally
        {
            _count[0] = count0;
        }
    }

    /// <summary>The list and dict free lists: arrays of headers as their deallocs leave them (untracked, contents freed).</summary>
    private bool SetArrayFreeLength(nint[] freeList, ref int numFree, int target, PyTypeObject* type, nint size)
    {
        while (numFree > target)
        {
            numFree--;
            GcDel((PyObject*)freeList[numFree]);
            freeList[numFree] = 0;
        }

        while (numFree < target)
        {
            PyObject* o = RawGcBlock(type, size);
            if (o == null)
            {
                return false;
            }

            freeList[numFree++] = (nint)o;
        }

        return true;
    }

    private bool SetFloatFreeLength(int target)
    {
        while (_floatNumFree > target)
        {
            PyObject* f = _floatFreeList;
            _floatFreeList = (PyObject*)f->Type;
            _floatNumFree--;
            Allocator.Free(f);
        }

        while (_floatNumFree < target)
        {
            var o = (PyObject*)Allocator.TryAllocate(sizeof(PyFloatObject));
            if (o == null)
            {
                NoMemory();
                return false;
            }

            o->RefCount = 0;
            o->Type = (PyTypeObject*)_floatFreeList;
            _floatFreeList = o;
            _floatNumFree++;
        }

        return true;
    }

    private bool SetTupleFreeLengths(ReadOnlySpan<int> tuples)
    {
        for (int index = 0; index < tuples.Length; index++)
        {
            int target = tuples[index];
            ArgumentOutOfRangeException.ThrowIfNegative(target);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(target, TupleMaxFreeList);
            while (_tupleNumFree[index] > target)
            {
                var p = (PyObject*)_tupleFreeList[index];
                _tupleFreeList[index] = (nint)TupleItems(p)[0];
                _tupleNumFree[index]--;
                GcDel(p);
            }

            nint size = index + 1;
            while (_tupleNumFree[index] < target)
            {
                PyObject* o = RawGcBlock(TupleType, 24 + (size * 8));
                if (o == null)
                {
                    return false;
                }

                ((PyVarObject*)o)->Size = size;
                new Span<nint>(TupleItems(o), (int)size).Clear();
                TupleItems(o)[0] = (PyObject*)_tupleFreeList[index];
                _tupleFreeList[index] = (nint)o;
                _tupleNumFree[index]++;
            }
        }

        return true;
    }

    /// <summary>A cleared, untracked GC block for a free list: refcount 0, type set.</summary>
    private PyObject* RawGcBlock(PyTypeObject* type, nint size)
    {
        nint pre = PreHeaderSize(type);
        byte* mem = (byte*)Allocator.TryAllocate(pre + size);
        if (mem == null)
        {
            NoMemory();
            return null;
        }

        new Span<byte>(mem, (int)(pre + size)).Clear();
        var o = (PyObject*)(mem + pre);
        o->Type = type;
        return o;
    }
}
