using Refheap.Python.Vm;
using Refheap.Runtime;

namespace Refheap.Python.Objects;

// Constructors and methods of the smaller builtin types: NoneType, NotImplementedType, ellipsis.
internal static unsafe class MoreMethods
{
    public static void Register()
    {
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
