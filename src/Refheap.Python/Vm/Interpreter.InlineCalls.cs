using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The frame switch of inlined Python-to-Python calls (see "Inlined calls" in
// docs/design/interpreter.md): entering a callee's frame at CALL and leaving it at its
// RETURN_VALUE. Each side is one call from the eval loop with everything it needs inlined
// here; the loop's own method is too large for the JIT to inline such helpers into it.
internal sealed unsafe partial class Interpreter
{
    /// <summary>What <see cref="PushInlinedCall"/> returns (as a frame pointer) when it took the call and failed (RecursionError set).</summary>
    private const nint InlinedCallFailed = 1;

    /// <summary>
    /// CALL of an exact Python function with positional arguments only, done inline (3.11's
    /// _PyEvalFramePushAndInit from CALL): when the code takes the simple lane
    /// (<see cref="FitsSimpleFrame"/>) the new frame takes over the caller's references to the
    /// function (f_func) and to the self and arguments, is counted against the recursion limit,
    /// linked above <paramref name="caller"/> and made current (the loop finds its code info
    /// with <see cref="CodeInfoOf"/>: a managed reference stored in a field would cost a GC
    /// write barrier per call). Returns null, consuming nothing, when the call does not fit;
    /// <see cref="InlinedCallFailed"/> with RecursionError set (everything consumed) when the
    /// limit is reached. The caller must already have dropped the callable, self-or-NULL and
    /// arguments from its stack top (they now belong to the new frame).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InterpreterFrame* PushInlinedCall(PyFunctionObject* fn, PyObject** args, nint nargs, InterpreterFrame* caller)
    {
        var code = (PyCodeObject*)fn->Code;
        CodeInfo callee = CodeInfoOf(Rt, code);
        if (!callee.InlineCallable || !FitsSimpleFrame(fn, code, nargs))
        {
            return null;
        }

        InterpreterFrame* nf = PushSimpleFrame(fn, code, callee, args, nargs, steal: true, takeFunc: true);
        PyRuntime rt = Rt;
        if (++rt._recursionDepth > rt.RecursionLimit)
        {
            rt._recursionDepth--;
            rt.SetError(rt.RecursionErrorType, "maximum recursion depth exceeded");
            rt.FrameClear(nf);
            PopFrame(nf);
            return (InterpreterFrame*)InlinedCallFailed;
        }

        nf->Previous = caller;
        _currentFrame = nf;
        return nf;
    }

    /// <summary>
    /// Leaves an inlined frame that returned (or raised): what EvalFrame and CallSimple do
    /// after Run (unlink, leave the recursive call, clear and pop the frame, in that order).
    /// Returns the caller's frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InterpreterFrame* PopInlinedFrame(InterpreterFrame* done)
    {
        InterpreterFrame* caller = done->Previous;
        _currentFrame = caller;
        PyRuntime rt = Rt;
        rt._recursionDepth--;
        if (done->FrameObj == null && done->Locals == null)
        {
            // _PyFrame_Clear without a frame object: the locals and stack, then f_func, f_code.
            PyObject** lp = &done->LocalsPlus0;
            int top = done->StackTop;
            done->StackTop = 0;
            for (int i = 0; i < top; i++)
            {
                PyObject* v = lp[i];
                if (v != null)
                {
                    lp[i] = null;
                    rt.DecRef(v);
                }
            }

            PyObject* func = done->Func;
            done->Func = null;
            rt.DecRef(func);
            var code = (PyObject*)done->Code;
            done->Code = null;
            rt.DecRef(code);
        }
        else
        {
            rt.FrameClear(done);
        }

        _dataStack.Pop(done);
        return caller;
    }

    /// <summary>
    /// The CodeInfo kept for a code object (PyRuntime.GetManaged without its checks). Run
    /// writes the same expression out: a call would not be inlined there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CodeInfo CodeInfoOf(PyRuntime rt, PyCodeObject* code) =>
        Unsafe.As<CodeInfo>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rt._managed), code->ManagedId))!;
}
