using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of tuple (Objects/tupleobject.c, 3.11 behaviour).</summary>
internal static unsafe class TupleMethods
{
    private const string T = "tuple";

    public static void Register()
    {
        BuiltinMethods.Add(T, "index", (rt, self, args, n, kw) => ListMethods.IndexIn(rt, self, args, n, kw, isList: false));
        BuiltinMethods.Add(T, "count", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "tuple.count", n, kw))
            {
                return null;
            }

            nint c = ListMethods.CountIn(rt, self, args[0], isList: false);
            return c < 0 ? null : rt.NewInt(c);
        });
        BuiltinMethods.Add(T, "__getnewargs__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "tuple.__getnewargs__", n, kw))
            {
                return null;
            }

            PyObject* copy = ListMethods.SeqSubscriptAll(rt, self);
            if (copy == null)
            {
                return null;
            }

            PyObject* r = rt.NewTuple([(nint)copy]);
            rt.DecRef(copy);
            return r;
        });
        SlotDunders.AddCompare(T);
        SlotDunders.AddRepr(T);
        SlotDunders.AddHash(T);
        SlotDunders.AddIter(T);
        SlotDunders.AddLen(T, &ListMethods.SeqLength);
        SlotDunders.AddContains(T, &TupleContains);
        SlotDunders.AddSizeOf(T, &TupleExtraSize);
        SlotDunders.AddBinary(T, "__getitem__", &TupleGetItem);
        SlotDunders.AddBinary(T, "__add__", &TupleAdd);
        SlotDunders.AddBinary(T, "__mul__", &ListMethods.SeqMul);
        SlotDunders.AddBinary(T, "__rmul__", &ListMethods.SeqMul);
    }

    private static nint TupleExtraSize(PyRuntime rt, PyObject* o) => PyRuntime.TupleSize(o) * 8;

    private static int TupleContains(PyRuntime rt, PyObject* o, PyObject* x)
    {
        nint i = ListMethods.Find(rt, o, x, 0, nint.MaxValue, isList: false);
        return i == -2 ? -1 : i >= 0 ? 1 : 0;
    }

    private static PyObject* TupleGetItem(PyRuntime rt, PyObject* o, PyObject* key) => ListMethods.SeqSubscript(rt, o, key, isList: false);

    private static PyObject* TupleAdd(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!PyRuntime.IsSubtype(b->Type, rt.TupleType))
        {
            rt.SetError(rt.TypeErrorType, $"can only concatenate tuple (not \"{rt.TypeName(b)}\") to tuple");
            return null;
        }

        return Interpreter.Of(rt).SequenceConcatBase(a, b);
    }
}
