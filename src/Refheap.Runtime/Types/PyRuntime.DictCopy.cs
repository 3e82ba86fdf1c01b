using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Whole-dict operations (Objects/dictobject.c, 3.11): keys/values/items as lists, copy,
// merge (update from another dict) and equality.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyDict_Keys: a new list of the keys in order.</summary>
    public PyObject* DictKeys(PyObject* op) => DictToList(op, DictListKind.Keys);

    /// <summary>PyDict_Values: a new list of the values in order.</summary>
    public PyObject* DictValues(PyObject* op) => DictToList(op, DictListKind.Values);

    /// <summary>PyDict_Items: a new list of (key, value) tuples in order.</summary>
    public PyObject* DictItems(PyObject* op) => DictToList(op, DictListKind.Items);

    private enum DictListKind
    {
        Keys,
        Values,
        Items,
    }

    /// <summary>
    /// dict_keys / dict_values / dict_items: allocate everything first (which may collect),
    /// start again if the dict changed size meanwhile, then fill without calling out.
    /// </summary>
    private PyObject* DictToList(PyObject* op, DictListKind kind)
    {
        if (!IsDict(op))
        {
            BadInternalCall();
            return null;
        }

        var mp = (PyDictObject*)op;
        PyObject* list;
        nint n;
        while (true)
        {
            n = mp->Used;
            list = NewList(n);
            if (list == null)
            {
                return null;
            }

            if (kind == DictListKind.Items)
            {
                for (nint i = 0; i < n; i++)
                {
                    PyObject* item = NewTuple(2);
                    if (item == null)
                    {
                        DecRef(list);
                        return null;
                    }

                    ListItems(list)[i] = item;
                }
            }

            if (n == mp->Used)
            {
                break;
            }

            DecRef(list);
        }

        nint pos = 0;
        nint j = 0;
        while (DictNext(op, ref pos, out PyObject* key, out PyObject* value))
        {
            switch (kind)
            {
                case DictListKind.Keys:
                    ListItems(list)[j] = NewRef(key);
                    break;
                case DictListKind.Values:
                    ListItems(list)[j] = NewRef(value);
                    break;
                default:
                    PyObject** pair = TupleItems(ListItems(list)[j]);
                    pair[0] = NewRef(key);
                    pair[1] = NewRef(value);
                    break;
            }

            j++;
        }

        return list;
    }

    /// <summary>
    /// PyDict_Copy: an empty dict for an empty one; a byte copy of the keys object when the
    /// dict is compact enough (used >= 2/3 of its entries: clone_combined_dict_keys), which
    /// keeps the size; otherwise a merge into a new dict, which compacts. The copy is
    /// tracked when the original is.
    /// </summary>
    public PyObject* DictCopy(PyObject* op)
    {
        if (op == null || !IsDict(op))
        {
            BadInternalCall();
            return null;
        }

        var mp = (PyDictObject*)op;
        if (mp->Used == 0)
        {
            return NewDict();
        }

        if (mp->Values != null)
        {
            // A split table's copy shares the class's keys too.
            PyObject* splitCopy = DictCopyCombined(mp, op);
            if (splitCopy != null)
            {
                var rec = (SharedKeysRecord*)mp->Values;
                rec->RefCount++;
                ((PyDictObject*)splitCopy)->Values = rec;
            }

            return splitCopy;
        }

        return DictCopyCombined(mp, op);
    }

    private PyObject* DictCopyCombined(PyDictObject* mp, PyObject* op)
    {
        if (mp->Used >= (mp->Keys->NEntries * 2) / 3)
        {
            PyDictKeysObject* keys = CloneCombinedDictKeys(mp);
            if (keys == null)
            {
                return null;
            }

            PyObject* copy = NewDictObject(keys, 0);
            if (copy == null)
            {
                return null;
            }

            ((PyDictObject*)copy)->Used = mp->Used;
            if (IsTracked(op))
            {
                Track(copy);
            }

            return copy;
        }

        PyObject* result = NewDict();
        if (result == null)
        {
            return null;
        }

        if (DictMerge(result, op, overrideExisting: true) != 0)
        {
            DecRef(result);
            return null;
        }

        return result;
    }

    /// <summary>
    /// clone_combined_dict_keys: a byte copy of the keys object (a new block, never the keys
    /// free list), with new references to every live key and value.
    /// </summary>
    private PyDictKeysObject* CloneCombinedDictKeys(PyDictObject* orig)
    {
        PyDictKeysObject* src = orig->Keys;
        nint size = KeysSize(src);
        var keys = (PyDictKeysObject*)Allocator.TryAllocate(size);
        if (keys == null)
        {
            NoMemory();
            return null;
        }

        Buffer.MemoryCopy(src, keys, size, size);
        nint n = keys->NEntries;
        for (nint i = 0; i < n; i++)
        {
            PyObject* key;
            PyObject* value;
            if (IsUnicodeKeys(keys))
            {
                key = UnicodeEntries(keys)[i].Key;
                value = UnicodeEntries(keys)[i].Value;
            }
            else
            {
                key = GeneralEntries(keys)[i].Key;
                value = GeneralEntries(keys)[i].Value;
            }

            if (value != null)
            {
                IncRef(value);
                IncRef(key);
            }
        }

        return keys;
    }

    /// <summary>PyDict_Update: <see cref="DictMerge"/> overriding existing keys.</summary>
    public int DictUpdate(PyObject* a, PyObject* b) => DictMerge(a, b, overrideExisting: true);

    /// <summary>
    /// PyDict_Merge for a dict source (dict_merge): into an empty target, a clean source that
    /// is 8 slots or more than half full is cloned; otherwise one resize up front when the
    /// target cannot take the source's items, then item-by-item insertion in order. Without
    /// <paramref name="overrideExisting"/> existing keys keep their values. Sources that are
    /// not dicts need the mapping protocol, which this runtime does not have yet.
    /// </summary>
    public int DictMerge(PyObject* a, PyObject* b, bool overrideExisting)
    {
        if (a == null || !IsDict(a) || b == null)
        {
            BadInternalCall();
            return -1;
        }

        if (!IsDict(b))
        {
            SetError(NotImplementedErrorType, "merging from a mapping that is not a dict needs the mapping protocol, which this runtime does not have yet");
            return -1;
        }

        var mp = (PyDictObject*)a;
        var other = (PyDictObject*)b;
        if (other == mp || other->Used == 0)
        {
            return 0;
        }

        if (mp->Used == 0)
        {
            overrideExisting = true;
            PyDictKeysObject* okeys = other->Keys;
            if (other->Values == null && other->Used == okeys->NEntries
                && (okeys->Log2Size == DictLog2MinSize || UsableFraction(DictKeysSize(okeys) / 2) < other->Used))
            {
                PyDictKeysObject* keys = CloneCombinedDictKeys(other);
                if (keys == null)
                {
                    return -1;
                }

                DictKeysDecRef(mp->Keys);
                mp->Keys = keys;
                if (mp->Values != null)
                {
                    UnmarkSplit(mp);
                }

                mp->Used = other->Used;
                mp->VersionTag = ++_dictGlobalVersion;
                if (IsTracked(b) && !IsTracked(a))
                {
                    Track(a);
                }

                return 0;
            }
        }

        if (mp->Values != null)
        {
            if (SplitBeforeMerge(mp, other) != 0)
            {
                return -1;
            }
        }
        else if (UsableFraction(DictKeysSize(mp->Keys)) < other->Used
            && DictResize(mp, EstimateLog2KeySize(mp->Used + other->Used), IsUnicodeKeys(other->Keys)) != 0)
        {
            return -1;
        }

        nint origSize = other->Keys->NEntries;
        nint pos = 0;
        while (DictNextWithHash(b, ref pos, out PyObject* key, out PyObject* value, out nint hash))
        {
            IncRef(key);
            IncRef(value);
            int err = 0;
            if (overrideExisting)
            {
                err = InsertDict(mp, NewRef(key), hash, NewRef(value));
            }
            else
            {
                nint ix = DictLookup(mp, key, hash, out PyObject* present);
                if (ix == DkixError)
                {
                    err = -1;
                }
                else if (ix == DkixEmpty || present == null)
                {
                    err = InsertDict(mp, NewRef(key), hash, NewRef(value));
                }
            }

            DecRef(value);
            DecRef(key);
            if (err != 0)
            {
                return -1;
            }

            if (origSize != other->Keys->NEntries)
            {
                SetError(RuntimeErrorType, "dict mutated during update");
                return -1;
            }
        }

        return 0;
    }

    /// <summary>dict_richcompare: == and != by dict_equal; anything else is NotImplemented.</summary>
    private static PyObject* DictRichCompare(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        if (!rt.IsDict(v) || !rt.IsDict(w) || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return NewRef(rt.NotImplemented);
        }

        int cmp = rt.DictEqual((PyDictObject*)v, (PyDictObject*)w);
        return cmp < 0 ? null : rt.NewBool((cmp == 1) == (op == CompareOp.Eq));
    }

    /// <summary>dict_equal: same size, and each of a's keys is in b with an equal value. 1, 0 or -1.</summary>
    private int DictEqual(PyDictObject* a, PyDictObject* b)
    {
        if (a->Used != b->Used)
        {
            return 0;
        }

        for (nint i = 0; i < a->Keys->NEntries; i++)
        {
            PyDictKeysObject* dk = a->Keys;
            PyObject* key;
            PyObject* aval;
            nint hash;
            if (IsUnicodeKeys(dk))
            {
                key = UnicodeEntries(dk)[i].Key;
                if (key == null)
                {
                    continue;
                }

                aval = UnicodeEntries(dk)[i].Value;
                hash = StrCachedHash(key);
            }
            else
            {
                key = GeneralEntries(dk)[i].Key;
                aval = GeneralEntries(dk)[i].Value;
                hash = GeneralEntries(dk)[i].Hash;
            }

            if (aval == null)
            {
                continue;
            }

            IncRef(aval);
            IncRef(key);
            DictLookup(b, key, hash, out PyObject* bval);
            if (bval == null)
            {
                DecRef(key);
                DecRef(aval);
                return ErrorOccurred ? -1 : 0;
            }

            IncRef(bval);
            int cmp = ObjectRichCompareBool(aval, bval, CompareOp.Eq);
            DecRef(key);
            DecRef(aval);
            DecRef(bval);
            if (cmp <= 0)
            {
                return cmp;
            }
        }

        return 1;
    }
}
