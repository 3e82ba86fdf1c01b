using System.Runtime.CompilerServices;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The eval loop's lane for calls of builtin methods (3.11's LOAD_METHOD_NO_DICT and
// PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST): `obj.name(args)` where obj's type has the generic
// attribute lookup and no instance storage, and name is a method descriptor or a Python
// function found on the type. The general paths (LoadMethod, Call) give the same results.
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// The method LOAD_METHOD would push for <paramref name="o"/>.<paramref name="name"/> when
    /// o's type uses the generic lookup and keeps no instance attributes (so nothing can shadow
    /// the type's attribute): a Python function or an instance method descriptor, borrowed.
    /// Null when another path must decide (no error is set).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* LoadMethodNoDict(PyRuntime rt, PyObject* o, PyObject* name)
    {
        PyTypeObject* t = o->Type;
        if (t->GetAttr != null || (t->Flags & TypeFlags.ManagedDict) != 0 || t->DictOffset > 0)
        {
            return null;
        }

        PyObject* descr = rt.LookupType(t, name);
        if (descr == null)
        {
            return null;
        }

        PyTypeObject* dt = descr->Type;
        return dt == MethodDescriptorType
            ? (((PyMethodDescrObject*)descr)->Kind == (nint)MethodKind.Instance ? descr : null)
            : dt == _loopFunctionType ? descr : null;
    }

    /// <summary>
    /// A call of a method descriptor with self first in <paramref name="args"/> (as LOAD_METHOD
    /// leaves it): the builtin's body directly when self's type is exactly the owner and no
    /// keywords are passed, else the general descriptor call.
    /// </summary>
    private PyObject* CallMethodDescriptorSelf(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames)
    {
        var d = (PyMethodDescrObject*)callable;
        if (kwnames == null && nargs >= 1 && d->Kind == (nint)MethodKind.Instance && args[0]->Type == d->Owner)
        {
            PyRuntime rt = Rt;
            return rt.BuiltinDefOf2(d->DefIndex).VectorBody!(rt, args[0], args + 1, nargs - 1, null);
        }

        return CallMethodDescriptor(callable, args, nargs, kwnames);
    }
}
