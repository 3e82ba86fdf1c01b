using System;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The builtin ("static") types and the runtime's singletons. A static type is a native
// object of type `type` that is never tracked and never freed before shutdown, like
// CPython's statically allocated PyTypeObjects.
public sealed unsafe partial class PyRuntime
{
    /// <summary>Refcount of CPython 3.11's statically initialised singletons (_PyObject_IMMORTAL_INIT).</summary>
    public const nint ImmortalInitRefCount = 999_999_999;

    /// <summary>sizeof(PyTypeObject) in 3.11: what a static type reports to __sizeof__.</summary>
    public const nint StaticTypeSize = 408;

    /// <summary>sizeof(PyHeapTypeObject) in 3.11 (type.__basicsize__).</summary>
    public const nint HeapTypeSize = 904;

    public PyTypeObject* TypeType { get; private set; }

    public PyTypeObject* ObjectType { get; private set; }

    public PyTypeObject* NoneType { get; private set; }

    public PyTypeObject* NotImplementedType { get; private set; }

    /// <summary>dict, once the dict implementation registered it; null before.</summary>
    public PyTypeObject* DictType { get; internal set; }

    public PyObject* None { get; private set; }

    public PyObject* NotImplemented { get; private set; }

    /// <summary>gc.garbage.</summary>
    public PyObject* Garbage { get; private set; }

    private void InitCoreTypes()
    {
        // `type` is its own type: make it first, then point it at itself.
        TypeType = NewStaticType("type", HeapTypeSize, 40, TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.TypeSubclass, null);
        ObjectType = NewStaticType("object", 16, 0, TypeFlags.BaseType, null);
        TypeType->Base = ObjectType;
        TypeType->IsGc = &TypeIsGc;
        TypeType->Dealloc = &TypeDealloc;
        TypeType->Call = &ClassCall;
        TypeType->Traverse = &TypeTraverse;
        TypeType->Clear = &TypeClear;
        TypeType->WeakListOffset = 368;
        TypeType->DictOffset = (nint)System.Runtime.InteropServices.Marshal.OffsetOf<PyTypeObject>(nameof(PyTypeObject.Dict));
        TypeType->SizeOf = &TypeSizeOf;
        ObjectType->Dealloc = &ObjectDealloc;

        NoneType = NewStaticType("NoneType", 16, 0, TypeFlags.None, ObjectType);
        NoneType->Dealloc = &NoneDealloc;
        NotImplementedType = NewStaticType("NotImplementedType", 16, 0, TypeFlags.None, ObjectType);
        NotImplementedType->Dealloc = &NoneDealloc;

        InitIntAndBoolTypes();
        InitStrType();
        InitTupleType();
        InitListType();
        InitExceptionTypes();
        InitWeakrefTypes();
        InitWeakProxyTypes();
        InitFunctionType();
        InitFunctionObjectTypes();
        InitScalarTypes();
        InitDictTypes();
        InitIterTypes();
        InitFrameTypes();
        InitCoreReprs();

        None = NewObject(NoneType, 16);
        NotImplemented = NewObject(NotImplementedType, 16);
        InitBoolSingletons();
        InitStrSingletons();
        InitTupleSingletons();
        InitScalarSingletons();
        _reservedMemoryError = NewException(MemoryErrorType, "");
        Garbage = NewList(0);
        InitGcCallbacksList();
        if (None == null || NotImplemented == null || _reservedMemoryError == null || Garbage == null)
        {
            throw new InvalidOperationException("Cannot create the runtime's singletons: the heap cap is too small.");
        }
    }

    partial void InitScalarTypes();

    partial void InitDictTypes();

    partial void InitScalarSingletons();

    partial void ClearScalarFreeLists();

    partial void ClearDictFreeLists();

    partial void ReleaseScalarSingletons();

    /// <summary>Creates a static type: a native type object, never tracked, freed at shutdown.</summary>
    internal PyTypeObject* NewStaticType(string name, nint basicSize, nint itemSize, TypeFlags flags, PyTypeObject* baseType)
    {
        // sizeof(PyTypeObject) bytes, as CPython's static types have, so tp_weaklist (at 368) fits.
        var t = (PyTypeObject*)Allocator.TryAllocate(StaticTypeSize);
        if (t == null)
        {
            throw new InvalidOperationException("Cannot create the builtin types: the heap cap is too small.");
        }

        new Span<byte>(t, (int)StaticTypeSize).Clear();
        t->Header.Base.RefCount = 1;
        t->Header.Base.Type = TypeType == null ? t : TypeType;
        t->Flags = flags | TypeFlags.Ready;
        t->BasicSize = basicSize;
        t->ItemSize = itemSize;
        t->Base = baseType;
        if (baseType != null)
        {
            // inherit_slots, for the slots this runtime has.
            t->Dealloc = baseType->Dealloc;
            t->SizeOf = baseType->SizeOf;
            t->Hash = baseType->Hash;
            t->RichCompare = baseType->RichCompare;
            t->Repr = baseType->Repr;
            t->Iter = baseType->Iter;
            t->IterNext = baseType->IterNext;
            t->Str = baseType->Str;
            t->GetAttr = baseType->GetAttr;
            t->SetAttr = baseType->SetAttr;
        }

        Register(t, name);
        return t;
    }

    /// <summary>type_dealloc: only heap types ever reach zero.</summary>
    private static void TypeDealloc(PyRuntime rt, PyObject* o)
    {
        var t = (PyTypeObject*)o;
        if ((t->Flags & TypeFlags.HeapType) == 0)
        {
            throw new InvalidOperationException($"Fatal Python error: deallocating the static type {rt.InfoOf(t).Name}");
        }

        rt.TypeModified(t);
        rt.Untrack(o);
        rt.ClearWeakRefs(o);
        rt.ReleaseSharedKeysRecord(t);
        rt._sharedKeys.Remove((nint)o);
        rt.ReleaseSharedKeyObjects(t);
        rt.RemoveSubclass(t, t->Bases);
        rt.Clear(ref t->Subclasses);
        rt.Clear(ref t->Dict);
        rt.Clear(ref t->Mro);
        rt.Clear(ref t->Bases);
        PyTypeObject* baseType = t->Base;
        t->Base = null;
        TypeInfo info = rt.InfoOf(t);
        info.Released = true;
        var finalizer = (PyObject*)info.FinalizerObject;
        info.FinalizerObject = 0;
        rt.GcDel(o);
        rt.XDecRef(finalizer);
        rt.XDecRef((PyObject*)baseType);

        // A heap metatype's reference is dropped by subtype_dealloc, which called this
        // (Objects/typeobject.c: type_dealloc leaves Py_TYPE alone).
    }

    /// <summary>type_traverse: a heap type's references (its __del__, its base when that is a heap type).</summary>
    private static int TypeTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var t = (PyTypeObject*)o;
        var finalizer = (PyObject*)rt.InfoOf(t).FinalizerObject;
        if (finalizer != null)
        {
            int r = visit(rt, finalizer, arg);
            if (r != 0)
            {
                return r;
            }
        }

        // type_traverse (3.11): tp_dict, tp_cache, tp_mro, tp_bases, tp_base, ht_module.
        foreach (nint p in new[] { (nint)t->Dict, (nint)t->Mro, (nint)t->Bases, (nint)t->Base })
        {
            if (p != 0)
            {
                int r = visit(rt, (PyObject*)p, arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <summary>type_clear: the dict and the MRO (the bases stay, as in CPython).</summary>
    private static int TypeClear(PyRuntime rt, PyObject* o)
    {
        var t = (PyTypeObject*)o;
        rt.TypeModified(t);
        rt.Clear(ref t->Dict);
        rt.Clear(ref t->Mro);
        return 0;
    }

    /// <summary>type_is_gc: only heap types are GC objects.</summary>
    private static bool TypeIsGc(PyRuntime rt, PyObject* o) => (((PyTypeObject*)o)->Flags & TypeFlags.HeapType) != 0;

    /// <summary>
    /// type___sizeof__: a heap type counts its cached shared keys (ht_cached_keys), which 3.11
    /// creates with 64 index bytes and 42 str entries (768 bytes) for every class with a managed
    /// dict. Ours are a managed structure (docs/deviations.md); the size is CPython's.
    /// </summary>
    private static nint TypeSizeOf(PyRuntime rt, PyObject* o)
    {
        var t = (PyTypeObject*)o;
        if ((t->Flags & TypeFlags.HeapType) == 0)
        {
            return StaticTypeSize;
        }

        return HeapTypeSize + ((t->Flags & TypeFlags.ManagedDict) != 0 && !HasTrailingDictSlot(t) ? CachedKeysSize : 0);
    }

    /// <summary>The size of 3.11's ht_cached_keys: a 32-byte header, 64 one-byte indices, 42 entries of 16 bytes.</summary>
    internal const nint CachedKeysSize = 32 + 64 + (42 * 16);

    /// <summary>object_dealloc: tp_free.</summary>
    private static void ObjectDealloc(PyRuntime rt, PyObject* o) => rt.FreeObject(o);

    /// <summary>none_dealloc: reaching zero is a fatal refcount error in CPython.</summary>
    private static void NoneDealloc(PyRuntime rt, PyObject* o) =>
        throw new InvalidOperationException($"Fatal Python error: _Py_Dealloc: deallocating {rt.TypeName(o)}");

    /// <summary>Drops the runtime's own objects and frees the static types (shutdown).</summary>
    private void ReleaseSingletonsAndTypes()
    {
        ReleaseGcCallbacksList();
        ReleaseStaticTypeDicts();
        if (Garbage != null)
        {
            PyObject* garbage = Garbage;
            Garbage = null;
            DecRef(garbage);
        }

        ReleaseScalarSingletons();
        ReleaseFunctionObjectCaches();
        ReleaseStrSingletons();
        ReleaseTupleSingletons();
        ClearFreeLists();
        FreeSingleton(_reservedMemoryError);
        _reservedMemoryError = null;
        ReleaseBoolSingletons();
        FreeSingleton(None);
        None = null;
        FreeSingleton(NotImplemented);
        NotImplemented = null;
        foreach (TypeInfo info in _types)
        {
            if (!info.IsHeapType)
            {
                Allocator.Free(info.Type);
                info.Released = true;
            }
        }
    }

    /// <summary>Frees a singleton whatever its refcount (its owners are gone at shutdown).</summary>
    private void FreeSingleton(PyObject* o)
    {
        if (o == null)
        {
            return;
        }

        if (o->Type == NoneType || o->Type == NotImplementedType || o->Type == BoolType)
        {
            FreeObject(o);
            return;
        }

        o->RefCount = 1;
        DecRef(o);
    }

    /// <summary>clear_freelists: runs on every full collection and at shutdown.</summary>
    internal void ClearFreeLists()
    {
        ClearTupleFreeLists();
        ClearListFreeList();
        ClearScalarFreeLists();
        ClearDictFreeLists();
    }

    /// <summary>A short repr for messages: tp_repr when the type has one, else &lt;NAME object at 0x…&gt;.</summary>
    public string ReprString(PyObject* o)
    {
        if (o->Type->Repr != null)
        {
            PyObject* r = o->Type->Repr(this, o);
            if (r != null)
            {
                string s = StrToString(r);
                DecRef(r);
                return s;
            }

            ClearError();
        }

        return $"<{TypeName(o)} object at 0x{(nuint)o:x}>";
    }
}
