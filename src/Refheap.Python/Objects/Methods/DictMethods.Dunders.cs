using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// dict's dunder methods.
internal static unsafe partial class DictMethods
{
    private static void RegisterDunders()
    {
        SlotDunders.AddCompare(D);
        SlotDunders.AddRepr(D);
        SlotDunders.AddIter(D);
        SlotDunders.AddLen(D, &DictLen);
        SlotDunders.AddContains(D, &DictContains);
        SlotDunders.AddBinary(D, "__getitem__", &DictGetItem);
        SlotDunders.AddBinary(D, "__delitem__", &DictDelItem);
        SlotDunders.AddUnary(D, "__reversed__", &DictReversed);
        SlotDunders.AddBinary(D, "__or__", &DictOr);
        SlotDunders.AddBinary(D, "__ror__", &DictROr);
        SlotDunders.AddBinary(D, "__ior__", &DictIOr);
        BuiltinMethods.Add(D, "__setitem__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunders.Expect(rt, n, kw, 2))
            {
                return null;
            }

            return rt.DictSetItem(self, args[0], args[1]) < 0 ? null : MethodSupport.None(rt);
        });
    }

    private static nint DictLen(PyRuntime rt, PyObject* o) => rt.DictSize(o);

    private static int DictContains(PyRuntime rt, PyObject* o, PyObject* key) => rt.DictContains(o, key);

    /// <summary>dict_subscript: the value, else a subclass's __missing__, else KeyError.</summary>
    private static PyObject* DictGetItem(PyRuntime rt, PyObject* o, PyObject* key)
    {
        PyObject* v = rt.DictGetItemWithError(o, key);
        if (v != null)
        {
            return PyRuntime.NewRef(v);
        }

        if (rt.ErrorOccurred)
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        if (o->Type != rt.DictType)
        {
            PyObject* missing = interp.LookupUserDunder(o->Type, "__missing__");
            if (missing != null)
            {
                return interp.CallDunder(missing, o, key);
            }
        }

        interp.SetKeyError(key);
        return null;
    }

    private static PyObject* DictDelItem(PyRuntime rt, PyObject* o, PyObject* key)
    {
        if (rt.DictDelItem(o, key) < 0)
        {
            if (rt.ErrorMatches(rt.KeyErrorType))
            {
                rt.ClearError();
                Interpreter.Of(rt).SetKeyError(key);
            }

            return null;
        }

        return MethodSupport.None(rt);
    }

    /// <summary>reversed(dict): an iterator over the keys, last first (a reversed list iterator here).</summary>
    private static PyObject* DictReversed(PyRuntime rt, PyObject* o)
    {
        PyObject* keys = rt.DictKeys(o);
        if (keys == null)
        {
            return null;
        }

        PyObject* r = rt.ListReversed(keys);
        rt.DecRef(keys);
        return r;
    }

    private static PyObject* DictOr(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsDict(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        PyObject* d = rt.DictCopy(a);
        if (d == null)
        {
            return null;
        }

        if (Interpreter.Of(rt).DictUpdateFrom(d, b) < 0)
        {
            rt.DecRef(d);
            return null;
        }

        return d;
    }

    private static PyObject* DictROr(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsDict(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return DictOr(rt, b, a);
    }

    private static PyObject* DictIOr(PyRuntime rt, PyObject* a, PyObject* b) =>
        Interpreter.Of(rt).DictUpdateFrom(a, b) < 0 ? null : PyRuntime.NewRef(a);
}
