using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// BaseExceptionGroup's methods and attributes (Objects/exceptions.c, 3.11): __new__ validates
// and picks ExceptionGroup when nothing nested is a BaseException; message and exceptions are
// read-only; split/subgroup/derive; __class_getitem__ makes a types.GenericAlias.
internal static unsafe partial class CoreMethods
{
    private static void RegisterExceptionGroups()
    {
        const string G = "BaseExceptionGroup";
        BuiltinMethods.Add(G, "__new__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).ExceptionGroupNew((PyTypeObject*)args[0], args + 1, n - 1, kw), MethodKind.Static);
        BuiltinMethods.Add(G, "__init__", (rt, self, args, n, kw) =>
        {
            if (kw != null && PyRuntime.TupleSize(kw) > 0)
            {
                rt.SetError(rt.TypeErrorType, $"{rt.InfoOf(self->Type).Name}() takes no keyword arguments");
                return null;
            }

            var e = (PyBaseExceptionObject*)self;
            PyObject* old = e->Args;
            e->Args = ArgsTuple(rt, args, n);
            rt.XDecRef(old);
            return None(rt);
        });
        BuiltinMethods.Add(G, "__str__", (rt, self, args, n, kw) => Interpreter.Of(rt).ExceptionGroupStr(self));
        BuiltinMethods.Add(G, "derive", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "derive", n, kw) ? Interpreter.Of(rt).ExceptionGroupDerive(self, args[0]) : null);
        BuiltinMethods.Add(G, "split", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "split", n, kw) ? Interpreter.Of(rt).ExceptionGroupSplit(self, args[0], withRest: true) : null);
        BuiltinMethods.Add(G, "subgroup", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "subgroup", n, kw) ? Interpreter.Of(rt).ExceptionGroupSplit(self, args[0], withRest: false) : null);
        BuiltinMethods.Add(G, "__class_getitem__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "__class_getitem__", n, kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* alias = rt.DictGetItemStr(PyRuntime.ModuleDict(interp.SysModule), interp.Str("_generic_alias"));
            if (alias == null)
            {
                rt.SetError(rt.TypeErrorType, $"type '{rt.InfoOf((PyTypeObject*)self).Name}' is not subscriptable");
                return null;
            }

            PyObject** ga = stackalloc PyObject*[2];
            ga[0] = self;
            ga[1] = args[0];
            return interp.Call(alias, ga, 2, null);
        }, MethodKind.Class);
        BuiltinMethods.AddGetSet(G, "message", (i, s) => i.ExceptionGroupMessage(s), ReadOnlyAttribute);
        BuiltinMethods.AddGetSet(G, "exceptions", (i, s) => i.ExceptionGroupExceptions(s), ReadOnlyAttribute);
    }

    /// <summary>The setter of a READONLY member: "readonly attribute".</summary>
    private static int ReadOnlyAttribute(Interpreter interp, PyObject* self, PyObject* value)
    {
        interp.Rt.SetError(interp.Rt.AttributeErrorType, "readonly attribute");
        return -1;
    }
}
