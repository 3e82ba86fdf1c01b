using System.Runtime.InteropServices;

namespace Refheap.Runtime.Objects;

/// <summary>PyObject (Include/object.h, 3.11): the 16-byte header every object starts with.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyObject
{
    /// <summary>ob_refcnt: a full signed 64-bit count; 3.11 has no immortal objects.</summary>
    public nint RefCount;

    /// <summary>ob_type.</summary>
    public PyTypeObject* Type;
}

/// <summary>PyVarObject: the header of objects with a variable number of items.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyVarObject
{
    public PyObject Base;

    /// <summary>ob_size.</summary>
    public nint Size;
}

/// <summary>
/// PyGC_Head (Include/internal/pycore_gc.h, 3.11): the 16 bytes just before a GC object.
/// Next == 0 means untracked; during a collection bit 0 of Next marks "tentatively
/// unreachable". Prev holds the previous node in its upper bits and two flags in its lowest
/// two (FINALIZED, COLLECTING); during a collection the upper bits hold gc_refs instead.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct GcHead
{
    public nuint Next;
    public nuint Prev;
}

/// <summary>Type flags used by the runtime (a subset of Py_TPFLAGS_*, with CPython's bit values).</summary>
[System.Flags]
public enum TypeFlags : ulong
{
    None = 0,

    /// <summary>
    /// Instances keep their weakref list in the pre-header (3.12's Py_TPFLAGS_MANAGED_WEAKREF
    /// bit). Refheap uses it only for str subclasses: CPython's str instances have no inline
    /// data in its layout, so their subclasses get a __weakref__ slot after the header, but
    /// Refheap's compact str subclass instances have their characters there.
    /// </summary>
    ManagedWeakref = 1UL << 3,

    /// <summary>Py_TPFLAGS_MANAGED_DICT: instances have the dict/values pre-header (3.11).</summary>
    ManagedDict = 1UL << 4,

    /// <summary>Py_TPFLAGS_HEAPTYPE.</summary>
    HeapType = 1UL << 9,

    /// <summary>Py_TPFLAGS_BASETYPE.</summary>
    BaseType = 1UL << 10,

    /// <summary>Py_TPFLAGS_READY.</summary>
    Ready = 1UL << 12,

    /// <summary>Py_TPFLAGS_HAVE_GC.</summary>
    HaveGc = 1UL << 14,

    LongSubclass = 1UL << 24,
    ListSubclass = 1UL << 25,
    TupleSubclass = 1UL << 26,
    BytesSubclass = 1UL << 27,
    UnicodeSubclass = 1UL << 28,
    DictSubclass = 1UL << 29,
    BaseExceptionSubclass = 1UL << 30,
    TypeSubclass = 1UL << 31,
}

/// <summary>Rich comparison operators (Py_LT .. Py_GE).</summary>
public enum CompareOp
{
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}
