using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Objects.Methods;

// The dunders of set and frozenset.
internal static unsafe partial class SetMethods
{
    private static void RegisterDunders(string t)
    {
        SlotDunders.AddCompare(t);
        SlotDunders.AddRepr(t);
        SlotDunders.AddIter(t);
        SlotDunders.AddLen(t, &SetLen);
        SlotDunders.AddContains(t, &Contains);
        SlotDunders.AddSizeOf(t, &SetExtraSize);
        SlotDunders.AddBinary(t, "__or__", &Or);
        SlotDunders.AddBinary(t, "__ror__", &ROr);
        SlotDunders.AddBinary(t, "__and__", &And);
        SlotDunders.AddBinary(t, "__rand__", &RAnd);
        SlotDunders.AddBinary(t, "__sub__", &Sub);
        SlotDunders.AddBinary(t, "__rsub__", &RSub);
        SlotDunders.AddBinary(t, "__xor__", &Xor);
        SlotDunders.AddBinary(t, "__rxor__", &RXor);
        if (t == "frozenset")
        {
            SlotDunders.AddHash(t);
            return;
        }

        SlotDunders.AddBinary(t, "__ior__", &IOr);
        SlotDunders.AddBinary(t, "__iand__", &IAnd);
        SlotDunders.AddBinary(t, "__isub__", &ISub);
        SlotDunders.AddBinary(t, "__ixor__", &IXor);
    }

    private static nint SetLen(PyRuntime rt, PyObject* o) => rt.SetSize(o);

    /// <summary>set___sizeof__: the table block when it is not the inline one.</summary>
    private static nint SetExtraSize(PyRuntime rt, PyObject* o)
    {
        var so = (PySetObject*)o;
        return so->Table != (SetEntry*)&so->SmallTable ? (so->Mask + 1) * 16 : 0;
    }

    private static bool BothSets(PyRuntime rt, PyObject* a, PyObject* b) => rt.IsAnySet(a) && rt.IsAnySet(b);

    private static PyObject* Or(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!BothSets(rt, a, b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        PyObject** args = stackalloc PyObject*[1];
        args[0] = b;
        return Union(Interpreter.Of(rt), a, args, 1);
    }

    private static PyObject* ROr(PyRuntime rt, PyObject* a, PyObject* b) => Or(rt, b, a);

    private static PyObject* And(PyRuntime rt, PyObject* a, PyObject* b) =>
        BothSets(rt, a, b) ? Intersection(Interpreter.Of(rt), a, b) : MethodSupport.NotImplemented(rt);

    private static PyObject* RAnd(PyRuntime rt, PyObject* a, PyObject* b) => And(rt, b, a);

    private static PyObject* Sub(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!BothSets(rt, a, b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        PyObject** args = stackalloc PyObject*[1];
        args[0] = b;
        return DifferenceMulti(Interpreter.Of(rt), a, args, 1);
    }

    private static PyObject* RSub(PyRuntime rt, PyObject* a, PyObject* b) => Sub(rt, b, a);

    private static PyObject* Xor(PyRuntime rt, PyObject* a, PyObject* b) =>
        BothSets(rt, a, b) ? SymmetricDifference(Interpreter.Of(rt), a, b) : MethodSupport.NotImplemented(rt);

    private static PyObject* RXor(PyRuntime rt, PyObject* a, PyObject* b) => Xor(rt, b, a);

    private static PyObject* IOr(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsAnySet(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return Interpreter.Of(rt).SetUpdate(a, b) < 0 ? null : PyRuntime.NewRef(a);
    }

    private static PyObject* IAnd(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsAnySet(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        PyObject* tmp = Intersection(Interpreter.Of(rt), a, b);
        PyObject* r = tmp == null ? null : ReplaceContents(rt, a, tmp);
        if (r == null)
        {
            return null;
        }

        rt.DecRef(r);
        return PyRuntime.NewRef(a);
    }

    private static PyObject* ISub(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsAnySet(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return DifferenceUpdate(Interpreter.Of(rt), a, b) < 0 ? null : PyRuntime.NewRef(a);
    }

    private static PyObject* IXor(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!rt.IsAnySet(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return SymmetricDifferenceUpdate(Interpreter.Of(rt), a, b) < 0 ? null : PyRuntime.NewRef(a);
    }
}
