using System.Collections.Generic;
using Refheap.Memory;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Instance attribute storage by attribute name object (Objects/dictobject.c, 3.11:
// _PyObject_StoreInstanceAttribute, _PyObject_GetInstanceAttribute, make_dict_from_instance_
// attributes). A managed-dict instance keeps its attributes as inline values indexed by its
// class's shared keys, with the order the instance set them in (the values' prefix), until a
// dict is needed: `__dict__` is read or a name does not fit the shared keys; then the values
// move, in that order, into a dict kept in the pre-header, marked split on the class's keys
// (PyRuntime.SplitDicts.cs). Types with a fixed dict offset (functions, modules, exceptions)
// keep a dict at that offset, made on the first store.
// Invariant: for a managed-dict instance, at most one of (values, dict) in the pre-header is set.
public sealed unsafe partial class PyRuntime
{
    // Per class: interned key object to its index in the shared keys.
    private readonly Dictionary<nint, AddressTable> _sharedKeyIndex = new();

    /// <summary>The attribute named <paramref name="name"/> (a str) in the instance's own storage, borrowed; null if absent (no error).</summary>
    public PyObject* InstanceGetAttr(PyObject* o, PyObject* name)
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** values = *ValuesPointer(o);
            if (values != null)
            {
                int index = SharedKeyIndex(t, name);
                return index >= 0 ? values[index] : null;
            }

            PyObject* dict = *ManagedDictPointer(o);
            return dict == null ? null : DictGetItemStrAny(dict, name);
        }

        if (t->DictOffset > 0)
        {
            PyObject* dict = *(PyObject**)((byte*)o + t->DictOffset);
            return dict == null ? null : DictGetItemStrAny(dict, name);
        }

        return null;
    }

    private PyObject* DictGetItemStrAny(PyObject* dict, PyObject* name)
    {
        PyObject* saved = FetchError();
        PyObject* v = DictGetItem(dict, name);
        if (saved != null)
        {
            SetErrorObject(saved);
        }

        return v;
    }

    /// <summary>
    /// Stores (or deletes, with null) an instance attribute. Returns 0; -1 with an error set
    /// (AttributeError for deleting a missing one, MemoryError); -2 if the object has no
    /// instance storage at all (the caller raises the AttributeError).
    /// </summary>
    public int InstanceSetAttr(PyObject* o, PyObject* name, PyObject* value)
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** values = *ValuesPointer(o);
            if (values != null)
            {
                int index = SharedKeyIndex(t, name);
                if (index < 0 && value != null)
                {
                    index = AddSharedKey(t, name);
                }

                if (index >= 0)
                {
                    PyObject* prev = values[index];
                    if (value == null && prev == null)
                    {
                        SetError(AttributeErrorType, $"'{InfoOf(t).Name}' object has no attribute '{StrToString(name)}'");
                        return -1;
                    }

                    values[index] = value;
                    if (prev == null)
                    {
                        ValuesAddToOrder(values, index);
                    }
                    else if (value == null)
                    {
                        ValuesRemoveFromOrder(values, index);
                    }

                    XIncRef(value);
                    XDecRef(prev);
                    return 0;
                }

                if (value == null)
                {
                    SetError(AttributeErrorType, $"'{InfoOf(t).Name}' object has no attribute '{StrToString(name)}'");
                    return -1;
                }
            }

            PyObject** dictPtr = InstanceDictPointer(o);
            return dictPtr == null ? -1 : StoreInDict(dictPtr, o, name, value);
        }

        if (t->DictOffset > 0)
        {
            return StoreInDict((PyObject**)((byte*)o + t->DictOffset), o, name, value);
        }

        return -2;
    }

    private int StoreInDict(PyObject** dictPtr, PyObject* o, PyObject* name, PyObject* value)
    {
        if (*dictPtr == null)
        {
            if (value == null)
            {
                SetError(AttributeErrorType, $"'{TypeName(o)}' object has no attribute '{StrToString(name)}'");
                return -1;
            }

            *dictPtr = NewDict();
            if (*dictPtr == null)
            {
                return -1;
            }
        }

        if (value != null)
        {
            return DictSetItem(*dictPtr, name, value);
        }

        if (DictDelItem(*dictPtr, name) < 0)
        {
            if (ErrorMatches(KeyErrorType))
            {
                ClearError();
                SetError(AttributeErrorType, $"'{TypeName(o)}' object has no attribute '{StrToString(name)}'");
            }

            return -1;
        }

        return 0;
    }

    /// <summary>
    /// The address of the instance's __dict__ pointer, materialising the dict from inline
    /// values first; null with MemoryError on failure, or null without an error when the type
    /// has no instance dict.
    /// </summary>
    public PyObject** InstanceDictPointer(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** dictPtr = ManagedDictPointer(o);
            PyObject** values = *ValuesPointer(o);
            if (values != null)
            {
                PyObject* dict = NewDict();
                if (dict == null)
                {
                    return null;
                }

                // In the instance's own insertion order (a cleared slot is skipped).
                NintList keys = SharedKeyObjects(t);
                byte* order = ValuesOrder(values);
                int count = ValuesOrderCount(values);
                for (int j = 0; j < count; j++)
                {
                    int i = order[j];
                    if (values[i] != null && DictSetItem(dict, (PyObject*)keys[i], values[i]) < 0)
                    {
                        DecRef(dict);
                        return null;
                    }
                }

                FreeInstanceAttributes(o);
                *dictPtr = dict;

                // make_dict_from_instance_attributes: a split dict on the class's keys.
                if (!MarkSplit(dict, t))
                {
                    return null;
                }
            }
            else if (*dictPtr == null)
            {
                // new_dict_with_shared_keys(CACHED_KEYS(tp)).
                *dictPtr = NewDict();
                if (*dictPtr == null || !MarkSplit(*dictPtr, t))
                {
                    return null;
                }
            }

            return dictPtr;
        }

        if (t->DictOffset > 0)
        {
            var dictPtr = (PyObject**)((byte*)o + t->DictOffset);
            if (*dictPtr == null)
            {
                *dictPtr = NewDict();
                if (*dictPtr == null)
                {
                    return null;
                }
            }

            return dictPtr;
        }

        return null;
    }

    private int SharedKeyIndex(PyTypeObject* t, PyObject* name)
    {
        ref SharedKeyCacheEntry e = ref SharedKeyCacheSlot(t, name);
        if (e.Type == (nint)t && e.Name == (nint)name && e.Epoch == _typeCacheEpoch)
        {
            return e.Index;
        }

        if (!_sharedKeyIndex.TryGetValue((nint)t, out AddressTable? index))
        {
            return -1;
        }

        if (index.TryGetValue((nuint)name, out nuint i))
        {
            e.Type = (nint)t;
            e.Name = (nint)name;
            e.Index = (int)i;
            e.Epoch = _typeCacheEpoch;
            return (int)i;
        }

        if (IsInterned(name))
        {
            return -1;
        }

        // A non-interned name: compare by content.
        NintList keys = SharedKeyObjects(t);
        for (int k = 0; k < keys.Count; k++)
        {
            if (StrEquals((PyObject*)keys[k], name))
            {
                return k;
            }
        }

        return -1;
    }

    private readonly Dictionary<nint, NintList> _sharedKeyObjects = new();

    private NintList SharedKeyObjects(PyTypeObject* t)
    {
        if (!_sharedKeyObjects.TryGetValue((nint)t, out NintList? list))
        {
            list = new NintList();
            _sharedKeyObjects[(nint)t] = list;
        }

        return list;
    }

    /// <summary>Adds a name to the class's shared keys if it fits (usable entries left, fewer than 30 names); else -1.</summary>
    private int AddSharedKey(PyTypeObject* t, PyObject* name)
    {
        SharedKeysState keys = _sharedKeys[(nint)t];
        TypeInfo info = InfoOf(t);
        if (keys.Usable <= 0 || info.SharedKeys.Count >= SharedKeysMaxSize || !IsStr(name) || name->Type != StrType)
        {
            return -1;
        }

        PyObject* key = NewRef(name);
        Intern(ref key);
        info.SharedKeys.Add(StrToString(key));
        SharedKeyObjects(t).Add((nint)key);
        if (!_sharedKeyIndex.TryGetValue((nint)t, out AddressTable? index))
        {
            index = new AddressTable();
            _sharedKeyIndex[(nint)t] = index;
        }

        index.Set((nuint)key, (nuint)(info.SharedKeys.Count - 1));
        keys.Usable--;
        t->SharedKeysCount = info.SharedKeys.Count;
        if (keys.Record != null)
        {
            keys.Record->NEntries = t->SharedKeysCount;
        }

        return info.SharedKeys.Count - 1;
    }

    /// <summary>Releases a dying class's shared key objects.</summary>
    private void ReleaseSharedKeyObjects(PyTypeObject* t)
    {
        _sharedKeyIndex.Remove((nint)t);
        if (_sharedKeyObjects.Remove((nint)t, out NintList? list))
        {
            foreach (nint k in list)
            {
                DecRef((PyObject*)k);
            }
        }
    }
}
