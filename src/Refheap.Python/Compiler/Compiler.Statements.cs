using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// Statements (compile.c: compiler_visit_stmt and the loops, if, assignment, import, assert).
public sealed partial class PyCompiler
{
    private void VisitBody(List<StmtNode> body)
    {
        foreach (StmtNode s in body)
        {
            VisitStmt(s);
        }
    }

    private void VisitStmt(StmtNode s)
    {
        SetPosition(s);
        switch (s)
        {
            case FunctionDef fd:
                CompileFunctionDef(fd);
                break;
            case ClassDef cd:
                CompileClassDef(cd);
                break;
            case Return r:
                CompileReturn(r);
                break;
            case Delete d:
                foreach (ExprNode t in d.Targets)
                {
                    CompileDelete(t);
                }

                break;
            case Assign a:
                VisitExpr(a.Value);
                for (int i = 0; i < a.Targets.Count; i++)
                {
                    if (i < a.Targets.Count - 1)
                    {
                        Emit(OpCode.Copy, 1);
                    }

                    CompileStore(a.Targets[i]);
                }

                break;
            case AugAssign aa:
                CompileAugAssign(aa);
                break;
            case AnnAssign ann:
                CompileAnnAssign(ann);
                break;
            case For f:
                CompileFor(f);
                break;
            case While w:
                CompileWhile(w);
                break;
            case If i:
                CompileIf(i);
                break;
            case With wi:
                CompileWith(wi, 0);
                break;
            case Raise r2:
                int n = 0;
                if (r2.Exc != null)
                {
                    VisitExpr(r2.Exc);
                    n++;
                    if (r2.Cause != null)
                    {
                        VisitExpr(r2.Cause);
                        n++;
                    }
                }

                SetPosition(s);
                Emit(OpCode.RaiseVarargs, n);
                break;
            case Try t:
                if (t.Finalbody.Count > 0)
                {
                    CompileTryFinally(t);
                }
                else
                {
                    CompileTryExcept(t);
                }

                break;
            case TryStar ts:
                CompileTryStarStatement(ts);
                break;
            case Assert asr:
                CompileAssert(asr);
                break;
            case Import imp:
                CompileImport(imp);
                break;
            case ImportFrom impf:
                CompileImportFrom(impf);
                break;
            case Global or Nonlocal or Pass:
                if (s is Pass)
                {
                    Emit(OpCode.Nop);
                }

                break;
            case Break br:
                CompileBreak(br);
                break;
            case Continue co:
                CompileContinue(co);
                break;
            case ExprStmt es:
                if (es.Value is Constant)
                {
                    // A constant expression statement compiles to nothing (3.11 keeps a NOP for the line).
                    Emit(OpCode.Nop);
                    break;
                }

                VisitExpr(es.Value);
                Emit(OpCode.PopTop);
                break;
            default:
                throw new System.NotImplementedException($"statement {s.GetType().Name} is not supported by Refheap");
        }
    }

    private void CompileReturn(Return r)
    {
        if (_u.Scope.Kind != ScopeKind.Function)
        {
            throw Error("'return' outside function", r);
        }

        if (r.Value != null)
        {
            VisitExpr(r.Value);
        }
        else
        {
            LoadConst(null);
        }

        CheckNoExceptStarExit(-1, ReturnErrorLocation(r));
        int[] saved = B.SaveHandlers();
        UnwindAll(preserveTop: true);
        SetPosition(r);
        Emit(OpCode.ReturnValue);
        B.RestoreHandlers(saved);
    }

    private void CompileIf(If i)
    {
        var end = new Label();
        if (i.Orelse.Count > 0)
        {
            var orelse = new Label();
            CompileJumpIf(i.Test, orelse, false);
            VisitBody(i.Body);
            EmitJump(OpCode.Jump, end);
            B.Place(orelse);
            VisitBody(i.Orelse);
        }
        else
        {
            CompileJumpIf(i.Test, end, false);
            VisitBody(i.Body);
        }

        B.Place(end);
    }

    /// <summary>compiler_jump_if: jump to <paramref name="target"/> when the test's truth equals <paramref name="cond"/>.</summary>
    private void CompileJumpIf(ExprNode test, Label target, bool cond)
    {
        switch (test)
        {
            case UnaryOp { Op: UnaryOperator.Not } not:
                CompileJumpIf(not.Operand, target, !cond);
                return;
            case BoolOp bo:
                bool isOr = bo.Op == BoolOperator.Or;
                Label next2 = cond == isOr ? target : new Label();
                for (int i = 0; i < bo.Values.Count - 1; i++)
                {
                    if (cond == isOr)
                    {
                        CompileJumpIf(bo.Values[i], target, cond);
                    }
                    else
                    {
                        CompileJumpIf(bo.Values[i], next2, !cond);
                    }
                }

                CompileJumpIf(bo.Values[^1], target, cond);
                if (next2 != target)
                {
                    B.Place(next2);
                }

                return;
        }

        VisitExpr(test);
        SetPosition(test);
        EmitJump(cond ? OpCode.PopJumpIfTrue : OpCode.PopJumpIfFalse, target);
    }

    private void CompileWhile(While w)
    {
        var start = new Label();
        var body = new Label();
        var end = new Label();
        var orelse = new Label();
        B.Place(start);
        CompileJumpIf(w.Test, orelse, false);
        B.Place(body);
        PushBlock(FBlockKind.WhileLoop, start, end);
        VisitBody(w.Body);
        PopBlock();
        SetPosition(w);
        EmitJump(OpCode.Jump, start);
        B.Place(orelse);
        VisitBody(w.Orelse);
        B.Place(end);
    }

    private void CompileFor(For f)
    {
        var start = new Label();
        var cleanup = new Label();
        var end = new Label();
        VisitExpr(f.Iter);

        // 3.11 locates GET_ITER and FOR_ITER at the whole for statement.
        SetPosition(f);
        Emit(OpCode.GetIter);
        B.Place(start);
        SetPosition(f);
        EmitJump(OpCode.ForIter, cleanup);
        PushBlock(FBlockKind.ForLoop, start, end);
        CompileStore(f.Target);
        VisitBody(f.Body);
        PopBlock();
        SetPosition(f);
        EmitJump(OpCode.Jump, start);
        B.Place(cleanup);
        VisitBody(f.Orelse);
        B.Place(end);
    }

    private FBlock PushBlock(FBlockKind kind, Label? start, Label? exit)
    {
        var b = new FBlock { Kind = kind, Start = start, Exit = exit };
        _u.Blocks.Add(b);
        return b;
    }

    private void PopBlock() => _u.Blocks.RemoveAt(_u.Blocks.Count - 1);

    private void CompileBreak(Break br)
    {
        for (int i = _u.Blocks.Count - 1; i >= 0; i--)
        {
            FBlock b = _u.Blocks[i];
            if (b.Kind is FBlockKind.WhileLoop or FBlockKind.ForLoop)
            {
                CheckNoExceptStarExit(i, br);
                int[] saved = B.SaveHandlers();
                UnwindTo(i, preserveTop: false);
                UnwindOne(b, preserveTop: false, i);
                SetPosition(br);
                EmitJump(OpCode.Jump, b.Exit!);
                B.RestoreHandlers(saved);
                return;
            }
        }

        throw Error("'break' outside loop", br);
    }

    private void CompileContinue(Continue co)
    {
        for (int i = _u.Blocks.Count - 1; i >= 0; i--)
        {
            FBlock b = _u.Blocks[i];
            if (b.Kind is FBlockKind.WhileLoop or FBlockKind.ForLoop)
            {
                CheckNoExceptStarExit(i, co);
                int[] saved = B.SaveHandlers();
                UnwindTo(i, preserveTop: false);
                SetPosition(co);
                EmitJump(OpCode.Jump, b.Start!);
                B.RestoreHandlers(saved);
                return;
            }
        }

        throw Error("'continue' not properly in loop", co);
    }

    /// <summary>
    /// Unwinds the frame blocks above index <paramref name="keep"/> (exclusive), innermost
    /// first. The handlers of the unwound blocks are out of force for the cleanup code; the
    /// caller restores them (with <see cref="CodeBuilder.RestoreHandlers"/>) after its jump.
    /// </summary>
    private void UnwindTo(int keep, bool preserveTop)
    {
        for (int i = _u.Blocks.Count - 1; i > keep; i--)
        {
            UnwindOne(_u.Blocks[i], preserveTop, i);
        }
    }

    private void UnwindAll(bool preserveTop) => UnwindTo(-1, preserveTop);

    /// <summary>compiler_unwind_fblock: emits what leaving one block early must do.</summary>
    private void UnwindOne(FBlock b, bool preserveTop, int index)
    {
        for (int h = 0; h < b.HandlerCount; h++)
        {
            B.PopHandler();
        }

        switch (b.Kind)
        {
            case FBlockKind.WhileLoop:
            case FBlockKind.ExceptionHandler:
            case FBlockKind.TryExcept:
                return;
            case FBlockKind.ForLoop:
            case FBlockKind.PopValue:
                if (preserveTop)
                {
                    Emit(OpCode.Swap, 2);
                }

                Emit(OpCode.PopTop);
                return;
            case FBlockKind.FinallyEnd:
                // Inside a finally body run for an exception: drop it and restore exc_info.
                if (preserveTop)
                {
                    Emit(OpCode.Swap, 2);
                }

                Emit(OpCode.PopTop);
                if (preserveTop)
                {
                    Emit(OpCode.Swap, 2);
                }

                Emit(OpCode.PopExcept);
                return;
            case FBlockKind.HandlerCleanup:
            case FBlockKind.ExceptionGroupHandler:
                if (preserveTop)
                {
                    Emit(OpCode.Swap, 2);
                }

                Emit(OpCode.PopExcept);
                if (b.HandlerName != null)
                {
                    LoadConst(null);
                    NameOpFor(b.HandlerName, NameOp.Store);
                    NameOpFor(b.HandlerName, NameOp.Delete);
                }

                return;
            case FBlockKind.With:
                if (preserveTop)
                {
                    Emit(OpCode.Swap, 2);
                }

                // Stack: ..., exit: call exit(None, None, None).
                LoadConst(null);
                LoadConst(null);
                LoadConst(null);
                Emit(OpCode.Call, 2);
                Emit(OpCode.PopTop);
                return;
            case FBlockKind.FinallyTry:
                // Run the finally body inline, outside this block and those inside it.
                List<FBlock> inner = _u.Blocks.GetRange(index, _u.Blocks.Count - index);
                _u.Blocks.RemoveRange(index, _u.Blocks.Count - index);
                if (preserveTop)
                {
                    PushBlock(FBlockKind.PopValue, null, null);
                }

                VisitBody(b.FinalBody!);
                if (preserveTop)
                {
                    PopBlock();
                }

                _u.Blocks.AddRange(inner);
                return;
        }
    }

    private void CompileAugAssign(AugAssign aa)
    {
        int op = OperatorCode(aa.Op) | BinaryOps.InPlace;
        switch (aa.Target)
        {
            case Name n:
                SetPosition(n);
                NameOpFor(n.Id, NameOp.Load);
                VisitExpr(aa.Value);
                SetPosition(aa);
                Emit(OpCode.BinaryOp, op);
                NameOpFor(n.Id, NameOp.Store);
                break;
            case AttributeExpr at:
                VisitExpr(at.Value);
                Emit(OpCode.Copy, 1);
                SetPosition(at);
                Emit(OpCode.LoadAttr, NameIndex(Mangle(at.Attr)));
                VisitExpr(aa.Value);
                SetPosition(aa);
                Emit(OpCode.BinaryOp, op);
                Emit(OpCode.Swap, 2);
                Emit(OpCode.StoreAttr, NameIndex(Mangle(at.Attr)));
                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                Emit(OpCode.Copy, 2);
                Emit(OpCode.Copy, 2);
                SetPosition(sub);
                Emit(OpCode.BinarySubscr);
                VisitExpr(aa.Value);
                SetPosition(aa);
                Emit(OpCode.BinaryOp, op);
                Emit(OpCode.Swap, 3);
                Emit(OpCode.Swap, 2);
                Emit(OpCode.StoreSubscr);
                break;
            default:
                throw Error("'" + aa.Target.GetType().Name + "' is an illegal expression for augmented assignment", aa);
        }
    }

    private void CompileAnnAssign(AnnAssign ann)
    {
        if (ann.Value != null)
        {
            VisitExpr(ann.Value);
            CompileStore(ann.Target);
        }

        if (ann.Target is Name n && ann.Simple && _u.Scope.Kind != ScopeKind.Function)
        {
            // __annotations__['x'] = annotation (evaluated: no `from __future__ import annotations`).
            VisitExpr(ann.Annotation);
            Emit(OpCode.LoadName, NameIndex("__annotations__"));
            LoadConst(Mangle(n.Id));
            Emit(OpCode.StoreSubscr);
        }
        else if (ann.Target is not Name && _u.Scope.Kind != ScopeKind.Function)
        {
            VisitExpr(ann.Annotation);
            Emit(OpCode.PopTop);
        }
    }

    private void CompileAssert(Assert asr)
    {
        var end = new Label();
        CompileJumpIf(asr.Test, end, true);

        // 3.11 locates the raise at the test expression.
        SetPosition(asr.Test);
        Emit(OpCode.LoadAssertionError);
        if (asr.Msg != null)
        {
            Emit(OpCode.PushNull);
            Emit(OpCode.Swap, 2);
            VisitExpr(asr.Msg);
            SetPosition(asr.Test);
            Emit(OpCode.Call, 1);
        }

        Emit(OpCode.RaiseVarargs, 1);
        B.Place(end);
    }

    private void CompileImport(Import imp)
    {
        foreach (Alias al in imp.Names)
        {
            LoadConst(System.Numerics.BigInteger.Zero);
            LoadConst(null);
            Emit(OpCode.ImportName, NameIndex(al.Name));
            if (al.Asname != null)
            {
                string[] parts = al.Name.Split('.');
                if (parts.Length > 1)
                {
                    for (int i = 1; i < parts.Length; i++)
                    {
                        Emit(OpCode.ImportFrom, NameIndex(parts[i]));
                        Emit(OpCode.Swap, 2);
                        Emit(OpCode.PopTop);
                    }
                }

                NameOpFor(al.Asname, NameOp.Store);
            }
            else
            {
                NameOpFor(al.Name.Split('.')[0], NameOp.Store);
            }
        }
    }

    private void CompileImportFrom(ImportFrom impf)
    {
        LoadConst(new System.Numerics.BigInteger(impf.Level));
        var names = new object?[impf.Names.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = impf.Names[i].Name;
        }

        LoadConst(new ConstTuple(names));
        Emit(OpCode.ImportName, NameIndex(impf.Module ?? ""));
        if (impf.Names.Count == 1 && impf.Names[0].Name == "*")
        {
            Emit(OpCode.ImportStar);
            return;
        }

        foreach (Alias al in impf.Names)
        {
            Emit(OpCode.ImportFrom, NameIndex(al.Name));
            NameOpFor(al.Asname ?? al.Name, NameOp.Store);
        }

        Emit(OpCode.PopTop);
    }

    private static int OperatorCode(Operator op) => op switch
    {
        Operator.Add => BinaryOps.Add,
        Operator.Sub => BinaryOps.Subtract,
        Operator.Mult => BinaryOps.Multiply,
        Operator.MatMult => BinaryOps.MatMul,
        Operator.Div => BinaryOps.TrueDivide,
        Operator.Mod => BinaryOps.Remainder,
        Operator.Pow => BinaryOps.Power,
        Operator.LShift => BinaryOps.LShift,
        Operator.RShift => BinaryOps.RShift,
        Operator.BitOr => BinaryOps.Or,
        Operator.BitXor => BinaryOps.Xor,
        Operator.BitAnd => BinaryOps.And,
        Operator.FloorDiv => BinaryOps.FloorDivide,
        _ => throw new System.InvalidOperationException(op.ToString()),
    };
}
