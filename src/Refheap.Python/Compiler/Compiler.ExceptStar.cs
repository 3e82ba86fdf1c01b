using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// try/except* (PEP 654; the semantics of 3.11's compiler_try_star_except). The handler keeps
// three values under the exception being matched: the original exception (to tell re-raised
// parts from new ones), a list collecting what the clauses raise, and the part still unmatched.
// CHECK_EG_MATCH splits the unmatched part by a clause's type; PREP_RERAISE_STAR combines the
// list into the exception to re-raise (or None) at the end.
public sealed partial class PyCompiler
{
    private const string ExceptStarJumpMessage = "'break', 'continue' and 'return' cannot appear in an except* block";

    private void CompileTryStarStatement(TryStar t)
    {
        if (t.Finalbody.Count > 0)
        {
            CompileTryFinallyCore(t.Finalbody, () => CompileTryStarExcept(t));
        }
        else
        {
            CompileTryStarExcept(t);
        }
    }

    private void CompileTryStarExcept(TryStar t)
    {
        var except = new Label();
        var orelse = new Label();
        var end = new Label();
        var cleanup = new Label();
        var reraise = new Label();
        B.PushHandler(except);
        FBlock body = PushBlock(FBlockKind.TryExcept, null, null);
        body.HandlerCount = 1;
        VisitBody(t.Body);
        PopBlock();
        B.PopHandler();
        EmitJump(OpCode.Jump, orelse);

        // Stack: exc. Then prev_exc_info, orig, raised-list, unmatched.
        B.Place(except);
        SetPosition(t);
        Emit(OpCode.PushExcInfo);
        B.PushHandler(cleanup, popBelow: 1);
        FBlock handlerBlock = PushBlock(FBlockKind.ExceptionHandler, null, null);
        handlerBlock.HandlerCount = 1;
        Emit(OpCode.Copy, 1);
        Emit(OpCode.BuildList, 0);
        Emit(OpCode.Swap, 2);
        foreach (ExceptHandler h in t.Handlers)
        {
            var next = new Label();
            var matched = new Label();
            SetPosition(h);
            VisitExpr(h.Type!);
            SetPosition(h);
            Emit(OpCode.CheckEgMatch);
            Emit(OpCode.Copy, 1);
            EmitJump(OpCode.PopJumpIfNotNone, matched);
            Emit(OpCode.PopTop);
            EmitJump(OpCode.Jump, next);

            // Stack: ..., rest, match (sys.exc_info() is the match now).
            B.Place(matched);
            if (h.Name != null)
            {
                NameOpFor(h.Name, NameOp.Store);
            }
            else
            {
                Emit(OpCode.PopTop);
            }

            var raisedInBody = new Label();
            B.PushHandler(raisedInBody);
            FBlock hb = PushBlock(FBlockKind.ExceptionGroupHandler, null, null);
            hb.HandlerName = h.Name;
            hb.HandlerCount = 1;
            VisitBody(h.Body);
            PopBlock();
            B.PopHandler();
            ClearHandlerName(h.Name);
            EmitJump(OpCode.Jump, next);

            // The clause raised: keep what it raised for PREP_RERAISE_STAR.
            B.Place(raisedInBody);
            ClearHandlerName(h.Name);
            Emit(OpCode.ListAppend, 2);
            B.Place(next);
        }

        // Stack: prev_exc_info, orig, list, unmatched (None when everything matched).
        SetPosition(t);
        Emit(OpCode.ListAppend, 1);
        Emit(OpCode.PrepReraiseStar);
        Emit(OpCode.Copy, 1);
        EmitJump(OpCode.PopJumpIfNotNone, reraise);
        Emit(OpCode.PopTop);
        Emit(OpCode.PopExcept);
        EmitJump(OpCode.Jump, end);
        PopBlock();
        B.PopHandler();

        // Stack: prev_exc_info, the exception to raise.
        B.Place(reraise);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopExcept);
        Emit(OpCode.Reraise, 0);

        B.Place(cleanup);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopExcept);
        Emit(OpCode.Reraise, 1);

        B.Place(orelse);
        VisitBody(t.Orelse);
        B.Place(end);
    }

    private void ClearHandlerName(string? name)
    {
        if (name != null)
        {
            LoadConst(null);
            NameOpFor(name, NameOp.Store);
            NameOpFor(name, NameOp.Delete);
        }
    }

    /// <summary>
    /// compiler_unwind_fblock's except* rule: a break, continue or return that would leave an
    /// except* clause (the blocks above index <paramref name="keep"/>) is a SyntaxError.
    /// </summary>
    private void CheckNoExceptStarExit(int keep, Node at)
    {
        for (int i = _u.Blocks.Count - 1; i > keep; i--)
        {
            if (_u.Blocks[i].Kind == FBlockKind.ExceptionGroupHandler)
            {
                throw Error(ExceptStarJumpMessage, at);
            }
        }
    }

    /// <summary>Where 3.11 reports a return's error: a constant value on the statement's line, else the statement.</summary>
    private static Node ReturnErrorLocation(Return r) =>
        r.Value is Constant c && c.Lineno == r.Lineno ? c : r;
}
