using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// dict (Objects/dictobject.c, 3.11): the compact, ordered table. The object is 48 bytes;
// its keys object (indices + entries) is a separate PyObject_Malloc block. Empty dicts
// share the runtime's empty keys, which sizeof does not count. Free lists: 80 exact dict
// objects and 80 keys objects (8-slot unicode ones only); neither touches the GC count.
//
// Split tables (instance dicts sharing their class's keys) are not implemented: the
// runtime keeps instance attributes in the managed-dict inline values instead
// (PyRuntime.HeapTypes.cs), so every dict here is combined and ma_values stays null.
//
// This file: the type, creation, deallocation, the GC slots and the free lists. The table
// is in PyRuntime.DictKeys.cs, item operations in PyRuntime.DictOps.cs, whole-dict ones
// (lists, copy, merge, equality) in PyRuntime.DictCopy.cs, the invariant check in
// PyRuntime.DictCheck.cs; layouts in DictObjects.cs.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyDict_MAXFREELIST (both the dict and the keys free list).</summary>
    public const int DictMaxFreeList = 80;

    private readonly nint[] _dictFreeList = new nint[DictMaxFreeList];
    private readonly nint[] _dictKeysFreeList = new nint[DictMaxFreeList];
    private int _dictNumFree;
    private int _dictKeysNumFree;

    // _pydict_global_version, per runtime.
    private ulong _dictGlobalVersion;

    // Storage that lives as long as the runtime and never moves: the empty keys (a 32-byte
    // header and 8 index bytes) at 0, the set dummy (a 16-byte object header) at 48.
    // Neither is a heap block, so neither is counted by the allocator, as CPython's static
    // Py_EMPTY_KEYS and _dummy_struct are not. The 64 bytes follow the collector's list heads
    // in their native block (InitGc), freed with it.
    private byte* _dictStatics;

    /// <summary>Dict objects waiting on the free list.</summary>
    /// <summary>
    /// The GC-count effect of the keyword dict _PyObject_MakeTpCall builds (_PyStack_AsDict):
    /// nothing with a free dict on the free list, else a new dict counted and given back.
    /// </summary>
    public void SimulateKwargsDict()
    {
        if (_dictNumFree > 0)
        {
            return;
        }

        PyObject* d = NewDict();
        if (d == null)
        {
            ClearError();
            return;
        }

        DecRef(d);
    }

    public int DictFreeCount => _dictNumFree;

    /// <summary>Keys objects waiting on the keys free list.</summary>
    public int DictKeysFreeCount => _dictKeysNumFree;

    /// <summary>Py_EMPTY_KEYS: the shared keys of every dict without items.</summary>
    internal PyDictKeysObject* EmptyKeys => (PyDictKeysObject*)_dictStatics;

    partial void InitDictTypes()
    {
        DictType = NewStaticType("dict", sizeof(PyDictObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.DictSubclass, ObjectType);
        DictType->Dealloc = &DictDealloc;
        DictType->Traverse = &DictTraverse;
        DictType->Clear = &DictTpClear;
        DictType->SizeOf = &DictSizeOf;
        DictType->RichCompare = &DictRichCompare;
        DictType->Hash = null;
        DictType->Iter = &DictIter;

        // empty_keys_struct: refcount 1, log2 size 0, unicode kind, no usable entries, the
        // eight index bytes all DKIX_EMPTY.
        PyDictKeysObject* empty = EmptyKeys;
        *empty = default;
        empty->RefCount = 1;
        empty->Kind = (byte)DictKeysKind.Unicode;
        empty->Version = 1;
        *(ulong*)(empty + 1) = ulong.MaxValue;

        InitSetTypes();
    }

    /// <summary>PyDict_Check.</summary>
    public bool IsDict(PyObject* o) => (o->Type->Flags & TypeFlags.DictSubclass) != 0;

    /// <summary>PyDict_New: a new, untracked, empty dict sharing the empty keys.</summary>
    public PyObject* NewDict() => NewDictObject(EmptyKeys, 0);

    /// <summary>
    /// _PyDict_NewPresized: a dict with room for <paramref name="minUsed"/> items without a
    /// resize (capped at 2^17 slots). Its keys are general even if only str keys follow,
    /// as in 3.11; up to 5 it is just <see cref="NewDict"/>.
    /// </summary>
    public PyObject* NewDictPresized(nint minUsed) => NewDictPresized(minUsed, unicode: false);

    /// <summary>dict_new_presized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyObject* NewDictPresized(nint minUsed, bool unicode)
    {
        const int log2MaxPresize = 17;
        const nint maxPresize = (nint)1 << log2MaxPresize;
        if (minUsed <= UsableFraction(DictMinSize))
        {
            return NewDict();
        }

        int log2NewSize = minUsed > UsableFraction(maxPresize) ? log2MaxPresize : EstimateLog2KeySize(minUsed);
        PyDictKeysObject* keys = NewKeysObject(log2NewSize, unicode);
        return keys == null ? null : NewDictObject(keys, 0);
    }

    /// <summary>
    /// new_dict: takes over the caller's reference to <paramref name="keys"/>. The object
    /// comes from the free list when it can (not counted by the collector), else a counted
    /// GC allocation. It is returned untracked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* NewDictObject(PyDictKeysObject* keys, nint used)
    {
        PyObject* op;
        if (_dictNumFree > 0)
        {
            op = (PyObject*)_dictFreeList[--_dictNumFree];
            _dictFreeList[_dictNumFree] = 0;
            op->RefCount = 1;
        }
        else
        {
            op = NewGcObject(DictType, sizeof(PyDictObject));
            if (op == null)
            {
                DictKeysDecRef(keys);
                return null;
            }
        }

        var mp = (PyDictObject*)op;
        mp->Keys = keys;
        mp->Values = null;
        mp->Used = used;
        mp->VersionTag = ++_dictGlobalVersion;
        return op;
    }

    /// <summary>
    /// PyObject_GC_UnTrack as 3.11's _PyObject_GC_UNTRACK does it: the node leaves its list
    /// and keeps only the FINALIZED flag, so an object that dies inside a collection does
    /// not carry COLLECTING onto a free list.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UntrackForDealloc(PyObject* o)
    {
        Untrack(o);
        AsGc(o)->Prev &= PrevMaskFinalized;
    }

    /// <summary>
    /// dict_dealloc: untrack, then inside the trashcan release the keys object (its keys and
    /// values, key then value for each entry in entry order: free_keys_object), then the
    /// free list (exact dicts, up to 80) or PyObject_GC_Del.
    /// </summary>
    private static void DictDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var mp = (PyDictObject*)o;
        PyDictKeysObject* keys = mp->Keys;
        if (keys != null)
        {
            rt.DictKeysDecRef(keys);
        }

        if (mp->Values != null)
        {
            rt.UnmarkSplit(mp);
        }

        if (rt._dictNumFree < DictMaxFreeList && o->Type == rt.DictType)
        {
            rt._dictFreeList[rt._dictNumFree++] = (nint)o;
        }
        else
        {
            rt.GcDel(o);
        }

        rt.TrashEnd();
    }

    /// <summary>
    /// dict_traverse: a unicode table visits only its values, in entry order; a general
    /// table visits value then key of each live entry.
    /// </summary>
    private static int DictTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyDictKeysObject* keys = ((PyDictObject*)o)->Keys;
        nint n = keys->NEntries;
        if (keys->Kind != (byte)DictKeysKind.General)
        {
            PyDictUnicodeEntry* entries = UnicodeEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                if (entries[i].Value != null)
                {
                    int r = visit(rt, entries[i].Value, arg);
                    if (r != 0)
                    {
                        return r;
                    }
                }
            }
        }
        else
        {
            PyDictKeyEntry* entries = GeneralEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                if (entries[i].Value != null)
                {
                    int r = visit(rt, entries[i].Value, arg);
                    if (r == 0)
                    {
                        r = visit(rt, entries[i].Key, arg);
                    }

                    if (r != 0)
                    {
                        return r;
                    }
                }
            }
        }

        return 0;
    }

    /// <summary>dict_tp_clear: PyDict_Clear.</summary>
    private static int DictTpClear(PyRuntime rt, PyObject* o)
    {
        rt.DictClear(o);
        return 0;
    }

    /// <summary>
    /// _PyDict_SizeOf: 48, plus the keys object when this dict owns it (the shared empty
    /// keys are not counted); a split table counts its values array instead.
    /// </summary>
    private static nint DictSizeOf(PyRuntime rt, PyObject* o)
    {
        if (((PyDictObject*)o)->Values != null)
        {
            return SplitDictSizeOf(o);
        }

        PyDictKeysObject* keys = ((PyDictObject*)o)->Keys;
        nint size = o->Type->BasicSize;
        if (keys != rt.EmptyKeys && keys->RefCount == 1)
        {
            size += KeysSize(keys);
        }

        return size;
    }

    /// <summary>
    /// _PyDict_MaybeUntrack, run by full collections on every tracked exact dict: untrack it
    /// when nothing it holds may be tracked (values only for a unicode table; values and
    /// keys for a general one).
    /// </summary>
    partial void DictMaybeUntrack(PyObject* o)
    {
        if (o->Type != DictType || !IsTracked(o))
        {
            return;
        }

        PyDictKeysObject* keys = ((PyDictObject*)o)->Keys;
        nint n = keys->NEntries;
        if (keys->Kind != (byte)DictKeysKind.General)
        {
            PyDictUnicodeEntry* entries = UnicodeEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                if (entries[i].Value != null && MayBeTracked(entries[i].Value))
                {
                    return;
                }
            }
        }
        else
        {
            PyDictKeyEntry* entries = GeneralEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                if (entries[i].Value != null && (MayBeTracked(entries[i].Value) || MayBeTracked(entries[i].Key)))
                {
                    return;
                }
            }
        }

        Untrack(o);
    }

    /// <summary>MAINTAIN_TRACKING: an untracked dict becomes tracked when it gets a key or value that may be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DictMaintainTracking(PyObject* mp, PyObject* key, PyObject* value)
    {
        if (!IsTracked(mp) && (MayBeTracked(key) || MayBeTracked(value)))
        {
            Track(mp);
        }
    }

    /// <summary>
    /// _PyDict_ClearFreeList: PyObject_GC_Del each dict (which does lower the GC count) and
    /// PyObject_Free each keys object. Runs on every full collection and at shutdown.
    /// </summary>
    partial void ClearDictFreeLists()
    {
        while (_dictNumFree > 0)
        {
            _dictNumFree--;
            GcDel((PyObject*)_dictFreeList[_dictNumFree]);
            _dictFreeList[_dictNumFree] = 0;
        }

        while (_dictKeysNumFree > 0)
        {
            _dictKeysNumFree--;
            Allocator.Free((void*)_dictKeysFreeList[_dictKeysNumFree]);
            _dictKeysFreeList[_dictKeysNumFree] = 0;
        }
    }

    /// <summary>PyErr_BadInternalCall.</summary>
    private void BadInternalCall() => SetError(SystemErrorType, "bad argument to internal function");
}
