using System;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Entering the evaluation loop (Interpreter.Eval.cs): the recursion checks around a frame,
// the frame chain, and the net for .NET exceptions escaping builtins.
internal sealed unsafe partial class Interpreter
{
    /// <summary>Set by Eval when the frame suspended at a yield (rather than returned).</summary>
    private bool _yielded;

    /// <summary>
    /// Runs frame <paramref name="f"/> from the instruction after PrevInstr. With
    /// <paramref name="throwing"/>, an exception is already set (gen.throw) and handling starts
    /// at PrevInstr. Returns the return (or yielded) value, or null with an error set.
    /// </summary>
    public PyObject* Eval(InterpreterFrame* f, bool throwing = false) =>
        EvalFrame(f, (CodeInfo)Rt.GetManaged(f->Code->ManagedId), throwing);

    /// <summary>Eval with the frame's code info already at hand.</summary>
    private PyObject* EvalFrame(InterpreterFrame* f, CodeInfo info, bool throwing)
    {
        // The .NET stack is checked on every fourth nested frame: the frames in between use
        // a few KiB of it, well inside the margin the check keeps.
        if ((++_evalDepth & 3) == 0 && !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _evalDepth--;
            Rt.SetError(Rt.RecursionErrorType, "maximum recursion depth exceeded");
            return null;
        }

        if (!Rt.EnterRecursiveCall(""))
        {
            _evalDepth--;
            return null;
        }

        InterpreterFrame* previous = CurrentFrame;
        f->Previous = previous;
        CurrentFrame = f;
        int depth = Rt._recursionDepth;
        int evalDepth = _evalDepth;
        PyObject* result;
        try
        {
            result = Run(f, info, throwing);
        }
        catch (Exception e) when (e is OverflowException or OutOfMemoryException or ArgumentOutOfRangeException or IndexOutOfRangeException or Lib.PythonLibException)
        {
            // The safety net: a size or index a builtin's .NET code could not handle escaped.
            // The frame (and any frames running inline above it) is abandoned, as if the
            // exception had propagated out of it; its callers see a Python exception.
            Rt._recursionDepth = depth;
            _evalDepth = evalDepth;
            result = HostFailure(e);
        }

        CurrentFrame = previous;
        Rt.LeaveRecursiveCall();
        _evalDepth--;
        return result;
    }

    /// <summary>
    /// A .NET exception that escaped a builtin becomes a Python one: MemoryError for sizes the
    /// host cannot allocate or represent (what CPython reports for them), SystemError for an
    /// index the host got wrong. Never a .NET stack trace.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyObject* HostFailure(Exception e)
    {
        Rt.ClearError();
        if (e is Lib.PythonLibException lib)
        {
            // A library algorithm's error that a caller forgot to translate: its own class and text.
            RaiseLibError(lib);
        }
        else if (e is IndexOutOfRangeException)
        {
            Rt.SetError(Rt.SystemErrorType, "internal error: " + e.Message);
        }
        else
        {
            Rt.NoMemory();
        }

        return null;
    }

    /// <summary>Frames EvalFrame is running now (nested), for the .NET stack check.</summary>
    private int _evalDepth;
}
