using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Errors that cannot be raised (in __del__, weakref and gc callbacks, at shutdown):
// _PyErr_WriteUnraisableMsg (3.11). sys.unraisablehook is called with an UnraisableHookArgs
// when the script replaced it; if it fails, its own error is reported with the default output
// under "Exception ignored in sys.unraisablehook". The default output (write_unraisable_exc_file)
// is the traceback and the "Type: message" line, without the chained exceptions.
internal sealed unsafe partial class Interpreter
{
    /// <summary>The runtime's unraisable hook: dispatches to sys.unraisablehook.</summary>
    public void DispatchUnraisable(string? message, PyObject* exc, PyObject* obj)
    {
        // _PyErr_WriteUnraisableMsg: an exception without a traceback gets the current frame's.
        InterpreterFrame* f = CurrentFrame;
        if (ExceptionTraceback(exc) == null && f != null && f->Code != null && f->PrevInstr >= 0)
        {
            AddTraceback(f, (CodeInfo)Rt.GetManaged(f->Code->ManagedId), exc, (int)f->PrevInstr);
        }

        PyObject* hook = SysAttrBorrowed("unraisablehook");
        if (hook == null || hook == Rt.None || hook == SysAttrBorrowed("__unraisablehook__"))
        {
            PrintUnraisable(message == null ? null : "Exception ignored " + message, exc, obj);
            return;
        }

        PyObject* saved = Rt.FetchError();
        PyObject* hookArgs = NewUnraisableHookArgs(message, exc, obj);
        PyObject* result = null;
        if (hookArgs != null)
        {
            PyRuntime.IncRef(hook);
            result = Rt.CallOneArg(hook, hookArgs);
            Rt.DecRef(hookArgs);
            if (result == null)
            {
                PyObject* hookError = Rt.FetchError();
                if (hookError != null)
                {
                    PrintUnraisable("Exception ignored in sys.unraisablehook", hookError, hook);
                    Rt.DecRef(hookError);
                }
            }

            Rt.DecRef(hook);
        }
        else
        {
            Rt.ClearError();
            PrintUnraisable("Exception ignored on building sys.unraisablehook arguments", exc, obj);
        }

        Rt.XDecRef(result);
        if (saved != null)
        {
            Rt.SetErrorObject(saved);
        }
    }

    /// <summary>
    /// sys.unraisablehook's default output: "ERR_MSG: repr(obj)" (by default "Exception
    /// ignored in: ..."), or "ERR_MSG:" without an object, then the traceback and "Type: message".
    /// </summary>
    public void PrintUnraisable(string? errMsg, PyObject* exc, PyObject* obj)
    {
        var sb = new StringBuilder();
        if (obj != null && obj != Rt.None)
        {
            PyObject* saved = Rt.FetchError();
            string? repr = ReprOf(obj);
            Rt.ClearError();
            sb.Append(errMsg ?? "Exception ignored in").Append(": ").Append(repr ?? "<object repr() failed>").Append('\n');
            if (saved != null)
            {
                Rt.SetErrorObject(saved);
            }
        }
        else if (errMsg != null)
        {
            sb.Append(errMsg).Append(":\n");
        }

        if (exc != null && exc != Rt.None)
        {
            FormatOne(exc, sb);
        }

        WriteStderr(sb.ToString());
    }

    /// <summary>sys.UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg, object).</summary>
    private PyObject* NewUnraisableHookArgs(string? message, PyObject* exc, PyObject* obj)
    {
        PyObject* type = SysAttrBorrowed("_UnraisableHookArgs");
        if (type == null)
        {
            Rt.SetError(Rt.RuntimeErrorType, "sys._UnraisableHookArgs is missing");
            return null;
        }

        PyObject* tb = ExceptionTraceback(exc);
        PyObject* msg = message == null ? PyRuntime.NewRef(Rt.None) : Rt.NewStr("Exception ignored " + message);
        if (msg == null)
        {
            return null;
        }

        PyObject* values = Rt.NewTuple([
            (nint)exc->Type,
            (nint)exc,
            (nint)(tb == null ? Rt.None : tb),
            (nint)msg,
            (nint)(obj == null ? Rt.None : obj)]);
        Rt.DecRef(msg);
        if (values == null)
        {
            return null;
        }

        PyObject* args = Rt.CallOneArg(type, values);
        Rt.DecRef(values);
        return args;
    }

    /// <summary>sys.__unraisablehook__(unraisable): the default output from the argument's attributes.</summary>
    public PyObject* DefaultUnraisableHook(PyObject* args)
    {
        PyObject* excValue = GetAttrOrNull(args, Str("exc_value"));
        PyObject* errMsg = excValue == null ? null : GetAttrOrNull(args, Str("err_msg"));
        PyObject* obj = errMsg == null ? null : GetAttrOrNull(args, Str("object"));
        if (obj == null)
        {
            Rt.XDecRef(excValue);
            Rt.XDecRef(errMsg);
            return null;
        }

        string? msg = errMsg == Rt.None ? null : StrOf(errMsg);
        PrintUnraisable(msg, excValue, obj);
        Rt.DecRef(excValue);
        Rt.DecRef(errMsg);
        Rt.DecRef(obj);
        return PyRuntime.NewRef(Rt.None);
    }
}
