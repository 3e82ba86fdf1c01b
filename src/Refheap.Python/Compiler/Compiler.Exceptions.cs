using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// try/except, try/finally and with (compile.c, 3.11: compiler_try_except, compiler_try_finally,
// compiler_with). Handlers come from the per-instruction handler table: an exception inside a
// protected range unwinds the value stack to the handler's depth, pushes the exception and
// jumps. PUSH_EXC_INFO / POP_EXCEPT keep sys.exc_info() as CPython does.
public sealed partial class PyCompiler
{
    private void CompileTryExcept(Try t)
    {
        var except = new Label();
        var orelse = new Label();
        var end = new Label();
        var cleanup = new Label();
        B.PushHandler(except);
        FBlock body = PushBlock(FBlockKind.TryExcept, null, null);
        body.HandlerCount = 1;
        VisitBody(t.Body);
        PopBlock();
        B.PopHandler();
        EmitJump(OpCode.Jump, orelse);

        // The exception is on the stack.
        B.Place(except);
        SetPosition(t);
        Emit(OpCode.PushExcInfo);
        B.PushHandler(cleanup, popBelow: 1);
        FBlock handlerBlock = PushBlock(FBlockKind.ExceptionHandler, null, null);
        handlerBlock.HandlerCount = 1;
        for (int i = 0; i < t.Handlers.Count; i++)
        {
            ExceptHandler h = t.Handlers[i];
            SetPosition(h);
            var next = new Label();
            if (h.Type == null && i < t.Handlers.Count - 1)
            {
                throw Error("default 'except:' must be last", h);
            }

            if (h.Type != null)
            {
                VisitExpr(h.Type);
                SetPosition(h);
                Emit(OpCode.CheckExcMatch);
                EmitJump(OpCode.PopJumpIfFalse, next);
            }

            if (h.Name != null)
            {
                NameOpFor(h.Name, NameOp.Store);
                var nameCleanup = new Label();
                B.PushHandler(nameCleanup);
                FBlock hb = PushBlock(FBlockKind.HandlerCleanup, null, null);
                hb.HandlerName = h.Name;
                hb.HandlerCount = 1;
                VisitBody(h.Body);
                PopBlock();
                B.PopHandler();
                Emit(OpCode.PopExcept);
                LoadConst(null);
                NameOpFor(h.Name, NameOp.Store);
                NameOpFor(h.Name, NameOp.Delete);
                EmitJump(OpCode.Jump, end);

                // An exception inside the handler body: clear the name, then re-raise.
                B.Place(nameCleanup);
                LoadConst(null);
                NameOpFor(h.Name, NameOp.Store);
                NameOpFor(h.Name, NameOp.Delete);
                Emit(OpCode.Reraise, 1);
            }
            else
            {
                Emit(OpCode.PopTop);
                FBlock hb = PushBlock(FBlockKind.HandlerCleanup, null, null);
                VisitBody(h.Body);
                PopBlock();
                _ = hb;
                Emit(OpCode.PopExcept);
                EmitJump(OpCode.Jump, end);
            }

            B.Place(next);
        }

        // No handler matched: re-raise (the cleanup handler restores exc_info).
        Emit(OpCode.Reraise, 0);
        PopBlock();
        B.PopHandler();

        // cleanup: stack is prev_exc, exc2: restore exc_info and re-raise.
        B.Place(cleanup);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopExcept);
        Emit(OpCode.Reraise, 1);

        B.Place(orelse);
        VisitBody(t.Orelse);
        B.Place(end);
    }

    private void CompileTryFinally(Try t)
    {
        CompileTryFinallyCore(t.Finalbody, () =>
        {
            if (t.Handlers.Count > 0)
            {
                CompileTryExcept(new Try { Body = t.Body, Handlers = t.Handlers, Orelse = t.Orelse, Lineno = t.Lineno, ColOffset = t.ColOffset, EndLineno = t.EndLineno, EndColOffset = t.EndColOffset });
            }
            else
            {
                VisitBody(t.Body);
            }
        });
    }

    /// <summary>try/finally around what <paramref name="compileBody"/> emits (a body, or a try/except inside).</summary>
    private void CompileTryFinallyCore(List<StmtNode> finalBody, System.Action compileBody)
    {
        var finalExc = new Label();
        var cleanup = new Label();
        var end = new Label();
        B.PushHandler(finalExc);
        FBlock fb = PushBlock(FBlockKind.FinallyTry, null, null);
        fb.FinalBody = finalBody;
        fb.HandlerCount = 1;
        compileBody();
        PopBlock();
        B.PopHandler();
        VisitBody(finalBody);
        EmitJump(OpCode.Jump, end);

        B.Place(finalExc);
        Emit(OpCode.PushExcInfo);
        B.PushHandler(cleanup, popBelow: 1);
        FBlock fe = PushBlock(FBlockKind.FinallyEnd, null, null);
        fe.HandlerCount = 1;
        VisitBody(finalBody);
        PopBlock();
        Emit(OpCode.Reraise, 0);
        B.PopHandler();

        B.Place(cleanup);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopExcept);
        Emit(OpCode.Reraise, 1);
        B.Place(end);
    }

    private void CompileWith(With w, int index)
    {
        WithItem item = w.Items[index];
        var withExc = new Label();
        var suppress = new Label();
        var cleanup = new Label();
        var end = new Label();
        VisitExpr(item.ContextExpr);
        SetPosition(w);
        Emit(OpCode.BeforeWith);
        B.PushHandler(withExc, popBelow: 1);
        FBlock wb = PushBlock(FBlockKind.With, null, null);
        wb.HandlerCount = 1;
        if (item.OptionalVars != null)
        {
            CompileStore(item.OptionalVars);
        }
        else
        {
            Emit(OpCode.PopTop);
        }

        if (index + 1 < w.Items.Count)
        {
            CompileWith(w, index + 1);
        }
        else
        {
            VisitBody(w.Body);
        }

        PopBlock();
        B.PopHandler();
        SetPosition(w);
        LoadConst(null);
        LoadConst(null);
        LoadConst(null);
        Emit(OpCode.Call, 2);
        Emit(OpCode.PopTop);
        EmitJump(OpCode.Jump, end);

        // Stack: exit, exc.
        B.Place(withExc);
        Emit(OpCode.PushExcInfo);
        B.PushHandler(cleanup, popBelow: 1);
        Emit(OpCode.WithExceptStart);
        EmitJump(OpCode.PopJumpIfTrue, suppress);
        Emit(OpCode.Reraise, 2);
        B.Place(suppress);
        Emit(OpCode.PopTop);
        Emit(OpCode.PopExcept);
        B.PopHandler();
        Emit(OpCode.PopTop);
        EmitJump(OpCode.Jump, end);

        B.Place(cleanup);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopExcept);
        Emit(OpCode.Reraise, 1);
        B.Place(end);
    }
}
