using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Instance dicts that 3.11 keeps split (Objects/dictobject.c: make_dict_from_instance_attributes,
// new_dict_with_shared_keys, insertdict and dictresize on a split table, _PyDict_SizeOf).
// Refheap stores every dict as a combined table; a dict that would share its class's cached
// keys carries the class's SharedKeysRecord in ma_values instead ("marked split"), and every
// operation that changes what 3.11 would see goes through here:
// - the size is 48 + 8 * (nentries + usable) of the class's keys, live (each new instance
//   takes one usable entry), plus the keys themselves once the class is gone;
// - a new exact-str key joins the class's keys while they have room (so later instances store
//   it inline too); otherwise the dict becomes combined by 3.11's insertion_resize, to
//   calculate_log2_keysize(3 * used) entries; a non-str key makes it combined and general;
// - clear() makes it combined and empty; popitem() combined at the shared keys' size (64 slots);
//   copy() stays split; a merge that resizes or clones into it makes it combined.
// Invariant: mp->Values is null or a live SharedKeysRecord whose RefCount counts it.
public sealed unsafe partial class PyRuntime
{
    /// <summary>NEXT_LOG2_SHARED_KEYS_MAX_SIZE: the shared keys' table has 64 slots.</summary>
    private const int SharedKeysLog2Size = 6;

    /// <summary>True when the dict is marked split (see the file's comment).</summary>
    internal static bool DictIsSplit(PyObject* dict) => ((PyDictObject*)dict)->Values != null;

    /// <summary>The class's record, made on first use with the class's reference; null with MemoryError.</summary>
    private SharedKeysRecord* SharedKeysRecordFor(PyTypeObject* t)
    {
        if (!_sharedKeys.TryGetValue((nint)t, out SharedKeysState? state))
        {
            return null;
        }

        if (state.Record == null)
        {
            var rec = (SharedKeysRecord*)Allocator.TryAllocate(CachedKeysSize);
            if (rec == null)
            {
                NoMemory();
                return null;
            }

            rec->RefCount = 1;
            rec->Owner = t;
            rec->NEntries = t->SharedKeysCount;
            rec->Usable = state.Usable;
            state.Record = rec;
        }

        return state.Record;
    }

    /// <summary>Marks a fresh instance dict of class <paramref name="t"/> split; false with MemoryError.</summary>
    private bool MarkSplit(PyObject* dict, PyTypeObject* t)
    {
        SharedKeysRecord* rec = SharedKeysRecordFor(t);
        if (rec == null)
        {
            return false;
        }

        rec->RefCount++;
        ((PyDictObject*)dict)->Values = rec;
        return true;
    }

    /// <summary>The dict becomes combined (in 3.11's eyes): it lets go of the class's keys.</summary>
    private void UnmarkSplit(PyDictObject* mp)
    {
        var rec = (SharedKeysRecord*)mp->Values;
        mp->Values = null;
        SharedKeysRecordDecRef(rec);
    }

    private void SharedKeysRecordDecRef(SharedKeysRecord* rec)
    {
        if (--rec->RefCount == 0)
        {
            Allocator.Free(rec);
        }
    }

    /// <summary>A dying class gives up its reference; dicts still marked keep the record (and then count the keys' size).</summary>
    private void ReleaseSharedKeysRecord(PyTypeObject* t)
    {
        if (_sharedKeys.TryGetValue((nint)t, out SharedKeysState? state) && state.Record != null)
        {
            SharedKeysRecord* rec = state.Record;
            state.Record = null;
            rec->Owner = null;
            SharedKeysRecordDecRef(rec);
        }
    }

    /// <summary>_PyDict_SizeOf of a split dict (without the GC header).</summary>
    private static nint SplitDictSizeOf(PyObject* o)
    {
        var rec = (SharedKeysRecord*)((PyDictObject*)o)->Values;
        nint size = o->Type->BasicSize + (8 * (rec->NEntries + rec->Usable));
        return rec->RefCount == 1 ? size + CachedKeysSize : size;
    }

    /// <summary>
    /// Before inserting <paramref name="key"/> into a split-marked dict: a key already present,
    /// or an exact str that is (or can become) one of the class's keys, keeps it split;
    /// anything else makes it combined as 3.11's insertdict does (a non-str key: the caller's
    /// kind check resizes to a general table; no room: insertion_resize). 0, or -1 with an error.
    /// </summary>
    private int SplitBeforeInsert(PyDictObject* mp, PyObject* key, nint hash)
    {
        var rec = (SharedKeysRecord*)mp->Values;
        if (key->Type != StrType)
        {
            UnmarkSplit(mp);
            return 0;
        }

        if (mp->Keys != EmptyKeys)
        {
            nint ix = DictLookup(mp, key, hash, out PyObject* present);
            if (ix >= 0 && present != null)
            {
                return 0;
            }
        }

        PyTypeObject* owner = rec->Owner;
        if (owner != null && (SharedKeyIndex(owner, key) >= 0 || AddSharedKey(owner, key) >= 0))
        {
            return 0;
        }

        UnmarkSplit(mp);
        return mp->Keys == EmptyKeys ? 0 : InsertionResize(mp, unicode: true);
    }

    /// <summary>dict.popitem on a split table first makes it combined at the shared keys' size (dictresize to DK_LOG_SIZE).</summary>
    public int DictPrepareForPopItem(PyObject* dict)
    {
        var mp = (PyDictObject*)dict;
        if (mp->Values == null)
        {
            return 0;
        }

        UnmarkSplit(mp);
        return mp->Keys == EmptyKeys ? 0 : DictResize(mp, SharedKeysLog2Size, unicode: true);
    }

    /// <summary>dict_merge into a split-marked target: the combined-table decisions 3.11 makes for it.</summary>
    private int SplitBeforeMerge(PyDictObject* mp, PyDictObject* other)
    {
        // 3.11 presizes when the shared keys (64 slots, 42 usable) cannot take the source's
        // items; dictresize makes the table combined.
        if (UsableFraction((nint)1 << SharedKeysLog2Size) < other->Used)
        {
            UnmarkSplit(mp);
            return DictResize(mp, EstimateLog2KeySize(mp->Used + other->Used), IsUnicodeKeys(other->Keys));
        }

        return 0;
    }
}
