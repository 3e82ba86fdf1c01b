using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// classmethod, staticmethod, property and super (Objects/funcobject.c, Objects/descrobject.c,
// Objects/typeobject.c: super_getattro; 3.11).
internal sealed unsafe partial class Interpreter
{
    public PyObject* NewClassMethod(PyTypeObject* type, PyObject* callable)
    {
        PyObject* o = Rt.NewGcObject(type, type->BasicSize);
        if (o == null)
        {
            return null;
        }

        new System.Span<byte>((byte*)o + sizeof(PyObject), (int)(type->BasicSize - sizeof(PyObject))).Clear();
        var c = (PyClassMethodObject*)o;
        c->Callable = PyRuntime.NewRef(callable);
        c->Dict = null;
        Rt.Track(o);
        return o;
    }

    private static void WrapperDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        var c = (PyClassMethodObject*)o;
        rt.Clear(ref c->Callable);
        rt.Clear(ref c->Dict);

        // A subclass's instance comes here through subtype_dealloc, which releases the class.
        rt.GcDel(o);
    }

    private static int WrapperTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var c = (PyClassMethodObject*)o;
        int r;
        if (c->Callable != null && (r = visit(rt, c->Callable, arg)) != 0)
        {
            return r;
        }

        return c->Dict != null ? visit(rt, c->Dict, arg) : 0;
    }

    private static int WrapperClear(PyRuntime rt, PyObject* o)
    {
        var c = (PyClassMethodObject*)o;
        rt.Clear(ref c->Callable);
        rt.Clear(ref c->Dict);
        return 0;
    }

    private static PyObject* ClassMethodGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type)
    {
        var c = (PyClassMethodObject*)descr;
        if (type == null)
        {
            type = (PyObject*)obj->Type;
        }

        // 3.11: classmethod chains to the wrapped object's __get__ when it has one.
        var get = c->Callable->Type->DescrGet;
        if (get != null && c->Callable->Type != rt.PyFunctionType)
        {
            return get(rt, c->Callable, type, null);
        }

        return rt.NewMethod(c->Callable, type);
    }

    public static PyObject* PropertyGetPublic(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type) => PropertyGet(rt, descr, obj, type);

    public static int PropertySetPublic(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* value) => PropertySet(rt, descr, obj, value);

    /// <summary>classmethod/staticmethod __get__ called as a method (super().__get__ in a subclass).</summary>
    public static PyObject* WrapperGetPublic(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type) =>
        PyRuntime.IsSubtypeMro(descr->Type, Of(rt).ClassMethodType) ? ClassMethodGet(rt, descr, obj, type) : StaticMethodGet(rt, descr, obj, type);

    private static PyObject* StaticMethodGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type) =>
        PyRuntime.NewRef(((PyClassMethodObject*)descr)->Callable);

    public PyObject* NewProperty(PyTypeObject* type, PyObject* fget, PyObject* fset, PyObject* fdel, PyObject* doc)
    {
        PyRuntime rt = Rt;
        PyObject* o = rt.NewGcObject(type, type->BasicSize);
        if (o == null)
        {
            return null;
        }

        new System.Span<byte>((byte*)o + sizeof(PyObject), (int)(type->BasicSize - sizeof(PyObject))).Clear();
        var p = (PyPropertyObject*)o;
        p->Get = fget == rt.None ? null : fget;
        p->Set = fset == rt.None ? null : fset;
        p->Del = fdel == rt.None ? null : fdel;
        p->Doc = doc == rt.None ? null : doc;
        PyRuntime.XIncRef(p->Get);
        PyRuntime.XIncRef(p->Set);
        PyRuntime.XIncRef(p->Del);
        PyRuntime.XIncRef(p->Doc);
        p->Name = null;
        p->GetterDoc = 0;
        if (p->Doc == null && p->Get != null)
        {
            PyObject* gdoc = GetAttrOrNull(p->Get, Str("__doc__"));
            if (gdoc != null && gdoc != rt.None)
            {
                p->Doc = gdoc;
                p->GetterDoc = 1;
            }
            else
            {
                rt.XDecRef(gdoc);
            }
        }

        rt.Track(o);
        return o;
    }

    private static void PropertyDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        var p = (PyPropertyObject*)o;
        rt.Clear(ref p->Get);
        rt.Clear(ref p->Set);
        rt.Clear(ref p->Del);
        rt.Clear(ref p->Doc);
        rt.Clear(ref p->Name);
        rt.GcDel(o);
    }

    private static int PropertyTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var p = (PyPropertyObject*)o;
        foreach (nint f in new[] { (nint)p->Get, (nint)p->Set, (nint)p->Del, (nint)p->Doc })
        {
            if (f != 0)
            {
                int r = visit(rt, (PyObject*)f, arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    private static PyObject* PropertyGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type)
    {
        if (obj == null || obj == rt.None && type != (PyObject*)rt.NoneType)
        {
            return PyRuntime.NewRef(descr);
        }

        var p = (PyPropertyObject*)descr;
        if (p->Get == null)
        {
            string name = p->Name == null ? "" : $" '{PyRuntime.StrToString(p->Name)}'";
            rt.SetError(rt.AttributeErrorType, p->Name == null ? "unreadable attribute" : $"property{name} of '{rt.TypeName(obj)}' object has no getter");
            return null;
        }

        return Of(rt).CallOneArg(p->Get, obj);
    }

    private static int PropertySet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* value)
    {
        var p = (PyPropertyObject*)descr;
        PyObject* fn = value == null ? p->Del : p->Set;
        if (fn == null)
        {
            string name = p->Name == null ? "" : $" '{PyRuntime.StrToString(p->Name)}'";
            rt.SetError(rt.AttributeErrorType, value == null
                ? (p->Name == null ? "can't delete attribute" : $"property{name} of '{rt.TypeName(obj)}' object has no deleter")
                : (p->Name == null ? "can't set attribute" : $"property{name} of '{rt.TypeName(obj)}' object has no setter"));
            return -1;
        }

        Interpreter interp = Of(rt);
        PyObject** args = stackalloc PyObject*[2];
        args[0] = obj;
        args[1] = value;
        PyObject* r = interp.Call(fn, args, value == null ? 1 : 2, null);
        if (r == null)
        {
            return -1;
        }

        rt.DecRef(r);
        return 0;
    }

    private static void SuperDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        var s = (PySuperObject*)o;
        rt.XDecRef(s->Obj);
        rt.XDecRef((PyObject*)s->Type);
        rt.XDecRef((PyObject*)s->ObjType);
        rt.GcDel(o);
    }

    private static int SuperTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var s = (PySuperObject*)o;
        int r;
        if (s->Obj != null && (r = visit(rt, s->Obj, arg)) != 0)
        {
            return r;
        }

        if (s->Type != null && (r = visit(rt, (PyObject*)s->Type, arg)) != 0)
        {
            return r;
        }

        return s->ObjType != null ? visit(rt, (PyObject*)s->ObjType, arg) : 0;
    }

    /// <summary>super_getattro: look the name up in the MRO after the start type, bind to obj.</summary>
    private static PyObject* SuperGetAttr(PyRuntime rt, PyObject* self, PyObject* name)
    {
        Interpreter interp = Of(rt);
        var s = (PySuperObject*)self;
        PyTypeObject* startType = s->ObjType;
        if (startType != null && !PyRuntime.StrEquals(name, interp.Str("__class__")))
        {
            PyObject* mro = startType->Mro;
            nint n = mro == null ? 0 : PyRuntime.TupleSize(mro);
            nint i = 0;
            for (; i < n; i++)
            {
                if (PyRuntime.TupleItems(mro)[i] == (PyObject*)s->Type)
                {
                    break;
                }
            }

            for (i++; i < n; i++)
            {
                var t = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
                if (t->Dict == null)
                {
                    continue;
                }

                PyObject* v = rt.DictGetItemStr(t->Dict, name);
                if (v != null)
                {
                    var get = v->Type->DescrGet;
                    if (get == null)
                    {
                        return PyRuntime.NewRef(v);
                    }

                    PyObject* obj = s->Obj == (PyObject*)startType ? null : s->Obj;
                    return get(rt, v, obj, (PyObject*)startType);
                }
            }
        }

        return interp.GenericGetAttr(self, name, suppress: false);
    }

    /// <summary>super(type, obj) / super(): the zero-argument form reads __class__ and the first argument of the caller.</summary>
    private PyObject* NewSuper(PyObject** args, nint nargs)
    {
        PyRuntime rt = Rt;
        PyObject* type;
        PyObject* obj;
        if (nargs == 0)
        {
            InterpreterFrame* f = CurrentFrame;
            if (f == null || f->Code->ArgCount == 0)
            {
                rt.SetError(rt.RuntimeErrorType, "super(): no arguments");
                return null;
            }

            var info = (CodeInfo)rt.GetManaged(f->Code->ManagedId);
            PyObject** lp = InterpreterFrame.LocalsPlus(f);
            obj = lp[0];
            if (obj == null && info.CellParams.Length > 0)
            {
                int c = System.Array.IndexOf(info.CellParams, 0);
                if (c >= 0)
                {
                    obj = PyRuntime.CellGet(lp[info.NLocals + c]);
                }
            }

            if (obj == null)
            {
                rt.SetError(rt.RuntimeErrorType, "super(): arg[0] deleted");
                return null;
            }

            int free = info.Source.FreeVars.IndexOf("__class__");
            if (free < 0)
            {
                rt.SetError(rt.RuntimeErrorType, "super(): __class__ cell not found");
                return null;
            }

            type = PyRuntime.CellGet(lp[info.NLocals + info.NCells + free]);
            if (type == null)
            {
                rt.SetError(rt.RuntimeErrorType, "super(): empty __class__ cell");
                return null;
            }
        }
        else
        {
            type = args[0];
            obj = nargs > 1 ? args[1] : null;
            if (!PyRuntime.IsSubtype(type->Type, rt.TypeType))
            {
                rt.SetError(rt.TypeErrorType, $"super() argument 1 must be a type, not {rt.TypeName(type)}");
                return null;
            }
        }

        PyTypeObject* objType = null;
        if (obj != null && obj != rt.None)
        {
            if (PyRuntime.IsSubtype(obj->Type, rt.TypeType) && PyRuntime.IsSubtypeMro((PyTypeObject*)obj, (PyTypeObject*)type))
            {
                objType = (PyTypeObject*)obj;
            }
            else if (PyRuntime.IsSubtypeMro(obj->Type, (PyTypeObject*)type))
            {
                objType = obj->Type;
            }
            else
            {
                rt.SetError(rt.TypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
                return null;
            }
        }

        PyObject* o = rt.NewGcObject(SuperType, sizeof(PySuperObject));
        if (o == null)
        {
            return null;
        }

        var s = (PySuperObject*)o;
        s->Type = (PyTypeObject*)PyRuntime.NewRef(type);
        s->Obj = obj == null || obj == rt.None ? null : PyRuntime.NewRef(obj);
        s->ObjType = objType == null ? null : (PyTypeObject*)PyRuntime.NewRef((PyObject*)objType);
        rt.Track(o);
        return o;
    }
}
