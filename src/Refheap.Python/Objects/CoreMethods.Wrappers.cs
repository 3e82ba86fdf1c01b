using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// classmethod, staticmethod, property, super, generator, frame, code and traceback attributes.
internal static unsafe partial class CoreMethods
{
    private static void RegisterWrappers()
    {
        foreach (string w in new[] { "classmethod", "staticmethod" })
        {
            string name = w;
            BuiltinMethods.Add(name, "__new__", (rt, self, args, n, kw) =>
            {
                if (n != 2)
                {
                    rt.SetError(rt.TypeErrorType, $"{name} expected 1 argument, got {n - 1}");
                    return null;
                }

                return Interpreter.Of(rt).NewClassMethod((PyTypeObject*)args[0], args[1]);
            }, MethodKind.Static);
            BuiltinMethods.Add(name, "__init__", (rt, self, args, n, kw) => None(rt));
            BuiltinMethods.AddGetSet(name, "__func__", (i, s) => PyRuntime.NewRef(((PyClassMethodObject*)s)->Callable));
            BuiltinMethods.AddGetSet(name, "__wrapped__", (i, s) => PyRuntime.NewRef(((PyClassMethodObject*)s)->Callable));
            BuiltinMethods.AddGetSet(name, "__isabstractmethod__", (i, s) =>
            {
                PyObject* v = i.GetAttrOrNull(((PyClassMethodObject*)s)->Callable, i.Str("__isabstractmethod__"));
                if (v == null)
                {
                    return i.Rt.ErrorOccurred ? null : PyRuntime.NewRef(i.Rt.False);
                }

                return v;
            });
            BuiltinMethods.AddGetSet(name, "__dict__", (i, s) =>
            {
                PyObject** p = i.Rt.InstanceDictPointer(s);
                return p == null ? null : PyRuntime.NewRef(*p);
            });
            BuiltinMethods.Add(name, "__get__", (rt, self, args, n, kw) =>
            {
                PyObject* obj = n > 0 && args[0] != rt.None ? args[0] : null;
                PyObject* type = n > 1 && args[1] != rt.None ? args[1] : null;
                return Interpreter.WrapperGetPublic(rt, self, obj, type);
            });
        }

        // wrap_descr_get / wrap_descr_set / wrap_descr_delete for the C-level descriptors.
        foreach (string name in new[] { "member_descriptor", "getset_descriptor" })
        {
            BuiltinMethods.Add(name, "__get__", (rt, self, args, n, kw) =>
            {
                if (n < 1 || n > 2)
                {
                    rt.SetError(rt.TypeErrorType, n < 1
                        ? $"expected at least 1 argument, got {n}"
                        : $"expected at most 2 arguments, got {n}");
                    return null;
                }

                PyObject* obj = args[0] == rt.None ? null : args[0];
                PyObject* type = n > 1 && args[1] != rt.None ? args[1] : null;
                if (obj == null && type == null)
                {
                    rt.SetError(rt.TypeErrorType, "__get__(None, None) is invalid");
                    return null;
                }

                return self->Type->DescrGet(rt, self, obj, type);
            });
            BuiltinMethods.Add(name, "__set__", (rt, self, args, n, kw) =>
            {
                if (n != 2)
                {
                    rt.SetError(rt.TypeErrorType, $"expected 2 arguments, got {n}");
                    return null;
                }

                return self->Type->DescrSet(rt, self, args[0], args[1]) < 0 ? null : None(rt);
            });
            BuiltinMethods.Add(name, "__delete__", (rt, self, args, n, kw) =>
            {
                if (n != 1)
                {
                    rt.SetError(rt.TypeErrorType, $"expected 1 argument, got {n}");
                    return null;
                }

                return self->Type->DescrSet(rt, self, args[0], null) < 0 ? null : None(rt);
            });
        }

        BuiltinMethods.Add("staticmethod", "__call__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).Call(((PyClassMethodObject*)self)->Callable, args, n, kw));

        const string P = "property";
        BuiltinMethods.Add(P, "__new__", (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[4];
            if (!ArgParse.Parse(rt, "property", args + 1, n - 1, kw, ["fget", "fset", "fdel", "doc"], 0, a))
            {
                return null;
            }

            return Interpreter.Of(rt).NewProperty((PyTypeObject*)args[0], a[0], a[1], a[2], a[3]);
        }, MethodKind.Static);
        BuiltinMethods.Add(P, "__init__", (rt, self, args, n, kw) => None(rt));
        BuiltinMethods.Add(P, "getter", (rt, self, args, n, kw) => Interpreter.Of(rt).PropertyCopy(self, 0, args[0]));
        BuiltinMethods.Add(P, "setter", (rt, self, args, n, kw) => Interpreter.Of(rt).PropertyCopy(self, 1, args[0]));
        BuiltinMethods.Add(P, "deleter", (rt, self, args, n, kw) => Interpreter.Of(rt).PropertyCopy(self, 2, args[0]));
        BuiltinMethods.Add(P, "__set_name__", (rt, self, args, n, kw) =>
        {
            var p = (PyPropertyObject*)self;
            PyObject* old = p->Name;
            p->Name = PyRuntime.NewRef(args[1]);
            rt.XDecRef(old);
            return None(rt);
        });
        BuiltinMethods.AddGetSet(P, "fget", (i, s) => OrNone(i.Rt, ((PyPropertyObject*)s)->Get));
        BuiltinMethods.AddGetSet(P, "fset", (i, s) => OrNone(i.Rt, ((PyPropertyObject*)s)->Set));
        BuiltinMethods.AddGetSet(P, "fdel", (i, s) => OrNone(i.Rt, ((PyPropertyObject*)s)->Del));
        BuiltinMethods.AddGetSet(P, "__doc__", (i, s) => OrNone(i.Rt, ((PyPropertyObject*)s)->Doc), (i, s, v) => SetAnyNone(i, ref ((PyPropertyObject*)s)->Doc, v));
        BuiltinMethods.AddGetSet(P, "__isabstractmethod__", (i, s) =>
        {
            var p = (PyPropertyObject*)s;
            foreach (nint f in new[] { (nint)p->Get, (nint)p->Set, (nint)p->Del })
            {
                if (f == 0)
                {
                    continue;
                }

                PyObject* v = i.GetAttrOrNull((PyObject*)f, i.Str("__isabstractmethod__"));
                if (v != null)
                {
                    int t = i.IsTrue(v);
                    i.Rt.DecRef(v);
                    if (t != 0)
                    {
                        return t < 0 ? null : PyRuntime.NewRef(i.Rt.True);
                    }
                }
                else if (i.Rt.ErrorOccurred)
                {
                    return null;
                }
            }

            return PyRuntime.NewRef(i.Rt.False);
        });

        BuiltinMethods.Add("super", "__new__", (rt, self, args, n, kw) => Interpreter.Of(rt).NewSuperPublic(args + 1, n - 1), MethodKind.Static);
        BuiltinMethods.Add("super", "__init__", (rt, self, args, n, kw) => None(rt));
        BuiltinMethods.AddGetSet("super", "__thisclass__", (i, s) => OrNone(i.Rt, (PyObject*)((PySuperObject*)s)->Type));
        BuiltinMethods.AddGetSet("super", "__self__", (i, s) => OrNone(i.Rt, ((PySuperObject*)s)->Obj));
        BuiltinMethods.AddGetSet("super", "__self_class__", (i, s) => OrNone(i.Rt, (PyObject*)((PySuperObject*)s)->ObjType));
    }

    private static void RegisterFrames()
    {
        const string G = "generator";
        BuiltinMethods.Add(G, "send", Interpreter.GenSendEntry);
        BuiltinMethods.Add(G, "throw", Interpreter.GenThrowEntry);
        BuiltinMethods.Add(G, "close", Interpreter.GenCloseEntry);
        BuiltinMethods.AddGetSet(G, "__name__", (i, s) => PyRuntime.NewRef(((PyGenObject*)s)->Name));
        BuiltinMethods.AddGetSet(G, "__qualname__", (i, s) => PyRuntime.NewRef(((PyGenObject*)s)->QualName));
        BuiltinMethods.AddGetSet(G, "gi_running", (i, s) => i.Rt.NewBool(((PyGenObject*)s)->FrameState == GenFrameState.Executing));
        BuiltinMethods.AddGetSet(G, "gi_suspended", (i, s) => i.Rt.NewBool(((PyGenObject*)s)->FrameState == GenFrameState.Suspended));
        BuiltinMethods.AddGetSet(G, "gi_code", (i, s) => PyRuntime.NewRef((PyObject*)PyGenObject.Frame((PyGenObject*)s)->Code));
        BuiltinMethods.AddGetSet(G, "gi_frame", (i, s) =>
        {
            var g = (PyGenObject*)s;
            if (g->FrameState >= GenFrameState.Completed)
            {
                return None(i.Rt);
            }

            PyFrameObject* fo = i.Rt.GetFrameObject(PyGenObject.Frame(g));
            return fo == null ? null : PyRuntime.NewRef((PyObject*)fo);
        });
        BuiltinMethods.AddGetSet(G, "gi_yieldfrom", (i, s) => None(i.Rt));

        const string Fr = "frame";
        BuiltinMethods.AddGetSet(Fr, "f_code", (i, s) => PyRuntime.NewRef((PyObject*)((PyFrameObject*)s)->Frame->Code));
        BuiltinMethods.AddGetSet(Fr, "f_globals", (i, s) => PyRuntime.NewRef(((PyFrameObject*)s)->Frame->Globals));
        BuiltinMethods.AddGetSet(Fr, "f_builtins", (i, s) => PyRuntime.NewRef(((PyFrameObject*)s)->Frame->Builtins));
        BuiltinMethods.AddGetSet(Fr, "f_locals", (i, s) => i.FrameLocals(((PyFrameObject*)s)->Frame));
        BuiltinMethods.AddGetSet(Fr, "f_lineno", (i, s) => i.Rt.NewInt(i.FrameLine(((PyFrameObject*)s)->Frame)));
        BuiltinMethods.AddGetSet(Fr, "f_lasti", (i, s) => i.Rt.NewInt(((PyFrameObject*)s)->Frame->PrevInstr * 2));
        BuiltinMethods.AddGetSet(Fr, "f_back", (i, s) => i.FrameBack((PyFrameObject*)s));
        BuiltinMethods.AddGetSet(Fr, "f_trace", (i, s) => OrNone(i.Rt, ((PyFrameObject*)s)->Trace), (i, s, v) => SetAnyNone(i, ref ((PyFrameObject*)s)->Trace, v));
        BuiltinMethods.Add(Fr, "clear", (rt, self, args, n, kw) => Interpreter.Of(rt).FrameClearMethod((PyFrameObject*)self));

        const string C = "code";
        BuiltinMethods.AddGetSet(C, "co_name", (i, s) => PyRuntime.NewRef(((PyCodeObject*)s)->Name));
        BuiltinMethods.AddGetSet(C, "co_qualname", (i, s) => PyRuntime.NewRef(((PyCodeObject*)s)->QualName));
        BuiltinMethods.AddGetSet(C, "co_filename", (i, s) => PyRuntime.NewRef(((PyCodeObject*)s)->Filename));
        BuiltinMethods.AddGetSet(C, "co_firstlineno", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->FirstLineNo));
        BuiltinMethods.AddGetSet(C, "co_argcount", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->ArgCount));
        BuiltinMethods.AddGetSet(C, "co_posonlyargcount", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->PosOnlyArgCount));
        BuiltinMethods.AddGetSet(C, "co_kwonlyargcount", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->KwOnlyArgCount));
        BuiltinMethods.AddGetSet(C, "co_nlocals", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->NLocals));
        BuiltinMethods.AddGetSet(C, "co_flags", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->Flags));
        BuiltinMethods.AddGetSet(C, "co_stacksize", (i, s) => i.Rt.NewInt(((PyCodeObject*)s)->StackSize));
        BuiltinMethods.AddGetSet(C, "co_consts", (i, s) => PyRuntime.NewRef(((PyCodeObject*)s)->Consts));
        BuiltinMethods.AddGetSet(C, "co_names", (i, s) => PyRuntime.NewRef(((PyCodeObject*)s)->Names));
        BuiltinMethods.AddGetSet(C, "co_varnames", (i, s) => i.CodeNames((PyCodeObject*)s, 0));
        BuiltinMethods.AddGetSet(C, "co_cellvars", (i, s) => i.CodeNames((PyCodeObject*)s, 1));
        BuiltinMethods.AddGetSet(C, "co_freevars", (i, s) => i.CodeNames((PyCodeObject*)s, 2));

        const string Tb = "traceback";
        BuiltinMethods.AddGetSet(Tb, "tb_frame", (i, s) => PyRuntime.NewRef((PyObject*)((PyTracebackObject*)s)->Frame));
        BuiltinMethods.AddGetSet(Tb, "tb_next", (i, s) => OrNone(i.Rt, (PyObject*)((PyTracebackObject*)s)->Next));
        BuiltinMethods.AddGetSet(Tb, "tb_lineno", (i, s) => i.Rt.NewInt(((PyTracebackObject*)s)->Lineno));
        BuiltinMethods.AddGetSet(Tb, "tb_lasti", (i, s) => i.Rt.NewInt(((PyTracebackObject*)s)->Lasti));
    }
}
