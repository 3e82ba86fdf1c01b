using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Generators (Objects/genobject.c, 3.11: gen_send_ex2, gen_close, _gen_throw, _PyGen_Finalize;
// ceval.c: SEND, GET_YIELD_FROM_ITER). A generator owns its interpreter frame; resuming it
// links the frame under the caller's and makes its exc_state the innermost exc_info item.
internal sealed unsafe partial class Interpreter
{
    private PyObject* MakeGenerator(PyFunctionObject* fn, PyCodeObject* code, CodeInfo info, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyGenObject* g = rt.NewGenerator(code);
        if (g == null)
        {
            return null;
        }

        InterpreterFrame* f = PyGenObject.Frame(g);
        InitFrame(f, fn, code, FrameOwner.Generator);
        g->Name = PyRuntime.NewRef(fn->Name);
        g->QualName = PyRuntime.NewRef(fn->QualName);
        rt.Track((PyObject*)g);
        if (!BindArguments(fn, code, info, f, args, nargs, kwnames))
        {
            g->FrameState = GenFrameState.Completed;
            rt.DecRef((PyObject*)g);
            return null;
        }

        return (PyObject*)g;
    }

    /// <summary>
    /// gen_send_ex2: resumes the generator with <paramref name="value"/> (or an exception when
    /// <paramref name="throwing"/>). Returns 1 when it yielded, 0 when it returned (result is
    /// the return value), -1 on error.
    /// </summary>
    public int GenSend(PyGenObject* g, PyObject* value, bool throwing, out PyObject* result)
    {
        PyRuntime rt = Rt;
        result = null;
        if (g->FrameState == GenFrameState.Executing)
        {
            rt.SetError(rt.ValueErrorType, "generator already executing");
            return -1;
        }

        if (g->FrameState >= GenFrameState.Completed)
        {
            if (throwing)
            {
                return -1;
            }

            result = PyRuntime.NewRef(rt.None);
            return 0;
        }

        InterpreterFrame* f = PyGenObject.Frame(g);
        if (g->FrameState == GenFrameState.Created && !throwing && value != rt.None)
        {
            rt.SetError(rt.TypeErrorType, "can't send non-None value to a just-started generator");
            return -1;
        }

        if (g->FrameState == GenFrameState.Suspended && !throwing)
        {
            InterpreterFrame.LocalsPlus(f)[f->StackTop++] = PyRuntime.NewRef(value);
        }

        g->ExcPrevious = ExcInfo;
        ExcInfo = &g->ExcValue;
        g->FrameState = GenFrameState.Executing;
        PyRuntime.IncRef((PyObject*)g);
        PyObject* r = Eval(f, throwing);
        ExcInfo = (PyObject**)g->ExcPrevious;
        g->ExcPrevious = null;
        if (_yielded && r != null)
        {
            g->FrameState = GenFrameState.Suspended;
            result = r;
            rt.DecRef((PyObject*)g);
            return 1;
        }

        g->FrameState = GenFrameState.Completed;
        rt.FrameClear(f);
        g->FrameState = GenFrameState.Cleared;
        rt.DecRef((PyObject*)g);
        if (r == null)
        {
            if (ErrorMatches(rt.StopIterationType))
            {
                // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
                PyObject* stop = rt.FetchError();
                rt.SetError(rt.RuntimeErrorType, "generator raised StopIteration");
                PyObject* err = rt.CurrentException;
                ((PyBaseExceptionObject*)err)->Cause = stop;
                ((PyBaseExceptionObject*)err)->Context = PyRuntime.NewRef(stop);
                ((PyBaseExceptionObject*)err)->SuppressContext = 1;
            }

            return -1;
        }

        result = r;
        return 0;
    }

    /// <summary>SEND: 1 yielded (result is the value to yield), 0 returned (result is the return value), -1 error.</summary>
    private int SendTo(PyObject* receiver, PyObject* value, out PyObject* result)
    {
        PyRuntime rt = Rt;
        result = null;
        if (receiver->Type == rt.GeneratorType)
        {
            return GenSend((PyGenObject*)receiver, value, false, out result);
        }

        PyObject* r;
        if (value == rt.None && receiver->Type->IterNext != null)
        {
            r = rt.IterNext(receiver);
        }
        else
        {
            PyObject* send = GetAttr(receiver, Str("send"));
            if (send == null)
            {
                return -1;
            }

            r = CallOneArg(send, value);
            rt.DecRef(send);
        }

        if (r != null)
        {
            result = r;
            return 1;
        }

        if (!rt.ErrorOccurred)
        {
            result = PyRuntime.NewRef(rt.None);
            return 0;
        }

        if (ErrorMatches(rt.StopIterationType))
        {
            PyObject* stop = rt.FetchError();
            result = StopIterationValue(stop);
            rt.DecRef(stop);
            return 0;
        }

        return -1;
    }

    /// <summary>StopIteration.value: args[0], or None.</summary>
    public PyObject* StopIterationValue(PyObject* stop)
    {
        PyObject* args = ((PyBaseExceptionObject*)stop)->Args;
        return PyRuntime.NewRef(args != null && PyRuntime.TupleSize(args) > 0 ? PyRuntime.TupleItems(args)[0] : Rt.None);
    }

    private PyObject* GetYieldFromIter(PyObject* v, CodeInfo info)
    {
        _ = info;
        if (v->Type == Rt.GeneratorType)
        {
            return PyRuntime.NewRef(v);
        }

        return GetIter(v);
    }

    /// <summary>tp_iternext of generators.</summary>
    private static PyObject* GenIterNext(PyRuntime rt, PyObject* o)
    {
        Interpreter interp = Of(rt);
        int status = interp.GenSend((PyGenObject*)o, rt.None, false, out PyObject* r);
        if (status == 1)
        {
            return r;
        }

        if (status == 0)
        {
            if (r != rt.None)
            {
                interp.SetStopIteration(r);
            }

            rt.DecRef(r);
        }

        return null;
    }

    /// <summary>Sets StopIteration(value).</summary>
    public void SetStopIteration(PyObject* value)
    {
        PyObject* exc = CallOneArg((PyObject*)Rt.StopIterationType, value);
        if (exc != null)
        {
            Rt.SetErrorObject(exc);
        }
    }

    private static PyObject* GenIter(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(o);

    /// <summary>generator.send(value).</summary>
    private static PyObject* GenSendMethod(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames)
    {
        if (!Objects.ArgParse.OneArg(rt, "send", nargs, kwnames))
        {
            return null;
        }

        Interpreter interp = Of(rt);
        int status = interp.GenSend((PyGenObject*)self, args[0], false, out PyObject* r);
        if (status == 1)
        {
            return r;
        }

        if (status == 0)
        {
            if (r == rt.None)
            {
                rt.SetErrorObject(interp.CallNoArgs((PyObject*)rt.StopIterationType));
            }
            else
            {
                interp.SetStopIteration(r);
            }

            rt.DecRef(r);
        }

        return null;
    }

    /// <summary>generator.throw(type[, value[, tb]]) or throw(exception).</summary>
    private static PyObject* GenThrowMethod(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames)
    {
        if (!Objects.ArgParse.Positional(rt, "throw", nargs, 1, 3, kwnames))
        {
            return null;
        }

        Interpreter interp = Of(rt);
        PyObject* typ = args[0];
        PyObject* val = nargs > 1 ? args[1] : null;
        PyObject* exc;
        if (interp.IsExceptionClass(typ))
        {
            exc = val == null || val == rt.None ? interp.CallNoArgs(typ) : interp.IsExceptionInstance(val) ? PyRuntime.NewRef(val) : interp.CallOneArg(typ, val);
            if (exc == null)
            {
                return null;
            }
        }
        else if (interp.IsExceptionInstance(typ))
        {
            if (val != null && val != rt.None)
            {
                rt.SetError(rt.TypeErrorType, "instance exception may not have a separate value");
                return null;
            }

            exc = PyRuntime.NewRef(typ);
        }
        else
        {
            rt.SetError(rt.TypeErrorType, $"exceptions must be classes or instances deriving from BaseException, not {rt.TypeName(typ)}");
            return null;
        }

        return interp.GenThrow((PyGenObject*)self, exc);
    }

    /// <summary>Throws <paramref name="exc"/> (owned) into the generator; returns the next yielded value or null.</summary>
    public PyObject* GenThrow(PyGenObject* g, PyObject* exc)
    {
        PyRuntime rt = Rt;
        rt.SetErrorObject(exc);
        if (g->FrameState == GenFrameState.Created)
        {
            // Thrown before the first instruction: the generator finishes with the exception.
            g->FrameState = GenFrameState.Completed;
            InterpreterFrame* f = PyGenObject.Frame(g);
            PyObject* saved = rt.FetchError();
            rt.FrameClear(f);
            g->FrameState = GenFrameState.Cleared;
            rt.SetErrorObject(saved);
            return null;
        }

        int status = GenSend(g, null, true, out PyObject* r);
        if (status == 1)
        {
            return r;
        }

        if (status == 0)
        {
            if (r == rt.None)
            {
                rt.SetErrorObject(CallNoArgs((PyObject*)rt.StopIterationType));
            }
            else
            {
                SetStopIteration(r);
            }

            rt.DecRef(r);
        }

        return null;
    }

    /// <summary>generator.close().</summary>
    private static PyObject* GenCloseMethod(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames)
    {
        if (!Objects.ArgParse.NoArgs(rt, "close", nargs, kwnames))
        {
            return null;
        }

        return Of(rt).GenClose((PyGenObject*)self) ? PyRuntime.NewRef(rt.None) : null;
    }

    public bool GenClose(PyGenObject* g)
    {
        PyRuntime rt = Rt;
        if (g->FrameState == GenFrameState.Created)
        {
            g->FrameState = GenFrameState.Completed;
            rt.FrameClear(PyGenObject.Frame(g));
            g->FrameState = GenFrameState.Cleared;
            return true;
        }

        if (g->FrameState >= GenFrameState.Completed)
        {
            return true;
        }

        PyObject* exit = CallNoArgs((PyObject*)GeneratorExitType);
        if (exit == null)
        {
            return false;
        }

        PyObject* r = GenThrow(g, exit);
        if (r != null)
        {
            rt.DecRef(r);
            rt.SetError(rt.RuntimeErrorType, "generator ignored GeneratorExit");
            return false;
        }

        if (ErrorMatches(GeneratorExitType) || ErrorMatches(rt.StopIterationType))
        {
            rt.ClearError();
            return true;
        }

        return false;
    }

    /// <summary>_PyGen_Finalize: a suspended generator is closed when it dies; errors are unraisable.</summary>
    private static void GenFinalize(PyRuntime rt, PyObject* o)
    {
        var g = (PyGenObject*)o;
        if (g->FrameState >= GenFrameState.Completed || g->FrameState == GenFrameState.Created)
        {
            return;
        }

        PyObject* saved = rt.FetchError();
        if (!Of(rt).GenClose(g))
        {
            rt.WriteUnraisable(null, o);
        }

        if (saved != null)
        {
            rt.SetErrorObject(saved);
        }
    }

    private static PyObject* GenRepr(PyRuntime rt, PyObject* o)
    {
        var g = (PyGenObject*)o;
        return rt.NewStr($"<generator object {PyRuntime.StrToString(g->QualName)} at 0x{(nuint)o:x}>");
    }
}
