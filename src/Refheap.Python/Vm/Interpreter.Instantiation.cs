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

        if (type != rt.TypeType && (type->Flags & TypeFlags.HeapType) == 0)
        {
            return NewThenInit(type, args, nargs, kwnames, nkw, false);
        }

        // 3.11 calls type(name, bases, ns) and classes through tp_call, which takes a tuple
        // of the arguments (and a dict of the keywords): the same GC counts here, and the
        // same references. While __new__ and __init__ run, the tuple holds one reference to
        // each positional argument and the dict one to each keyword value, which
        // sys.getrefcount shows inside them.
        rt.SimulateArgsTuple(nargs);
        if (nkw > 0)
        {
            rt.SimulateKwargsDict();
        }

        HoldArguments(args, nargs + nkw);
        PyObject* result = NewThenInit(type, args, nargs, kwnames, nkw, true);
        ReleaseArguments(args, nargs + nkw);
        return result;
    }

    private static void HoldArguments(PyObject** args, nint n)
    {
        for (nint i = 0; i < n; i++)
        {
            PyRuntime.IncRef(args[i]);
        }
    }

    private void ReleaseArguments(PyObject** args, nint n)
    {
        // The caller's stack still holds every argument: none of these releases frees one.
        for (nint i = 0; i < n; i++)
        {
            Rt.DecRef(args[i]);
        }
    }

    /// <summary>
    /// __new__, then __init__ when __new__ returned an instance of the type. With keywords, a
    /// Python-level __new__ or __init__ is reached through slot_tp_new / slot_tp_init, whose
    /// call with a keyword dict unpacks the arguments into a new array holding a reference to
    /// each (_PyStack_UnpackDict): <paramref name="slotCall"/> says the call went that way.
    /// </summary>
    private PyObject* NewThenInit(PyTypeObject* type, PyObject** args, nint nargs, PyObject* kwnames, nint nkw, bool slotCall)
    {
        PyRuntime rt = Rt;
        bool unpacked = slotCall && nkw > 0;
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
            bool hold = unpacked && callable->Type == rt.PyFunctionType;
            if (hold)
            {
                HoldArguments(args, nargs + nkw);
            }

            fixed (nint* p = buf)
            {
                obj = Call(callable, (PyObject**)p, nargs + 1, kwnames);
            }

            if (hold)
            {
                ReleaseArguments(args, nargs + nkw);
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
        bool holdInit = unpacked && init->Type == rt.PyFunctionType;
        if (holdInit)
        {
            HoldArguments(args, nargs + nkw);
        }

        PyObject* r = init->Type == rt.PyFunctionType && kwnames == null
            ? CallFunctionWithSelf((PyFunctionObject*)init, obj, args, nargs)
            : CallWithSelf(init, obj, args, nargs, kwnames);
        if (holdInit)
        {
            ReleaseArguments(args, nargs + nkw);
        }

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
