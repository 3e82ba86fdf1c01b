using System.Runtime.InteropServices;

namespace Refheap.Runtime.Objects;

/// <summary>
/// A type object: itself an object in the native heap, whose type is <c>type</c>. It holds the
/// layout facts (basic and item size, weaklist and dict offsets), the flags, the base, and
/// the slots the collector and the interpreter dispatch through, as C# function pointers
/// (CPython: tp_dealloc, tp_traverse, tp_clear, tp_finalize, tp_del, tp_hash, tp_iter, ...).
/// Managed facts (the name, methods) live in <see cref="TypeInfo"/>, found by <see cref="TypeId"/>.
/// <para>Invariant: a null slot means "not supported", exactly as a NULL tp_* does.</para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyTypeObject
{
    public PyVarObject Header;

    /// <summary>Index of this type's <see cref="TypeInfo"/> in its runtime.</summary>
    public int TypeId;

    /// <summary>
    /// Classes with a managed dict: the number of entries in the class's shared keys (the
    /// cached keys' dk_nentries), kept here so traversal never leaves native memory.
    /// </summary>
    public int SharedKeysCount;

    public TypeFlags Flags;

    /// <summary>tp_basicsize: bytes of an instance, without the pre-header.</summary>
    public nint BasicSize;

    /// <summary>tp_itemsize: bytes per item of a variable-size instance.</summary>
    public nint ItemSize;

    /// <summary>tp_weaklistoffset: offset of the weakref list head in an instance, 0 if none.</summary>
    public nint WeakListOffset;

    /// <summary>tp_dictoffset: offset of the __dict__ pointer, 0 if none, -1 for a managed dict (3.11).</summary>
    public nint DictOffset;

    /// <summary>tp_base: the solid base whose layout this type extends.</summary>
    public PyTypeObject* Base;

    /// <summary>tp_dict: the type's namespace (a dict); null for a builtin type until the interpreter fills it.</summary>
    public PyObject* Dict;

    /// <summary>tp_mro: a tuple of types, this type first; null until computed.</summary>
    public PyObject* Mro;

    /// <summary>tp_bases: a tuple of the declared bases; null for builtin types without a dict yet.</summary>
    public PyObject* Bases;

    /// <summary>Heap types: the offset of this type's own __slots__ members (their count is ob_size).</summary>
    public nint MembersOffset;

    /// <summary>tp_subclasses: a dict from each subclass's address (an int) to a weak reference to it, or null.</summary>
    public PyObject* Subclasses;

    /// <summary>tp_dealloc: release the object's references and free its memory.</summary>
    public delegate*<PyRuntime, PyObject*, void> Dealloc;

    /// <summary>tp_traverse: call the visitor on every object this one references, in CPython's order.</summary>
    public delegate*<PyRuntime, PyObject*, delegate*<PyRuntime, PyObject*, void*, int>, void*, int> Traverse;

    /// <summary>tp_clear: drop the references that could form cycles.</summary>
    public delegate*<PyRuntime, PyObject*, int> Clear;

    /// <summary>tp_finalize (PEP 442).</summary>
    public delegate*<PyRuntime, PyObject*, void> Finalize;

    /// <summary>tp_del: the legacy finalizer. Objects with one in a cycle are uncollectable.</summary>
    public delegate*<PyRuntime, PyObject*, void> Del;

    /// <summary>tp_is_gc: for types whose instances are GC objects only sometimes.</summary>
    public delegate*<PyRuntime, PyObject*, bool> IsGc;

    /// <summary>__sizeof__ of an instance (without the pre-header); null means BasicSize + ItemSize * ob_size.</summary>
    public delegate*<PyRuntime, PyObject*, nint> SizeOf;

    /// <summary>tp_hash; returns -1 with an error set on failure.</summary>
    public delegate*<PyRuntime, PyObject*, nint> Hash;

    /// <summary>tp_richcompare; returns a new reference, NotImplemented, or null with an error set.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, CompareOp, PyObject*> RichCompare;

    /// <summary>tp_repr; a new str reference or null with an error set.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*> Repr;

    /// <summary>tp_call: (callable, args tuple, kwargs dict or null) -> new reference or null.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, PyObject*> Call;

    /// <summary>tp_iter: a new iterator reference, or null with an error set.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*> Iter;

    /// <summary>
    /// tp_iternext: the next item as a new reference; null without an error at exhaustion;
    /// null with an error set on failure.
    /// </summary>
    public delegate*<PyRuntime, PyObject*, PyObject*> IterNext;

    /// <summary>tp_str; null means use tp_repr.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*> Str;

    /// <summary>tp_getattro: (object, name str) -> new reference, or null with an error set.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, PyObject*> GetAttr;

    /// <summary>tp_setattro: (object, name str, value or null to delete) -> 0, or -1 with an error set.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, int> SetAttr;

    /// <summary>tp_descr_get: (descriptor, instance or null, owner type) -> new reference or null.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, PyObject*> DescrGet;

    /// <summary>tp_descr_set: (descriptor, instance, value or null to delete) -> 0 or -1.</summary>
    public delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, int> DescrSet;
}
