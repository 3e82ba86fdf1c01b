using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Simple frames (CallSimple's lane) and the frame switch of inlined Python-to-Python calls
// (see "Inlined calls" in docs/design/interpreter.md): entering a callee's frame at CALL and
// leaving it at its RETURN_VALUE. Each side is one call from the eval loop with everything it needs inlined
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
            // Nothing reaches this frame any more (unlinked, no frame object, and frames pushed
            // by a __del__ meanwhile go above it), so the slots are not cleared one by one.
            PyObject** lp = &done->LocalsPlus0;
            PyObject** end = lp + done->StackTop;
            done->StackTop = 0;
            for (; lp < end; lp++)
            {
                PyObject* v = *lp;
                if (v != null)
                {
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
    /// CallSimple's frame, pushed and bound, not yet linked or run. With <paramref name="takeFunc"/>
    /// (the eval loop's inlined CALL, which implies <paramref name="steal"/>) the frame also takes
    /// over the caller's reference to the function, and the argument slots are left as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private InterpreterFrame* PushSimpleFrame(PyFunctionObject* fn, PyCodeObject* code, CodeInfo info, PyObject** args, nint nargs, bool steal, bool takeFunc = false)
    {
        InterpreterFrame* f = PushFrame(info.FrameSize);
        f->Func = takeFunc ? (PyObject*)fn : LoopNewRef((PyObject*)fn);
        f->Globals = fn->Globals;
        f->Builtins = fn->Builtins;
        f->Locals = null;
        f->Code = (PyCodeObject*)LoopNewRef((PyObject*)code);
        f->FrameObj = null;
        f->Previous = null;
        f->PrevInstr = -1;
        int nlocalsplus = code->NLocalsPlus;
        f->StackTop = nlocalsplus;
        f->IsEntry = 0;
        f->Owner = FrameOwner.Thread;
        PyObject** locals = LoopLocalsPlus(f);
        if (takeFunc)
        {
            // The caller's stack top is already below these slots: nothing reads them again.
            for (nint i = 0; i < nargs; i++)
            {
                locals[i] = args[i];
            }
        }
        else if (steal)
        {
            for (nint i = 0; i < nargs; i++)
            {
                locals[i] = args[i];
                args[i] = null;
            }
        }
        else
        {
            for (nint i = 0; i < nargs; i++)
            {
                locals[i] = LoopNewRef(args[i]);
            }
        }

        int argCount = code->ArgCount;
        if (nargs < argCount)
        {
            PyObject* defaults = fn->Defaults;
            PyObject** defs = LoopTupleItems(defaults) + (((PyVarObject*)defaults)->Size - argCount);
            for (nint i = nargs; i < argCount; i++)
            {
                locals[i] = LoopNewRef(defs[i]);
            }

            nargs = argCount;
        }

        int nfree = info.NFree;
        int firstFree = nlocalsplus - nfree;
        for (nint i = nargs; i < firstFree; i++)
        {
            locals[i] = null;
        }

        if (nfree > 0)
        {
            PyObject** cells = LoopTupleItems(fn->Closure);
            for (int j = 0; j < nfree; j++)
            {
                locals[firstFree + j] = LoopNewRef(cells[j]);
            }
        }

        return f;
    }

    /// <summary>
    /// The CodeInfo kept for a code object (PyRuntime.GetManaged without its checks). Run
    /// writes the same expression out: a call would not be inlined there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CodeInfo CodeInfoOf(PyRuntime rt, PyCodeObject* code) =>
        Unsafe.As<CodeInfo>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rt._managed), code->ManagedId))!;
}
