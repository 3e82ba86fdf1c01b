using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The set's hash table (Objects/setobject.c, 3.11): open addressing that checks up to
// LINEAR_PROBES = 9 neighbours of a slot (when they fit before the end of the table) before
// jumping to i = (5*i + 1 + perturb) & mask with perturb >>= 5. Discarded keys leave a dummy
// (hash -1) that a later add may reuse. After an add that used a fresh slot, the table
// grows when fill*5 >= mask*3, to the smallest power of two above used*4 (used*2 past 50000).
public sealed unsafe partial class PyRuntime
{
    /// <summary>LINEAR_PROBES.</summary>
    private const int LinearProbes = 9;

    /// <summary>
    /// set_lookkey: the slot holding the key, or the first never-used slot of its probe
    /// sequence; null with an error set when a comparison raised. Dummies are skipped.
    /// </summary>
    private SetEntry* SetLookKey(PySetObject* so, PyObject* key, nint hash)
    {
        while (true)
        {
            nuint mask = (nuint)so->Mask;
            nuint i = (nuint)hash & mask;
            nuint perturb = (nuint)hash;
            bool restart = false;
            while (!restart)
            {
                SetEntry* entry = &so->Table[i];
                int probes = i + LinearProbes <= mask ? LinearProbes : 0;
                do
                {
                    if (entry->Hash == 0 && entry->Key == null)
                    {
                        return entry;
                    }

                    if (entry->Hash == hash)
                    {
                        PyObject* startKey = entry->Key;
                        if (startKey == key || (startKey->Type == StrType && key->Type == StrType && StrEquals(startKey, key)))
                        {
                            return entry;
                        }

                        SetEntry* table = so->Table;
                        IncRef(startKey);
                        int cmp = ObjectRichCompareBool(startKey, key, CompareOp.Eq);
                        DecRef(startKey);
                        if (cmp < 0)
                        {
                            return null;
                        }

                        if (table != so->Table || entry->Key != startKey)
                        {
                            restart = true;
                            break;
                        }

                        if (cmp > 0)
                        {
                            return entry;
                        }

                        mask = (nuint)so->Mask;
                    }

                    entry++;
                }
                while (probes-- > 0);

                perturb >>= PerturbShift;
                i = ((i * 5) + 1 + perturb) & mask;
            }
        }
    }

    /// <summary>
    /// set_add_entry: takes a new reference to the key unless it is already there. When the
    /// probe ends at a never-used slot, the last dummy met on the way is reused instead if
    /// there was one (fill unchanged); a fresh slot may trigger a resize.
    /// </summary>
    private int SetAddEntry(PySetObject* so, PyObject* key, nint hash)
    {
        // Taken first, so that a comparison cannot free the key just before it is stored.
        IncRef(key);
        PyObject* dummy = SetDummy;
        while (true)
        {
            nuint mask = (nuint)so->Mask;
            nuint i = (nuint)hash & mask;
            nuint perturb = (nuint)hash;
            SetEntry* freeSlot = null;
            bool restart = false;
            while (!restart)
            {
                SetEntry* entry = &so->Table[i];
                int probes = i + LinearProbes <= mask ? LinearProbes : 0;
                do
                {
                    if (entry->Hash == 0 && entry->Key == null)
                    {
                        return SetStoreFound(so, freeSlot != null ? freeSlot : entry, freeSlot == null, key, hash, mask);
                    }

                    if (entry->Hash == hash)
                    {
                        PyObject* startKey = entry->Key;
                        if (startKey == key || (startKey->Type == StrType && key->Type == StrType && StrEquals(startKey, key)))
                        {
                            DecRef(key);
                            return 0;
                        }

                        SetEntry* table = so->Table;
                        IncRef(startKey);
                        int cmp = ObjectRichCompareBool(startKey, key, CompareOp.Eq);
                        DecRef(startKey);
                        if (cmp > 0)
                        {
                            DecRef(key);
                            return 0;
                        }

                        if (cmp < 0)
                        {
                            DecRef(key);
                            return -1;
                        }

                        if (table != so->Table || entry->Key != startKey)
                        {
                            restart = true;
                            break;
                        }

                        mask = (nuint)so->Mask;
                    }
                    else if (entry->Hash == -1 && entry->Key == dummy)
                    {
                        // The last dummy met wins: 3.11 does not test freeslot == NULL here.
                        freeSlot = entry;
                    }

                    entry++;
                }
                while (probes-- > 0);

                if (!restart)
                {
                    perturb >>= PerturbShift;
                    i = ((i * 5) + 1 + perturb) & mask;
                }
            }
        }
    }

    /// <summary>The found_unused_or_dummy / found_unused tail of set_add_entry.</summary>
    private int SetStoreFound(PySetObject* so, SetEntry* slot, bool unused, PyObject* key, nint hash, nuint mask)
    {
        so->Used++;
        slot->Key = key;
        slot->Hash = hash;
        if (!unused)
        {
            return 0;
        }

        so->Fill++;
        if ((nuint)so->Fill * 5 < mask * 3)
        {
            return 0;
        }

        return SetTableResize(so, so->Used > 50000 ? so->Used * 2 : so->Used * 4);
    }

    /// <summary>set_add_key: hash (a str's cached hash first), then set_add_entry.</summary>
    private int SetAddKey(PySetObject* so, PyObject* key)
    {
        nint hash = KeyHash(key);
        return hash == -1 ? -1 : SetAddEntry(so, key, hash);
    }

    /// <summary>set_contains_entry: 1, 0, or -1 with an error set.</summary>
    private int SetContainsEntry(PySetObject* so, PyObject* key, nint hash)
    {
        SetEntry* entry = SetLookKey(so, key, hash);
        return entry == null ? -1 : entry->Key != null ? 1 : 0;
    }

    /// <summary>set_discard_entry: the slot becomes a dummy (hash -1), then the key is released. 1, 0 or -1.</summary>
    private int SetDiscardEntry(PySetObject* so, PyObject* key, nint hash)
    {
        SetEntry* entry = SetLookKey(so, key, hash);
        if (entry == null)
        {
            return -1;
        }

        if (entry->Key == null)
        {
            return 0;
        }

        PyObject* oldKey = entry->Key;
        entry->Key = SetDummy;
        entry->Hash = -1;
        so->Used--;
        DecRef(oldKey);
        return 1;
    }

    /// <summary>
    /// set_insert_clean: into a table with no dummies and no equal key, the first null slot
    /// of the probe sequence (the linear run, then the jump).
    /// </summary>
    private static void SetInsertClean(SetEntry* table, nuint mask, PyObject* key, nint hash)
    {
        nuint perturb = (nuint)hash;
        nuint i = (nuint)hash & mask;
        while (true)
        {
            SetEntry* entry = &table[i];
            if (entry->Key == null)
            {
                entry->Key = key;
                entry->Hash = hash;
                return;
            }

            if (i + LinearProbes <= mask)
            {
                for (int j = 0; j < LinearProbes; j++)
                {
                    entry++;
                    if (entry->Key == null)
                    {
                        entry->Key = key;
                        entry->Hash = hash;
                        return;
                    }
                }
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary>
    /// set_table_resize: the smallest power of two above <paramref name="minUsed"/> (at least
    /// 8). Back to the inline table when that is 8; an inline table with dummies is rebuilt
    /// from a copy. Active keys are reinserted in old table order, dummies dropped.
    /// </summary>
    private int SetTableResize(PySetObject* so, nint minUsed)
    {
        nuint newSize = SetMinSize;
        while (newSize <= (nuint)minUsed)
        {
            newSize <<= 1;
        }

        SetEntry* oldTable = so->Table;
        nint oldMask = so->Mask;
        bool oldTableMalloced = oldTable != SmallTableOf(so);
        SetSmallTable smallCopy = default;
        SetEntry* newTable;
        if (newSize == SetMinSize)
        {
            newTable = SmallTableOf(so);
            if (newTable == oldTable)
            {
                if (so->Fill == so->Used)
                {
                    return 0;
                }

                smallCopy = so->SmallTable;
                oldTable = (SetEntry*)&smallCopy;
            }
        }
        else
        {
            newTable = (SetEntry*)Allocator.TryAllocate((nint)newSize * sizeof(SetEntry));
            if (newTable == null)
            {
                NoMemory();
                return -1;
            }
        }

        new Span<SetEntry>(newTable, (int)newSize).Clear();
        so->Mask = (nint)newSize - 1;
        so->Table = newTable;
        nuint newMask = (nuint)so->Mask;
        PyObject* dummy = SetDummy;
        if (so->Fill != so->Used)
        {
            so->Fill = so->Used;
        }

        for (SetEntry* entry = oldTable; entry <= oldTable + oldMask; entry++)
        {
            if (entry->Key != null && entry->Key != dummy)
            {
                SetInsertClean(newTable, newMask, entry->Key, entry->Hash);
            }
        }

        if (oldTableMalloced)
        {
            Allocator.Free(oldTable);
        }

        return 0;
    }

    /// <summary>
    /// set_merge: one resize up front when the other set's items may not fit; into an empty
    /// table of the same size with no dummies on the other side, a slot-for-slot copy; into
    /// any empty table, clean insertion; otherwise ordinary adds.
    /// </summary>
    private int SetMerge(PySetObject* so, PySetObject* other)
    {
        if (other == so || other->Used == 0)
        {
            return 0;
        }

        if ((so->Fill + other->Used) * 5 >= so->Mask * 3 && SetTableResize(so, (so->Used + other->Used) * 2) != 0)
        {
            return -1;
        }

        PyObject* dummy = SetDummy;
        if (so->Fill == 0 && so->Mask == other->Mask && other->Fill == other->Used)
        {
            for (nint i = 0; i <= other->Mask; i++)
            {
                PyObject* key = other->Table[i].Key;
                if (key != null)
                {
                    so->Table[i].Key = NewRef(key);
                    so->Table[i].Hash = other->Table[i].Hash;
                }
            }

            so->Fill = other->Fill;
            so->Used = other->Used;
            return 0;
        }

        if (so->Fill == 0)
        {
            so->Fill = other->Used;
            so->Used = other->Used;
            for (nint i = 0; i <= other->Mask; i++)
            {
                PyObject* key = other->Table[i].Key;
                if (key != null && key != dummy)
                {
                    SetInsertClean(so->Table, (nuint)so->Mask, NewRef(key), other->Table[i].Hash);
                }
            }

            return 0;
        }

        for (nint i = 0; i <= other->Mask; i++)
        {
            PyObject* key = other->Table[i].Key;
            if (key != null && key != dummy && SetAddEntry(so, key, other->Table[i].Hash) != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>
    /// set_update_internal for the iterables this runtime has: another set (set_merge), an
    /// exact dict (one resize up front, then its keys in order), a list or tuple (its items
    /// in order, as the iterator would give them).
    /// </summary>
    private int SetUpdateInternal(PySetObject* so, PyObject* other)
    {
        if (IsAnySet(other))
        {
            return SetMerge(so, (PySetObject*)other);
        }

        if (other->Type == DictType)
        {
            nint dictSize = ((PyDictObject*)other)->Used;
            if ((so->Fill + dictSize) * 5 >= so->Mask * 3 && SetTableResize(so, (so->Used + dictSize) * 2) != 0)
            {
                return -1;
            }

            nint pos = 0;
            while (DictNextWithHash(other, ref pos, out PyObject* key, out _, out nint hash))
            {
                if (SetAddEntry(so, key, hash) != 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        bool isList = IsSubtype(other->Type, ListType);
        if (!isList && !IsSubtype(other->Type, TupleType))
        {
            SetError(TypeErrorType, $"'{TypeName(other)}' object is not iterable");
            return -1;
        }

        for (nint i = 0; i < (isList ? ListSize(other) : TupleSize(other)); i++)
        {
            PyObject* item = NewRef(isList ? ListItems(other)[i] : TupleItems(other)[i]);
            int r = SetAddKey(so, item);
            DecRef(item);
            if (r != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>set_next: the next active slot at or after pos, in table order.</summary>
    private bool SetNextSlot(PySetObject* so, ref nint pos, out SetEntry* entry)
    {
        nint i = pos;
        nint mask = so->Mask;
        PyObject* dummy = SetDummy;
        SetEntry* e = so->Table + i;
        while (i <= mask && (e->Key == null || e->Key == dummy))
        {
            i++;
            e++;
        }

        pos = i + 1;
        entry = i > mask ? null : e;
        return i <= mask;
    }

    /// <summary>
    /// set_clear_internal: empty the set first (back to the inline table, hash forgotten),
    /// then release the keys from the old table or a copy of the inline one, so that code
    /// run by a release sees a consistent empty set.
    /// </summary>
    private void SetClearInternal(PySetObject* so)
    {
        SetEntry* table = so->Table;
        nint used = so->Used;
        bool tableMalloced = table != SmallTableOf(so);
        SetSmallTable smallCopy = default;
        if (tableMalloced)
        {
            SetEmptyToMinSize(so);
        }
        else if (so->Fill > 0)
        {
            smallCopy = so->SmallTable;
            table = (SetEntry*)&smallCopy;
            SetEmptyToMinSize(so);
        }

        PyObject* dummy = SetDummy;
        for (SetEntry* entry = table; used > 0; entry++)
        {
            if (entry->Key != null && entry->Key != dummy)
            {
                used--;
                DecRef(entry->Key);
            }
        }

        if (tableMalloced)
        {
            Allocator.Free(table);
        }
    }

    /// <summary>set_empty_to_minsize.</summary>
    private static void SetEmptyToMinSize(PySetObject* so)
    {
        so->SmallTable = default;
        so->Fill = 0;
        so->Used = 0;
        so->Mask = SetMinSize - 1;
        so->Table = SmallTableOf(so);
        so->Hash = -1;
    }
}
