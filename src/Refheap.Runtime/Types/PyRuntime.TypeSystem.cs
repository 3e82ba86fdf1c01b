using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Classes with bases (Objects/typeobject.c, 3.11: type_new, best_base, mro_internal,
// _PyType_Lookup). The layout rules:
// - the solid base is the base whose instance layout extends all the others' ("best_base");
// - a class's own __slots__ members follow its solid base's basic size, 8 bytes each;
// - __dict__: inherited when a base has one; otherwise added when there are no __slots__ or
//   '__dict__' is listed: as the managed pre-header when the base's itemsize is 0 (3.11's
//   Py_TPFLAGS_MANAGED_DICT), not supported here for variable-size bases;
// - __weakref__: inherited, or added at the end under the same conditions, never for a
//   variable-size base (CPython: int and tuple subclasses are not weakly referenceable).
// Invariants: a heap type's Mro is a tuple starting with the type and ending with object;
// its Bases tuple is non-empty; Dict is a dict. Each heap type holds a reference to each.
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// type(name, bases, dict) for a class whose metatype is <paramref name="metatype"/> (type
    /// or a subclass). <paramref name="bases"/> is a tuple (empty means (object,)),
    /// <paramref name="ns"/> the namespace dict, copied into the new type's dict.
    /// <paramref name="slots"/> is the __slots__ names, or null for none. Null with an error set
    /// on failure (TypeError for a bad base or layout conflict, MemoryError).
    /// </summary>
    public PyTypeObject* NewHeapType(PyTypeObject* metatype, string name, PyObject* bases, PyObject* ns, string[]? slots)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TupleSize(bases) == 0)
        {
            bases = NewTuple(1);
            if (bases == null)
            {
                return null;
            }

            TupleItems(bases)[0] = NewRef((PyObject*)ObjectType);
        }
        else
        {
            IncRef(bases);
        }

        try
        {
            return NewHeapTypeCore(metatype, name, bases, ns, slots);
        }
        finally
        {
            DecRef(bases);
        }
    }

    private PyTypeObject* NewHeapTypeCore(PyTypeObject* metatype, string name, PyObject* bases, PyObject* ns, string[]? slots)
    {
        nint nbases = TupleSize(bases);
        for (nint i = 0; i < nbases; i++)
        {
            PyObject* b = TupleItems(bases)[i];
            if (!IsSubtype(b->Type, TypeType))
            {
                SetError(TypeErrorType, "bases must be types");
                return null;
            }

            var bt = (PyTypeObject*)b;
            if ((bt->Flags & TypeFlags.BaseType) == 0)
            {
                SetError(TypeErrorType, $"type '{InfoOf(bt).Name}' is not an acceptable base type");
                return null;
            }
        }

        PyTypeObject* solid = BestBase(bases);
        if (solid == null)
        {
            return null;
        }

        bool wantDict = slots == null || Array.IndexOf(slots, "__dict__") >= 0;
        bool wantWeak = slots == null || Array.IndexOf(slots, "__weakref__") >= 0;
        bool baseHasDict = solid->DictOffset != 0 || AnyBaseHasDict(bases);
        bool baseHasWeak = solid->WeakListOffset != 0;
        var members = new List<string>();
        foreach (string s in slots ?? [])
        {
            if (s == "__dict__")
            {
                if (baseHasDict || members.Contains(s))
                {
                    SetError(TypeErrorType, "__dict__ slot disallowed: we already got one");
                    return null;
                }
            }
            else if (s == "__weakref__")
            {
                if (baseHasWeak)
                {
                    SetError(TypeErrorType, "__weakref__ slot disallowed: either we already got one, or the base type has no weakref support");
                    return null;
                }
            }
            else
            {
                if (members.Contains(s))
                {
                    SetError(ValueErrorType, $"'{s}' in __slots__ conflicts with class variable");
                    return null;
                }

                members.Add(s);
            }
        }

        if (members.Count > 0 && solid->ItemSize != 0)
        {
            SetError(TypeErrorType, $"nonempty __slots__ not supported for subtype of '{InfoOf(solid).Name}'");
            return null;
        }

        nint baseSize = solid->BasicSize;
        nint size = baseSize + (8 * members.Count);
        bool managedDict = false;
        nint dictOffset = solid->DictOffset;
        if (wantDict && !baseHasDict)
        {
            // CPython puts the dict of a variable-size base's subclass after the items (a
            // negative tp_dictoffset); here it goes in the managed pre-header like any other
            // class's (a documented deviation: such instances report 16 more bytes).
            managedDict = true;
            dictOffset = -1;
            if (solid->ItemSize != 0 && (solid->Flags & TypeFlags.UnicodeSubclass) == 0)
            {
                // CPython's slot for that pointer: unused here, but tp_basicsize and the sizes
                // derived from it (tuple, bytes) stay CPython's.
                size += 8;
            }
        }

        nint weakOffset = solid->WeakListOffset;
        bool managedWeak = false;
        if (wantWeak && !baseHasWeak && solid->ItemSize == 0)
        {
            weakOffset = size;
            size += 8;
        }
        else if (wantWeak && !baseHasWeak && (solid->Flags & TypeFlags.UnicodeSubclass) != 0)
        {
            // CPython's str has no items (tp_itemsize 0), so its subclasses can be weakly
            // referenced; ours keep the list in the pre-header, below the dict pointers.
            managedWeak = true;
        }

        PyObject* o = NewGcObject(metatype, metatype->BasicSize);
        if (o == null)
        {
            return null;
        }

        var t = (PyTypeObject*)o;
        new Span<byte>((byte*)t + sizeof(PyObject), (int)HeapTypeSize - sizeof(PyObject)).Clear();
        const TypeFlags inherited = TypeFlags.LongSubclass | TypeFlags.ListSubclass | TypeFlags.TupleSubclass
            | TypeFlags.BytesSubclass | TypeFlags.UnicodeSubclass | TypeFlags.DictSubclass
            | TypeFlags.BaseExceptionSubclass | TypeFlags.TypeSubclass | TypeFlags.ManagedDict | TypeFlags.ManagedWeakref;
        t->Flags = TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HaveGc | TypeFlags.Ready
            | (solid->Flags & inherited) | (managedDict ? TypeFlags.ManagedDict : TypeFlags.None)
            | (managedWeak ? TypeFlags.ManagedWeakref : TypeFlags.None);
        if ((t->Flags & TypeFlags.ManagedWeakref) != 0)
        {
            // Below the dict pointers, so its offset depends on whether this class has them.
            weakOffset = ManagedWeakrefOffset(t->Flags);
        }

        t->Base = solid;
        IncRef((PyObject*)solid);
        t->BasicSize = size;
        t->ItemSize = solid->ItemSize;
        t->DictOffset = dictOffset;
        t->WeakListOffset = weakOffset;
        t->MembersOffset = baseSize;
        ((PyVarObject*)t)->Size = members.Count;
        t->Bases = NewRef(bases);

        // inherit_slots: what the base does, unless the class says otherwise later.
        t->Hash = solid->Hash;
        t->RichCompare = solid->RichCompare;
        t->Repr = solid->Repr;
        t->Str = solid->Str;
        t->Iter = solid->Iter;
        t->IterNext = solid->IterNext;
        t->Call = solid->Call;
        t->GetAttr = solid->GetAttr;
        t->SetAttr = solid->SetAttr;
        t->DescrGet = solid->DescrGet;
        t->DescrSet = solid->DescrSet;
        t->SizeOf = solid->SizeOf;
        t->Finalize = solid->Finalize;
        t->Del = solid->Del;
        t->IsGc = solid->IsGc;
        t->Dealloc = &SubtypeDealloc;
        t->Traverse = &SubtypeTraverse;
        t->Clear = &SubtypeClear;

        TypeInfo info = Register(t, name);
        info.IsHeapType = true;
        info.Slots = members.ToArray();
        _sharedKeys[(nint)t] = new SharedKeysState();
        PyTypeObject* managedBase = (solid->Flags & TypeFlags.ManagedDict) != 0 ? solid : null;
        if (managedBase != null)
        {
            // Inherited managed dict: same pre-header; this class has its own cached keys.
            t->Flags |= TypeFlags.ManagedDict;
        }

        t->Dict = ns == null ? NewDict() : DictCopy(ns);
        if (t->Dict == null)
        {
            GcDelType(t);
            return null;
        }

        t->Mro = ComputeMro(t);
        if (t->Mro == null)
        {
            GcDelType(t);
            return null;
        }

        Track(o);
        TypeModified(t);
        if (!AddSubclass(t))
        {
            DecRef(o);
            return null;
        }

        return t;
    }

    /// <summary>Frees a half-made type (never tracked) on a failure path.</summary>
    private void GcDelType(PyTypeObject* t)
    {
        TypeModified(t);
        XDecRef(t->Dict);
        XDecRef(t->Bases);
        XDecRef(t->Mro);
        t->Dict = null;
        t->Bases = null;
        t->Mro = null;
        PyTypeObject* b = t->Base;
        ReleaseSharedKeysRecord(t);
        _sharedKeys.Remove((nint)t);
        InfoOf(t).Released = true;
        PyTypeObject* meta = ((PyObject*)t)->Type;
        GcDel((PyObject*)t);
        if ((meta->Flags & TypeFlags.HeapType) != 0)
        {
            DecRef((PyObject*)meta);
        }

        DecRef((PyObject*)b);
    }

    private static bool AnyBaseHasDict(PyObject* bases)
    {
        nint n = TupleSize(bases);
        for (nint i = 0; i < n; i++)
        {
            var b = (PyTypeObject*)TupleItems(bases)[i];
            if (b->DictOffset != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>solid_base: the most derived type that changes the instance layout.</summary>
    private static PyTypeObject* SolidBase(PyTypeObject* t)
    {
        PyTypeObject* b = t->Base == null ? t : SolidBase(t->Base);
        return ExtraIvars(t, b) ? t : b;
    }

    private static bool ExtraIvars(PyTypeObject* t, PyTypeObject* b)
    {
        if (t == b)
        {
            return false;
        }

        nint ts = t->BasicSize;
        nint bs = b->BasicSize;
        if (t->ItemSize != 0 || b->ItemSize != 0)
        {
            return t->ItemSize != b->ItemSize;
        }

        if (t->WeakListOffset != 0 && b->WeakListOffset == 0 && t->WeakListOffset + 8 == ts)
        {
            ts -= 8;
        }

        return ts != bs;
    }

    /// <summary>best_base: the base whose solid base is a subtype of every other's.</summary>
    private PyTypeObject* BestBase(PyObject* bases)
    {
        PyTypeObject* winner = null;
        PyTypeObject* best = null;
        nint n = TupleSize(bases);
        for (nint i = 0; i < n; i++)
        {
            var b = (PyTypeObject*)TupleItems(bases)[i];
            PyTypeObject* candidate = SolidBase(b);
            if (winner == null)
            {
                winner = candidate;
                best = b;
            }
            else if (IsSubtype(winner, candidate))
            {
                // keep
            }
            else if (IsSubtype(candidate, winner))
            {
                winner = candidate;
                best = b;
            }
            else
            {
                SetError(TypeErrorType, "multiple bases have instance lay-out conflict");
                return null;
            }
        }

        return best;
    }

    /// <summary>mro_internal: C3 linearisation of the bases' MROs and the bases list.</summary>
    private PyObject* ComputeMro(PyTypeObject* t)
    {
        nint n = TupleSize(t->Bases);
        var sequences = new List<NintList>();
        for (nint i = 0; i < n; i++)
        {
            var b = (PyTypeObject*)TupleItems(t->Bases)[i];
            sequences.Add(MroList(b));
        }

        var basesList = new NintList();
        for (nint i = 0; i < n; i++)
        {
            basesList.Add((nint)TupleItems(t->Bases)[i]);
        }

        sequences.Add(basesList);
        var result = new NintList();
        result.Add((nint)t);
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0)
            {
                break;
            }

            nint next = 0;
            foreach (NintList s in sequences)
            {
                nint head = s[0];
                bool inTail = false;
                foreach (NintList other in sequences)
                {
                    if (other.IndexOf(head) > 0)
                    {
                        inTail = true;
                        break;
                    }
                }

                if (!inTail)
                {
                    next = head;
                    break;
                }
            }

            if (next == 0)
            {
                var names = new List<string>();
                foreach (NintList s in sequences)
                {
                    string nm = InfoOf((PyTypeObject*)s[0]).Name;
                    if (!names.Contains(nm))
                    {
                        names.Add(nm);
                    }
                }

                SetError(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases " + string.Join(", ", names));
                return null;
            }

            result.Add(next);
            foreach (NintList s in sequences)
            {
                if (s[0] == next)
                {
                    s.RemoveAt(0);
                }
            }
        }

        PyObject* mro = NewTuple(result.Count);
        if (mro == null)
        {
            return null;
        }

        for (int i = 0; i < result.Count; i++)
        {
            TupleItems(mro)[i] = NewRef((PyObject*)result[i]);
        }

        return mro;
    }

    /// <summary>A type's MRO as a list; a builtin type without one walks its base chain.</summary>
    private static NintList MroList(PyTypeObject* t)
    {
        var list = new NintList();
        if (t->Mro != null)
        {
            nint n = TupleSize(t->Mro);
            for (nint i = 0; i < n; i++)
            {
                list.Add((nint)TupleItems(t->Mro)[i]);
            }
        }
        else
        {
            for (PyTypeObject* b = t; b != null; b = b->Base)
            {
                list.Add((nint)b);
            }
        }

        return list;
    }

    /// <summary>
    /// Sets a builtin type's dict and MRO (the interpreter fills builtin types' namespaces at
    /// start-up). The runtime owns both until shutdown.
    /// </summary>
    public void SetStaticTypeDict(PyTypeObject* type, PyObject* dict)
    {
        if ((type->Flags & TypeFlags.HeapType) != 0)
        {
            throw new ArgumentException("only builtin types take a dict this way", nameof(type));
        }

        TypeModified(type);
        PyObject* old = type->Dict;
        type->Dict = NewRef(dict);
        XDecRef(old);
        TypeModified(type);
        if (type->Mro == null)
        {
            NintList chain = MroList(type);
            PyObject* mro = NewTuple(chain.Count);
            PyObject* bases = NewTuple(type->Base == null ? 0 : 1);
            if (mro == null || bases == null)
            {
                throw TakeErrorAsException();
            }

            for (int i = 0; i < chain.Count; i++)
            {
                TupleItems(mro)[i] = (PyObject*)chain[i];
            }

            if (type->Base != null)
            {
                TupleItems(bases)[0] = (PyObject*)type->Base;
            }

            // Borrowed items: builtin types are never freed before shutdown, and these tuples
            // are released (items untouched) by ReleaseStaticTypeDicts.
            type->Mro = mro;
            type->Bases = bases;
        }
    }

    /// <summary>Drops the builtin types' dicts, MROs and bases at shutdown.</summary>
    private void ReleaseStaticTypeDicts()
    {
        TypeModified(null);
        foreach (TypeInfo info in _types)
        {
            PyTypeObject* t = info.Type;
            if (info.IsHeapType || info.Released)
            {
                continue;
            }

            PyObject* d = t->Dict;
            t->Dict = null;
            XDecRef(d);
            foreach (PyObject* tuple in new[] { (nint)t->Mro, (nint)t->Bases })
            {
                if (tuple != null)
                {
                    // Borrowed items: empty the tuple before it dies.
                    new Span<nint>(TupleItems(tuple), (int)TupleSize(tuple)).Clear();
                    DecRef(tuple);
                }
            }

            t->Mro = null;
            t->Bases = null;
        }
    }

    /// <summary>
    /// find_name_in_mro: the first value bound to <paramref name="name"/> (a str) in the dicts
    /// of the type's MRO, borrowed; null when absent (no error set). Bypasses the type cache.
    /// </summary>
    internal PyObject* LookupTypeUncached(PyTypeObject* type, PyObject* name)
    {
        PyObject* mro = type->Mro;
        if (mro == null)
        {
            for (PyTypeObject* b = type; b != null; b = b->Base)
            {
                if (b->Dict != null)
                {
                    PyObject* v = DictGetItemStr(b->Dict, name);
                    if (v != null)
                    {
                        return v;
                    }
                }
            }

            return null;
        }

        nint n = TupleSize(mro);
        PyObject** items = TupleItems(mro);
        for (nint i = 0; i < n; i++)
        {
            PyObject* d = ((PyTypeObject*)items[i])->Dict;
            if (d != null)
            {
                PyObject* v = DictGetItemStr(d, name);
                if (v != null)
                {
                    return v;
                }
            }
        }

        return null;
    }

    /// <summary>PyType_IsSubtype: by the MRO when there is one (multiple inheritance), else the base chain.</summary>
    public static bool IsSubtypeMro(PyTypeObject* a, PyTypeObject* b)
    {
        PyObject* mro = a->Mro;
        if (mro == null)
        {
            return IsSubtype(a, b);
        }

        nint n = TupleSize(mro);
        PyObject** items = TupleItems(mro);
        for (nint i = 0; i < n; i++)
        {
            if (items[i] == (PyObject*)b)
            {
                return true;
            }
        }

        return false;
    }
}
