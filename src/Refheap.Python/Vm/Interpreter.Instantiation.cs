using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Calling a class (type.__call__ / type_call, 3.11): __new__ (object_new's checks, abstract
// classes), then __init__, with the GC-count effect of 3.11's argument tuple.
internal sealed unsafe partial class Interpreter
{
    /// <summary>type.__call__: __new__ then __init__.</summary>
    internal PyObject* TypeCall(PyTypeObject* type, PyObject** args, nint nargs, PyObject* kwnames)
    {
        if (TryConversionCall(type, args, nargs, kwnames, out PyObject* converted))
        {
            return converted;
        }

        PyRuntime rt = Rt;
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        if (type == rt.TypeType && nargs == 1 && nkw == 0)
        {
            return PyRuntime.NewRef((PyObject*)args[0]->Type);
        }

        if (type == rt.TypeType || (type->Flags & TypeFlags.HeapType) != 0)
        {
            // 3.11 calls type(name, bases, ns) and classes through tp_call, which takes a
            // tuple of the arguments (and a dict of the keywords): same GC counts here.
            rt.SimulateArgsTuple(nargs);
            if (nkw > 0)
            {
                rt.SimulateKwargsDict();
            }
        }

        PyObject* newFn = rt.LookupType(type, _strNew == null ? (_strNew = Str("__new__")) : _strNew);
        PyObject* obj;
        if (newFn == ObjectNewDescriptor)
        {
            obj = ObjectNew(type, nargs + nkw);
        }
        else if (newFn == null)
        {
            rt.SetError(rt.TypeErrorType, $"cannot create '{rt.InfoOf(type).Name}' instances");
            return null;
        }
        else
        {
            PyRuntime.IncRef(newFn);
            var buf = new nint[nargs + nkw + 1];
            buf[0] = (nint)type;
            for (nint i = 0; i < nargs + nkw; i++)
            {
                buf[i + 1] = (nint)args[i];
            }

            PyObject* callable = newFn->Type == StaticMethodType ? ((Objects.PyClassMethodObject*)newFn)->Callable : newFn;
            fixed (nint* p = buf)
            {
                obj = Call(callable, (PyObject**)p, nargs + 1, kwnames);
            }

            rt.DecRef(newFn);
        }

        if (obj == null || !PyRuntime.IsSubtypeMro(obj->Type, type))
        {
            return obj;
        }

        PyObject* init = rt.LookupType(obj->Type, StrInit);
        if (init == ObjectInitDescriptor || init == null)
        {
            if (nargs + nkw > 0 && newFn == ObjectNewDescriptor)
            {
                // object_new already complained if it had to; nothing more.
            }

            return obj;
        }

        PyRuntime.IncRef(init);
        PyObject* r = init->Type == rt.PyFunctionType && kwnames == null
            ? CallFunctionWithSelf((PyFunctionObject*)init, obj, args, nargs)
            : CallWithSelf(init, obj, args, nargs, kwnames);
        rt.DecRef(init);
        if (r == null)
        {
            rt.DecRef(obj);
            return null;
        }

        if (r != rt.None)
        {
            rt.SetError(rt.TypeErrorType, $"__init__() should return None, not '{rt.TypeName(r)}'");
            rt.DecRef(r);
            rt.DecRef(obj);
            return null;
        }

        rt.DecRef(r);
        return obj;
    }

    /// <summary>The descriptors of object.__new__ and object.__init__ (compared by identity in type calls).</summary>
    private PyObject* ObjectNewDescriptor { get; set; }

    private PyObject* ObjectInitDescriptor { get; set; }

    /// <summary>object_new: excess arguments are an error unless __init__ is overridden.</summary>
    private PyObject* ObjectNew(PyTypeObject* type, nint nargs)
    {
        PyRuntime rt = Rt;
        if (nargs > 0 && rt.LookupType(type, StrInit) == ObjectInitDescriptor)
        {
            rt.SetError(rt.TypeErrorType, $"{rt.InfoOf(type).Name}() takes no arguments");
            return null;
        }

        if ((type->Flags & TypeFlags.HeapType) == 0)
        {
            if (type == rt.ObjectType)
            {
                return rt.NewObject(rt.ObjectType, 16);
            }

            rt.SetError(rt.TypeErrorType, $"cannot create '{rt.InfoOf(type).Name}' instances");
            return null;
        }

        if (IsAbstract(type))
        {
            return null;
        }

        PyTypeObject* builtin = PyRuntime.BuiltinBase(type);
        if (builtin != rt.ObjectType)
        {
            rt.SetError(rt.TypeErrorType, $"object.__new__({rt.InfoOf(type).Name}) is not safe, use {rt.InfoOf(builtin).Name}.__new__()");
            return null;
        }

        return rt.NewInstance(type);
    }

    /// <summary>Abstract classes (abc): __abstractmethods__ non-empty refuses instantiation.</summary>
    private bool IsAbstract(PyTypeObject* type)
    {
        PyRuntime rt = Rt;
        if (type->Dict == null)
        {
            return false;
        }

        PyObject* abstracts = rt.LookupType(type, _strAbstractMethods == null ? (_strAbstractMethods = Str("__abstractmethods__")) : _strAbstractMethods);
        if (abstracts == null || abstracts->Type->Iter == null)
        {
            return false;
        }

        PyObject* list = SequenceToList(abstracts);
        if (list == null)
        {
            return true;
        }

        nint n = PyRuntime.ListSize(list);
        if (n == 0)
        {
            rt.DecRef(list);
            return false;
        }

        var names = new List<string>();
        for (nint i = 0; i < n; i++)
        {
            names.Add(PyRuntime.StrToString(PyRuntime.ListItems(list)[i]));
        }

        rt.DecRef(list);
        names.Sort(System.StringComparer.Ordinal);
        string s = names.Count == 1 ? "" : "s";
        rt.SetError(rt.TypeErrorType, $"Can't instantiate abstract class {rt.InfoOf(type).Name} with abstract method{s} {string.Join(", ", names)}");
        return true;
    }
}
