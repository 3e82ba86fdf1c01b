using System.Runtime.InteropServices;

namespace Refheap.Runtime.Objects;

/// <summary>PyCellObject (Include/cpython/cellobject.h, 3.11): 24 bytes, a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCellObject
{
    public PyObject Base;

    /// <summary>ob_ref: the contents, or null for an empty cell.</summary>
    public PyObject* Ref;
}

/// <summary>
/// PyFunctionObject (Include/cpython/funcobject.h, 3.11): 136 bytes, a GC type, weakrefable
/// (func_weakreflist at 96), __dict__ at 88. The code object does not exist in this runtime
/// yet: <see cref="Code"/> may hold any object.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyFunctionObject
{
    public PyObject Base;
    public PyObject* Globals;
    public PyObject* Builtins;
    public PyObject* Name;
    public PyObject* QualName;
    public PyObject* Code;
    public PyObject* Defaults;
    public PyObject* KwDefaults;
    public PyObject* Closure;
    public PyObject* Doc;
    public PyObject* Dict;
    public PyObject* WeakRefList;
    public PyObject* Module;
    public PyObject* Annotations;

    /// <summary>vectorcall: unused here (calling Python functions is the interpreter's business).</summary>
    public void* Vectorcall;

    /// <summary>func_version (uint32_t), followed by 4 bytes of padding.</summary>
    public uint Version;
}

/// <summary>PyMethodObject (Include/cpython/classobject.h, 3.11): 48 bytes, a GC type, weakrefable.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMethodObject
{
    public PyObject Base;
    public PyObject* Func;
    public PyObject* Self;
    public PyObject* WeakRefList;
    public void* Vectorcall;
}

/// <summary>PyModuleObject (Objects/moduleobject.c, 3.11): 56 bytes, a GC type, weakrefable.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyModuleObject
{
    public PyObject Base;
    public PyObject* Dict;

    /// <summary>md_def: always null here (no extension modules).</summary>
    public void* Def;

    /// <summary>md_state: always null here.</summary>
    public void* State;
    public PyObject* WeakList;
    public PyObject* Name;
}

/// <summary>rangeobject (Objects/rangeobject.c, 3.11): 48 bytes, not a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyRangeObject
{
    public PyObject Base;
    public PyObject* Start;
    public PyObject* Stop;
    public PyObject* Step;
    public PyObject* Length;
}

/// <summary>PySliceObject (Include/sliceobject.h, 3.11): 40 bytes, a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySliceObject
{
    public PyObject Base;
    public PyObject* Start;
    public PyObject* Stop;
    public PyObject* Step;
}
