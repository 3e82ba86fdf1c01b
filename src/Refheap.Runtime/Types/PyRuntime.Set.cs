using System;
using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// set and frozenset (Objects/setobject.c, 3.11): 200-byte GC objects, tracked from birth
// (tp_alloc tracks them) whatever they hold, weakrefable, no free list. frozenset is
// hashable and, in 3.11, has no empty singleton.
//
// This file: the types, creation and the slots. The table is in PyRuntime.SetTable.cs.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PySet_MINSIZE.</summary>
    internal const int SetMinSize = 8;

    public PyTypeObject* SetType { get; private set; }

    public PyTypeObject* FrozenSetType { get; private set; }

    /// <summary>The dummy key of discarded slots (_dummy_struct): never compared, never released.</summary>
    public PyObject* SetDummyPublic => SetDummy;

    internal PyObject* SetDummy => (PyObject*)(_dictStatics + 48);

    private void InitSetTypes()
    {
        SetType = NewSetType("set");
        SetType->Hash = null;
        FrozenSetType = NewSetType("frozenset");
        FrozenSetType->Hash = &FrozenSetHash;

        PyObject* dummy = SetDummy;
        dummy->RefCount = ImmortalInitRefCount;
        dummy->Type = ObjectType;
    }

    private PyTypeObject* NewSetType(string name)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PySetObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType, ObjectType);
        PySetObject layout = default;
        t->WeakListOffset = (nint)((byte*)&layout.WeakRefList - (byte*)&layout);
        t->Dealloc = &SetDealloc;
        t->Traverse = &SetTraverse;
        t->Clear = &SetTpClear;
        t->SizeOf = &SetSizeOf;
        t->RichCompare = &SetRichCompare;
        t->Iter = &SetIter;
        return t;
    }

    /// <summary>PyAnySet_Check.</summary>
    public bool IsAnySet(PyObject* o) => IsSubtype(o->Type, SetType) || IsSubtype(o->Type, FrozenSetType);

    /// <summary>PySet_Check.</summary>
    public bool IsSet(PyObject* o) => IsSubtype(o->Type, SetType);

    /// <summary>PyFrozenSet_Check.</summary>
    public bool IsFrozenSet(PyObject* o) => IsSubtype(o->Type, FrozenSetType);

    /// <summary>
    /// PySet_New: a new set holding the items of <paramref name="iterable"/> (null for none;
    /// a list, tuple, set, frozenset or dict; other iterables need the iterator protocol,
    /// which this runtime does not have yet). Null with an error set on failure.
    /// </summary>
    public PyObject* NewSet(PyObject* iterable) => MakeNewSet(SetType, iterable);

    /// <summary>PyFrozenSet_New: as <see cref="NewSet(PyObject*)"/>, always a new frozenset (no empty singleton in 3.11).</summary>
    public PyObject* NewFrozenSet(PyObject* iterable) => MakeNewSet(FrozenSetType, iterable);

    /// <summary>A new set of the given items, added in order (new references are taken).</summary>
    public PyObject* NewSet(params ReadOnlySpan<nint> items) => MakeNewSetOfItems(SetType, items);

    /// <summary>A new frozenset of the given items, added in order (new references are taken).</summary>
    public PyObject* NewFrozenSet(params ReadOnlySpan<nint> items) => MakeNewSetOfItems(FrozenSetType, items);

    private PyObject* MakeNewSetOfItems(PyTypeObject* type, ReadOnlySpan<nint> items)
    {
        PyObject* so = MakeNewSet(type, null);
        if (so == null)
        {
            return null;
        }

        foreach (nint item in items)
        {
            if (SetAddKey((PySetObject*)so, (PyObject*)item) != 0)
            {
                DecRef(so);
                return null;
            }
        }

        return so;
    }

    /// <summary>
    /// make_new_set: a counted GC allocation, tracked at once (as tp_alloc does), with the
    /// inline table; then the iterable's items.
    /// </summary>
    private PyObject* MakeNewSet(PyTypeObject* type, PyObject* iterable)
    {
        PyObject* o = NewGcObject(type, sizeof(PySetObject));
        if (o == null)
        {
            return null;
        }

        var so = (PySetObject*)o;
        so->Fill = 0;
        so->Used = 0;
        so->Mask = SetMinSize - 1;
        so->SmallTable = default;
        so->Table = SmallTableOf(so);
        so->Hash = -1;
        so->Finger = 0;
        so->WeakRefList = null;
        Track(o);
        if (iterable != null && SetUpdateInternal(so, iterable) != 0)
        {
            DecRef(o);
            return null;
        }

        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SetEntry* SmallTableOf(PySetObject* so) => (SetEntry*)&so->SmallTable;

    /// <summary>
    /// set_dealloc: untrack, then inside the trashcan clear the weakrefs and release the keys
    /// in table order, free a separate table, PyObject_GC_Del.
    /// </summary>
    private static void SetDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var so = (PySetObject*)o;
        if (so->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        PyObject* dummy = rt.SetDummy;
        nint used = so->Used;
        for (SetEntry* entry = so->Table; used > 0; entry++)
        {
            if (entry->Key != null && entry->Key != dummy)
            {
                used--;
                rt.DecRef(entry->Key);
            }
        }

        if (so->Table != SmallTableOf(so))
        {
            rt.Allocator.Free(so->Table);
        }

        rt.GcDel(o);
        rt.TrashEnd();
    }

    /// <summary>set_traverse: the keys in table order.</summary>
    private static int SetTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var so = (PySetObject*)o;
        nint pos = 0;
        while (rt.SetNextSlot(so, ref pos, out SetEntry* entry))
        {
            int r = visit(rt, entry->Key, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return 0;
    }

    /// <summary>set_clear_internal as tp_clear.</summary>
    private static int SetTpClear(PyRuntime rt, PyObject* o)
    {
        rt.SetClearInternal((PySetObject*)o);
        return 0;
    }

    /// <summary>set___sizeof__: 200, plus the separate table.</summary>
    private static nint SetSizeOf(PyRuntime rt, PyObject* o)
    {
        var so = (PySetObject*)o;
        nint size = o->Type->BasicSize;
        if (so->Table != SmallTableOf(so))
        {
            size += (so->Mask + 1) * sizeof(SetEntry);
        }

        return size;
    }

    /// <summary>_shuffle_bits.</summary>
    private static ulong ShuffleBits(ulong h) => unchecked(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);

    /// <summary>
    /// frozenset_hash: xor of the shuffled hash field of every slot (empty ones included, then
    /// corrected for odd counts of empty and dummy slots), mixed with the length, dispersed,
    /// cached. Independent of insertion order.
    /// </summary>
    private static nint FrozenSetHash(PyRuntime rt, PyObject* o)
    {
        var so = (PySetObject*)o;
        if (so->Hash != -1)
        {
            return so->Hash;
        }

        unchecked
        {
            ulong hash = 0;
            for (nint i = 0; i <= so->Mask; i++)
            {
                hash ^= ShuffleBits((ulong)so->Table[i].Hash);
            }

            if (((so->Mask + 1 - so->Fill) & 1) != 0)
            {
                hash ^= ShuffleBits(0);
            }

            if (((so->Fill - so->Used) & 1) != 0)
            {
                hash ^= ShuffleBits(ulong.MaxValue);
            }

            hash ^= ((ulong)so->Used + 1) * 1927868237UL;
            hash ^= (hash >> 11) ^ (hash >> 25);
            hash = (hash * 69069U) + 907133923UL;
            if (hash == ulong.MaxValue)
            {
                hash = 590923713UL;
            }

            so->Hash = (nint)hash;
            return (nint)hash;
        }
    }

    /// <summary>
    /// set_richcompare: only against another set or frozenset; == by size, cached hashes and
    /// inclusion; &lt;=, &gt;=, &lt;, &gt; as subset and superset tests.
    /// </summary>
    private static PyObject* SetRichCompare(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        if (!rt.IsAnySet(w))
        {
            return NewRef(rt.NotImplemented);
        }

        var a = (PySetObject*)v;
        var b = (PySetObject*)w;
        int r;
        switch (op)
        {
            case CompareOp.Eq:
            case CompareOp.Ne:
                if (a->Used != b->Used || (a->Hash != -1 && b->Hash != -1 && a->Hash != b->Hash))
                {
                    r = 0;
                }
                else
                {
                    r = rt.SetIsSubset(a, b);
                }

                if (r >= 0 && op == CompareOp.Ne)
                {
                    r = 1 - r;
                }

                break;
            case CompareOp.Le:
                r = rt.SetIsSubset(a, b);
                break;
            case CompareOp.Ge:
                r = rt.SetIsSubset(b, a);
                break;
            case CompareOp.Lt:
                r = a->Used >= b->Used ? 0 : rt.SetIsSubset(a, b);
                break;
            default:
                r = a->Used <= b->Used ? 0 : rt.SetIsSubset(b, a);
                break;
        }

        return r < 0 ? null : rt.NewBool(r != 0);
    }

    /// <summary>set_issubset for two sets: 1, 0, or -1 with an error set.</summary>
    private int SetIsSubset(PySetObject* so, PySetObject* other)
    {
        if (so->Used > other->Used)
        {
            return 0;
        }

        nint pos = 0;
        while (SetNextSlot(so, ref pos, out SetEntry* entry))
        {
            PyObject* key = entry->Key;
            IncRef(key);
            int rv = SetContainsEntry(other, key, entry->Hash);
            DecRef(key);
            if (rv <= 0)
            {
                return rv;
            }
        }

        return 1;
    }

    /// <summary>PySet_Size: the number of items; -1 with SystemError for anything else.</summary>
    public nint SetSize(PyObject* anyset)
    {
        if (!IsAnySet(anyset))
        {
            BadInternalCall();
            return -1;
        }

        return ((PySetObject*)anyset)->Used;
    }

    /// <summary>
    /// PySet_Add: adds a key (a new reference is taken). Also allowed on a frozenset nobody
    /// else holds yet (refcount 1), to fill it. 0, or -1 with an error set.
    /// </summary>
    public int SetAdd(PyObject* anyset, PyObject* key)
    {
        if (!IsSet(anyset) && (!IsFrozenSet(anyset) || anyset->RefCount != 1))
        {
            BadInternalCall();
            return -1;
        }

        return SetAddKey((PySetObject*)anyset, key);
    }

    /// <summary>PySet_Discard: 1 if the key was there, 0 if not, -1 with an error set.</summary>
    public int SetDiscard(PyObject* set, PyObject* key)
    {
        if (!IsSet(set))
        {
            BadInternalCall();
            return -1;
        }

        nint hash = KeyHash(key);
        return hash == -1 ? -1 : SetDiscardEntry((PySetObject*)set, key, hash);
    }

    /// <summary>PySet_Contains: 1, 0, or -1 with an error set (TypeError for an unhashable key).</summary>
    public int SetContains(PyObject* anyset, PyObject* key)
    {
        if (!IsAnySet(anyset))
        {
            BadInternalCall();
            return -1;
        }

        nint hash = KeyHash(key);
        return hash == -1 ? -1 : SetContainsEntry((PySetObject*)anyset, key, hash);
    }

    /// <summary>PySet_Clear: back to the empty inline table.</summary>
    public int SetClear(PyObject* set)
    {
        if (!IsSet(set))
        {
            BadInternalCall();
            return -1;
        }

        SetClearInternal((PySetObject*)set);
        return 0;
    }

    /// <summary>
    /// _PySet_NextEntry: the next key in table order at or after <paramref name="pos"/>
    /// (borrowed), with its hash; start with pos = 0.
    /// </summary>
    public bool SetNext(PyObject* anyset, ref nint pos, out PyObject* key, out nint hash)
    {
        key = null;
        hash = 0;
        if (!IsAnySet(anyset) || !SetNextSlot((PySetObject*)anyset, ref pos, out SetEntry* entry))
        {
            return false;
        }

        key = entry->Key;
        hash = entry->Hash;
        return true;
    }

    /// <summary>set.copy() (make_new_set_basetype): a new set of the same kind; a frozenset's copy is itself.</summary>
    public PyObject* SetCopy(PyObject* anyset)
    {
        if (!IsAnySet(anyset))
        {
            BadInternalCall();
            return null;
        }

        if (anyset->Type == FrozenSetType)
        {
            return NewRef(anyset);
        }

        return MakeNewSet(IsSet(anyset) ? SetType : FrozenSetType, anyset);
    }
}
