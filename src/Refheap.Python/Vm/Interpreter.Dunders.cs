using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Special methods defined by classes (the slot functions' lookups in Objects/typeobject.c,
// 3.11): finding a dunder above the builtin base, calling it as a method, and divmod's
// __divmod__ / __rdivmod__ dispatch.
internal sealed unsafe partial class Interpreter
{
    /// <summary>A Python-level dunder defined by a class of the MRO above the builtin base, borrowed; null if none.</summary>
    public PyObject* LookupUserDunder(PyTypeObject* t, string name)
    {
        PyObject* key = Str(name);
        PyObject* mro = t->Mro;
        if (mro == null)
        {
            return null;
        }

        nint n = PyRuntime.TupleSize(mro);
        for (nint i = 0; i < n; i++)
        {
            var c = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
            if ((c->Flags & TypeFlags.HeapType) == 0)
            {
                continue;
            }

            PyObject* v = Rt.DictGetItemStr(c->Dict, key);
            if (v != null)
            {
                return v == Rt.None ? null : v;
            }
        }

        return null;
    }

    private bool HasUserDunder(PyTypeObject* t, string name) => (t->Flags & TypeFlags.HeapType) != 0 && LookupUserDunder(t, name) != null;

    /// <summary>
    /// divmod() through __divmod__ / __rdivmod__ of classes (binary_op1 for nb_divmod: the right
    /// operand's reflected method first when its type is a subtype that overrides it). Not
    /// handled (no such method on either side) leaves the caller to the int/float path.
    /// </summary>
    internal PyObject* UserDivMod(PyObject* x, PyObject* y, out bool handled)
    {
        PyRuntime rt = Rt;
        PyTypeObject* tx = x->Type;
        PyTypeObject* ty = y->Type;
        PyObject* fx = (tx->Flags & TypeFlags.HeapType) != 0 ? LookupUserDunder(tx, "__divmod__") : null;
        PyObject* fy = ty != tx && (ty->Flags & TypeFlags.HeapType) != 0 ? LookupUserDunder(ty, "__rdivmod__") : null;
        handled = fx != null || fy != null;
        if (!handled)
        {
            return null;
        }

        if (fy != null && PyRuntime.IsSubtype(ty, tx))
        {
            PyObject* r = CallDunder(fy, y, x);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
            fy = null;
        }

        if (fx != null)
        {
            PyObject* r = CallDunder(fx, x, y);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }

        if (fy != null)
        {
            PyObject* r = CallDunder(fy, y, x);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }

        rt.SetError(rt.TypeErrorType, $"unsupported operand type(s) for divmod(): '{rt.TypeName(x)}' and '{rt.TypeName(y)}'");
        return null;
    }

    /// <summary>Whether a heap class in t's MRO defines <paramref name="name"/>, None counting as a definition.</summary>
    private bool DefinesUserDunder(PyTypeObject* t, string name)
    {
        if ((t->Flags & TypeFlags.HeapType) == 0 || t->Mro == null)
        {
            return false;
        }

        PyObject* key = Str(name);
        PyObject* mro = t->Mro;
        for (nint i = 0, n = PyRuntime.TupleSize(mro); i < n; i++)
        {
            var c = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
            if ((c->Flags & TypeFlags.HeapType) != 0 && Rt.DictGetItemStr(c->Dict, key) != null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Calls a dunder found on the type with (self, other), binding descriptors as CPython's vectorcall_method does.</summary>
    public PyObject* CallDunder(PyObject* fn, PyObject* self, PyObject* other)
    {
        PyObject** args = stackalloc PyObject*[2];
        args[0] = self;
        args[1] = other;
        return CallUnbound(fn, self, args, other == null ? 1 : 2);
    }

    /// <summary>Calls an attribute found on a type as a method of <paramref name="self"/> (args[0] is self).</summary>
    public PyObject* CallUnbound(PyObject* fn, PyObject* self, PyObject** args, nint nargs)
    {
        PyTypeObject* ft = fn->Type;
        if (ft == Rt.PyFunctionType || ft == MethodDescriptorType)
        {
            return Call(fn, args, nargs, null);
        }

        var get = ft->DescrGet;
        if (get == null)
        {
            return Call(fn, args + 1, nargs - 1, null);
        }

        PyObject* bound = get(Rt, fn, self, (PyObject*)self->Type);
        if (bound == null)
        {
            return null;
        }

        PyObject* r = Call(bound, args + 1, nargs - 1, null);
        Rt.DecRef(bound);
        return r;
    }
}
