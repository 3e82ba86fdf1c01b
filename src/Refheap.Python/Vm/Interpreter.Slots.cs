using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Slots of classes (Objects/typeobject.c, 3.11: fixup_slot_dispatchers, update_slot and the
// slot_tp_* functions): a class whose MRO defines a dunder gets a native slot that calls it, so
// the runtime's own operations (dict lookups, repr, iteration, finalization, weakref
// callbacks) reach Python code.
internal sealed unsafe partial class Interpreter
{
    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>Sets a class's slots from the dunders its MRO defines.</summary>
    public void UpdateSlots(PyTypeObject* t)
    {
        PyRuntime rt = Rt;
        PyTypeObject* builtin = PyRuntime.BuiltinBase(t);
        t->Repr = HasUserDunder(t, "__repr__") ? &SlotRepr : builtin->Repr;
        t->Str = HasUserDunder(t, "__str__") ? &SlotStr : builtin->Str;
        bool hasCompare = false;
        foreach (string n in s_compareNames)
        {
            hasCompare |= HasUserDunder(t, n);
        }

        t->RichCompare = hasCompare ? &SlotRichCompare : builtin->RichCompare;

        // __hash__: set to None in the class dict when the class defines __eq__ but not __hash__.
        PyObject* ownHash = rt.DictGetItemStr(t->Dict, Str("__hash__"));
        if (ownHash == null && rt.DictGetItemStr(t->Dict, Str("__eq__")) != null)
        {
            rt.DictSetItem(t->Dict, Str("__hash__"), rt.None);
            rt.TypeModified(t);
            ownHash = rt.None;
        }

        PyObject* hash = LookupHashOverride(t);
        if (hash == rt.None)
        {
            t->Hash = null;
        }
        else
        {
            t->Hash = hash != null ? &SlotHash : builtin->Hash;
        }

        t->Iter = HasUserDunder(t, "__iter__") ? &SlotIter : builtin->Iter;
        // update_one_slot: any __next__ in a class dict, None included, installs slot_tp_iternext
        // (None is special only for __hash__); calling it then fails as calling None does.
        t->IterNext = DefinesUserDunder(t, "__next__") ? &SlotIterNext : builtin->IterNext;
        t->Call = HasUserDunder(t, "__call__") ? &SlotCall : builtin->Call;
        bool getattr = HasUserDunder(t, "__getattr__") || HasUserDunder(t, "__getattribute__");
        t->GetAttr = getattr ? &SlotGetAttr : builtin->GetAttr;
        bool setattr = HasUserDunder(t, "__setattr__") || HasUserDunder(t, "__delattr__");
        t->SetAttr = setattr ? &SlotSetAttr : builtin->SetAttr;
        t->DescrGet = HasUserDunder(t, "__get__") ? &SlotDescrGet : builtin->DescrGet;
        t->DescrSet = HasUserDunder(t, "__set__") || HasUserDunder(t, "__delete__") ? &SlotDescrSet : builtin->DescrSet;
        t->Finalize = HasUserDunder(t, "__del__") ? &SlotFinalize : builtin->Finalize;
        _ = ownHash;
    }

    /// <summary>The __hash__ of the class MRO above the builtin base: a function, None (unhashable), or null (inherit).</summary>
    private PyObject* LookupHashOverride(PyTypeObject* t)
    {
        PyObject* mro = t->Mro;
        for (nint i = 0; i < PyRuntime.TupleSize(mro); i++)
        {
            var c = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
            if ((c->Flags & TypeFlags.HeapType) == 0)
            {
                return null;
            }

            PyObject* v = Rt.DictGetItemStr(c->Dict, Str("__hash__"));
            if (v != null)
            {
                return v;
            }
        }

        return null;
    }

    private static PyObject* CallSlot(PyRuntime rt, PyObject* self, string name, PyObject* arg)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupUserDunder(self->Type, name);
        if (fn == null)
        {
            rt.SetError(rt.AttributeErrorType, name);
            return null;
        }

        PyRuntime.IncRef(fn);
        PyObject* r = interp.CallDunder(fn, self, arg);
        rt.DecRef(fn);
        return r;
    }

    private static PyObject* SlotRepr(PyRuntime rt, PyObject* self) => CallSlot(rt, self, "__repr__", null);

    private static PyObject* SlotStr(PyRuntime rt, PyObject* self) => CallSlot(rt, self, "__str__", null);

    private static PyObject* SlotRichCompare(PyRuntime rt, PyObject* self, PyObject* other, CompareOp op)
    {
        Interpreter interp = Of(rt);
        string name = s_compareNames[(int)op];
        PyObject* fn = interp.LookupUserDunder(self->Type, name);
        if (fn == null)
        {
            PyTypeObject* builtin = PyRuntime.BuiltinBase(self->Type);
            if (builtin->RichCompare != null && builtin != rt.ObjectType)
            {
                return builtin->RichCompare(rt, self, other, op);
            }

            // object's default: identity for == and !=, NotImplemented otherwise.
            if (op == CompareOp.Eq)
            {
                return PyRuntime.NewRef(self == other ? rt.True : rt.NotImplemented);
            }

            if (op == CompareOp.Ne)
            {
                // object.__ne__ inverts __eq__ when __eq__ is defined.
                PyObject* eq = interp.LookupUserDunder(self->Type, "__eq__");
                if (eq != null)
                {
                    PyObject* r = interp.CallDunder(eq, self, other);
                    if (r == null || r == rt.NotImplemented)
                    {
                        return r;
                    }

                    int t = interp.IsTrue(r);
                    rt.DecRef(r);
                    return t < 0 ? null : rt.NewBool(t == 0);
                }

                return PyRuntime.NewRef(self != other ? rt.True : rt.NotImplemented);
            }

            return PyRuntime.NewRef(rt.NotImplemented);
        }

        PyRuntime.IncRef(fn);
        PyObject* res = interp.CallDunder(fn, self, other);
        rt.DecRef(fn);
        return res;
    }

    private static nint SlotHash(PyRuntime rt, PyObject* self)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupHashOverride(self->Type);
        if (fn == null || fn == rt.None)
        {
            rt.SetError(rt.TypeErrorType, $"unhashable type: '{rt.TypeName(self)}'");
            return -1;
        }

        PyObject* r = interp.CallDunder(fn, self, null);
        if (r == null)
        {
            return -1;
        }

        if (!PyRuntime.IsInt(r))
        {
            rt.SetError(rt.TypeErrorType, "__hash__ method should return an integer");
            rt.DecRef(r);
            return -1;
        }

        // slot_tp_hash: a value that fits in Py_ssize_t is the hash itself; a bigger int is hashed.
        nint h = PyRuntime.TryIntToLong(r, out long small) ? (nint)small : rt.ObjectHash(r);
        rt.DecRef(r);
        return h == -1 ? -2 : h;
    }

    private static PyObject* SlotIter(PyRuntime rt, PyObject* self) => CallSlot(rt, self, "__iter__", null);

    /// <summary>
    /// slot_tp_iternext: __next__ found through the type lookup cache (_PyType_Lookup, as
    /// lookup_maybe_method does) and called with self; a missing one takes CallSlot's error.
    /// </summary>
    private static PyObject* SlotIterNext(PyRuntime rt, PyObject* self)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = rt.LookupType(self->Type, interp.Str("__next__"));
        if (fn == null)
        {
            return CallSlot(rt, self, "__next__", null);
        }

        PyRuntime.IncRef(fn);
        PyObject* r = interp.CallDunder(fn, self, null);
        rt.DecRef(fn);
        return r;
    }

    private static PyObject* SlotCall(PyRuntime rt, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupUserDunder(self->Type, "__call__");
        if (fn == null)
        {
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(self)}' object is not callable");
            return null;
        }

        PyObject* bound = interp.BindSpecial(fn, self);
        if (bound == null)
        {
            return null;
        }

        PyObject* r = interp.CallFunctionEx(bound, args, kwargs);
        rt.DecRef(bound);
        return r;
    }

    /// <summary>slot_tp_getattr_hook: __getattribute__ (or the generic lookup), then __getattr__ on AttributeError.</summary>
    private static PyObject* SlotGetAttr(PyRuntime rt, PyObject* self, PyObject* name)
    {
        Interpreter interp = Of(rt);
        PyObject* getattribute = interp.LookupUserDunder(self->Type, "__getattribute__");
        PyObject* r;
        if (getattribute != null)
        {
            r = interp.CallDunder(getattribute, self, name);
        }
        else
        {
            r = interp.GenericGetAttr(self, name, suppress: false);
        }

        if (r != null || !interp.ErrorMatches(rt.AttributeErrorType))
        {
            return r;
        }

        PyObject* getattr = interp.LookupUserDunder(self->Type, "__getattr__");
        if (getattr == null)
        {
            return null;
        }

        rt.ClearError();
        return interp.CallDunder(getattr, self, name);
    }

    private static int SlotSetAttr(PyRuntime rt, PyObject* self, PyObject* name, PyObject* value)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupUserDunder(self->Type, value == null ? "__delattr__" : "__setattr__");
        if (fn == null)
        {
            return interp.GenericSetAttr(self, name, value);
        }

        PyObject** args = stackalloc PyObject*[3];
        args[0] = self;
        args[1] = name;
        args[2] = value;
        PyObject* r = interp.CallUnbound(fn, self, args, value == null ? 2 : 3);
        if (r == null)
        {
            return -1;
        }

        rt.DecRef(r);
        return 0;
    }

    private static PyObject* SlotDescrGet(PyRuntime rt, PyObject* self, PyObject* obj, PyObject* type)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupUserDunder(self->Type, "__get__");
        PyObject** args = stackalloc PyObject*[3];
        args[0] = self;
        args[1] = obj == null ? rt.None : obj;
        args[2] = type == null ? rt.None : type;
        return interp.CallUnbound(fn, self, args, 3);
    }

    private static int SlotDescrSet(PyRuntime rt, PyObject* self, PyObject* obj, PyObject* value)
    {
        Interpreter interp = Of(rt);
        PyObject* fn = interp.LookupUserDunder(self->Type, value == null ? "__delete__" : "__set__");
        if (fn == null)
        {
            rt.SetError(rt.AttributeErrorType, value == null ? "__delete__" : "__set__");
            return -1;
        }

        PyObject** args = stackalloc PyObject*[3];
        args[0] = self;
        args[1] = obj;
        args[2] = value;
        PyObject* r = interp.CallUnbound(fn, self, args, value == null ? 2 : 3);
        if (r == null)
        {
            return -1;
        }

        rt.DecRef(r);
        return 0;
    }

    /// <summary>slot_tp_finalize: calls __del__; an exception is reported as unraisable.</summary>
    private static void SlotFinalize(PyRuntime rt, PyObject* self)
    {
        Interpreter interp = Of(rt);
        PyObject* saved = rt.FetchError();
        PyObject* fn = interp.LookupUserDunder(self->Type, "__del__");
        if (fn != null)
        {
            PyRuntime.IncRef(fn);
            PyObject* r = interp.CallDunder(fn, self, null);
            if (r == null)
            {
                rt.WriteUnraisable(null, fn);
            }
            else
            {
                rt.DecRef(r);
            }

            rt.DecRef(fn);
        }

        if (saved != null)
        {
            rt.SetErrorObject(saved);
        }
    }
}
