using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>
/// Called for a heap type's finalizer (its <c>__del__</c>) or a managed function object.
/// Returns a new reference, or null with an error set.
/// </summary>
public unsafe delegate PyObject* ManagedCall(PyRuntime runtime, PyObject* self, PyObject* args);

/// <summary>
/// The managed half of a type object: what a native struct cannot hold. Indexed by
/// <see cref="PyTypeObject.TypeId"/> in the runtime's table.
/// </summary>
public sealed unsafe class TypeInfo
{
    internal TypeInfo(string name, PyTypeObject* type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>tp_name as CPython prints it (for a Python class, just the class name).</summary>
    public string Name { get; set; }

    public PyTypeObject* Type { get; }

    /// <summary>True once the type object was freed (heap types only).</summary>
    public bool Released { get; internal set; }

    /// <summary>True for classes made at run time.</summary>
    public bool IsHeapType { get; internal set; }

    /// <summary>Heap types: the instance finalizer (the interpreter binds __del__ here). Null: none.</summary>
    public ManagedCall? Finalizer { get; internal set; }

    /// <summary>
    /// The callable object that stands for the finalizer (the class's __del__), owned by the
    /// type; reported as the object of an unraisable error the finalizer raises.
    /// </summary>
    internal nint FinalizerObject { get; set; }

    /// <summary>Heap types: the names of the __slots__ members, in declaration order.</summary>
    public string[] Slots { get; internal set; } = [];

    /// <summary>
    /// Heap types with a managed dict: the shared keys of the instances' inline values
    /// (3.11's cached keys), name to index. Grows as attributes are first set.
    /// </summary>
    internal System.Collections.Generic.List<string> SharedKeys { get; } = new();
}
