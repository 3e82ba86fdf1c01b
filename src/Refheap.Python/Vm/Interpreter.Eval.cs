using System.Runtime.CompilerServices;
using Refheap.Python.Compiler;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The evaluation loop (Python/ceval.c, 3.11: _PyEval_EvalFrameDefault). One C# call per
// Python frame; the value stack lives in the frame's localsplus after the locals.
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
        PyObject* result = Run(f, info, throwing);
        CurrentFrame = previous;
        Rt.LeaveRecursiveCall();
        _evalDepth--;
        return result;
    }

    /// <summary>Frames EvalFrame is running now (nested), for the .NET stack check.</summary>
    private int _evalDepth;

    private PyObject* Run(InterpreterFrame* f, CodeInfo info, bool throwing)
    {
        PyRuntime rt = Rt;
        int* code = info.CodePtr;
        PyObject** localsplus = InterpreterFrame.LocalsPlus(f);
        PyObject** stackBase = localsplus + f->Code->NLocalsPlus;
        PyObject** sp = stackBase + (f->StackTop - f->Code->NLocalsPlus);
        PyObject** consts = info.Consts;
        PyObject** names = info.Names;
        PyObject* kwnames = null;
        int pc = (int)f->PrevInstr + 1;
        int instrIndex = (int)f->PrevInstr;
        bool reraise = false;
        PyObject* retval = null;
        PyObject* x;
        int inlined = 0; // Python-to-Python calls running inline above the entry frame
        _yielded = false;

        {
            if (throwing)
            {
                goto Error;
            }

        Dispatch:
            while (true)
            {
                instrIndex = pc;
                f->PrevInstr = pc; // frame->prev_instr: the instruction running (tracebacks of unraisable errors)
                int word = code[pc++];
                int arg = word >> 8;
                PyObject* v;
                PyObject* w;
                switch ((OpCode)(byte)word)
                {
                    case OpCode.Nop:
                        continue;
                    case OpCode.PopTop:
                        v = *--sp;
                        rt.DecRef(v);
                        continue;
                    case OpCode.Copy:
                        v = sp[-arg];
                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.Swap:
                        v = sp[-1];
                        sp[-1] = sp[-arg];
                        sp[-arg] = v;
                        continue;
                    case OpCode.PushNull:
                        *sp++ = null;
                        continue;
                    case OpCode.LoadConst:
                        v = consts[arg];
                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.LoadFast:
                        v = localsplus[arg];
                        if (v == null)
                        {
                            RaiseUnboundLocal(info, arg);
                            goto Error;
                        }

                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.StoreFast:
                        v = *--sp;
                        x = localsplus[arg];
                        localsplus[arg] = v;
                        rt.XDecRef(x);
                        continue;
                    case OpCode.DeleteFast:
                        x = localsplus[arg];
                        if (x == null)
                        {
                            RaiseUnboundLocal(info, arg);
                            goto Error;
                        }

                        localsplus[arg] = null;
                        rt.DecRef(x);
                        continue;
                    case OpCode.LoadDeref:
                        v = PyRuntime.CellGet(localsplus[arg]);
                        if (v == null)
                        {
                            RaiseUnboundDeref(info, arg);
                            goto Error;
                        }

                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.StoreDeref:
                        v = *--sp;
                        rt.CellSet(localsplus[arg], v);
                        rt.DecRef(v);
                        continue;
                    case OpCode.DeleteDeref:
                        if (PyRuntime.CellGet(localsplus[arg]) == null)
                        {
                            RaiseUnboundDeref(info, arg);
                            goto Error;
                        }

                        rt.CellSet(localsplus[arg], null);
                        continue;
                    case OpCode.LoadClosure:
                        v = localsplus[arg];
                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.LoadClassDeref:
                        v = LoadClassDeref(f, info, arg);
                        if (v == null)
                        {
                            goto Error;
                        }

                        *sp++ = v;
                        continue;
                    case OpCode.LoadName:
                        v = LoadName(f, names[arg]);
                        if (v == null)
                        {
                            goto Error;
                        }

                        *sp++ = v;
                        continue;
                    case OpCode.StoreName:
                        v = *--sp;
                        if (StoreName(f, names[arg], v) < 0)
                        {
                            rt.DecRef(v);
                            goto Error;
                        }

                        rt.DecRef(v);
                        continue;
                    case OpCode.DeleteName:
                        if (DeleteName(f, names[arg]) < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.LoadGlobal:
                        v = LoadGlobalCached(f, info, arg);
                        if (v == null)
                        {
                            goto Error;
                        }

                        *sp++ = v;
                        continue;
                    case OpCode.StoreGlobal:
                        v = *--sp;
                        int sg = rt.DictSetItem(f->Globals, names[arg], v);
                        rt.DecRef(v);
                        if (sg < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DeleteGlobal:
                        if (rt.DictDelItem(f->Globals, names[arg]) < 0)
                        {
                            if (rt.ErrorMatches(rt.KeyErrorType))
                            {
                                rt.ClearError();
                                RaiseNameError(names[arg]);
                            }

                            goto Error;
                        }

                        continue;
                    case OpCode.LoadAttr:
                        v = sp[-1];
                        x = GetAttr(v, names[arg]);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.StoreAttr:
                        v = sp[-1];
                        w = sp[-2];
                        sp -= 2;
                        int sa = SetAttr(v, names[arg], w);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (sa < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DeleteAttr:
                        v = *--sp;
                        int da = SetAttr(v, names[arg], null);
                        rt.DecRef(v);
                        if (da < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.LoadMethod:
                        v = sp[-1];
                        if (!LoadMethod(v, names[arg], out PyObject* meth, out PyObject* self))
                        {
                            sp--;
                            rt.DecRef(v);
                            goto Error;
                        }

                        rt.DecRef(v);
                        sp[-1] = meth;
                        *sp++ = self;
                        continue;
                    case OpCode.BinaryOp:
                        w = *--sp;
                        v = sp[-1];
                        if ((arg & 15) == BinaryOps.Add && v->Type == rt.StrType && w->Type == rt.StrType
                            && (OpCode)(byte)code[pc] == OpCode.StoreFast && localsplus[code[pc] >> 8] == v)
                        {
                            // BINARY_OP_INPLACE_ADD_UNICODE: `s = s + t` / `s += t` into the local
                            // holding s appends in place when s has no other reference; the
                            // STORE_FAST is done with it.
                            sp--;
                            rt.DecRef(v);
                            bool appended = rt.StrAppend(localsplus + (code[pc] >> 8), w);
                            rt.DecRef(w);
                            pc++;
                            if (!appended)
                            {
                                goto Error;
                            }

                            continue;
                        }

                        x = BinaryOpFast(rt, v, w, arg);
                        if (x == null)
                        {
                            x = BinaryOp(v, w, arg);
                        }

                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.UnaryPositive:
                    case OpCode.UnaryNegative:
                    case OpCode.UnaryInvert:
                        v = sp[-1];
                        x = UnaryOp(v, (OpCode)(byte)word);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.UnaryNot:
                        v = sp[-1];
                        int nt = IsTrue(v);
                        rt.DecRef(v);
                        if (nt < 0)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = PyRuntime.NewRef(nt == 0 ? rt.True : rt.False);
                        continue;
                    case OpCode.CompareOp:
                        w = *--sp;
                        v = sp[-1];
                        if (v->Type == rt.IntType && w->Type == rt.IntType && IsJumpAfterIntCompare(v, w, code[pc]))
                        {
                            // COMPARE_OP_INT_JUMP (3.11's specialisation for two single-digit ints
                            // before a conditional jump): no bool, no recursion check.
                            bool taken = IntCompareTaken(v, w, arg, code[pc]);
                            sp--;
                            rt.DecRef(v);
                            rt.DecRef(w);
                            pc = taken ? code[pc] >> 8 : pc + 1;
                            continue;
                        }

                        if (IsJumpAfterFloatCompare(rt, v, w, code[pc]))
                        {
                            bool taken = FloatCompareTaken(v, w, arg, code[pc]);
                            sp--;
                            rt.DecRef(v);
                            rt.DecRef(w);
                            pc = taken ? code[pc] >> 8 : pc + 1;
                            continue;
                        }

                        x = RichCompare(v, w, (CompareOp)arg);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.IsOp:
                        w = *--sp;
                        v = sp[-1];
                        bool same = (v == w) ^ (arg != 0);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        sp[-1] = PyRuntime.NewRef(same ? rt.True : rt.False);
                        continue;
                    case OpCode.ContainsOp:
                        w = *--sp;
                        v = sp[-1];
                        int ct = Contains(w, v);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (ct < 0)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = PyRuntime.NewRef((ct != 0) ^ (arg != 0) ? rt.True : rt.False);
                        continue;
                    case OpCode.BinarySubscr:
                        w = *--sp;
                        v = sp[-1];
                        x = GetItem(v, w);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.StoreSubscr:
                        // Stack: value, container, key.
                        w = sp[-1];
                        v = sp[-2];
                        x = sp[-3];
                        sp -= 3;
                        int ss = SetItem(v, w, x);
                        rt.DecRef(x);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (ss < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DeleteSubscr:
                        w = sp[-1];
                        v = sp[-2];
                        sp -= 2;
                        int ds = SetItem(v, w, null);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (ds < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.BuildSlice:
                        {
                            PyObject* step = arg == 3 ? *--sp : null;
                            w = *--sp;
                            v = *--sp;
                            x = rt.NewSlice(v, w, step);
                            rt.DecRef(v);
                            rt.DecRef(w);
                            rt.XDecRef(step);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.BuildTuple:
                        x = rt.NewTuple(arg);
                        if (x == null)
                        {
                            goto Error;
                        }

                        for (int i = arg - 1; i >= 0; i--)
                        {
                            PyRuntime.TupleItems(x)[i] = *--sp;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildList:
                        x = rt.NewList(arg);
                        if (x == null)
                        {
                            goto Error;
                        }

                        for (int i = arg - 1; i >= 0; i--)
                        {
                            PyRuntime.ListItems(x)[i] = *--sp;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildSet:
                        x = rt.NewSet((PyObject*)null);
                        if (x == null)
                        {
                            goto Error;
                        }

                        {
                            int err = 0;
                            for (int i = arg; i > 0; i--)
                            {
                                if (err == 0 && rt.SetAdd(x, sp[-i]) < 0)
                                {
                                    err = -1;
                                }

                                rt.DecRef(sp[-i]);
                            }

                            sp -= arg;
                            if (err < 0)
                            {
                                rt.DecRef(x);
                                goto Error;
                            }
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildMap:
                        x = rt.NewDictPresized(arg, AllExactStr(sp - (2 * arg), arg, 2));
                        if (x == null)
                        {
                            goto Error;
                        }

                        {
                            int err = 0;
                            for (int i = arg; i > 0; i--)
                            {
                                if (err == 0 && rt.DictSetItem(x, sp[-2 * i], sp[(-2 * i) + 1]) < 0)
                                {
                                    err = -1;
                                }
                            }

                            for (int i = 1; i <= 2 * arg; i++)
                            {
                                rt.DecRef(sp[-i]);
                            }

                            sp -= 2 * arg;
                            if (err < 0)
                            {
                                rt.DecRef(x);
                                goto Error;
                            }
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildConstKeyMap:
                        {
                            PyObject* keys = *--sp;
                            x = rt.NewDictPresized(arg, AllExactStr(PyRuntime.TupleItems(keys), arg, 1));
                            int err = x == null ? -1 : 0;
                            for (int i = 0; i < arg; i++)
                            {
                                if (err == 0 && rt.DictSetItem(x, PyRuntime.TupleItems(keys)[i], sp[i - arg]) < 0)
                                {
                                    err = -1;
                                }
                            }

                            for (int i = 1; i <= arg; i++)
                            {
                                rt.DecRef(sp[-i]);
                            }

                            sp -= arg;
                            rt.DecRef(keys);
                            if (err < 0)
                            {
                                rt.XDecRef(x);
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.BuildString:
                        x = JoinStrings(sp - arg, arg);
                        for (int i = 1; i <= arg; i++)
                        {
                            rt.DecRef(sp[-i]);
                        }

                        sp -= arg;
                        if (x == null)
                        {
                            goto Error;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.ListAppend:
                        v = *--sp;
                        bool la = rt.ListAppend(sp[-arg], v);
                        rt.DecRef(v);
                        if (!la)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.SetAdd:
                        v = *--sp;
                        int sadd = rt.SetAdd(sp[-arg], v);
                        rt.DecRef(v);
                        if (sadd < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.MapAdd:
                        w = *--sp;
                        v = *--sp;
                        int madd = rt.DictSetItem(sp[-arg], v, w);
                        rt.DecRef(v);
                        rt.DecRef(w);
                        if (madd < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.ListExtend:
                        v = *--sp;
                        int le = ListExtend(sp[-arg], v);
                        rt.DecRef(v);
                        if (le < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.SetUpdate:
                        v = *--sp;
                        int su = SetUpdate(sp[-arg], v);
                        rt.DecRef(v);
                        if (su < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DictUpdate:
                    case OpCode.DictMerge:
                        v = *--sp;
                        int dm = DictMergeFromStack(sp[-arg], v, (OpCode)(byte)word == OpCode.DictMerge, sp[-arg - 2]);
                        rt.DecRef(v);
                        if (dm < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.ListToTuple:
                        v = sp[-1];
                        x = ListAsTuple(v);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.FormatValue:
                        {
                            PyObject* spec = (arg & 4) != 0 ? *--sp : null;
                            v = sp[-1];
                            x = FormatValue(v, arg & 3, spec);
                            rt.DecRef(v);
                            rt.XDecRef(spec);
                            if (x == null)
                            {
                                sp--;
                                goto Error;
                            }

                            sp[-1] = x;
                            continue;
                        }

                    case OpCode.UnpackSequence:
                        v = *--sp;
                        if (!UnpackSequence(v, arg, -1, sp))
                        {
                            rt.DecRef(v);
                            goto Error;
                        }

                        rt.DecRef(v);
                        sp += arg;
                        continue;
                    case OpCode.UnpackEx:
                        v = *--sp;
                        {
                            int before = arg & 0xFF;
                            int after = arg >> 8;
                            if (!UnpackSequence(v, before, after, sp))
                            {
                                rt.DecRef(v);
                                goto Error;
                            }

                            rt.DecRef(v);
                            sp += before + after + 1;
                        }

                        continue;
                    case OpCode.Jump:
                        pc = arg;
                        if (arg <= instrIndex && !CheckPeriodic())
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.PopJumpIfFalse:
                    case OpCode.PopJumpIfTrue:
                        v = *--sp;
                        int t;
                        if (v == rt.True)
                        {
                            t = 1;
                        }
                        else if (v == rt.False)
                        {
                            t = 0;
                        }
                        else
                        {
                            t = IsTrue(v);
                        }

                        rt.DecRef(v);
                        if (t < 0)
                        {
                            goto Error;
                        }

                        if ((t != 0) == ((OpCode)(byte)word == OpCode.PopJumpIfTrue))
                        {
                            pc = arg;
                        }

                        continue;
                    case OpCode.JumpIfFalseOrPop:
                    case OpCode.JumpIfTrueOrPop:
                        v = sp[-1];
                        int tj = IsTrue(v);
                        if (tj < 0)
                        {
                            goto Error;
                        }

                        if ((tj != 0) == ((OpCode)(byte)word == OpCode.JumpIfTrueOrPop))
                        {
                            pc = arg;
                        }
                        else
                        {
                            sp--;
                            rt.DecRef(v);
                        }

                        continue;
                    case OpCode.PopJumpIfNone:
                    case OpCode.PopJumpIfNotNone:
                        v = *--sp;
                        if ((v == rt.None) == ((OpCode)(byte)word == OpCode.PopJumpIfNone))
                        {
                            pc = arg;
                        }

                        rt.DecRef(v);
                        continue;
                    case OpCode.GetIter:
                        v = sp[-1];
                        x = GetIter(v);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.ForIter:
                        v = sp[-1];
                        x = ForIterFast(rt, v);
                        if (x != NotCovered)
                        {
                            if (x != null)
                            {
                                *sp++ = x;
                                continue;
                            }

                            if (rt.ErrorOccurred)
                            {
                                goto Error;
                            }

                            sp--;
                            rt.DecRef(v);
                            pc = arg;
                            continue;
                        }

                        x = IterNext(v);
                        if (x != null)
                        {
                            *sp++ = x;
                            continue;
                        }

                        if (rt.ErrorOccurred)
                        {
                            if (!rt.ErrorMatches(rt.StopIterationType))
                            {
                                goto Error;
                            }

                            rt.ClearError();
                        }

                        sp--;
                        rt.DecRef(v);
                        pc = arg;
                        continue;
                    case OpCode.KwNames:
                        kwnames = consts[arg];
                        continue;
                    case OpCode.Call:
                        {
                            int nargs = arg;
                            PyObject* callable = sp[-nargs - 1];
                            PyObject* method = sp[-nargs - 2];
                            PyObject** args = sp - nargs;
                            if (method != null)
                            {
                                callable = method;
                                args--;
                                nargs++;
                            }

                            f->StackTop = (int)(sp - localsplus);
                            f->PrevInstr = instrIndex;
                            if (kwnames == null && callable->Type == rt.PyFunctionType)
                            {
                                var fn = (PyFunctionObject*)callable;
                                var fcode = (PyCodeObject*)fn->Code;
                                CodeInfo callee = Unsafe.As<CodeInfo>(rt.GetManaged(fcode->ManagedId));
                                if (nargs == fcode->ArgCount && callee.SimpleArgs && !callee.IsGenerator)
                                {
                                    // The call runs inline (see "Inlined calls" in docs/design/interpreter.md).
                                    InterpreterFrame* nf = PushSimpleFrame(fn, fcode, callee, args, nargs, steal: true);
                                    if (!rt.EnterRecursiveCall(""))
                                    {
                                        rt.FrameClear(nf);
                                        PopFrame(nf);
                                        x = null;
                                        goto CallDone;
                                    }

                                    nf->Previous = f;
                                    CurrentFrame = nf;
                                    inlined++;
                                    f = nf;
                                    info = callee;
                                    code = callee.CodePtr;
                                    consts = callee.Consts;
                                    names = callee.Names;
                                    localsplus = InterpreterFrame.LocalsPlus(nf);
                                    stackBase = localsplus + fcode->NLocalsPlus;
                                    sp = stackBase;
                                    pc = 0;
                                    continue;
                                }
                            }

                            nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
                            x = callable->Type == rt.PyFunctionType
                                ? CallPyFunction(callable, args, nargs - nkw, kwnames, steal: true)
                                : Call(callable, args, nargs - nkw, kwnames);
                            kwnames = null;
                            for (int i = 1; i <= arg + 2; i++)
                            {
                                rt.XDecRef(sp[-i]);
                            }

                            sp -= arg + 2;
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.CallFunctionEx:
                        {
                            PyObject* kwargs = (arg & 1) != 0 ? *--sp : null;
                            PyObject* callargs = *--sp;
                            PyObject* func = *--sp;
                            PyObject* nul = *--sp;
                            f->StackTop = (int)(sp - localsplus);
                            f->PrevInstr = instrIndex;
                            x = CallFunctionEx(func, callargs, kwargs);
                            rt.DecRef(func);
                            rt.DecRef(callargs);
                            rt.XDecRef(kwargs);
                            rt.XDecRef(nul);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.MakeFunction:
                        {
                            PyObject* codeObj = *--sp;
                            PyObject* closure = (arg & 8) != 0 ? *--sp : null;
                            PyObject* annotations = (arg & 4) != 0 ? *--sp : null;
                            PyObject* kwdefaults = (arg & 2) != 0 ? *--sp : null;
                            PyObject* defaults = (arg & 1) != 0 ? *--sp : null;
                            x = MakeFunction(f, codeObj, defaults, kwdefaults, annotations, closure);
                            rt.DecRef(codeObj);
                            rt.XDecRef(closure);
                            rt.XDecRef(annotations);
                            rt.XDecRef(kwdefaults);
                            rt.XDecRef(defaults);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.ReturnValue:
                        retval = *--sp;
                        f->StackTop = (int)(sp - localsplus);
                        f->PrevInstr = instrIndex;
                        if (inlined > 0)
                        {
                            x = retval;
                            retval = null;
                            goto InlineReturn;
                        }

                        goto Exit;
                    case OpCode.YieldValue:
                        retval = *--sp;
                        f->StackTop = (int)(sp - localsplus);
                        f->PrevInstr = instrIndex;
                        _yielded = true;
                        goto Exit;
                    case OpCode.GetYieldFromIter:
                        v = sp[-1];
                        x = GetYieldFromIter(v, info);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.Send:
                        {
                            // Stack: receiver, value.
                            v = *--sp;
                            PyObject* receiver = sp[-1];
                            f->StackTop = (int)(sp - localsplus);
                            f->PrevInstr = instrIndex;
                            int status = SendTo(receiver, v, out x);
                            rt.DecRef(v);
                            if (status < 0)
                            {
                                goto Error;
                            }

                            if (status == 0)
                            {
                                // Returned: pop the receiver, push the return value, jump.
                                sp--;
                                rt.DecRef(receiver);
                                *sp++ = x;
                                pc = arg;
                                continue;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.RaiseVarargs:
                        {
                            PyObject* cause = arg == 2 ? *--sp : null;
                            PyObject* exc = arg >= 1 ? *--sp : null;
                            f->StackTop = (int)(sp - localsplus);
                            bool reraiseCurrent = DoRaise(exc, cause);
                            rt.XDecRef(exc);
                            rt.XDecRef(cause);
                            if (reraiseCurrent)
                            {
                                reraise = true;
                            }

                            goto Error;
                        }

                    case OpCode.Reraise:
                        v = *--sp;
                        rt.SetErrorObject(v);
                        reraise = true;
                        goto Error;
                    case OpCode.PushExcInfo:
                        v = sp[-1];
                        x = ExcInfo[0];
                        sp[-1] = x == null ? PyRuntime.NewRef(rt.None) : x;
                        ExcInfo[0] = PyRuntime.NewRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.PopExcept:
                        v = *--sp;
                        x = ExcInfo[0];
                        ExcInfo[0] = v == rt.None ? null : v;
                        if (v == rt.None)
                        {
                            rt.DecRef(v);
                        }

                        rt.XDecRef(x);
                        continue;
                    case OpCode.CheckExcMatch:
                        w = *--sp;
                        v = sp[-1];
                        int cm = ExceptionMatches(v, w);
                        rt.DecRef(w);
                        if (cm < 0)
                        {
                            goto Error;
                        }

                        *sp++ = PyRuntime.NewRef(cm != 0 ? rt.True : rt.False);
                        continue;
                    case OpCode.BeforeWith:
                        v = sp[-1];
                        if (!BeforeWith(v, out PyObject* exitFn, out PyObject* entered))
                        {
                            sp--;
                            rt.DecRef(v);
                            goto Error;
                        }

                        rt.DecRef(v);
                        sp[-1] = exitFn;
                        *sp++ = entered;
                        continue;
                    case OpCode.WithExceptStart:
                        // Stack: exit, prev_exc, exc.
                        x = CallExitWithException(sp[-3], sp[-1]);
                        if (x == null)
                        {
                            goto Error;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.SetupAnnotations:
                        if (SetupAnnotations(f) < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.ImportName:
                        {
                            PyObject* fromlist = *--sp;
                            PyObject* level = sp[-1];
                            f->StackTop = (int)(sp - localsplus);
                            f->PrevInstr = instrIndex;
                            x = ImportName(f, names[arg], fromlist, level);
                            rt.DecRef(fromlist);
                            rt.DecRef(level);
                            if (x == null)
                            {
                                sp--;
                                goto Error;
                            }

                            sp[-1] = x;
                            continue;
                        }

                    case OpCode.ImportFrom:
                        x = ImportFrom(sp[-1], names[arg]);
                        if (x == null)
                        {
                            goto Error;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.ImportStar:
                        v = *--sp;
                        int ist = ImportStar(f, v);
                        rt.DecRef(v);
                        if (ist < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.LoadBuildClass:
                        v = rt.DictGetItemStr(f->Builtins, Str("__build_class__"));
                        if (v == null)
                        {
                            rt.SetError(NameErrorType, "__build_class__ not found");
                            goto Error;
                        }

                        PyRuntime.IncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.LoadAssertionError:
                        *sp++ = PyRuntime.NewRef((PyObject*)AssertionErrorType);
                        continue;
                    case OpCode.CheckEgMatch:
                        f->StackTop = (int)(sp - localsplus);
                        if (!ExceptStarMatch(--sp))
                        {
                            goto Error;
                        }

                        sp++;
                        continue;
                    case OpCode.PrepReraiseStar:
                        v = *--sp;
                        x = PrepReraiseStar(sp[-1], v);
                        rt.DecRef(v);
                        if (x == null)
                        {
                            goto Error;
                        }

                        rt.DecRef(sp[-1]);
                        sp[-1] = x;
                        continue;
                    default:
                        rt.SetError(rt.SystemErrorType, $"unknown opcode {(OpCode)(byte)word}");
                        goto Error;
                }
            }

        Error:
            {
                PyObject* exc = rt.FetchError();
                if (exc == null)
                {
                    rt.SetError(rt.SystemErrorType, "error return without exception set");
                    exc = rt.FetchError();
                }

                f->PrevInstr = instrIndex;
                if (!reraise)
                {
                    if (ExceptionTraceback(exc) == null)
                    {
                        ChainContext(exc);
                    }

                    AddTraceback(f, info, exc, instrIndex);
                }

                reraise = false;
                kwnames = null;
                int h = instrIndex >= 0 && instrIndex < info.Source.HandlerOf.Length ? info.Source.HandlerOf[instrIndex] : -1;
                if (h < 0)
                {
                    // No handler: unwind this frame.
                    while (sp > stackBase)
                    {
                        rt.XDecRef(*--sp);
                    }

                    f->StackTop = (int)(sp - localsplus);
                    rt.SetErrorObject(exc);
                    retval = null;
                    if (inlined > 0)
                    {
                        x = null;
                        goto InlineReturn;
                    }

                    goto Exit;
                }

                HandlerEntry entry = info.Source.Handlers[h];
                PyObject** target = stackBase + entry.Depth;
                while (sp > target)
                {
                    rt.XDecRef(*--sp);
                }

                *sp++ = exc;
                pc = entry.Target;
                goto Dispatch;
            }

        InlineReturn:
            {
                // An inlined frame returned x (null with an error set): what EvalFrame and
                // CallSimple do after Run, then back to the caller's CALL.
                InterpreterFrame* done = f;
                f = done->Previous;
                CurrentFrame = f;
                rt.LeaveRecursiveCall();
                rt.FrameClear(done);
                PopFrame(done);
                inlined--;
                info = Unsafe.As<CodeInfo>(rt.GetManaged(f->Code->ManagedId));
                code = info.CodePtr;
                consts = info.Consts;
                names = info.Names;
                localsplus = InterpreterFrame.LocalsPlus(f);
                stackBase = localsplus + f->Code->NLocalsPlus;
                sp = localsplus + f->StackTop;
                instrIndex = (int)f->PrevInstr;
                pc = instrIndex + 1;
                kwnames = null;
            }

        CallDone:
            {
                // The CALL at instrIndex got x (null with an error set): drop the callable,
                // the self or NULL and what is left of the arguments.
                int callArg = code[instrIndex] >> 8;
                for (int i = 1; i <= callArg + 2; i++)
                {
                    rt.XDecRef(sp[-i]);
                }

                sp -= callArg + 2;
                if (x == null)
                {
                    goto Error;
                }

                *sp++ = x;
                goto Dispatch;
            }

        Exit:
            return retval;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RaiseUnboundLocal(CodeInfo info, int index)
    {
        string name = info.Source.VarNames[index];
        Rt.SetError(UnboundLocalErrorType, $"cannot access local variable '{name}' where it is not associated with a value");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RaiseUnboundDeref(CodeInfo info, int index)
    {
        int cell = index - info.NLocals;
        if (cell < info.NCells)
        {
            string name = info.Source.CellVars[cell];
            Rt.SetError(UnboundLocalErrorType, $"cannot access local variable '{name}' where it is not associated with a value");
        }
        else
        {
            string name = info.Source.FreeVars[cell - info.NCells];
            Rt.SetError(NameErrorType, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsJumpAfterIntCompare(PyObject* v, PyObject* w, int next)
    {
        nint sv = ((PyVarObject*)v)->Size;
        nint sw = ((PyVarObject*)w)->Size;
        OpCode op = (OpCode)(byte)next;
        return sv >= -1 && sv <= 1 && sw >= -1 && sw <= 1 && (op == OpCode.PopJumpIfFalse || op == OpCode.PopJumpIfTrue);
    }

    /// <summary>Whether the jump after `v op w` (two single-digit ints) is taken.</summary>
    private static bool IntCompareTaken(PyObject* v, PyObject* w, int op, int jump)
    {
        int c = PyRuntime.IntCompare(v, w);
        bool r = (CompareOp)op switch
        {
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        };
        return r == ((OpCode)(byte)jump == OpCode.PopJumpIfTrue);
    }

    /// <summary>The periodic check of backward jumps: nothing to do yet (no signals, no threads).</summary>
    private static bool CheckPeriodic() => true;
}
