using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Classes created at run time (Objects/typeobject.c, 3.11: type_new, subtype_dealloc,
// subtype_traverse, subtype_clear). Every heap type is a GC type. Instances of a class
// without __slots__ get a managed dict: a 16-byte pre-header [values*][dict*] before the
// GC head, with the attribute values in a separate PyMem array indexed by the class's
// shared keys, so an instance and its attributes are one object, as in 3.11.
public sealed unsafe partial class PyRuntime
{
    /// <summary>SHARED_KEYS_MAX_SIZE (Objects/dictobject.c, 3.11).</summary>
    public const int SharedKeysMaxSize = 30;

    /// <summary>
    /// The usable entries of a fresh class's cached keys: _PyDict_NewKeysForClass sets
    /// dk_usable to SHARED_KEYS_MAX_SIZE ("max size + 1, as it will shrink by one before each
    /// new object"). It matches getsizeof(E().__dict__) == 48 + 16 + 8 * 29 == 296.
    /// </summary>
    private const int SharedKeysInitialUsable = SharedKeysMaxSize;

    private readonly Dictionary<nint, SharedKeysState> _sharedKeys = new();

    private sealed class SharedKeysState
    {
        private int _usable = SharedKeysInitialUsable;

        /// <summary>The dicts' view of these keys, made when the first split dict is (<see cref="SharedKeysRecordFor"/>).</summary>
        public Types.SharedKeysRecord* Record;

        /// <summary>dk_usable of the class's cached keys (mirrored into <see cref="Record"/>).</summary>
        public int Usable
        {
            get => _usable;
            set
            {
                _usable = value;
                if (Record != null)
                {
                    Record->Usable = value;
                }
            }
        }
    }

    // InitInlineValues' memo of the last class's shared-keys state; valid while the type
    // cache's epoch stands (a class's death bumps it, so the address cannot mean another class).
    private nint _lastKeysType;
    private uint _lastKeysEpoch;
    private SharedKeysState? _lastKeys;

    /// <summary>
    /// Creates a class deriving from object. <paramref name="slots"/> null means no
    /// __slots__ (managed dict and __weakref__); otherwise the named slot members, plus
    /// '__dict__' and '__weakref__' if listed.
    /// </summary>
    public PyTypeObject* NewClass(string name, string[]? slots = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NewHeapType(TypeType, name, _emptyTuple, null, slots);
    }

    /// <summary>Sets (or removes, with null) the class's finalizer, as assigning __del__ does.</summary>
    public void SetFinalizer(PyTypeObject* type, ManagedCall? finalizer)
    {
        TypeInfo info = InfoOf(type);
        PyObject* function = null;
        if (finalizer != null)
        {
            // The class's __del__: called with the instance as its argument.
            function = NewFunction((rt, self, args) => finalizer(rt, TupleItems(args)[0], rt._emptyTuple));
            if (function == null)
            {
                throw TakeErrorAsException();
            }
        }

        var old = (PyObject*)info.FinalizerObject;
        info.Finalizer = finalizer;
        info.FinalizerObject = (nint)function;
        type->Finalize = finalizer == null ? null : &SlotFinalize;
        XDecRef(old);
    }

    /// <summary>Sets a legacy tp_del on a class (for tests of uncollectable garbage).</summary>
    internal void SetLegacyDel(PyTypeObject* type, bool on) => type->Del = on ? &LegacyDelNoop : null;

    private static void LegacyDelNoop(PyRuntime rt, PyObject* o)
    {
    }

    /// <summary>Instantiates a class: object.__new__ with no arguments.</summary>
    public PyObject* NewInstance(PyTypeObject* type)
    {
        PyObject* o = NewGcObject(type, type->BasicSize);
        if (o == null)
        {
            return null;
        }

        new Span<byte>((byte*)o + sizeof(PyObject), (int)(type->BasicSize - sizeof(PyObject))).Clear();
        if ((type->Flags & TypeFlags.ManagedDict) != 0 && !InitInlineValues(o, type))
        {
            GcDel(o);
            DecRef((PyObject*)type);
            return null;
        }

        Track(o);
        return o;
    }

    /// <summary>type.__call__ (the metatype's tp_call): calling a class makes an instance.</summary>
    internal static PyObject* ClassCall(PyRuntime rt, PyObject* type, PyObject* args, PyObject* kwargs)
    {
        var t = (PyTypeObject*)type;
        if ((t->Flags & TypeFlags.HeapType) == 0)
        {
            rt.SetError(rt.NotImplementedErrorType, $"calling the builtin type '{rt.InfoOf(t).Name}' is not implemented in the runtime");
            return null;
        }

        return rt.NewInstance(t);
    }

    internal static PyObject*** ValuesPointer(PyObject* o) => (PyObject***)((byte*)o - 32);

    internal static PyObject** ManagedDictPointer(PyObject* o) => (PyObject**)((byte*)o - 24);

    /// <summary>
    /// init_inline_values: each new instance takes one usable entry from the class's cached
    /// keys (while more than one is left), and gets a values array of nentries + usable.
    /// </summary>
    private bool InitInlineValues(PyObject* o, PyTypeObject* type)
    {
        SharedKeysState keys;
        if (_lastKeysType == (nint)type && _lastKeysEpoch == _typeCacheEpoch)
        {
            keys = _lastKeys!;
        }
        else
        {
            keys = _sharedKeys[(nint)type];
            _lastKeysType = (nint)type;
            _lastKeysEpoch = _typeCacheEpoch;
            _lastKeys = keys;
        }

        if (keys.Usable > 1)
        {
            keys.Usable--;
        }

        int size = type->SharedKeysCount + keys.Usable;
        PyObject** values = NewValues(size);
        if (values == null)
        {
            NoMemory();
            return false;
        }

        *ValuesPointer(o) = values;
        return true;
    }

    /// <summary>
    /// new_values: one PyMem block of a prefix and <paramref name="size"/> value pointers, as
    /// 3.11 lays it out. The prefix (size + 2 bytes, rounded up to 8) holds the instance's
    /// insertion order: the key indices in the order the attributes were set
    /// (<see cref="ValuesOrder"/>), then their count, then the prefix size in the last byte.
    /// Returns the address of the first value pointer, or null.
    /// </summary>
    private PyObject** NewValues(int size)
    {
        int prefix = (size + 2 + 7) & ~7;
        var mem = (byte*)Allocator.TryAllocate(prefix + (size * 8));
        if (mem == null)
        {
            return null;
        }

        new Span<byte>(mem, prefix + (size * 8)).Clear();
        mem[prefix - 1] = (byte)prefix;
        return (PyObject**)(mem + prefix);
    }

    /// <summary>The start of a values array's insertion-order bytes (count at prefix - 2).</summary>
    private static byte* ValuesOrder(PyObject** values) => (byte*)values - ((byte*)values)[-1];

    private static ref byte ValuesOrderCount(PyObject** values) => ref ((byte*)values)[-2];

    /// <summary>_PyDictValues_AddToInsertionOrder.</summary>
    private static void ValuesAddToOrder(PyObject** values, int index)
    {
        ref byte count = ref ValuesOrderCount(values);
        ValuesOrder(values)[count] = (byte)index;
        count++;
    }

    /// <summary>Removes a deleted attribute's index from the insertion order.</summary>
    private static void ValuesRemoveFromOrder(PyObject** values, int index)
    {
        ref byte count = ref ValuesOrderCount(values);
        byte* order = ValuesOrder(values);
        int n = count;
        int j = 0;
        while (j < n && order[j] != index)
        {
            j++;
        }

        if (j < n)
        {
            new Span<byte>(order + j + 1, n - j - 1).CopyTo(new Span<byte>(order + j, n - j - 1));
            count--;
        }
    }

    private void FreeValues(PyObject** values) => Allocator.Free((byte*)values - ((byte*)values)[-1]);

    /// <summary>Sets an instance attribute (a slot member, or an instance attribute). Null value deletes.</summary>
    public bool SetAttribute(PyObject* o, string name, PyObject* value)
    {
        PyObject** field = FindSlotField(o, name);
        if (field != null)
        {
            PyObject* old = *field;
            *field = value;
            XIncRef(value);
            XDecRef(old);
            return true;
        }

        PyObject* key = InternFromString(name);
        if (key == null)
        {
            return false;
        }

        int r = InstanceSetAttr(o, key, value);
        DecRef(key);
        if (r == -2)
        {
            SetError(AttributeErrorType, $"'{TypeName(o)}' object has no attribute '{name}'");
        }

        return r == 0;
    }

    /// <summary>Reads an instance attribute: a new reference, or null with AttributeError.</summary>
    public PyObject* GetAttribute(PyObject* o, string name)
    {
        PyObject** field = FindSlotField(o, name);
        PyObject* value = null;
        if (field != null)
        {
            value = *field;
        }
        else
        {
            PyObject* key = InternFromString(name);
            if (key == null)
            {
                return null;
            }

            value = InstanceGetAttr(o, key);
            DecRef(key);
        }

        if (value == null)
        {
            SetError(AttributeErrorType, $"'{TypeName(o)}' object has no attribute '{name}'");
            return null;
        }

        return NewRef(value);
    }

    /// <summary>slot_tp_finalize: call the class's finalizer; errors are unraisable.</summary>
    private static void SlotFinalize(PyRuntime rt, PyObject* o)
    {
        ManagedCall? finalizer = rt.InfoOf(o->Type).Finalizer;
        if (finalizer == null)
        {
            return;
        }

        // Called directly, without an argument tuple, as CPython's vectorcall does.
        PyObject* saved = rt.FetchError();
        PyObject* result = finalizer(rt, o, rt._emptyTuple);
        if (result == null)
        {
            rt.WriteUnraisable(null, (PyObject*)rt.InfoOf(o->Type).FinalizerObject);
        }
        else
        {
            rt.DecRef(result);
        }

        if (saved != null)
        {
            rt.SetErrorObject(saved);
        }
    }

    /// <summary>
    /// PyObject_CallFinalizerFromDealloc: resurrect temporarily, call tp_finalize once,
    /// and report whether the object was resurrected for good.
    /// </summary>
    private bool CallFinalizerFromDealloc(PyObject* o)
    {
        o->RefCount = 1;
        PyTypeObject* t = o->Type;
        if (!((t->Flags & TypeFlags.HaveGc) != 0 && IsFinalizedFlag(AsGc(o))))
        {
            t->Finalize(this, o);
            if ((t->Flags & TypeFlags.HaveGc) != 0)
            {
                SetFinalizedFlag(AsGc(o));
            }
        }

        o->RefCount--;
        return o->RefCount != 0;
    }

    /// <summary>subtype_dealloc for classes deriving from object.</summary>
    private static void SubtypeDealloc(PyRuntime rt, PyObject* o)
    {
        PyTypeObject* type = o->Type;
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        bool hasFinalizer = type->Finalize != null || type->Del != null;
        if (type->Finalize != null)
        {
            rt.Track(o);
            if (rt.CallFinalizerFromDealloc(o))
            {
                // Resurrected.
                rt.TrashEnd();
                return;
            }

            rt.Untrack(o);
        }

        if (type->WeakListOffset != 0)
        {
            rt.ClearWeakRefs(o);
        }

        if (type->Del != null)
        {
            rt.Track(o);
            type->Del(rt, o);
            if (o->RefCount > 0)
            {
                rt.TrashEnd();
                return;
            }

            rt.Untrack(o);
        }

        if (hasFinalizer && type->WeakListOffset != 0)
        {
            // Weakrefs created during the finalizer die without callbacks.
            PyWeakReference** list = WeakListPtr(o);
            while (*list != null)
            {
                rt.ClearWeakrefKeepCallback(*list);
            }
        }

        rt.ClearSlots(o);
        if ((type->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** dict = ManagedDictPointer(o);
            if (*dict != null)
            {
                rt.Clear(ref *dict);
            }
            else
            {
                rt.FreeInstanceAttributes(o);
            }
        }

        PyTypeObject* builtin = BuiltinBase(type);
        if (builtin == rt.ObjectType)
        {
            rt.GcDel(o);
        }
        else
        {
            // subtype_dealloc: the builtin base frees its own contents and the memory.
            if ((builtin->Flags & TypeFlags.HaveGc) != 0)
            {
                rt.Track(o);
            }

            rt._trashBaseDealloc = o;
            builtin->Dealloc(rt, o);
            rt._trashBaseDealloc = null;
        }

        rt.DecRef((PyObject*)type);
        rt.TrashEnd();
    }

    /// <summary>The field of a __slots__ member named <paramref name="name"/>, searching the heap types of the base chain.</summary>
    private PyObject** FindSlotField(PyObject* o, string name)
    {
        for (PyTypeObject* t = o->Type; (t->Flags & TypeFlags.HeapType) != 0; t = t->Base)
        {
            int slot = Array.IndexOf(InfoOf(t).Slots, name);
            if (slot >= 0)
            {
                return (PyObject**)((byte*)o + t->MembersOffset + (8 * slot));
            }
        }

        return null;
    }

    /// <summary>clear_slots, for every heap type of the base chain, most derived first.</summary>
    private void ClearSlots(PyObject* o)
    {
        for (PyTypeObject* t = o->Type; (t->Flags & TypeFlags.HeapType) != 0; t = t->Base)
        {

            nint n = ((PyVarObject*)t)->Size;
            for (nint i = 0; i < n; i++)
            {
                Clear(ref *(PyObject**)((byte*)o + t->MembersOffset + (8 * i)));
            }
        }
    }

    /// <summary>The nearest builtin type of the base chain (object for plain classes).</summary>
    internal static PyTypeObject* BuiltinBase(PyTypeObject* t)
    {
        while ((t->Flags & TypeFlags.HeapType) != 0)
        {
            t = t->Base;
        }

        return t;
    }

    /// <summary>_PyObject_FreeInstanceAttributes: values in key order, then the array.</summary>
    private void FreeInstanceAttributes(PyObject* o)
    {
        PyObject** values = *ValuesPointer(o);
        if (values == null)
        {
            return;
        }

        *ValuesPointer(o) = null;
        int n = o->Type->SharedKeysCount;
        for (int i = 0; i < n; i++)
        {
            XDecRef(values[i]);
        }

        FreeValues(values);
    }

    /// <summary>subtype_traverse: slots, the inline values (or the dict), then the type itself.</summary>
    private static int SubtypeTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyTypeObject* type = o->Type;
        for (PyTypeObject* t = type; (t->Flags & TypeFlags.HeapType) != 0; t = t->Base)
        {
            nint n = ((PyVarObject*)t)->Size;
            for (nint i = 0; i < n; i++)
            {
                PyObject* v = *(PyObject**)((byte*)o + t->MembersOffset + (8 * i));
                if (v != null)
                {
                    int r = visit(rt, v, arg);
                    if (r != 0)
                    {
                        return r;
                    }
                }
            }
        }

        if ((type->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** values = *ValuesPointer(o);
            if (values != null)
            {
                int count = type->SharedKeysCount;
                for (int i = 0; i < count; i++)
                {
                    if (values[i] != null)
                    {
                        int r = visit(rt, values[i], arg);
                        if (r != 0)
                        {
                            return r;
                        }
                    }
                }
            }

            PyObject* dict = *ManagedDictPointer(o);
            if (dict != null)
            {
                int r = visit(rt, dict, arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        PyTypeObject* builtin = BuiltinBase(type);
        if (builtin->Traverse != null)
        {
            int r = builtin->Traverse(rt, o, visit, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return visit(rt, (PyObject*)type, arg);
    }

    /// <summary>subtype_clear: slots, then the instance attributes.</summary>
    private static int SubtypeClear(PyRuntime rt, PyObject* o)
    {
        rt.ClearSlots(o);
        if ((o->Type->Flags & TypeFlags.ManagedDict) != 0)
        {
            PyObject** values = *ValuesPointer(o);
            if (values != null)
            {
                int n = o->Type->SharedKeysCount;
                for (int i = 0; i < n; i++)
                {
                    rt.Clear(ref values[i]);
                }
            }

            rt.Clear(ref *ManagedDictPointer(o));
        }

        PyTypeObject* builtin = BuiltinBase(o->Type);
        return builtin->Clear != null ? builtin->Clear(rt, o) : 0;
    }
}
