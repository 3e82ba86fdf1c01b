using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// BaseException and friends (Objects/exceptions.c, 3.11): __new__ keeps the arguments,
// __init__ replaces them; str() is the single argument's str, or the tuple's; the special
// attributes of StopIteration, SystemExit, KeyError, OSError, ImportError and SyntaxError.
internal static unsafe partial class CoreMethods
{
    private static PyObject* ArgsTuple(PyRuntime rt, PyObject** args, nint n)
    {
        PyObject* t = rt.NewTuple(n);
        if (t == null)
        {
            return null;
        }

        for (nint i = 0; i < n; i++)
        {
            PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(args[i]);
        }

        return t;
    }

    private static void RegisterExceptions()
    {
        const string E = "BaseException";
        BuiltinMethods.Add(E, "__new__", (rt, self, args, n, kw) =>
        {
            var type = Interpreter.Of(rt).OSErrorSubclassFor((PyTypeObject*)args[0], args + 1, n - 1);
            PyObject* o = rt.NewGcObject(type, type->BasicSize);
            if (o == null)
            {
                return null;
            }

            new System.Span<byte>((byte*)o + sizeof(PyObject), (int)(type->BasicSize - sizeof(PyObject))).Clear();
            var e = (PyBaseExceptionObject*)o;
            e->Args = ArgsTuple(rt, args + 1, n - 1);
            rt.Track(o);
            return o;
        }, MethodKind.Static);
        BuiltinMethods.Add(E, "__init__", (rt, self, args, n, kw) =>
        {
            if (kw != null && PyRuntime.TupleSize(kw) > 0 && (self->Type->Flags & TypeFlags.HeapType) == 0)
            {
                rt.SetError(rt.TypeErrorType, $"{rt.TypeName(self)}() takes no keyword arguments");
                return null;
            }

            var e = (PyBaseExceptionObject*)self;
            PyObject* old = e->Args;
            e->Args = ArgsTuple(rt, args, n);
            rt.XDecRef(old);
            return Interpreter.Of(rt).InitExceptionExtras(self, args, n) ? None(rt) : null;
        });
        BuiltinMethods.Add(E, "__str__", (rt, self, args, n, kw) => Interpreter.Of(rt).ExceptionStr(self));
        BuiltinMethods.Add(E, "__repr__", (rt, self, args, n, kw) => Interpreter.Of(rt).ExceptionRepr(self));
        BuiltinMethods.Add(E, "with_traceback", (rt, self, args, n, kw) =>
        {
            var e = (PyBaseExceptionObject*)self;
            PyObject* tb = args[0] == rt.None ? null : args[0];
            PyObject* old = e->Traceback;
            e->Traceback = tb == null ? null : PyRuntime.NewRef(tb);
            rt.XDecRef(old);
            return PyRuntime.NewRef(self);
        });
        BuiltinMethods.Add(E, "add_note", (rt, self, args, n, kw) =>
        {
            Interpreter interp = Interpreter.Of(rt);
            var e = (PyBaseExceptionObject*)self;
            if (n != 1)
            {
                rt.SetError(rt.TypeErrorType, $"BaseException.add_note() takes exactly one argument ({n} given)");
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"note must be a str, not '{rt.TypeName(args[0])}'");
                return null;
            }

            PyObject* notes = interp.GetAttrOrNull(self, interp.Str("__notes__"));
            if (notes == null)
            {
                notes = rt.NewList(0);
                if (interp.SetAttr(self, interp.Str("__notes__"), notes) < 0)
                {
                    rt.DecRef(notes);
                    return null;
                }
            }

            if (!PyRuntime.IsSubtype(notes->Type, rt.ListType))
            {
                rt.DecRef(notes);
                rt.SetError(rt.TypeErrorType, "Cannot add note: __notes__ is not a list");
                return null;
            }

            rt.ListAppend(notes, args[0]);
            rt.DecRef(notes);
            _ = e;
            return None(rt);
        });
        BuiltinMethods.AddGetSet(E, "args", (i, s) => PyRuntime.NewRef(((PyBaseExceptionObject*)s)->Args), (i, s, v) =>
        {
            PyObject* t = v == null ? null : i.SequenceToTuple(v);
            if (t == null)
            {
                if (v == null)
                {
                    i.Rt.SetError(i.Rt.TypeErrorType, "args may not be deleted");
                }

                return -1;
            }

            PyObject* old = ((PyBaseExceptionObject*)s)->Args;
            ((PyBaseExceptionObject*)s)->Args = t;
            i.Rt.XDecRef(old);
            return 0;
        });
        BuiltinMethods.AddGetSet(E, "__traceback__", (i, s) => OrNone(i.Rt, ((PyBaseExceptionObject*)s)->Traceback), (i, s, v) =>
            SetAnyNone(i, ref ((PyBaseExceptionObject*)s)->Traceback, v));
        BuiltinMethods.AddGetSet(E, "__context__", (i, s) => OrNone(i.Rt, ((PyBaseExceptionObject*)s)->Context), (i, s, v) =>
            SetAnyNone(i, ref ((PyBaseExceptionObject*)s)->Context, v));
        BuiltinMethods.AddGetSet(E, "__cause__", (i, s) => OrNone(i.Rt, ((PyBaseExceptionObject*)s)->Cause), (i, s, v) =>
        {
            ((PyBaseExceptionObject*)s)->SuppressContext = 1;
            return SetAnyNone(i, ref ((PyBaseExceptionObject*)s)->Cause, v);
        });
        BuiltinMethods.AddGetSet(E, "__suppress_context__", (i, s) => i.Rt.NewBool(((PyBaseExceptionObject*)s)->SuppressContext != 0), (i, s, v) =>
        {
            int t = i.IsTrue(v);
            if (t < 0)
            {
                return -1;
            }

            ((PyBaseExceptionObject*)s)->SuppressContext = (byte)t;
            return 0;
        });
        BuiltinMethods.AddGetSet(E, "__dict__", (i, s) =>
        {
            PyObject** p = i.Rt.InstanceDictPointer(s);
            return p == null ? null : PyRuntime.NewRef(*p);
        });

        BuiltinMethods.AddGetSet("StopIteration", "value", (i, s) => i.ExceptionExtra(s, "value", 0), (i, s, v) => i.SetExceptionExtra(s, "value", v));
        BuiltinMethods.AddGetSet("SystemExit", "code", (i, s) => i.ExceptionExtra(s, "code", 0), (i, s, v) => i.SetExceptionExtra(s, "code", v));
        BuiltinMethods.Add("KeyError", "__str__", (rt, self, args, n, kw) =>
        {
            PyObject* a = ((PyBaseExceptionObject*)self)->Args;
            return PyRuntime.TupleSize(a) == 1 ? Interpreter.Of(rt).ToRepr(PyRuntime.TupleItems(a)[0]) : Interpreter.Of(rt).ExceptionStr(self);
        });
        BuiltinMethods.AddGetSet("OSError", "errno", (i, s) => i.ExceptionExtra(s, "errno", -1), (i, s, v) => i.SetExceptionExtra(s, "errno", v));
        BuiltinMethods.AddGetSet("OSError", "strerror", (i, s) => i.ExceptionExtra(s, "strerror", -1), (i, s, v) => i.SetExceptionExtra(s, "strerror", v));
        BuiltinMethods.AddGetSet("OSError", "filename", (i, s) => i.ExceptionExtra(s, "filename", -1), (i, s, v) => i.SetExceptionExtra(s, "filename", v));
        BuiltinMethods.Add("OSError", "__str__", (rt, self, args, n, kw) => Interpreter.Of(rt).OSErrorStr(self));
        BuiltinMethods.AddGetSet("ImportError", "name", (i, s) => i.ExceptionExtra(s, "name", -1), (i, s, v) => i.SetExceptionExtra(s, "name", v));
        BuiltinMethods.AddGetSet("ImportError", "path", (i, s) => i.ExceptionExtra(s, "path", -1), (i, s, v) => i.SetExceptionExtra(s, "path", v));
        BuiltinMethods.AddGetSet("ImportError", "msg", (i, s) => i.ExceptionExtra(s, "msg", 0), (i, s, v) => i.SetExceptionExtra(s, "msg", v));
        foreach (string attr in new[] { "filename", "lineno", "offset", "text", "end_lineno", "end_offset" })
        {
            string a = attr;
            BuiltinMethods.AddGetSet("SyntaxError", a, (i, s) => i.ExceptionExtra(s, a, -1), (i, s, v) => i.SetExceptionExtra(s, a, v));
        }

        RegisterExceptionGroups();
        BuiltinMethods.AddGetSet("SyntaxError", "msg", (i, s) => i.ExceptionExtra(s, "msg", 0), (i, s, v) => i.SetExceptionExtra(s, "msg", v));
        BuiltinMethods.Add("SyntaxError", "__str__", (rt, self, args, n, kw) => Interpreter.Of(rt).SyntaxErrorStr(self));
    }
}
