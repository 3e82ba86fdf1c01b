using System.Collections.Generic;
using System.Numerics;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// Expressions (compile.c: compiler_visit_expr and its helpers, 3.11).
public sealed partial class PyCompiler
{
    private void VisitExpr(ExprNode e)
    {
        (int, int, int, int) saved = B.Position;
        SetPosition(e);
        VisitExprCore(e);
        B.Position = saved;
    }

    private void VisitExprCore(ExprNode e)
    {
        switch (e)
        {
            case Constant c:
                LoadConst(ConstValue(c.Value));
                break;
            case Name n:
                NameOpFor(n.Id, n.Ctx switch { ExprContext.Load => NameOp.Load, ExprContext.Store => NameOp.Store, _ => NameOp.Delete });
                break;
            case BinOp or UnaryOp or Subscript when TryFold(e, out object? folded):
                LoadConst(ConstValue(folded));
                break;
            case BinOp bo:
                VisitExpr(bo.Left);
                VisitExpr(bo.Right);
                SetPosition(bo);
                Emit(OpCode.BinaryOp, OperatorCode(bo.Op));
                break;
            case UnaryOp uo:
                VisitExpr(uo.Operand);
                SetPosition(uo);
                Emit(uo.Op switch
                {
                    UnaryOperator.Not => OpCode.UnaryNot,
                    UnaryOperator.Invert => OpCode.UnaryInvert,
                    UnaryOperator.UAdd => OpCode.UnaryPositive,
                    _ => OpCode.UnaryNegative,
                });
                break;
            case BoolOp b:
                var end = new Label();
                OpCode jump = b.Op == BoolOperator.And ? OpCode.JumpIfFalseOrPop : OpCode.JumpIfTrueOrPop;
                for (int i = 0; i < b.Values.Count - 1; i++)
                {
                    VisitExpr(b.Values[i]);
                    EmitJump(jump, end);
                }

                VisitExpr(b.Values[^1]);
                B.Place(end);
                break;
            case Compare cmp:
                CompileCompare(cmp);
                break;
            case IfExp ie:
                var orelse = new Label();
                var done = new Label();
                CompileJumpIf(ie.Test, orelse, false);
                VisitExpr(ie.Body);
                EmitJump(OpCode.Jump, done);
                B.Place(orelse);
                VisitExpr(ie.Orelse);
                B.Place(done);
                break;
            case NamedExpr ne:
                VisitExpr(ne.Value);
                Emit(OpCode.Copy, 1);
                CompileStore(ne.Target);
                break;
            case AttributeExpr at:
                VisitExpr(at.Value);
                SetPosition(at);
                switch (at.Ctx)
                {
                    case ExprContext.Load:
                        Emit(OpCode.LoadAttr, NameIndex(Mangle(at.Attr)));
                        break;
                    case ExprContext.Store:
                        Emit(OpCode.StoreAttr, NameIndex(Mangle(at.Attr)));
                        break;
                    default:
                        Emit(OpCode.DeleteAttr, NameIndex(Mangle(at.Attr)));
                        break;
                }

                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                SetPosition(sub);
                Emit(sub.Ctx switch { ExprContext.Load => OpCode.BinarySubscr, ExprContext.Store => OpCode.StoreSubscr, _ => OpCode.DeleteSubscr });
                break;
            case Slice sl:
                int count = 2;
                LoadOrNone(sl.Lower);
                LoadOrNone(sl.Upper);
                if (sl.Step != null)
                {
                    VisitExpr(sl.Step);
                    count = 3;
                }

                Emit(OpCode.BuildSlice, count);
                break;
            case Call call:
                CompileCall(call);
                break;
            case TupleExpr te:
                if (te.Ctx == ExprContext.Store)
                {
                    CompileUnpackStore(te.Elts, te);
                }
                else if (te.Ctx == ExprContext.Del)
                {
                    foreach (ExprNode x in te.Elts)
                    {
                        CompileDelete(x);
                    }
                }
                else
                {
                    CompileSequence(te.Elts, OpCode.BuildTuple);
                }

                break;
            case ListExpr le:
                if (le.Ctx == ExprContext.Store)
                {
                    CompileUnpackStore(le.Elts, le);
                }
                else if (le.Ctx == ExprContext.Del)
                {
                    foreach (ExprNode x in le.Elts)
                    {
                        CompileDelete(x);
                    }
                }
                else
                {
                    CompileSequence(le.Elts, OpCode.BuildList);
                }

                break;
            case SetExpr se:
                CompileSequence(se.Elts, OpCode.BuildSet);
                break;
            case DictExpr d:
                CompileDict(d);
                break;
            case JoinedStr js:
                foreach (ExprNode v in js.Values)
                {
                    VisitExpr(v);
                }

                if (js.Values.Count != 1)
                {
                    Emit(OpCode.BuildString, js.Values.Count);
                }
                else if (js.Values[0] is Constant)
                {
                    // A lone literal part is already a str.
                }

                break;
            case FormattedValue fv:
                VisitExpr(fv.Value);
                int flags = fv.Conversion switch { 's' => 1, 'r' => 2, 'a' => 3, _ => 0 };
                if (fv.FormatSpec != null)
                {
                    VisitExpr(fv.FormatSpec);
                    flags |= 4;
                }

                Emit(OpCode.FormatValue, flags);
                break;
            case Lambda l:
                CompileLambda(l);
                break;
            case ListComp or SetComp or DictComp or GeneratorExp:
                CompileComprehension(e);
                break;
            case Yield y:
                if (y.Value != null)
                {
                    VisitExpr(y.Value);
                }
                else
                {
                    LoadConst(null);
                }

                SetPosition(y);
                Emit(OpCode.YieldValue);
                break;
            case YieldFrom yf:
                VisitExpr(yf.Value);
                Emit(OpCode.GetYieldFromIter);
                LoadConst(null);
                CompileYieldFromLoop();
                break;
            case Starred st:
                if (st.Ctx == ExprContext.Store)
                {
                    throw Error("starred assignment target must be in a list or tuple", st);
                }

                throw Error("can't use starred expression here", st);
            default:
                throw new System.NotImplementedException($"expression {e.GetType().Name} is not supported by Refheap");
        }
    }

    /// <summary>The SEND loop of `yield from` / the receiver and the value to send are on the stack.</summary>
    private void CompileYieldFromLoop()
    {
        var send = new Label();
        var exit = new Label();
        B.Place(send);
        EmitJump(OpCode.Send, exit);
        Emit(OpCode.YieldValue);
        EmitJump(OpCode.Jump, send);
        B.Place(exit);
    }

    private static object? ConstValue(object? v) => v;

    private void LoadOrNone(ExprNode? e)
    {
        if (e == null)
        {
            LoadConst(null);
        }
        else
        {
            VisitExpr(e);
        }
    }

    private void CompileCompare(Compare cmp)
    {
        CheckCompare(cmp);
        VisitExpr(cmp.Left);
        if (cmp.Ops.Count == 1)
        {
            VisitExpr(cmp.Comparators[0]);
            SetPosition(cmp);
            EmitCompare(cmp.Ops[0]);
            return;
        }

        var cleanup = new Label();
        var end = new Label();
        for (int i = 0; i < cmp.Ops.Count - 1; i++)
        {
            VisitExpr(cmp.Comparators[i]);
            Emit(OpCode.Swap, 2);
            Emit(OpCode.Copy, 2);
            SetPosition(cmp);
            EmitCompare(cmp.Ops[i]);
            EmitJump(OpCode.JumpIfFalseOrPop, cleanup);
        }

        VisitExpr(cmp.Comparators[^1]);
        SetPosition(cmp);
        EmitCompare(cmp.Ops[^1]);
        EmitJump(OpCode.Jump, end);
        B.Place(cleanup);
        B.SetDepth(B.Depth);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopTop);
        B.Place(end);
    }

    /// <summary>
    /// compiler_check_compare: `is`/`is not` with a literal operand (a constant other than
    /// None, True, False and Ellipsis, after 3.11's constant folding) gives a SyntaxWarning.
    /// </summary>
    private void CheckCompare(Compare cmp)
    {
        bool left = IsIdentityOperand(cmp.Left);
        for (int i = 0; i < cmp.Ops.Count; i++)
        {
            bool right = IsIdentityOperand(cmp.Comparators[i]);
            if (cmp.Ops[i] is CmpOp.Is or CmpOp.IsNot && (!left || !right))
            {
                string msg = cmp.Ops[i] == CmpOp.Is
                    ? "\"is\" with a literal. Did you mean \"==\"?"
                    : "\"is not\" with a literal. Did you mean \"!=\"?";
                _warnings.Add(new CompilerWarning(cmp.Lineno, msg));
                return;
            }

            left = right;
        }
    }

    /// <summary>check_is_arg on the folded tree: not a constant, or None, True, False or Ellipsis.</summary>
    private static bool IsIdentityOperand(ExprNode e) => !TryFold(e, out object? value) ||
        value is null or bool or Syntax.Ellipsis;

    private void EmitCompare(CmpOp op)
    {
        switch (op)
        {
            case CmpOp.Is:
                Emit(OpCode.IsOp, 0);
                break;
            case CmpOp.IsNot:
                Emit(OpCode.IsOp, 1);
                break;
            case CmpOp.In:
                Emit(OpCode.ContainsOp, 0);
                break;
            case CmpOp.NotIn:
                Emit(OpCode.ContainsOp, 1);
                break;
            default:
                Emit(OpCode.CompareOp, op switch
                {
                    CmpOp.Lt => 0,
                    CmpOp.LtE => 1,
                    CmpOp.Eq => 2,
                    CmpOp.NotEq => 3,
                    CmpOp.Gt => 4,
                    _ => 5,
                });
                break;
        }
    }

    private static bool HasStarred(List<ExprNode> elts)
    {
        foreach (ExprNode x in elts)
        {
            if (x is Starred)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>starunpack_helper: a tuple/list/set display, with * items merged in.</summary>
    private void CompileSequence(List<ExprNode> elts, OpCode build)
    {
        if (!HasStarred(elts))
        {
            if (build == OpCode.BuildTuple && elts.Count > 0 && TryFoldAll(elts, out object?[] constants))
            {
                LoadConst(new ConstTuple(constants));
                return;
            }

            // starunpack_helper (Python/compile.c, 3.11): more than two constant items of a list
            // or set become one constant extended into an empty display (list_extend then sizes
            // the list exactly); more than STACK_USE_GUARD items are appended one by one.
            if (build == OpCode.BuildList && elts.Count > 2 && TryFoldAll(elts, out object?[] listConstants))
            {
                Emit(OpCode.BuildList, 0);
                LoadConst(new ConstTuple(listConstants));
                Emit(OpCode.ListExtend, 1);
                return;
            }

            if (elts.Count <= StackUseGuard)
            {
                foreach (ExprNode x in elts)
                {
                    VisitExpr(x);
                }

                Emit(build, elts.Count);
                return;
            }
        }

        OpCode collect = build == OpCode.BuildSet ? OpCode.BuildSet : OpCode.BuildList;
        OpCode extend = build == OpCode.BuildSet ? OpCode.SetUpdate : OpCode.ListExtend;
        OpCode add = build == OpCode.BuildSet ? OpCode.SetAdd : OpCode.ListAppend;
        // The items before the first starred one go on the stack and into the display's build.
        bool built = false;
        if (elts.Count > StackUseGuard)
        {
            Emit(collect, 0);
            built = true;
        }

        for (int i = 0; i < elts.Count; i++)
        {
            if (elts[i] is Starred s)
            {
                if (!built)
                {
                    Emit(collect, i);
                    built = true;
                }

                VisitExpr(s.Value);
                Emit(extend, 1);
            }
            else
            {
                VisitExpr(elts[i]);
                if (built)
                {
                    Emit(add, 1);
                }
            }
        }

        if (build == OpCode.BuildTuple)
        {
            Emit(OpCode.ListToTuple);
        }
    }

    /// <summary>STACK_USE_GUARD (Python/compile.c, 3.11): longer displays build incrementally.</summary>
    private const int StackUseGuard = 30;


    private void CompileDict(DictExpr d)
    {
        bool hasUnpack = d.Keys.Contains(null);

        // compiler_subdict (Python/compile.c, 3.11): two or more items whose keys are all
        // constants, few enough for the stack guard, push only the values; the keys are one
        // constant tuple and BUILD_CONST_KEY_MAP makes the dict.
        if (!hasUnpack && d.Keys.Count > 1 && d.Keys.Count * 2 <= StackUseGuard && AllConstantKeys(d.Keys))
        {
            var keys = new object?[d.Keys.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                VisitExpr(d.Values[i]);
                keys[i] = ((Constant)d.Keys[i]!).Value;
            }

            LoadConst(new ConstTuple(keys));
            Emit(OpCode.BuildConstKeyMap, d.Keys.Count);
            return;
        }

        if (!hasUnpack)
        {
            foreach ((ExprNode? k, ExprNode v) in Zip(d.Keys, d.Values))
            {
                VisitExpr(k!);
                VisitExpr(v);
            }

            Emit(OpCode.BuildMap, d.Keys.Count);
            return;
        }

        Emit(OpCode.BuildMap, 0);
        for (int i = 0; i < d.Keys.Count; i++)
        {
            if (d.Keys[i] == null)
            {
                VisitExpr(d.Values[i]);
                Emit(OpCode.DictUpdate, 1);
            }
            else
            {
                VisitExpr(d.Keys[i]!);
                VisitExpr(d.Values[i]);
                Emit(OpCode.BuildMap, 1);
                Emit(OpCode.DictUpdate, 1);
            }
        }
    }

    private static bool AllConstantKeys(List<ExprNode?> keys)
    {
        foreach (ExprNode? k in keys)
        {
            if (k is not Constant)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<(ExprNode?, ExprNode)> Zip(List<ExprNode?> keys, List<ExprNode> values)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            yield return (keys[i], values[i]);
        }
    }

    internal static BigInteger ToBig(object v) => (BigInteger)v;
}
