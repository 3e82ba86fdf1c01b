using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Attribute access (Objects/object.c: PyObject_GenericGetAttr, _PyObject_GenericSetAttrWithDict;
// Objects/typeobject.c: type_getattro, slot_tp_getattr_hook; 3.11).
internal sealed unsafe partial class Interpreter
{
    /// <summary>getattr(o, name): a new reference or null with AttributeError (or another error).</summary>
    public PyObject* GetAttr(PyObject* o, PyObject* name)
    {
        var slot = o->Type->GetAttr;
        return slot != null ? slot(Rt, o, name) : GenericGetAttr(o, name, suppress: false);
    }

    public PyObject* GetAttr(PyObject* o, string name) => GetAttr(o, Str(name));

    /// <summary>getattr(o, name, None)-style lookup: null without an error when the attribute is missing.</summary>
    public PyObject* GetAttrOrNull(PyObject* o, PyObject* name)
    {
        PyObject* r = GetAttr(o, name);
        if (r == null && Rt.ErrorMatches(Rt.AttributeErrorType))
        {
            Rt.ClearError();
        }

        return r;
    }

    /// <summary>The address of an instance's dict pointer (materialising a managed dict), or null if it has none.</summary>
    public PyObject** DictPointer(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        if (PyRuntime.IsSubtype(t, Rt.TypeType))
        {
            return null;
        }

        return Rt.InstanceDictPointer(o);
    }

    /// <summary>PyObject_GenericGetAttr.</summary>
    public PyObject* GenericGetAttr(PyObject* o, PyObject* name, bool suppress)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        PyObject* descr = rt.LookupType(t, name);
        delegate*<PyRuntime, PyObject*, PyObject*, PyObject*, PyObject*> get = null;
        if (descr != null)
        {
            if (descr->Type == MemberDescriptorType && ((PyGetSetDescrObject*)descr)->Owner == t)
            {
                // A __slots__ member of the instance's own class: member_get without the
                // descriptor's reference or the indirect call (it runs no Python code).
                PyObject* v = *(PyObject**)((byte*)o + ((PyGetSetDescrObject*)descr)->Index);
                if (v != null)
                {
                    return PyRuntime.NewRef(v);
                }
            }

            PyRuntime.IncRef(descr);
            get = descr->Type->DescrGet;
            if (get != null && descr->Type->DescrSet != null)
            {
                PyObject* r = get(rt, descr, o, (PyObject*)t);
                rt.DecRef(descr);
                return r;
            }
        }

        // The instance's own attributes.
        PyObject* value = Rt.InstanceGetAttr(o, name);
        if (value != null)
        {
            rt.XDecRef(descr);
            return PyRuntime.NewRef(value);
        }

        if (rt.ErrorOccurred)
        {
            rt.XDecRef(descr);
            return null;
        }

        if (descr != null)
        {
            if (get != null)
            {
                PyObject* r = get(rt, descr, o, (PyObject*)t);
                rt.DecRef(descr);
                return r;
            }

            return descr;
        }

        if (!suppress)
        {
            rt.SetError(rt.AttributeErrorType, $"'{rt.TypeName(o)}' object has no attribute '{PyRuntime.StrToString(name)}'");
            TagNameError(name, o);
        }

        return null;
    }

    /// <summary>setattr / delattr (value null): 0, or -1 with an error set.</summary>
    public int SetAttr(PyObject* o, PyObject* name, PyObject* value)
    {
        var slot = o->Type->SetAttr;
        return slot != null ? slot(Rt, o, name, value) : GenericSetAttr(o, name, value);
    }

    /// <summary>
    /// STORE_ATTR's route for an instance of a class with managed instance attributes, no
    /// __setattr__ and nothing of that name on the class (3.11 specializes this case as
    /// STORE_ATTR_INSTANCE_VALUE): straight to the instance's values or dict. Everything else
    /// goes through <see cref="SetAttr"/>.
    /// </summary>
    public int StoreAttr(PyObject* o, PyObject* name, PyObject* value)
    {
        PyTypeObject* t = o->Type;
        if (t->SetAttr == null && (t->Flags & (TypeFlags.ManagedDict | TypeFlags.TypeSubclass)) == TypeFlags.ManagedDict
            && Rt.LookupType(t, name) == null)
        {
            return Rt.InstanceSetAttr(o, name, value);
        }

        return SetAttr(o, name, value);
    }

    /// <summary>PyObject_GenericSetAttr.</summary>
    public int GenericSetAttr(PyObject* o, PyObject* name, PyObject* value)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        PyObject* descr = rt.LookupType(t, name);
        if (descr != null)
        {
            if (descr->Type == MemberDescriptorType && ((PyGetSetDescrObject*)descr)->Owner == t && value != null)
            {
                // A __slots__ member of the instance's own class: member_set inline. The new
                // value is stored before the old one is released, as member_set does.
                var field = (PyObject**)((byte*)o + ((PyGetSetDescrObject*)descr)->Index);
                PyObject* old = *field;
                *field = PyRuntime.NewRef(value);
                rt.XDecRef(old);
                return 0;
            }

            var set = descr->Type->DescrSet;
            if (set != null)
            {
                PyRuntime.IncRef(descr);
                int r = set(rt, descr, o, value);
                rt.DecRef(descr);
                return r;
            }
        }

        int res = PyRuntime.IsSubtype(t, Rt.TypeType) ? -2 : Rt.InstanceSetAttr(o, name, value);
        if (res == -2)
        {
            string n = PyRuntime.StrToString(name);
            if (descr == null)
            {
                rt.SetError(rt.AttributeErrorType, $"'{rt.TypeName(o)}' object has no attribute '{n}'");
            }
            else
            {
                rt.SetError(rt.AttributeErrorType, $"'{rt.TypeName(o)}' object attribute '{n}' is read-only");
            }

            return -1;
        }

        return res;
    }

    /// <summary>
    /// LOAD_METHOD: for a plain function or method descriptor found on the type (and not
    /// shadowed by the instance), pushes (function, self) without making a bound method;
    /// otherwise (NULL, attribute).
    /// </summary>
    public bool LoadMethod(PyObject* o, PyObject* name, out PyObject* meth, out PyObject* self)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        if (t->GetAttr == null)
        {
            PyObject* descr = rt.LookupType(t, name);
            if (descr != null && (descr->Type == rt.PyFunctionType
                || (descr->Type == MethodDescriptorType && ((Objects.PyMethodDescrObject*)descr)->Kind == (nint)Objects.MethodKind.Instance)))
            {
                if ((t->Flags & TypeFlags.ManagedDict) == 0 && t->DictOffset <= 0)
                {
                    // No instance dict (a dict, list, str, ...): nothing can shadow the method.
                    meth = PyRuntime.NewRef(descr);
                    self = PyRuntime.NewRef(o);
                    return true;
                }

                PyObject* shadow = Rt.InstanceGetAttr(o, name);
                if (shadow == null && !rt.ErrorOccurred)
                {
                    meth = PyRuntime.NewRef(descr);
                    self = PyRuntime.NewRef(o);
                    return true;
                }

                if (rt.ErrorOccurred)
                {
                    meth = null;
                    self = null;
                    return false;
                }
            }
        }

        meth = null;
        self = GetAttr(o, name);
        return self != null;
    }

    /// <summary>The special-method lookup (_PyObject_LookupSpecial): on the type only, borrowed, null if absent.</summary>
    public PyObject* LookupSpecial(PyObject* o, PyObject* name) => Rt.LookupType(o->Type, name);
}
