using System.Collections.Generic;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>
/// A builtin function object whose body is a .NET delegate: PyCFunctionObject's layout
/// (Include/cpython/methodobject.h, 3.11; 56 bytes, a GC type) with m_ml holding the index
/// of the delegate in the runtime's table.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyManagedFunctionObject
{
    public PyObject Base;
    public nint MethodIndex;
    public PyObject* Self;
    public PyObject* Module;
    public PyObject* WeakRefList;
    public void* Vectorcall;
}

public sealed unsafe partial class PyRuntime
{
    private readonly List<ManagedCall?> _managedCalls = new();
    private readonly Stack<int> _freeCallSlots = new();

    /// <summary>builtin_function_or_method.</summary>
    public PyTypeObject* FunctionType { get; private set; }

    private void InitFunctionType()
    {
        FunctionType = NewStaticType("builtin_function_or_method", sizeof(PyManagedFunctionObject), 0, TypeFlags.HaveGc, ObjectType);
        FunctionType->WeakListOffset = 40;
        FunctionType->Dealloc = &FunctionDealloc;
        FunctionType->Traverse = &FunctionTraverse;
        FunctionType->Call = &FunctionCall;
    }

    /// <summary>A callable object that runs <paramref name="body"/> with (self, args tuple).</summary>
    public PyObject* NewFunction(ManagedCall body, PyObject* self = null)
    {
        System.ArgumentNullException.ThrowIfNull(body);
        PyObject* o = NewGcObject(FunctionType, sizeof(PyManagedFunctionObject));
        if (o == null)
        {
            return null;
        }

        int index;
        if (_freeCallSlots.Count > 0)
        {
            index = _freeCallSlots.Pop();
            _managedCalls[index] = body;
        }
        else
        {
            index = _managedCalls.Count;
            _managedCalls.Add(body);
        }

        var f = (PyManagedFunctionObject*)o;
        f->MethodIndex = index;
        f->Self = self;
        XIncRef(self);
        f->Module = null;
        f->WeakRefList = null;
        f->Vectorcall = null;
        Track(o);
        return o;
    }

    /// <summary>PyObject_Call: null with TypeError when the object is not callable.</summary>
    public PyObject* Call(PyObject* callable, PyObject* args)
    {
        var call = callable->Type->Call;
        if (call == null)
        {
            SetError(TypeErrorType, $"'{TypeName(callable)}' object is not callable");
            return null;
        }

        return call(this, callable, args, null);
    }

    /// <summary>PyObject_CallOneArg.</summary>
    public PyObject* CallOneArg(PyObject* callable, PyObject* arg)
    {
        PyObject* args = NewTuple(1);
        if (args == null)
        {
            return null;
        }

        TupleItems(args)[0] = NewRef(arg);
        PyObject* result = Call(callable, args);
        DecRef(args);
        return result;
    }

    private static PyObject* FunctionCall(PyRuntime rt, PyObject* callable, PyObject* args, PyObject* kwargs)
    {
        var f = (PyManagedFunctionObject*)callable;
        ManagedCall body = rt._managedCalls[(int)f->MethodIndex]!;
        return body(rt, f->Self, args);
    }

    private static void FunctionDealloc(PyRuntime rt, PyObject* o)
    {
        var f = (PyManagedFunctionObject*)o;
        rt.Untrack(o);
        if (f->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        rt._managedCalls[(int)f->MethodIndex] = null;
        rt._freeCallSlots.Push((int)f->MethodIndex);
        rt.Clear(ref f->Self);
        rt.Clear(ref f->Module);
        rt.GcDel(o);
    }

    private static int FunctionTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var f = (PyManagedFunctionObject*)o;
        if (f->Self != null)
        {
            int r = visit(rt, f->Self, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return f->Module != null ? visit(rt, f->Module, arg) : 0;
    }
}
