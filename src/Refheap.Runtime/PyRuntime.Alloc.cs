using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Object allocation and deallocation (Objects/object.c, Modules/gcmodule.c: gc_alloc,
// _PyObject_GC_Link, PyObject_GC_Del; 3.11). Memory layout from low to high address:
//   [managed weakref: weaklist*, padding][managed dict pre-header: values*, dict*]
//   [GC head: next, prev] refcount, type, payload
// (the managed weakref only for str subclasses; blocks and objects stay 16-byte aligned).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// _PyType_PreHeaderSize: 16 for a GC type, 16 more for a managed-dict type, and 16 more
    /// for a managed weakref list (str subclasses only).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint PreHeaderSize(PyTypeObject* type) =>
        ((type->Flags & TypeFlags.HaveGc) != 0 ? 16 : 0) + ((type->Flags & TypeFlags.ManagedDict) != 0 ? 16 : 0)
        + ((type->Flags & TypeFlags.ManagedWeakref) != 0 ? 16 : 0);

    /// <summary>The (negative) offset of a managed weakref list: the lowest word of the block.</summary>
    public static nint ManagedWeakrefOffset(TypeFlags flags) =>
        -(((flags & TypeFlags.HaveGc) != 0 ? 16 : 0) + ((flags & TypeFlags.ManagedDict) != 0 ? 16 : 0) + 16);

    /// <summary>
    /// The pre-header sys.getsizeof counts (CPython's _PyType_PreHeaderSize for the type).
    /// Subclasses of variable-sized builtins other than str keep their dict in our managed
    /// pre-header where CPython has a pointer after the items, counted in tp_basicsize (which
    /// ours also counts, see NewHeapType): only the GC head is reported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint ReportedPreHeaderSize(PyTypeObject* type) =>
        PreHeaderSize(type) - (HasTrailingDictSlot(type) ? 16 : 0) - ((type->Flags & TypeFlags.ManagedWeakref) != 0 ? 16 : 0);

    /// <summary>A heap type whose CPython layout puts the instance dict pointer after the items.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasTrailingDictSlot(PyTypeObject* type) =>
        (type->Flags & TypeFlags.ManagedDict) != 0 && type->ItemSize != 0 && (type->Flags & TypeFlags.UnicodeSubclass) == 0;

    /// <summary>The GC head of a GC object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GcHead* AsGc(PyObject* o) => (GcHead*)o - 1;

    /// <summary>The object of a GC head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromGc(GcHead* g) => (PyObject*)(g + 1);

    /// <summary>
    /// Allocates a non-GC object of <paramref name="size"/> bytes (PyObject_Malloc + init):
    /// refcount 1, type set (and the type INCREF'd for heap types). Null with MemoryError set on failure.
    /// </summary>
    public PyObject* NewObject(PyTypeObject* type, nint size)
    {
        nint pre = PreHeaderSize(type);
        byte* mem = (byte*)Allocator.TryAllocate(pre + size);
        if (mem == null)
        {
            return NoMemory();
        }

        if (pre != 0)
        {
            new System.Span<byte>(mem, (int)pre).Clear();
        }

        var o = (PyObject*)(mem + pre);
        InitHeader(o, type);
        return o;
    }

    /// <summary>
    /// Allocates a GC object (gc_alloc + _PyObject_GC_Link): counts it in generation 0, and
    /// collects right here when the count passes the threshold, before the new object is
    /// tracked. The object is returned untracked; call <see cref="Track"/> once it is valid.
    /// </summary>
    public PyObject* NewGcObject(PyTypeObject* type, nint size)
    {
        nint pre = PreHeaderSize(type);
        byte* mem = (byte*)Allocator.TryAllocate(pre + size);
        if (mem == null)
        {
            return NoMemory();
        }

        new System.Span<byte>(mem, (int)pre).Clear();
        var o = (PyObject*)(mem + pre);
        InitHeader(o, type);
        GcLink();
        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InitHeader(PyObject* o, PyTypeObject* type)
    {
        o->RefCount = 1;
        o->Type = type;
        if ((type->Flags & TypeFlags.HeapType) != 0)
        {
            ((PyObject*)type)->RefCount++;
        }
    }

    /// <summary>Frees the memory of a non-GC object (PyObject_Free of the whole block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FreeObject(PyObject* o)
    {
        Allocator.Free((byte*)o - PreHeaderSize(o->Type));
    }

    /// <summary>
    /// PyObject_GC_Del: untracks the object if still tracked, uncounts it from generation 0
    /// (floored at 0), frees its memory.
    /// </summary>
    public void GcDel(PyObject* o)
    {
        GcHead* g = AsGc(o);
        if (g->Next != 0)
        {
            GcListRemove(g);
            if ((g->Prev & PrevMaskCandidate) != 0)
            {
                ForgetCandidateBit(o);
            }
        }

        if (_count[0] > 0)
        {
            _count[0]--;
        }

        Allocator.Free((byte*)o - PreHeaderSize(o->Type));
    }

    /// <summary>Resizes a variable-size object in place or by moving it (PyObject_Realloc of the block).</summary>
    internal PyObject* ResizeObject(PyObject* o, nint newSize)
    {
        nint pre = PreHeaderSize(o->Type);
        byte* mem = (byte*)Allocator.TryReallocate((byte*)o - pre, pre + newSize);
        if (mem == null)
        {
            NoMemory();
            return null;
        }

        return (PyObject*)(mem + pre);
    }

    /// <summary>sys.getsizeof: __sizeof__ plus the pre-header, by the type's flags.</summary>
    public nint SizeOf(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        nint basic = t->SizeOf != null
            ? t->SizeOf(this, o)
            : t->BasicSize + (t->ItemSize * (t->ItemSize != 0 ? ((PyVarObject*)o)->Size : 0));
        return basic + ReportedPreHeaderSize(t);
    }

    /// <summary>Py_INCREF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void IncRef(PyObject* o) => o->RefCount++;

    /// <summary>Py_XINCREF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XIncRef(PyObject* o)
    {
        if (o != null)
        {
            o->RefCount++;
        }
    }

    /// <summary>Py_DECREF: immediate deallocation at zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DecRef(PyObject* o)
    {
        if (--o->RefCount == 0)
        {
            Dealloc(o);
        }
        else if (TrackOldDecrements)
        {
            NoteOldDecrement(o);
        }
    }

    /// <summary>Py_XDECREF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void XDecRef(PyObject* o)
    {
        if (o != null)
        {
            DecRef(o);
        }
    }

    /// <summary>Py_CLEAR: sets the field to null before dropping the reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear(ref PyObject* field)
    {
        PyObject* o = field;
        if (o != null)
        {
            field = null;
            DecRef(o);
        }
    }

    /// <summary>_Py_Dealloc: the type's tp_dealloc, called straight from each Py_DECREF site.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dealloc(PyObject* o) => o->Type->Dealloc(this, o);

    /// <summary>Py_NewRef.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* NewRef(PyObject* o)
    {
        o->RefCount++;
        return o;
    }
}
