using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Registration of the function-related types (cell, function, method, module, range, slice)
// and the cell and bound-method objects (Objects/cellobject.c, Objects/classobject.c, 3.11).
public sealed unsafe partial class PyRuntime
{
    /// <summary>cell (types.CellType); null until <see cref="InitFunctionObjectTypes"/> ran.</summary>
    public PyTypeObject* CellType { get; private set; }

    /// <summary>function (types.FunctionType): Python function objects.</summary>
    public PyTypeObject* PyFunctionType { get; private set; }

    /// <summary>method (types.MethodType): bound methods.</summary>
    public PyTypeObject* MethodType { get; private set; }

    /// <summary>module (types.ModuleType).</summary>
    public PyTypeObject* ModuleType { get; private set; }

    /// <summary>range.</summary>
    public PyTypeObject* RangeType { get; private set; }

    /// <summary>slice.</summary>
    public PyTypeObject* SliceType { get; private set; }

    /// <summary>
    /// Creates the cell, function, method, module, range and slice types. Idempotent: returns
    /// at once when they exist. Meant to be called from InitCoreTypes.
    /// </summary>
    internal void InitFunctionObjectTypes()
    {
        if (CellType != null)
        {
            return;
        }

        CellType = NewStaticType("cell", sizeof(PyCellObject), 0, TypeFlags.HaveGc, ObjectType);
        CellType->Dealloc = &CellDealloc;
        CellType->Traverse = &CellTraverse;
        CellType->Clear = &CellClear;
        CellType->Repr = &CellRepr;

        // cell defines tp_richcompare and no tp_hash, so it is unhashable.
        CellType->Hash = null;

        InitPyFunctionType();

        MethodType = NewStaticType("method", sizeof(PyMethodObject), 0, TypeFlags.HaveGc, ObjectType);
        MethodType->WeakListOffset = 32;
        MethodType->Dealloc = &MethodDealloc;
        MethodType->Traverse = &MethodTraverse;
        MethodType->Call = &MethodCall;
        MethodType->Repr = &MethodRepr;
        MethodType->Hash = &MethodHash;
        MethodType->RichCompare = &MethodRichCompare;

        InitModuleType();
        InitRangeAndSliceTypes();
    }

    /// <summary>
    /// Releases what these types cache (the slice cache, the fallback builtins dict):
    /// _PySlice_Fini. Meant to be called at shutdown next to ReleaseScalarSingletons.
    /// </summary>
    internal void ReleaseFunctionObjectCaches()
    {
        PyObject* cached = _sliceCache;
        if (cached != null)
        {
            _sliceCache = null;
            GcDel(cached);
        }

        PyObject* builtins = _fallbackBuiltins;
        if (builtins != null)
        {
            _fallbackBuiltins = null;
            DecRef(builtins);
        }
    }

    // ---- cell ----

    /// <summary>PyCell_New: a tracked cell holding a new reference to <paramref name="value"/> (null: empty).</summary>
    public PyObject* NewCell(PyObject* value)
    {
        PyObject* o = NewGcObject(CellType, sizeof(PyCellObject));
        if (o == null)
        {
            return null;
        }

        ((PyCellObject*)o)->Ref = value;
        XIncRef(value);
        Track(o);
        return o;
    }

    /// <summary>PyCell_GET: the contents, borrowed (null when empty).</summary>
    public static PyObject* CellGet(PyObject* cell) => ((PyCellObject*)cell)->Ref;

    /// <summary>cell.cell_contents: a new reference, or null with ValueError("Cell is empty").</summary>
    public PyObject* CellContents(PyObject* cell)
    {
        PyObject* v = ((PyCellObject*)cell)->Ref;
        if (v == null)
        {
            SetError(ValueErrorType, "Cell is empty");
            return null;
        }

        return NewRef(v);
    }

    /// <summary>PyCell_Set: stores a new reference to <paramref name="value"/> (null empties it), drops the old one.</summary>
    public void CellSet(PyObject* cell, PyObject* value)
    {
        var c = (PyCellObject*)cell;
        PyObject* old = c->Ref;
        XIncRef(value);
        c->Ref = value;
        XDecRef(old);
    }

    /// <summary>cell_dealloc.</summary>
    private static void CellDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        rt.XDecRef(((PyCellObject*)o)->Ref);
        rt.GcDel(o);
    }

    /// <summary>cell_traverse: the contents.</summary>
    private static int CellTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* v = ((PyCellObject*)o)->Ref;
        return v != null ? visit(rt, v, arg) : 0;
    }

    /// <summary>cell_clear.</summary>
    private static int CellClear(PyRuntime rt, PyObject* o)
    {
        rt.Clear(ref ((PyCellObject*)o)->Ref);
        return 0;
    }

    /// <summary>cell_repr: &lt;cell at P: empty&gt; or &lt;cell at P: NAME object at Q&gt; (name cut at 80).</summary>
    private static PyObject* CellRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* v = ((PyCellObject*)o)->Ref;
        if (v == null)
        {
            return rt.NewStr($"<cell at 0x{(nuint)o:x}: empty>");
        }

        string name = rt.TypeName(v);
        if (name.Length > 80)
        {
            name = name[..80];
        }

        return rt.NewStr($"<cell at 0x{(nuint)o:x}: {name} object at 0x{(nuint)v:x}>");
    }

    // ---- method ----

    /// <summary>
    /// PyMethod_New: a tracked bound method; SystemError when <paramref name="self"/> is null
    /// (PyErr_BadInternalCall). 3.11 has no method free list.
    /// </summary>
    public PyObject* NewMethod(PyObject* func, PyObject* self)
    {
        if (self == null || func == null)
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return null;
        }

        PyObject* o = NewGcObject(MethodType, sizeof(PyMethodObject));
        if (o == null)
        {
            return null;
        }

        var m = (PyMethodObject*)o;
        m->WeakRefList = null;
        m->Func = NewRef(func);
        m->Self = NewRef(self);
        m->Vectorcall = null;
        Track(o);
        return o;
    }

    /// <summary>method_dealloc (with the trashcan, as 3.11's).</summary>
    private static void MethodDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var m = (PyMethodObject*)o;
        if (m->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        rt.DecRef(m->Func);
        rt.XDecRef(m->Self);
        rt.GcDel(o);
        rt.TrashEnd();
    }

    /// <summary>method_traverse: im_func, then im_self.</summary>
    private static int MethodTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var m = (PyMethodObject*)o;
        if (m->Func != null)
        {
            int r = visit(rt, m->Func, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return m->Self != null ? visit(rt, m->Self, arg) : 0;
    }

    /// <summary>method_vectorcall: calls im_func with im_self prepended to the arguments.</summary>
    private static PyObject* MethodCall(PyRuntime rt, PyObject* callable, PyObject* args, PyObject* kwargs)
    {
        var m = (PyMethodObject*)callable;
        PyObject* func = m->Func;
        var call = func->Type->Call;
        if (call == null)
        {
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(func)}' object is not callable");
            return null;
        }

        nint n = args == null ? 0 : TupleSize(args);
        PyObject* full = rt.NewTuple(n + 1);
        if (full == null)
        {
            return null;
        }

        PyObject** items = TupleItems(full);
        items[0] = NewRef(m->Self);
        for (nint i = 0; i < n; i++)
        {
            items[i + 1] = NewRef(TupleItems(args)[i]);
        }

        IncRef(func);
        PyObject* result = call(rt, func, full, kwargs);
        rt.DecRef(func);
        rt.DecRef(full);
        return result;
    }

    /// <summary>method_repr: &lt;bound method QUALNAME of REPR(self)&gt;, "?" when the function has no str name.</summary>
    private static PyObject* MethodRepr(PyRuntime rt, PyObject* o)
    {
        var m = (PyMethodObject*)o;
        string name = "?";
        if (m->Func->Type == rt.PyFunctionType)
        {
            var f = (PyFunctionObject*)m->Func;
            PyObject* n = f->QualName != null && f->QualName->Type == rt.StrType ? f->QualName : f->Name;
            if (n != null && n->Type == rt.StrType)
            {
                name = StrToString(n);
            }
        }

        PyObject* selfRepr = rt.Repr(m->Self);
        if (selfRepr == null)
        {
            return null;
        }

        string s = StrToString(selfRepr);
        rt.DecRef(selfRepr);
        return rt.NewStr($"<bound method {name} of {s}>");
    }

    /// <summary>
    /// method_richcompare: == and != only, between two bound methods: equal when their
    /// functions compare equal and their selves are the same object.
    /// </summary>
    private static PyObject* MethodRichCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || a->Type != rt.MethodType || b->Type != rt.MethodType)
        {
            return NewRef(rt.NotImplemented);
        }

        var x = (PyMethodObject*)a;
        var y = (PyMethodObject*)b;
        int eq = rt.ObjectRichCompareBool(x->Func, y->Func, CompareOp.Eq);
        if (eq < 0)
        {
            return null;
        }

        bool equal = eq == 1 && x->Self == y->Self;
        return rt.NewBool(op == CompareOp.Eq ? equal : !equal);
    }

    /// <summary>method_hash: _Py_HashPointer(im_self) ^ hash(im_func), -1 mapped to -2.</summary>
    private static nint MethodHash(PyRuntime rt, PyObject* o)
    {
        var m = (PyMethodObject*)o;
        nint x = HashPointer(m->Self);
        nint y = rt.ObjectHash(m->Func);
        if (y == -1)
        {
            return -1;
        }

        x ^= y;
        return x == -1 ? -2 : x;
    }
}
