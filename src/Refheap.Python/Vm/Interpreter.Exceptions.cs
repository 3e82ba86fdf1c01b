using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Raising and matching exceptions (ceval.c, 3.11: do_raise, check_except_type_valid,
// PyErr_GivenExceptionMatches; errors.c: _PyErr_SetObject's implicit chaining; traceback.c:
// PyTraceBack_Here).
internal sealed unsafe partial class Interpreter
{
    public static PyObject* ExceptionTraceback(PyObject* exc) => ((PyBaseExceptionObject*)exc)->Traceback;

    /// <summary>True for an exception class (a subclass of BaseException).</summary>
    public bool IsExceptionClass(PyObject* o) =>
        PyRuntime.IsSubtype(o->Type, Rt.TypeType) && PyRuntime.IsSubtypeMro((PyTypeObject*)o, Rt.BaseExceptionType);

    public bool IsExceptionInstance(PyObject* o) => PyRuntime.IsSubtypeMro(o->Type, Rt.BaseExceptionType);

    /// <summary>Instantiates an exception class with an argument tuple (its __new__ and __init__ run).</summary>
    public PyObject* NewExceptionFromArgs(PyTypeObject* type, PyObject* args)
    {
        PyObject* r = Call((PyObject*)type, PyRuntime.TupleItems(args), PyRuntime.TupleSize(args), null);
        return r;
    }

    /// <summary>Sets the error indicator to type(message) made through the class's constructor.</summary>
    public void SetError(PyTypeObject* type, string message) => Rt.SetError(type, message);

    /// <summary>
    /// RAISE_VARARGS: raise (re-raise with no argument), raise E, raise E from C. Returns true
    /// for a bare re-raise (no new traceback entry), false otherwise; the error is set either way.
    /// </summary>
    private bool DoRaise(PyObject* exc, PyObject* cause)
    {
        PyRuntime rt = Rt;
        if (exc == null)
        {
            PyObject* current = HandledException();
            if (current == null)
            {
                rt.SetError(rt.RuntimeErrorType, "No active exception to reraise");
                return false;
            }

            rt.SetErrorObject(PyRuntime.NewRef(current));
            return true;
        }

        PyObject* value;
        if (IsExceptionClass(exc))
        {
            value = CallNoArgs(exc);
            if (value == null)
            {
                return false;
            }

            if (!IsExceptionInstance(value))
            {
                rt.SetError(rt.TypeErrorType, $"calling {rt.ReprString(exc)} should have returned an instance of BaseException, not {rt.TypeName(value)}");
                rt.DecRef(value);
                return false;
            }
        }
        else if (IsExceptionInstance(exc))
        {
            value = PyRuntime.NewRef(exc);
        }
        else
        {
            rt.SetError(rt.TypeErrorType, "exceptions must derive from BaseException");
            return false;
        }

        if (cause != null)
        {
            PyObject* fixedCause;
            if (IsExceptionClass(cause))
            {
                fixedCause = CallNoArgs(cause);
                if (fixedCause == null)
                {
                    rt.DecRef(value);
                    return false;
                }
            }
            else if (IsExceptionInstance(cause))
            {
                fixedCause = PyRuntime.NewRef(cause);
            }
            else if (cause == rt.None)
            {
                fixedCause = null;
            }
            else
            {
                rt.DecRef(value);
                rt.SetError(rt.TypeErrorType, "exception causes must derive from BaseException");
                return false;
            }

            var e = (PyBaseExceptionObject*)value;
            PyObject* old = e->Cause;
            e->Cause = fixedCause;
            e->SuppressContext = 1;
            rt.XDecRef(old);
        }

        ChainContext(value);
        rt.SetErrorObject(value);
        return false;
    }

    /// <summary>_PyErr_SetObject's chaining: the handled exception becomes the new one's __context__ (cycles cut).</summary>
    private void ChainContext(PyObject* exc)
    {
        PyObject* handled = HandledException();
        if (handled == null || handled == exc)
        {
            return;
        }

        // Avoid a cycle: if exc is already in handled's context chain, cut it there.
        PyObject* o = handled;
        while (true)
        {
            PyObject* context = ((PyBaseExceptionObject*)o)->Context;
            if (context == null)
            {
                break;
            }

            if (context == exc)
            {
                ((PyBaseExceptionObject*)o)->Context = null;
                Rt.DecRef(context);
                break;
            }

            o = context;
        }

        var e = (PyBaseExceptionObject*)exc;
        PyObject* old = e->Context;
        e->Context = PyRuntime.NewRef(handled);
        Rt.XDecRef(old);
    }

    /// <summary>PyTraceBack_Here: a traceback entry for frame <paramref name="f"/> at the failing instruction.</summary>
    private void AddTraceback(InterpreterFrame* f, CodeInfo info, PyObject* exc, int instrIndex)
    {
        if (info.HideInTracebacks)
        {
            return;
        }

        PyRuntime rt = Rt;
        PyFrameObject* fo = rt.GetFrameObject(f);
        if (fo == null)
        {
            rt.ClearError();
            return;
        }

        var e = (PyBaseExceptionObject*)exc;
        PyObject* tb = rt.NewTraceback(e->Traceback, fo, instrIndex * 2, info.LineOf(instrIndex));
        if (tb == null)
        {
            rt.ClearError();
            return;
        }

        PyObject* old = e->Traceback;
        e->Traceback = tb;
        rt.XDecRef(old);
    }

    /// <summary>CHECK_EXC_MATCH: isinstance-style matching against a class or a tuple of classes.</summary>
    private int ExceptionMatches(PyObject* exc, PyObject* type)
    {
        PyRuntime rt = Rt;
        if (type->Type == rt.TupleType)
        {
            for (nint i = 0; i < PyRuntime.TupleSize(type); i++)
            {
                if (!IsExceptionClass(PyRuntime.TupleItems(type)[i]))
                {
                    rt.SetError(rt.TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
                    return -1;
                }
            }

            for (nint i = 0; i < PyRuntime.TupleSize(type); i++)
            {
                if (PyRuntime.IsSubtypeMro(exc->Type, (PyTypeObject*)PyRuntime.TupleItems(type)[i]))
                {
                    return 1;
                }
            }

            return 0;
        }

        if (!IsExceptionClass(type))
        {
            rt.SetError(rt.TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }

        return PyRuntime.IsSubtypeMro(exc->Type, (PyTypeObject*)type) ? 1 : 0;
    }

    /// <summary>True if the pending error is an instance of <paramref name="type"/> (by MRO).</summary>
    public bool ErrorMatches(PyTypeObject* type)
    {
        PyObject* e = Rt.CurrentException;
        return e != null && PyRuntime.IsSubtypeMro(e->Type, type);
    }

    /// <summary>BEFORE_WITH: looks up __exit__ and calls __enter__.</summary>
    private bool BeforeWith(PyObject* mgr, out PyObject* exitFn, out PyObject* entered)
    {
        PyRuntime rt = Rt;
        exitFn = null;
        entered = null;
        PyObject* enter = LookupSpecial(mgr, Str("__enter__"));
        PyObject* exit = LookupSpecial(mgr, Str("__exit__"));
        if (enter == null || exit == null)
        {
            rt.SetError(rt.TypeErrorType, enter == null
                ? $"'{rt.TypeName(mgr)}' object does not support the context manager protocol"
                : $"'{rt.TypeName(mgr)}' object does not support the context manager protocol (missed __exit__ method)");
            return false;
        }

        exitFn = BindSpecial(exit, mgr);
        if (exitFn == null)
        {
            return false;
        }

        entered = CallDunder(enter, mgr, null);
        if (entered == null)
        {
            rt.DecRef(exitFn);
            exitFn = null;
            return false;
        }

        return true;
    }

    /// <summary>Binds an attribute found on the type to the instance (descriptor __get__).</summary>
    public PyObject* BindSpecial(PyObject* attr, PyObject* self)
    {
        var get = attr->Type->DescrGet;
        return get == null ? PyRuntime.NewRef(attr) : get(Rt, attr, self, (PyObject*)self->Type);
    }

    /// <summary>WITH_EXCEPT_START: exit(type(exc), exc, exc.__traceback__).</summary>
    private PyObject* CallExitWithException(PyObject* exitFn, PyObject* exc)
    {
        PyObject** args = stackalloc PyObject*[3];
        args[0] = (PyObject*)exc->Type;
        args[1] = exc;
        PyObject* tb = ExceptionTraceback(exc);
        args[2] = tb == null ? Rt.None : tb;
        return Call(exitFn, args, 3, null);
    }
}
