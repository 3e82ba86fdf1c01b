using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// Constructors and methods of the smaller builtin types: weakref.ref (and its subclasses),
// NoneType, NotImplementedType, ellipsis.
internal static unsafe class MoreMethods
{
    public static void Register()
    {
        const string W = "weakref.ReferenceType";
        BuiltinMethods.Add(W, "__new__", (rt, self, args, n, kw) =>
        {
            if (n < 2 || n > 3)
            {
                rt.SetError(rt.TypeErrorType, n < 2 ? $"__new__ expected at least 1 argument, got {n - 1}" : $"__new__ expected at most 2 arguments, got {n - 1}");
                return null;
            }

            return rt.NewWeakrefOfType((PyTypeObject*)args[0], args[1], n == 3 ? args[2] : null);
        }, MethodKind.Static);
        BuiltinMethods.Add(W, "__init__", (rt, self, args, n, kw) => PyRuntime.NewRef(rt.None));
        BuiltinMethods.Add(W, "__call__", (rt, self, args, n, kw) =>
        {
            PyObject* r = PyRuntime.WeakrefReferent(self);
            return PyRuntime.NewRef(r == null ? rt.None : r);
        });
        BuiltinMethods.AddGetSet(W, "__callback__", (i, s) =>
        {
            PyObject* cb = ((PyWeakReference*)s)->Callback;
            return PyRuntime.NewRef(cb == null ? i.Rt.None : cb);
        });
        BuiltinMethods.Add("NoneType", "__new__", (rt, self, args, n, kw) =>
        {
            if (n > 1 || (kw != null && PyRuntime.TupleSize(kw) > 0))
            {
                rt.SetError(rt.TypeErrorType, "NoneType takes no arguments");
                return null;
            }

            return PyRuntime.NewRef(rt.None);
        }, MethodKind.Static);
        BuiltinMethods.Add("NotImplementedType", "__new__", (rt, self, args, n, kw) => PyRuntime.NewRef(rt.NotImplemented), MethodKind.Static);
        BuiltinMethods.Add("ellipsis", "__new__", (rt, self, args, n, kw) => PyRuntime.NewRef(Interpreter.Of(rt).Ellipsis), MethodKind.Static);
        BuiltinMethods.Add("type", "__setattr__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).TypeSetAttrPublic(self, args[0], args[1]) < 0 ? null : PyRuntime.NewRef(rt.None));
        BuiltinMethods.Add("type", "__delattr__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).TypeSetAttrPublic(self, args[0], null) < 0 ? null : PyRuntime.NewRef(rt.None));
        BuiltinMethods.Add("type", "__getattribute__", (rt, self, args, n, kw) => Interpreter.Of(rt).TypeGetAttrPublic(self, args[0]));
        BuiltinMethods.Add("property", "__get__", (rt, self, args, n, kw) =>
            Interpreter.PropertyGetPublic(rt, self, n > 0 && args[0] != rt.None ? args[0] : null, n > 1 ? args[1] : null));
        BuiltinMethods.Add("property", "__set__", (rt, self, args, n, kw) =>
            Interpreter.PropertySetPublic(rt, self, args[0], args[1]) < 0 ? null : PyRuntime.NewRef(rt.None));
        BuiltinMethods.Add("property", "__delete__", (rt, self, args, n, kw) =>
            Interpreter.PropertySetPublic(rt, self, args[0], null) < 0 ? null : PyRuntime.NewRef(rt.None));
        BuiltinMethods.Add("type", "__or__", (rt, self, args, n, kw) => Interpreter.Of(rt).MakeUnion(self, args[0]));
        BuiltinMethods.Add("type", "__ror__", (rt, self, args, n, kw) => Interpreter.Of(rt).MakeUnion(args[0], self));
    }
}
