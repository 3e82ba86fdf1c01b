using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

/// <summary>method_descriptor / classmethod_descriptor (PyMethodDescrObject, 3.11: 56 bytes, a GC type).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodDescrObject
{
    public PyObject Base;
    public PyTypeObject* Owner;
    public PyObject* Name;
    public PyObject* QualName;

    /// <summary>The index of the <see cref="Refheap.Runtime.BuiltinDef"/> in the runtime.</summary>
    /// <remarks>DefIndex and Kind share the 8 bytes of CPython's d_method pointer, so the object is 56 bytes as 3.11's.</remarks>
    public int DefIndex;
    public int Kind;
    public void* Vectorcall;
}

/// <summary>getset_descriptor and member_descriptor (PyGetSetDescrObject / PyMemberDescrObject, 3.11: 48 bytes, GC).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyGetSetDescrObject
{
    public PyObject Base;
    public PyTypeObject* Owner;
    public PyObject* Name;
    public PyObject* QualName;

    /// <summary>getset: the index in the interpreter's getset table; member: the slot's byte offset.</summary>
    public nint Index;
}

/// <summary>classmethod / staticmethod (3.11: 40 bytes with __dict__, GC).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyClassMethodObject
{
    public PyObject Base;
    public PyObject* Callable;
    public PyObject* Dict;
}

/// <summary>property (3.11: 64 bytes, GC).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyPropertyObject
{
    public PyObject Base;
    public PyObject* Get;
    public PyObject* Set;
    public PyObject* Del;
    public PyObject* Doc;
    public PyObject* Name;
    public nint GetterDoc;
}

/// <summary>super (3.11: 40 bytes, GC).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySuperObject
{
    public PyObject Base;
    public PyTypeObject* Type;
    public PyObject* Obj;
    public PyTypeObject* ObjType;
}

/// <summary>
/// The interpreter's iterator objects (enumerate, zip, map, filter, reversed, the callable
/// and sequence iterators): up to three references and two counters.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyIterObject
{
    public PyObject Base;
    public PyObject* A;
    public PyObject* B;
    public PyObject* C;
    public nint Index;
    public nint Extra;
}
