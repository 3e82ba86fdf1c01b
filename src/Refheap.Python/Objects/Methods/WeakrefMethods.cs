using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// weakref.ref at the Python level (Objects/weakrefobject.c, 3.11): __new__ (a shared basic
/// ref for the exact type without a callback), __init__, __call__, __callback__, equality
/// (by referent while both live, by identity once either is dead) and the cached hash of the
/// referent.
/// </summary>
internal static unsafe class WeakrefMethods
{
    private const string RefName = "weakref.ReferenceType";

    public static void Register()
    {
        BuiltinMethods.Add(RefName, "__new__", (rt, self, args, n, kw) =>
        {
            // parse_weakref_init_args: PyArg_UnpackTuple(args, "__new__", 1, 2); keywords are ignored.
            if (!ArgParse.Positional(rt, "__new__", n - 1, 1, 2))
            {
                return null;
            }

            var type = (PyTypeObject*)args[0];
            return rt.NewWeakrefSubtype(type, args[1], n > 2 ? args[2] : null);
        }, MethodKind.Static);
        BuiltinMethods.Add(RefName, "__init__", (rt, self, args, n, kw) =>
            ArgParse.Positional(rt, "__init__", n, 1, 2) ? PyRuntime.NewRef(rt.None) : null);
        BuiltinMethods.Add(RefName, "__call__", (rt, self, args, n, kw) =>
            ArgParse.Positional(rt, "weakref", n, 0, 0, kw) ? PyRuntime.NewRef(PyRuntime.WeakrefReferent(self)) : null);
        BuiltinMethods.Add(RefName, "__hash__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunders.Expect(rt, n, kw, 0))
            {
                return null;
            }

            nint h = WeakrefHash(rt, self);
            return h == -1 ? null : rt.NewInt(h);
        });
        AddCompare("__eq__", CompareOp.Eq);
        AddCompare("__ne__", CompareOp.Ne);

        // method(function, instance) (Objects/classobject.c: method_new), which WeakMethod calls.
        BuiltinMethods.Add("method", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "method", kw) || !ArgParse.Positional(rt, "method", n - 1, 2, 2))
            {
                return null;
            }

            if (!Interpreter.Of(rt).IsCallable(args[1]))
            {
                rt.SetError(rt.TypeErrorType, "first argument must be callable");
                return null;
            }

            if (args[2] == rt.None)
            {
                rt.SetError(rt.TypeErrorType, "instance must not be None");
                return null;
            }

            return rt.NewMethod(args[1], args[2]);
        }, MethodKind.Static);
        BuiltinMethods.AddGetSet(RefName, "__callback__", (interp, self) =>
        {
            PyObject* cb = ((PyWeakReference*)self)->Callback;
            return PyRuntime.NewRef(cb == null ? interp.Rt.None : cb);
        });
    }

    /// <summary>Sets ref's hash and comparison slots on this interpreter's runtime.</summary>
    public static void Install(PyRuntime rt)
    {
        rt.WeakrefType->Hash = &WeakrefHash;
        rt.WeakrefType->RichCompare = &WeakrefRichCompare;
        WeakProxySlots.Install(rt);
    }

    private static void AddCompare(string name, CompareOp op)
    {
        BuiltinMethods.Add(RefName, name, (rt, self, args, n, kw) =>
            SlotDunders.Expect(rt, n, kw, 1) ? WeakrefRichCompare(rt, self, args[0], op) : null);
    }

    /// <summary>weakref_hash: the referent's hash, computed once; TypeError once the referent is gone.</summary>
    private static nint WeakrefHash(PyRuntime rt, PyObject* o)
    {
        var wr = (PyWeakReference*)o;
        if (wr->Hash != -1)
        {
            return wr->Hash;
        }

        PyObject* referent = wr->Referent;
        if (referent == rt.None)
        {
            rt.SetError(rt.TypeErrorType, "weak object has gone away");
            return -1;
        }

        PyRuntime.IncRef(referent);
        nint h = rt.ObjectHash(referent);
        rt.DecRef(referent);
        wr->Hash = h;
        return h;
    }

    /// <summary>weakref_richcompare: only == and != between weak references; NotImplemented otherwise.</summary>
    private static PyObject* WeakrefRichCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || !rt.IsWeakref(a) || !rt.IsWeakref(b))
        {
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        PyObject* x = PyRuntime.WeakrefReferent(a);
        PyObject* y = PyRuntime.WeakrefReferent(b);
        if (x == rt.None || y == rt.None)
        {
            bool same = a == b;
            return rt.NewBool(op == CompareOp.Eq ? same : !same);
        }

        PyRuntime.IncRef(x);
        PyRuntime.IncRef(y);
        PyObject* r = rt.ObjectRichCompare(x, y, op);
        rt.DecRef(x);
        rt.DecRef(y);
        return r;
    }
}
