using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

/// <summary>
/// _refheap_traceback: the interpreter's own exception and traceback text for
/// Lib/python/traceback.py. Each function checks its argument's type and raises TypeError.
/// </summary>
internal static unsafe class TracebackModule
{
    public static PyObject* Create(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_traceback");
        interp.AddFunction(m, "format_exception", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "format_exception", n, 2, 2, k) || !IsException(r, a[0]))
            {
                return null;
            }

            return Interpreter.Of(r).TracebackFormatException(a[0], Interpreter.Of(r).IsTrue(a[1]) > 0);
        });
        interp.AddFunction(m, "format_exception_only", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "format_exception_only", n, 1, 1, k) || !IsException(r, a[0]))
            {
                return null;
            }

            return Interpreter.Of(r).TracebackFormatExceptionOnly(a[0]);
        });
        interp.AddFunction(m, "tb_entry", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "tb_entry", n, 1, 1, k))
            {
                return null;
            }

            if (a[0]->Type != r.TracebackType)
            {
                r.SetError(r.TypeErrorType, "tb_entry() argument must be a traceback");
                return null;
            }

            return Interpreter.Of(r).TracebackEntry((PyTracebackObject*)a[0]);
        });
        interp.AddFunction(m, "frame_entry", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "frame_entry", n, 1, 1, k))
            {
                return null;
            }

            if (a[0]->Type != r.FrameType)
            {
                r.SetError(r.TypeErrorType, "frame_entry() argument must be a frame");
                return null;
            }

            return Interpreter.Of(r).TracebackFrameEntry((PyFrameObject*)a[0]);
        });
        return m;
    }

    private static bool IsException(PyRuntime rt, PyObject* o)
    {
        if (PyRuntime.IsSubtypeMro(o->Type, rt.BaseExceptionType))
        {
            return true;
        }

        rt.SetError(rt.TypeErrorType, "an exception instance is required");
        return false;
    }
}
