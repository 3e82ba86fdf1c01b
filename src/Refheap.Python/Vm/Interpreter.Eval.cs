using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Python.Compiler;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The evaluation loop (Python/ceval.c, 3.11: _PyEval_EvalFrameDefault). One C# call per
// Python frame; the value stack lives in the frame's localsplus after the locals.
internal sealed unsafe partial class Interpreter
{
    private PyObject* Run(InterpreterFrame* f, CodeInfo info, bool throwing)
    {
        if (_loopIntType == null)
        {
            InitLoopCache();
        }

        PyRuntime rt = Rt;
        int* code = info.CodePtr;
        PyObject** localsplus = LoopLocalsPlus(f);
        PyObject** stackBase = localsplus + f->Code->NLocalsPlus;
        PyObject** sp = stackBase + (f->StackTop - f->Code->NLocalsPlus);
        PyObject** consts = info.Consts;
        PyObject** names = info.Names;
        PyObject* kwnames = null;
        nint pc = (nint)f->PrevInstr + 1;
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
                // frame->prev_instr: the instruction running (tracebacks, handlers, the CALL a
                // returning inlined frame goes back to); the loop keeps no other copy of it.
                f->PrevInstr = pc;
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
                        LoopDecRef(rt, v);
                        continue;
                    case OpCode.Copy:
                        v = sp[-arg];
                        LoopIncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.Swap:
                        v = sp[-1];
                        sp[-1] = sp[-arg];
                        sp[-arg] = v;
                        continue;
                    case OpCode.PushNull:
                        *sp++ = null;

                        // The callable of a plain call comes next, most often a global.
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.LoadGlobal)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadGlobal;
                        }

                        continue;
                    case OpCode.LoadConst:
                        v = consts[arg];
                        LoopIncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.LoadFast:
                        // Case-local temporaries (here and in STORE_FAST): short-lived values
                        // the JIT keeps in registers, where the method-wide v and x are spilled.
                        PyObject* loaded = localsplus[arg];
                        if (loaded == null)
                        {
                            RaiseUnboundLocal(info, arg);
                            goto Error;
                        }

                        LoopIncRef(loaded);
                        *sp++ = loaded;

                        // LOAD_FAST__LOAD_FAST: the next instruction's case is entered directly
                        // (PREDICT in ceval.c), with the state a dispatch would have set.
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.LoadFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadFast;
                        }

                        // LOAD_FAST__LOAD_CONST.
                        if ((OpCode)(byte)word == OpCode.LoadConst)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadConst;
                        }

                        continue;
                    case OpCode.StoreFast:
                        PyObject* old = localsplus[arg];
                        localsplus[arg] = *--sp;
                        LoopXDecRef(rt, old);

                        // STORE_FAST__LOAD_FAST, and the backward jump that closes a loop body.
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.LoadFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadFast;
                        }

                        if ((OpCode)(byte)word == OpCode.Jump)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.Jump;
                        }

                        continue;
                    case OpCode.DeleteFast:
                        x = localsplus[arg];
                        if (x == null)
                        {
                            RaiseUnboundLocal(info, arg);
                            goto Error;
                        }

                        localsplus[arg] = null;
                        LoopDecRef(rt, x);
                        continue;
                    case OpCode.LoadDeref:
                        v = LoopCellGet(localsplus[arg]);
                        if (v == null)
                        {
                            RaiseUnboundDeref(info, arg);
                            goto Error;
                        }

                        LoopIncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.StoreDeref:
                        v = *--sp;
                        rt.CellSet(localsplus[arg], v);
                        LoopDecRef(rt, v);
                        continue;
                    case OpCode.DeleteDeref:
                        if (LoopCellGet(localsplus[arg]) == null)
                        {
                            RaiseUnboundDeref(info, arg);
                            goto Error;
                        }

                        rt.CellSet(localsplus[arg], null);
                        continue;
                    case OpCode.LoadClosure:
                        v = localsplus[arg];
                        LoopIncRef(v);
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
                            LoopDecRef(rt, v);
                            goto Error;
                        }

                        LoopDecRef(rt, v);
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

                        // A global callable's first argument, most often a local.
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.LoadFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadFast;
                        }

                        continue;
                    case OpCode.StoreGlobal:
                        v = *--sp;
                        int sg = rt.DictSetItem(f->Globals, names[arg], v);
                        LoopDecRef(rt, v);
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
                        LoopDecRef(rt, v);
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
                        int sa = StoreAttr(v, names[arg], w);
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
                        if (sa < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DeleteAttr:
                        v = *--sp;
                        int da = SetAttr(v, names[arg], null);
                        LoopDecRef(rt, v);
                        if (da < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.LoadMethod:
                        v = sp[-1];
                        x = LoadMethodNoDict(rt, v, names[arg]);
                        if (x != null)
                        {
                            // The reference to the object moves from the top of the stack to self.
                            sp[-1] = LoopNewRef(x);
                            *sp++ = v;
                            continue;
                        }

                        if (!LoadMethod(v, names[arg], out PyObject* meth, out PyObject* self))
                        {
                            sp--;
                            LoopDecRef(rt, v);
                            goto Error;
                        }

                        LoopDecRef(rt, v);
                        sp[-1] = meth;
                        *sp++ = self;
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.LoadFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.LoadFast;
                        }

                        continue;
                    case OpCode.BinaryOp:
                        w = *--sp;
                        v = sp[-1];
                        if ((arg & 15) == BinaryOps.Add && v->Type == _loopStrType && w->Type == _loopStrType
                            && (OpCode)(byte)code[pc] == OpCode.StoreFast && localsplus[code[pc] >> 8] == v)
                        {
                            // BINARY_OP_INPLACE_ADD_UNICODE: `s = s + t` / `s += t` into the local
                            // holding s appends in place when s has no other reference; the
                            // STORE_FAST is done with it.
                            sp--;
                            LoopDecRef(rt, v);
                            bool appended = rt.StrAppend(localsplus + (code[pc] >> 8), w);
                            LoopDecRef(rt, w);
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

                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
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
                        LoopDecRef(rt, v);
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
                        LoopDecRef(rt, v);
                        if (nt < 0)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = LoopNewRef(nt == 0 ? _loopTrue : _loopFalse);
                        continue;
                    case OpCode.CompareOp:
                        w = *--sp;
                        v = sp[-1];
                        if (v->Type == _loopIntType && w->Type == _loopIntType && IsJumpAfterIntCompare(v, w, code[pc]))
                        {
                            // COMPARE_OP_INT_JUMP (3.11's specialisation for two single-digit ints
                            // before a conditional jump): no bool, no recursion check.
                            bool taken = IntCompareTaken(v, w, arg, code[pc]);
                            sp--;
                            LoopDecRef(rt, v);
                            LoopDecRef(rt, w);
                            pc = taken ? code[pc] >> 8 : pc + 1;
                            continue;
                        }

                        if (IsJumpAfterFloatCompare(v, w, code[pc]))
                        {
                            bool taken = FloatCompareTaken(v, w, arg, code[pc]);
                            sp--;
                            LoopDecRef(rt, v);
                            LoopDecRef(rt, w);
                            pc = taken ? code[pc] >> 8 : pc + 1;
                            continue;
                        }

                        x = v->Type == _loopIntType && w->Type == _loopIntType && LoopIsMediumInt(v) && LoopIsMediumInt(w)
                            ? MediumIntCompare(v, w, arg)
                            : RichCompare(v, w, (CompareOp)arg);
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
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
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.PopJumpIfFalse || (OpCode)(byte)word == OpCode.PopJumpIfTrue)
                        {
                            // IS_OP then POP_JUMP_IF_*: the jump is decided here, without the bool
                            // (pushing True or False and popping it at once leaves its count as it was).
                            sp--;
                            pc = same == ((OpCode)(byte)word == OpCode.PopJumpIfTrue) ? word >> 8 : pc + 1;
                            continue;
                        }

                        sp[-1] = LoopNewRef(same ? _loopTrue : _loopFalse);
                        continue;
                    case OpCode.ContainsOp:
                        w = *--sp;
                        v = sp[-1];
                        int ct = Contains(w, v);
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
                        if (ct < 0)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = LoopNewRef((ct != 0) ^ (arg != 0) ? _loopTrue : _loopFalse);
                        continue;
                    case OpCode.BinarySubscr:
                        w = *--sp;
                        v = sp[-1];
                        x = SubscrFast(v, w);
                        if (x == null)
                        {
                            x = GetItem(v, w);
                        }

                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
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
                        int ss = v->Type == _loopDictType ? rt.DictSetItem(v, w, x) : SetItem(v, w, x);
                        LoopDecRef(rt, x);
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
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
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
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
                            LoopDecRef(rt, v);
                            LoopDecRef(rt, w);
                            LoopXDecRef(rt, step);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.BuildTuple:
                        PyObject* tuple = rt.NewTuple(arg);
                        if (tuple == null)
                        {
                            goto Error;
                        }

                        PyObject** tupleItems = LoopTupleItems(tuple);
                        for (int i = arg - 1; i >= 0; i--)
                        {
                            tupleItems[i] = *--sp;
                        }

                        *sp++ = tuple;
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.StoreFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.StoreFast;
                        }

                        continue;
                    case OpCode.BuildList:
                        PyObject* list = rt.NewList(arg);
                        if (list == null)
                        {
                            goto Error;
                        }

                        PyObject** listItems = LoopListItems(list);
                        for (int i = arg - 1; i >= 0; i--)
                        {
                            listItems[i] = *--sp;
                        }

                        *sp++ = list;
                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.StoreFast)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.StoreFast;
                        }

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

                                LoopDecRef(rt, sp[-i]);
                            }

                            sp -= arg;
                            if (err < 0)
                            {
                                LoopDecRef(rt, x);
                                goto Error;
                            }
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildMap:
                        x = rt.DictFromItems(sp - (2 * arg), 2, sp - (2 * arg) + 1, 2, arg);
                        for (int i = 1; i <= 2 * arg; i++)
                        {
                            LoopDecRef(rt, sp[-i]);
                        }

                        sp -= 2 * arg;
                        if (x == null)
                        {
                            goto Error;
                        }

                        *sp++ = x;
                        continue;
                    case OpCode.BuildConstKeyMap:
                        {
                            PyObject* keys = *--sp;
                            x = rt.DictFromItems(LoopTupleItems(keys), 1, sp - arg, 1, arg);
                            for (int i = 1; i <= arg; i++)
                            {
                                LoopDecRef(rt, sp[-i]);
                            }

                            sp -= arg;
                            LoopDecRef(rt, keys);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.BuildString:
                        x = JoinStrings(sp - arg, arg);
                        for (int i = 1; i <= arg; i++)
                        {
                            LoopDecRef(rt, sp[-i]);
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
                        LoopDecRef(rt, v);
                        if (!la)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.SetAdd:
                        v = *--sp;
                        int sadd = rt.SetAdd(sp[-arg], v);
                        LoopDecRef(rt, v);
                        if (sadd < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.MapAdd:
                        w = *--sp;
                        v = *--sp;
                        int madd = rt.DictSetItem(sp[-arg], v, w);
                        LoopDecRef(rt, v);
                        LoopDecRef(rt, w);
                        if (madd < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.ListExtend:
                        v = *--sp;
                        int le = ListExtend(sp[-arg], v);
                        LoopDecRef(rt, v);
                        if (le < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.SetUpdate:
                        v = *--sp;
                        int su = SetUpdate(sp[-arg], v);
                        LoopDecRef(rt, v);
                        if (su < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.DictUpdate:
                    case OpCode.DictMerge:
                        v = *--sp;
                        int dm = DictMergeFromStack(sp[-arg], v, (OpCode)(byte)word == OpCode.DictMerge, sp[-arg - 2]);
                        LoopDecRef(rt, v);
                        if (dm < 0)
                        {
                            goto Error;
                        }

                        continue;
                    case OpCode.ListToTuple:
                        v = sp[-1];
                        x = ListAsTuple(v);
                        LoopDecRef(rt, v);
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
                            LoopDecRef(rt, v);
                            LoopXDecRef(rt, spec);
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
                            LoopDecRef(rt, v);
                            goto Error;
                        }

                        LoopDecRef(rt, v);
                        sp += arg;
                        continue;
                    case OpCode.UnpackEx:
                        v = *--sp;
                        {
                            int before = arg & 0xFF;
                            int after = arg >> 8;
                            if (!UnpackSequence(v, before, after, sp))
                            {
                                LoopDecRef(rt, v);
                                goto Error;
                            }

                            LoopDecRef(rt, v);
                            sp += before + after + 1;
                        }

                        continue;
                    case OpCode.Jump:
                        pc = arg;
                        if (arg <= f->PrevInstr && !CheckPeriodic())
                        {
                            goto Error;
                        }

                        word = code[pc];
                        if ((OpCode)(byte)word == OpCode.ForIter)
                        {
                            f->PrevInstr = pc++;
                            arg = word >> 8;
                            goto case OpCode.ForIter;
                        }

                        continue;
                    case OpCode.PopJumpIfFalse:
                    case OpCode.PopJumpIfTrue:
                        v = *--sp;
                        int t;
                        if (v == _loopTrue)
                        {
                            t = 1;
                        }
                        else if (v == _loopFalse)
                        {
                            t = 0;
                        }
                        else
                        {
                            t = IsTrue(v);
                        }

                        LoopDecRef(rt, v);
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
                            LoopDecRef(rt, v);
                        }

                        continue;
                    case OpCode.PopJumpIfNone:
                    case OpCode.PopJumpIfNotNone:
                        v = *--sp;
                        if ((v == _loopNone) == ((OpCode)(byte)word == OpCode.PopJumpIfNone))
                        {
                            pc = arg;
                        }

                        LoopDecRef(rt, v);
                        continue;
                    case OpCode.GetIter:
                        v = sp[-1];
                        x = GetIter(v);
                        LoopDecRef(rt, v);
                        if (x == null)
                        {
                            sp--;
                            goto Error;
                        }

                        sp[-1] = x;
                        continue;
                    case OpCode.ForIter:
                        PyObject* iterator = sp[-1];
                        PyObject* item = ForIterFast(rt, iterator);
                        if (item != NotCovered)
                        {
                            if (item != null)
                            {
                                *sp++ = item;

                                // FOR_ITER's PREDICT(STORE_FAST).
                                word = code[pc];
                                if ((OpCode)(byte)word == OpCode.StoreFast)
                                {
                                    f->PrevInstr = pc++;
                                    arg = word >> 8;
                                    goto case OpCode.StoreFast;
                                }

                                continue;
                            }

                            if (rt.ErrorOccurred)
                            {
                                goto Error;
                            }

                            sp--;
                            LoopDecRef(rt, iterator);
                            pc = arg;
                            continue;
                        }

                        item = IterNext(iterator);
                        if (item != null)
                        {
                            *sp++ = item;
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
                        LoopDecRef(rt, iterator);
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

                            // Slots, by bytes: a pointer difference would be a signed division by 8.
                            f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                            if (kwnames == null && callable->Type == _loopFunctionType)
                            {
                                // The call runs inline (see "Inlined calls" in docs/design/interpreter.md):
                                // the callable, self-or-NULL and arguments leave this stack for the new frame.
                                f->StackTop -= arg + 2;
                                InterpreterFrame* nf = PushInlinedCall((PyFunctionObject*)callable, args, nargs, f);
                                if (nf != null)
                                {
                                    sp -= arg + 2;
                                    if ((nint)nf == InlinedCallFailed)
                                    {
                                        goto Error;
                                    }

                                    inlined++;
                                    f = nf;
                                    info = Unsafe.As<CodeInfo>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rt._managed), nf->Code->ManagedId))!;
                                    code = info.CodePtr;
                                    consts = info.Consts;
                                    names = info.Names;
                                    localsplus = &nf->LocalsPlus0;
                                    stackBase = localsplus + nf->Code->NLocalsPlus;
                                    sp = stackBase;
                                    pc = 0;
                                    continue;
                                }

                                f->StackTop += arg + 2;
                            }

                            nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
                            x = callable->Type == _loopFunctionType
                                ? CallPyFunction(callable, args, nargs - nkw, kwnames, steal: true)
                                : callable->Type == MethodDescriptorType
                                    ? CallMethodDescriptorSelf(callable, args, nargs - nkw, kwnames)
                                    : Call(callable, args, nargs - nkw, kwnames);
                            kwnames = null;

                            // 3.11's CALL clears the stack as Py_DECREF(function), then the
                            // arguments in order (self first), then drops the NULL; slots the call
                            // took over are null. The stack top drops first, so nothing that runs
                            // from a __del__ sees the slots being released.
                            PyObject** bottom = sp - (arg + 2);
                            PyObject** end = sp;
                            sp = bottom;
                            f->StackTop = (int)(((nint)bottom - (nint)localsplus) >> 3);
                            PyObject** argp = bottom + 2;
                            v = bottom[1];
                            if (bottom[0] != null)
                            {
                                v = bottom[0];
                                argp = bottom + 1;
                            }

                            LoopXDecRef(rt, v);
                            for (; argp < end; argp++)
                            {
                                LoopXDecRef(rt, *argp);
                            }

                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;

                            // The result is most often stored or dropped.
                            word = code[pc];
                            if ((OpCode)(byte)word == OpCode.StoreFast)
                            {
                                f->PrevInstr = pc++;
                                arg = word >> 8;
                                goto case OpCode.StoreFast;
                            }

                            if ((OpCode)(byte)word == OpCode.PopTop)
                            {
                                f->PrevInstr = pc++;
                                goto case OpCode.PopTop;
                            }

                            continue;
                        }

                    case OpCode.CallFunctionEx:
                        {
                            PyObject* kwargs = (arg & 1) != 0 ? *--sp : null;
                            PyObject* callargs = *--sp;
                            PyObject* func = *--sp;
                            PyObject* nul = *--sp;
                            f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                            x = CallFunctionEx(func, callargs, kwargs);
                            LoopDecRef(rt, func);
                            LoopDecRef(rt, callargs);
                            LoopXDecRef(rt, kwargs);
                            LoopXDecRef(rt, nul);
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
                            LoopDecRef(rt, codeObj);
                            LoopXDecRef(rt, closure);
                            LoopXDecRef(rt, annotations);
                            LoopXDecRef(rt, kwdefaults);
                            LoopXDecRef(rt, defaults);
                            if (x == null)
                            {
                                goto Error;
                            }

                            *sp++ = x;
                            continue;
                        }

                    case OpCode.ReturnValue:
                        retval = *--sp;
                        f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                        if (inlined > 0)
                        {
                            x = retval;
                            retval = null;
                            goto InlineReturn;
                        }

                        goto Exit;
                    case OpCode.YieldValue:
                        retval = *--sp;
                        f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                        _yielded = true;
                        goto Exit;
                    case OpCode.GetYieldFromIter:
                        v = sp[-1];
                        x = GetYieldFromIter(v, info);
                        LoopDecRef(rt, v);
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
                            f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                            int status = SendTo(receiver, v, out x);
                            LoopDecRef(rt, v);
                            if (status < 0)
                            {
                                goto Error;
                            }

                            if (status == 0)
                            {
                                // Returned: pop the receiver, push the return value, jump.
                                sp--;
                                LoopDecRef(rt, receiver);
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
                            f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                            bool reraiseCurrent = DoRaise(exc, cause);
                            LoopXDecRef(rt, exc);
                            LoopXDecRef(rt, cause);
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
                        sp[-1] = x == null ? LoopNewRef(_loopNone) : x;
                        ExcInfo[0] = LoopNewRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.PopExcept:
                        v = *--sp;
                        x = ExcInfo[0];
                        ExcInfo[0] = v == _loopNone ? null : v;
                        if (v == _loopNone)
                        {
                            LoopDecRef(rt, v);
                        }

                        LoopXDecRef(rt, x);
                        continue;
                    case OpCode.CheckExcMatch:
                        w = *--sp;
                        v = sp[-1];
                        int cm = ExceptionMatches(v, w);
                        LoopDecRef(rt, w);
                        if (cm < 0)
                        {
                            goto Error;
                        }

                        *sp++ = LoopNewRef(cm != 0 ? _loopTrue : _loopFalse);
                        continue;
                    case OpCode.BeforeWith:
                        v = sp[-1];
                        if (!BeforeWith(v, out PyObject* exitFn, out PyObject* entered))
                        {
                            sp--;
                            LoopDecRef(rt, v);
                            goto Error;
                        }

                        LoopDecRef(rt, v);
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
                            f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                            x = ImportName(f, names[arg], fromlist, level);
                            LoopDecRef(rt, fromlist);
                            LoopDecRef(rt, level);
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
                        LoopDecRef(rt, v);
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

                        LoopIncRef(v);
                        *sp++ = v;
                        continue;
                    case OpCode.LoadAssertionError:
                        *sp++ = LoopNewRef((PyObject*)AssertionErrorType);
                        continue;
                    case OpCode.CheckEgMatch:
                        f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
                        if (!ExceptStarMatch(--sp))
                        {
                            goto Error;
                        }

                        sp++;
                        continue;
                    case OpCode.PrepReraiseStar:
                        v = *--sp;
                        x = PrepReraiseStar(sp[-1], v);
                        LoopDecRef(rt, v);
                        if (x == null)
                        {
                            goto Error;
                        }

                        LoopDecRef(rt, sp[-1]);
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

                int instrIndex = (int)f->PrevInstr;
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
                        LoopXDecRef(rt, *--sp);
                    }

                    f->StackTop = (int)(((nint)sp - (nint)localsplus) >> 3);
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
                    LoopXDecRef(rt, *--sp);
                }

                *sp++ = exc;
                pc = entry.Target;
                goto Dispatch;
            }

        InlineReturn:
            {
                // An inlined frame returned x (null with an error set): back to the caller, whose
                // CALL already dropped the callable, self-or-NULL and arguments.
                f = PopInlinedFrame(f);
                inlined--;
                info = Unsafe.As<CodeInfo>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rt._managed), f->Code->ManagedId))!;
                code = info.CodePtr;
                consts = info.Consts;
                names = info.Names;
                localsplus = &f->LocalsPlus0;
                stackBase = localsplus + f->Code->NLocalsPlus;
                sp = localsplus + f->StackTop;
                pc = (int)f->PrevInstr + 1;
                kwnames = null;
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
        OpCode op = (OpCode)(byte)next;
        return LoopIsMediumInt(v) && LoopIsMediumInt(w) && (op == OpCode.PopJumpIfFalse || op == OpCode.PopJumpIfTrue);
    }

    /// <summary>
    /// For each comparison (CompareOp Lt, Le, Eq, Ne, Gt, Ge: three bits each, in that order),
    /// which signs of a - b (bit 0: negative, bit 1: zero, bit 2: positive) make it true.
    /// </summary>
    private const int IntCompareMasks = 0b001 | (0b011 << 3) | (0b010 << 6) | (0b101 << 9) | (0b100 << 12) | (0b110 << 15);

    /// <summary>Whether the jump after `v op w` (two ints of at most one digit) is taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IntCompareTaken(PyObject* v, PyObject* w, int op, int jump)
    {
        long a = LoopMediumValue(v);
        long b = LoopMediumValue(w);
        int sign = (a > b ? 1 : 0) - (a < b ? 1 : 0);
        bool r = ((IntCompareMasks >> ((3 * op) + sign + 1)) & 1) != 0;
        return r == ((OpCode)(byte)jump == OpCode.PopJumpIfTrue);
    }

    /// <summary>The periodic check of backward jumps: nothing to do yet (no signals, no threads).</summary>
    private static bool CheckPeriodic() => true;
}
