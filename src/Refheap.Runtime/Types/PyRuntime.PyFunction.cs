using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Python function objects (Objects/funcobject.c, 3.11): PyFunction_NewWithQualName,
// func_dealloc, func_clear, func_traverse, func_repr and the attribute setters' checks.
// Calling is not implemented: the interpreter will own that.
public sealed unsafe partial class PyRuntime
{
    // The builtins of a function whose globals have no __builtins__ (CPython falls back to the
    // frame's or the interpreter's builtins; this runtime has neither, so it keeps one dict).
    private PyObject* _fallbackBuiltins;

    private void InitPyFunctionType()
    {
        PyFunctionType = NewStaticType("function", sizeof(PyFunctionObject), 0, TypeFlags.HaveGc, ObjectType);
        PyFunctionType->WeakListOffset = 96;
        PyFunctionType->DictOffset = 88;
        PyFunctionType->Dealloc = &PyFunctionDealloc;
        PyFunctionType->Traverse = &PyFunctionTraverse;
        PyFunctionType->Clear = &PyFunctionClear;
        PyFunctionType->Repr = &PyFunctionRepr;

        // No tp_hash: inherited from object, _Py_HashPointer.
        PyFunctionType->Hash = &PointerHash;
    }

    private static nint PointerHash(PyRuntime rt, PyObject* o) => HashPointer(o);

    /// <summary>
    /// PyFunction_NewWithQualName: a tracked function. <paramref name="code"/> may be any object
    /// (no code objects yet). __module__ is globals['__name__'] (or null); the builtins are
    /// <paramref name="builtins"/> when given, else globals['__builtins__'] (a module's dict
    /// for a module), else a runtime-wide dict. <paramref name="qualname"/> null means the name.
    /// Defaults, kwdefaults, closure, annotations and dict start null; __doc__ is None.
    /// </summary>
    public PyObject* NewPyFunction(PyObject* code, PyObject* globals, PyObject* name, PyObject* qualname, PyObject* builtins = null)
    {
        if (code == null || globals == null || name == null || !IsDict(globals))
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return null;
        }

        qualname = qualname == null ? name : qualname;
        PyObject* nameKey = InternedName(ref _nameKey, "__name__");
        if (nameKey == null)
        {
            return null;
        }

        PyObject* module = DictGetItemWithError(globals, nameKey);
        DecRef(nameKey);
        if (module == null && ErrorOccurred)
        {
            return null;
        }

        XIncRef(module);
        if (builtins == null)
        {
            builtins = BuiltinsFromGlobals(globals);
            if (builtins == null)
            {
                XDecRef(module);
                return null;
            }
        }

        IncRef(builtins);
        PyObject* o = NewGcObject(PyFunctionType, sizeof(PyFunctionObject));
        if (o == null)
        {
            XDecRef(module);
            DecRef(builtins);
            return null;
        }

        var f = (PyFunctionObject*)o;
        f->Globals = NewRef(globals);
        f->Builtins = builtins;
        f->Name = NewRef(name);
        f->QualName = NewRef(qualname);
        f->Code = NewRef(code);
        f->Defaults = null;
        f->KwDefaults = null;
        f->Closure = null;
        f->Doc = NewRef(None);
        f->Dict = null;
        f->WeakRefList = null;
        f->Module = module;
        f->Annotations = null;
        f->Vectorcall = null;
        f->Version = 0;
        Track(o);
        return o;
    }

    /// <summary>_PyEval_BuiltinsFromGlobals: borrowed; a module stands for its dict.</summary>
    private PyObject* BuiltinsFromGlobals(PyObject* globals)
    {
        PyObject* key = InternedName(ref _builtinsKey, "__builtins__");
        if (key == null)
        {
            return null;
        }

        PyObject* b = DictGetItemWithError(globals, key);
        DecRef(key);
        if (b != null)
        {
            return ModuleType != null && b->Type == ModuleType ? ((PyModuleObject*)b)->Dict : b;
        }

        if (ErrorOccurred)
        {
            return null;
        }

        _fallbackBuiltins = _fallbackBuiltins == null ? NewDict() : _fallbackBuiltins;
        return _fallbackBuiltins;
    }

    /// <summary>__defaults__ = value: a tuple, or None for none; else TypeError. Resets func_version. 0 or -1.</summary>
    public int FunctionSetDefaults(PyObject* func, PyObject* value) =>
        SetFunctionField(func, ref ((PyFunctionObject*)func)->Defaults, value, TupleType, "__defaults__ must be set to a tuple object");

    /// <summary>__kwdefaults__ = value: a dict, or None for none; else TypeError. 0 or -1.</summary>
    public int FunctionSetKwDefaults(PyObject* func, PyObject* value) =>
        SetFunctionField(func, ref ((PyFunctionObject*)func)->KwDefaults, value, DictType, "__kwdefaults__ must be set to a dict object");

    /// <summary>__annotations__ = value: a dict, or None for none; else TypeError. 0 or -1.</summary>
    public int FunctionSetAnnotations(PyObject* func, PyObject* value) =>
        SetFunctionField(func, ref ((PyFunctionObject*)func)->Annotations, value, DictType, "__annotations__ must be set to a dict object");

    /// <summary>PyFunction_SetClosure: a tuple (of cells), or None; else SystemError. 0 or -1.</summary>
    public int FunctionSetClosure(PyObject* func, PyObject* value) =>
        SetFunctionField(func, ref ((PyFunctionObject*)func)->Closure, value, TupleType,
            value == None || IsSubtype(value->Type, TupleType) ? string.Empty : $"expected tuple for closure, got '{TypeName(value)}'", SystemErrorType);

    /// <summary>__doc__ = value: anything (null means None).</summary>
    public void FunctionSetDoc(PyObject* func, PyObject* value)
    {
        var f = (PyFunctionObject*)func;
        PyObject* old = f->Doc;
        f->Doc = NewRef(value == null ? None : value);
        XDecRef(old);
    }

    /// <summary>__module__ = value: anything (null clears it).</summary>
    public void FunctionSetModule(PyObject* func, PyObject* value)
    {
        var f = (PyFunctionObject*)func;
        PyObject* old = f->Module;
        XIncRef(value);
        f->Module = value;
        XDecRef(old);
    }

    /// <summary>func.__dict__ (PyObject_GenericGetDict): borrowed, created empty on first use.</summary>
    public PyObject* FunctionGetDict(PyObject* func)
    {
        var f = (PyFunctionObject*)func;
        if (f->Dict == null)
        {
            f->Dict = NewDict();
        }

        return f->Dict;
    }

    private int SetFunctionField(PyObject* func, ref PyObject* field, PyObject* value, PyTypeObject* type, string message, PyTypeObject* errorType = null)
    {
        if (value == None)
        {
            value = null;
        }

        if (value != null && !IsSubtype(value->Type, type))
        {
            SetError(errorType == null ? TypeErrorType : errorType, message);
            return -1;
        }

        ((PyFunctionObject*)func)->Version = 0;
        PyObject* old = field;
        XIncRef(value);
        field = value;
        XDecRef(old);
        return 0;
    }

    /// <summary>func_dealloc: untrack, clear the weakrefs, func_clear, then code, name, qualname.</summary>
    private static void PyFunctionDealloc(PyRuntime rt, PyObject* o)
    {
        var f = (PyFunctionObject*)o;
        rt.Untrack(o);
        if (f->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        PyFunctionClear(rt, o);
        rt.XDecRef(f->Code);
        rt.XDecRef(f->Name);
        rt.XDecRef(f->QualName);
        rt.GcDel(o);
    }

    /// <summary>
    /// func_clear: everything but the code, in 3.11's order; name and qualname become ''.
    /// </summary>
    private static int PyFunctionClear(PyRuntime rt, PyObject* o)
    {
        var f = (PyFunctionObject*)o;
        f->Version = 0;
        rt.Clear(ref f->Globals);
        rt.Clear(ref f->Builtins);
        rt.Clear(ref f->Module);
        rt.Clear(ref f->Defaults);
        rt.Clear(ref f->KwDefaults);
        rt.Clear(ref f->Doc);
        rt.Clear(ref f->Dict);
        rt.Clear(ref f->Closure);
        rt.Clear(ref f->Annotations);
        PyObject* oldName = f->Name;
        f->Name = NewRef(rt.EmptyStr);
        rt.XDecRef(oldName);
        PyObject* oldQualName = f->QualName;
        f->QualName = NewRef(rt.EmptyStr);
        rt.XDecRef(oldQualName);
        return 0;
    }

    /// <summary>
    /// func_traverse: code, globals, builtins, module, defaults, kwdefaults, doc, name, dict,
    /// closure, annotations, qualname (the order gc.get_referents shows on 3.11).
    /// </summary>
    private static int PyFunctionTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var f = (PyFunctionObject*)o;
        PyObject** order = stackalloc PyObject*[]
        {
            f->Code, f->Globals, f->Builtins, f->Module, f->Defaults, f->KwDefaults,
            f->Doc, f->Name, f->Dict, f->Closure, f->Annotations, f->QualName,
        };
        for (int i = 0; i < 12; i++)
        {
            if (order[i] != null)
            {
                int r = visit(rt, order[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <summary>func_repr: &lt;function QUALNAME at 0x…&gt;.</summary>
    private static PyObject* PyFunctionRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* q = ((PyFunctionObject*)o)->QualName;
        string name = q != null && q->Type == rt.StrType ? StrToString(q) : rt.ReprString(q);
        return rt.NewStr($"<function {name} at 0x{(nuint)o:x}>");
    }
}
