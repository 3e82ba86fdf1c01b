using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The object model's attribute access for types and modules, and the start-up wiring of the
// builtin types' dicts (object.__new__, __init__, and the core descriptors).
internal sealed unsafe partial class Interpreter
{
    private void InitObjectModel()
    {
        PyRuntime rt = Rt;
        rt.TypeType->GetAttr = &TypeGetAttr;
        rt.TypeType->SetAttr = &TypeSetAttr;
        rt.ModuleType->GetAttr = &ModuleGetAttr;
        rt.PyFunctionType->DescrGet = &FunctionDescrGet;
        rt.PyFunctionType->Call = &FunctionTupleCall;
        rt.FunctionType->Repr = &BuiltinRepr;

        // object_repr (<module.QualName object at 0x...>) for classes without a __repr__: they
        // inherit tp_repr from object. Without it the runtime's bare fallback left out the module.
        rt.ObjectType->Repr = &ObjectReprSlot;
        rt.BaseExceptionType->Str = &ExceptionStrSlot;
        rt.BaseExceptionType->Repr = &ExceptionReprSlot;
        foreach (nint t in _exceptionTypes.Values)
        {
            ((PyTypeObject*)t)->Str = &ExceptionStrSlot;
            ((PyTypeObject*)t)->Repr = &ExceptionReprSlot;
        }

        FillBuiltinTypeDicts();
        Objects.Methods.TypeSlots.Install(this);
        ObjectNewDescriptor = rt.DictGetItemStr(rt.ObjectType->Dict, Str("__new__"));
        ObjectInitDescriptor = rt.DictGetItemStr(rt.ObjectType->Dict, Str("__init__"));
    }

    private static PyObject* ObjectReprSlot(PyRuntime rt, PyObject* o) => Of(rt).DefaultRepr(o);

    /// <summary>tp_str of exceptions: the class's __str__ from the builtin type dicts (KeyError, OSError, SyntaxError differ).</summary>
    private static PyObject* ExceptionStrSlot(PyRuntime rt, PyObject* self)
    {
        Interpreter interp = Of(rt);
        PyTypeObject* t = self->Type;
        if (PyRuntime.IsSubtypeMro(t, rt.KeyErrorType))
        {
            PyObject* a = ((PyBaseExceptionObject*)self)->Args;
            return PyRuntime.TupleSize(a) == 1 ? interp.ToRepr(PyRuntime.TupleItems(a)[0]) : interp.ExceptionStr(self);
        }

        if (PyRuntime.IsSubtypeMro(t, interp.OSErrorType))
        {
            return interp.OSErrorStr(self);
        }

        if (PyRuntime.IsSubtypeMro(t, interp.SyntaxErrorType))
        {
            return interp.SyntaxErrorStr(self);
        }

        if (interp.IsExceptionGroup(self))
        {
            return interp.ExceptionGroupStr(self);
        }

        return interp.ExceptionStr(self);
    }

    private static PyObject* ExceptionReprSlot(PyRuntime rt, PyObject* self) => Of(rt).ExceptionRepr(self);

    private static PyObject* FunctionDescrGet(PyRuntime rt, PyObject* func, PyObject* obj, PyObject* type)
    {
        if (obj == null || obj == rt.None && type != null && type != (PyObject*)rt.NoneType)
        {
            return PyRuntime.NewRef(func);
        }

        return rt.NewMethod(func, obj);
    }

    private static PyObject* FunctionTupleCall(PyRuntime rt, PyObject* func, PyObject* args, PyObject* kwargs) =>
        Of(rt).CallFunctionEx(func, args, kwargs);

    private static PyObject* BuiltinRepr(PyRuntime rt, PyObject* o)
    {
        var f = (PyManagedFunctionObject*)o;
        BuiltinDef def = rt.BuiltinDefOf(o);
        if (f->Self == null || f->Self->Type == rt.ModuleType)
        {
            return rt.NewStr($"<built-in function {def.Name}>");
        }

        if (PyRuntime.IsSubtype(f->Self->Type, rt.TypeType))
        {
            return rt.NewStr($"<built-in method {def.Name} of type object at 0x{(nuint)f->Self:x}>");
        }

        return rt.NewStr($"<built-in method {def.Name} of {rt.TypeName(f->Self)} object at 0x{(nuint)f->Self:x}>");
    }

    /// <summary>type_getattro: data descriptors of the metatype, then the class's MRO, then the metatype.</summary>
    private static PyObject* TypeGetAttr(PyRuntime rt, PyObject* self, PyObject* name)
    {
        Interpreter interp = Of(rt);
        var type = (PyTypeObject*)self;
        PyTypeObject* meta = self->Type;
        PyObject* metaAttr = rt.LookupType(meta, name);
        delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, PyObject*> metaGet = null;
        if (metaAttr != null)
        {
            PyRuntime.IncRef(metaAttr);
            metaGet = metaAttr->Type->DescrGet;
            if (metaGet != null && metaAttr->Type->DescrSet != null)
            {
                PyObject* r = metaGet(rt, metaAttr, self, (PyObject*)meta);
                rt.DecRef(metaAttr);
                return r;
            }
        }

        PyObject* attr = rt.LookupType(type, name);
        if (attr != null)
        {
            rt.XDecRef(metaAttr);
            var get = attr->Type->DescrGet;
            if (get != null)
            {
                return get(rt, attr, null, self);
            }

            return PyRuntime.NewRef(attr);
        }

        if (metaGet != null)
        {
            PyObject* r = metaGet(rt, metaAttr, self, (PyObject*)meta);
            rt.DecRef(metaAttr);
            return r;
        }

        if (metaAttr != null)
        {
            return metaAttr;
        }

        // A metaclass's __getattr__.
        if ((meta->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* ga = interp.LookupUserDunder(meta, "__getattr__");
            if (ga != null)
            {
                return interp.CallDunder(ga, self, name);
            }
        }

        rt.SetError(rt.AttributeErrorType, $"type object '{rt.InfoOf(type).Name}' has no attribute '{PyRuntime.StrToString(name)}'");
        interp.TagNameError(name, self);
        return null;
    }

    public int TypeSetAttrPublic(PyObject* self, PyObject* name, PyObject* value) => TypeSetAttr(Rt, self, name, value);

    public PyObject* TypeGetAttrPublic(PyObject* self, PyObject* name) => TypeGetAttr(Rt, self, name);

    /// <summary>type_setattro: stores in the class dict (refused for builtin types) and refreshes the slots.</summary>
    private static int TypeSetAttr(PyRuntime rt, PyObject* self, PyObject* name, PyObject* value)
    {
        Interpreter interp = Of(rt);
        var type = (PyTypeObject*)self;
        PyObject* metaAttr = rt.LookupType(self->Type, name);
        if (metaAttr != null && metaAttr->Type->DescrSet != null)
        {
            return metaAttr->Type->DescrSet(rt, metaAttr, self, value);
        }

        if ((type->Flags & TypeFlags.HeapType) == 0)
        {
            rt.SetError(rt.TypeErrorType, $"cannot set '{PyRuntime.StrToString(name)}' attribute of immutable type '{rt.InfoOf(type).Name}'");
            return -1;
        }

        // Forgotten before the write as well as after: the old value's release can run
        // __del__, which must not find the old value in the cache.
        rt.TypeModified(type);
        int r;
        if (value == null)
        {
            r = rt.DictDelItem(type->Dict, name);
            if (r < 0 && rt.ErrorMatches(rt.KeyErrorType))
            {
                rt.ClearError();
                rt.SetError(rt.AttributeErrorType, $"type object '{rt.InfoOf(type).Name}' has no attribute '{PyRuntime.StrToString(name)}'");
            }
        }
        else
        {
            r = rt.DictSetItem(type->Dict, name, value);
        }

        rt.TypeModified(type);

        string n = PyRuntime.StrToString(name);
        if (r == 0 && n.StartsWith("__", System.StringComparison.Ordinal) && n.EndsWith("__", System.StringComparison.Ordinal))
        {
            interp.UpdateSlotsRecursive(type);
        }

        return r;
    }

    /// <summary>Refreshes a class's slots and those of every live subclass.</summary>
    private void UpdateSlotsRecursive(PyTypeObject* type)
    {
        foreach (TypeInfo info in Rt.Types)
        {
            if (info.IsHeapType && !info.Released && PyRuntime.IsSubtypeMro(info.Type, type))
            {
                UpdateSlots(info.Type);
            }
        }
    }

    /// <summary>module_getattro: the module dict, then a module-level __getattr__.</summary>
    private static PyObject* ModuleGetAttr(PyRuntime rt, PyObject* self, PyObject* name)
    {
        Interpreter interp = Of(rt);
        PyObject* r = interp.GenericGetAttr(self, name, suppress: true);
        if (r != null || rt.ErrorOccurred)
        {
            return r;
        }

        PyObject* dict = PyRuntime.ModuleDict(self);
        PyObject* ga = rt.DictGetItemStr(dict, interp.Str("__getattr__"));
        if (ga != null)
        {
            return interp.CallOneArg(ga, name);
        }

        PyObject* modName = rt.DictGetItemStr(dict, interp.Str("__name__"));
        string mn = modName != null && PyRuntime.IsStr(modName) ? PyRuntime.StrToString(modName) : "?";
        rt.SetError(rt.AttributeErrorType, $"module '{mn}' has no attribute '{PyRuntime.StrToString(name)}'");
        interp.TagNameError(name, self);
        return null;
    }
}
