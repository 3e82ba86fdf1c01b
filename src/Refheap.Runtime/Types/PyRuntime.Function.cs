using System;
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

/// <summary>
/// A vectorcall body: (self or null, borrowed positional-then-keyword arguments, the number of
/// positional ones, a tuple of keyword names or null) -> a new reference, or null with an error set.
/// </summary>
public unsafe delegate PyObject* VectorCall(PyRuntime runtime, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames);

/// <summary>A host's generic vectorcall: borrowed arguments, a new reference or null with an error set.</summary>
public unsafe delegate PyObject* HostVectorCall(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames);

/// <summary>
/// PyMethodDef: a builtin's name and body. A definition made with <see cref="PyRuntime.DefineBuiltin"/>
/// lives as long as the runtime and is shared by every function object made from it (bound
/// builtin methods are made on each attribute access, as in CPython).
/// </summary>
public sealed class BuiltinDef
{
    internal BuiltinDef(string name, ManagedCall? tupleBody, VectorCall? vectorBody, bool shared)
    {
        Name = name;
        TupleBody = tupleBody;
        VectorBody = vectorBody;
        Shared = shared;
    }

    /// <summary>ml_name.</summary>
    public string Name { get; }

    /// <summary>Body called with an argument tuple (the host API's functions).</summary>
    public ManagedCall? TupleBody { get; }

    /// <summary>Body called without building a tuple (the interpreter's builtins).</summary>
    public VectorCall? VectorBody { get; }

    /// <summary>For a bound builtin method: the __qualname__ prefix (the type's name); null for a function.</summary>
    public string? OwnerName { get; init; }

    /// <summary>ml_doc: the function's __doc__, or null for None.</summary>
    public string? Doc { get; set; }

    internal bool Shared { get; }

    internal int Index { get; set; }
}

public sealed unsafe partial class PyRuntime
{
    /// <summary>Builtin definitions by index, [0, _managedCallCount) handed out (null when released); a plain array, read on every builtin call.</summary>
    private BuiltinDef?[] _managedCalls = new BuiltinDef?[256];
    private int _managedCallCount;
    private readonly IntStack _freeCallSlots = new();

    /// <summary>Defines a builtin shared by every object made from it (see <see cref="NewBuiltin"/>).</summary>
    public BuiltinDef DefineBuiltin(string name, VectorCall body, string? ownerName = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        var def = new BuiltinDef(name, null, body, shared: true) { OwnerName = ownerName, Index = _managedCallCount };
        AddManagedCall(def);
        return def;
    }

    private int AddManagedCall(BuiltinDef def)
    {
        if (_managedCallCount == _managedCalls.Length)
        {
            var grown = new BuiltinDef?[_managedCalls.Length * 2];
            Array.Copy(_managedCalls, grown, _managedCallCount);
            _managedCalls = grown;
        }

        _managedCalls[_managedCallCount] = def;
        return _managedCallCount++;
    }

    /// <summary>A builtin_function_or_method for a shared definition, bound to <paramref name="self"/> (may be null) and <paramref name="module"/>.</summary>
    public PyObject* NewBuiltin(BuiltinDef def, PyObject* self, PyObject* module = null)
    {
        ArgumentNullException.ThrowIfNull(def);
        PyObject* o = NewGcObject(FunctionType, sizeof(PyManagedFunctionObject));
        if (o == null)
        {
            return null;
        }

        var f = (PyManagedFunctionObject*)o;
        f->MethodIndex = def.Index;
        f->Self = self;
        XIncRef(self);
        f->Module = module;
        XIncRef(module);
        f->WeakRefList = null;
        f->Vectorcall = null;
        Track(o);
        return o;
    }

    /// <summary>A definition by its index.</summary>
    public BuiltinDef BuiltinDefOf2(nint index) => _managedCalls[(int)index]!;

    /// <summary>The definition behind a builtin_function_or_method.</summary>
    public BuiltinDef BuiltinDefOf(PyObject* function) => _managedCalls[(int)((PyManagedFunctionObject*)function)->MethodIndex]!;

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
        var def = new BuiltinDef("<managed>", body, null, shared: false);
        if (_freeCallSlots.Count > 0)
        {
            index = _freeCallSlots.Pop();
            _managedCalls[index] = def;
        }
        else
        {
            index = AddManagedCall(def);
        }

        def.Index = index;

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

    /// <summary>
    /// The host's vectorcall (the interpreter installs its own): calls without packing the
    /// arguments into a tuple, as PyObject_Vectorcall does. Null: calls go through tp_call.
    /// </summary>
    public HostVectorCall? VectorCallHook { get; set; }

    /// <summary>PyObject_CallOneArg: a vectorcall with one argument (no tuple) when the host provides one.</summary>
    public PyObject* CallOneArg(PyObject* callable, PyObject* arg)
    {
        if (VectorCallHook is { } hook)
        {
            PyObject** one = stackalloc PyObject*[1];
            one[0] = arg;
            return hook(callable, one, 1, null);
        }

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

    /// <summary>
    /// PyObject_Vectorcall without keywords: the host's vectorcall when there is one (no
    /// argument tuple is built, so no GC allocation is counted), otherwise a tuple and tp_call.
    /// </summary>
    public PyObject* VectorCall(PyObject* callable, PyObject** args, int nargs)
    {
        if (VectorCallHook is { } hook)
        {
            return hook(callable, args, nargs, null);
        }

        PyObject* tuple = NewTuple(nargs);
        if (tuple == null)
        {
            return null;
        }

        for (int i = 0; i < nargs; i++)
        {
            TupleItems(tuple)[i] = NewRef(args[i]);
        }

        PyObject* result = Call(callable, tuple);
        DecRef(tuple);
        return result;
    }

    private static PyObject* FunctionCall(PyRuntime rt, PyObject* callable, PyObject* args, PyObject* kwargs)
    {
        var f = (PyManagedFunctionObject*)callable;
        BuiltinDef def = rt._managedCalls[(int)f->MethodIndex]!;
        if (def.TupleBody != null)
        {
            if (kwargs != null && rt.DictSize(kwargs) != 0)
            {
                rt.SetError(rt.TypeErrorType, $"{def.Name}() takes no keyword arguments");
                return null;
            }

            return def.TupleBody(rt, f->Self, args);
        }

        return rt.VectorCallFromTuple(def.VectorBody!, f->Self, args, kwargs);
    }

    /// <summary>Calls a vectorcall body with a tuple's items and a kwargs dict's pairs.</summary>
    public PyObject* VectorCallFromTuple(VectorCall body, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        nint nargs = TupleSize(args);
        nint nkw = kwargs == null ? 0 : DictSize(kwargs);
        if (nkw == 0)
        {
            return body(this, self, TupleItems(args), nargs, null);
        }

        PyObject* kwnames = NewTuple(nkw);
        if (kwnames == null)
        {
            return null;
        }

        var stack = new nint[nargs + nkw];
        for (nint i = 0; i < nargs; i++)
        {
            stack[i] = (nint)TupleItems(args)[i];
        }

        nint pos = 0;
        nint k = 0;
        while (DictNext(kwargs, ref pos, out PyObject* key, out PyObject* value))
        {
            TupleItems(kwnames)[k] = NewRef(key);
            stack[nargs + k] = (nint)value;
            k++;
        }

        PyObject* result;
        fixed (nint* p = stack)
        {
            result = body(this, self, (PyObject**)p, nargs, kwnames);
        }

        DecRef(kwnames);
        return result;
    }

    private static void FunctionDealloc(PyRuntime rt, PyObject* o)
    {
        var f = (PyManagedFunctionObject*)o;
        rt.Untrack(o);
        if (f->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        if (!rt._managedCalls[(int)f->MethodIndex]!.Shared)
        {
            rt._managedCalls[(int)f->MethodIndex] = null;
            rt._freeCallSlots.Push((int)f->MethodIndex);
        }

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
