using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// Calls (compiler_call, with keyword and starred arguments), assignment targets and del
// (compiler_visit_expr in Store/Del context, unpacking with a starred target), 3.11.
public sealed partial class PyCompiler
{
    private void CompileCall(Call call)
    {
        // 3.11: method calls on attributes use LOAD_METHOD; everything else PUSH_NULL first.
        bool plain = !HasStarred(call.Args) && !call.Keywords.Exists(k => k.ArgName == null);
        if (call.Func is AttributeExpr { Ctx: ExprContext.Load } at && plain)
        {
            VisitExpr(at.Value);
            SetPosition(at);
            Emit(OpCode.LoadMethod, NameIndex(Mangle(at.Attr)));
        }
        else
        {
            Emit(OpCode.PushNull);
            VisitExpr(call.Func);
        }

        if (plain)
        {
            foreach (ExprNode a in call.Args)
            {
                VisitExpr(a);
            }

            var names = new List<object?>();
            foreach (Keyword k in call.Keywords)
            {
                VisitExpr(k.Value);
                names.Add(k.ArgName);
            }

            CheckKeywords(call);
            SetPosition(call);
            if (names.Count > 0)
            {
                Emit(OpCode.KwNames, ConstIndex(new ConstTuple(names.ToArray())));
            }

            Emit(OpCode.Call, call.Args.Count + call.Keywords.Count);
            return;
        }

        // The general form: build the positional tuple and the keyword dict.
        CompileSequence(call.Args, OpCode.BuildTuple);
        if (call.Args.Count == 0)
        {
            // CompileSequence of nothing gave BuildTuple 0.
        }

        bool hasKw = call.Keywords.Count > 0;
        if (hasKw)
        {
            Emit(OpCode.BuildMap, 0);
            foreach (Keyword k in call.Keywords)
            {
                if (k.ArgName == null)
                {
                    VisitExpr(k.Value);
                    Emit(OpCode.DictMerge, 1);
                }
                else
                {
                    LoadConst(k.ArgName);
                    VisitExpr(k.Value);
                    Emit(OpCode.BuildMap, 1);
                    Emit(OpCode.DictMerge, 1);
                }
            }
        }

        SetPosition(call);
        Emit(OpCode.CallFunctionEx, hasKw ? 1 : 0);
    }

    private void CheckKeywords(Call call)
    {
        var seen = new HashSet<string>();
        foreach (Keyword k in call.Keywords)
        {
            if (k.ArgName != null && !seen.Add(k.ArgName))
            {
                throw Error($"keyword argument repeated: {k.ArgName}", k);
            }
        }
    }

    /// <summary>Stores the value on top of the stack into an assignment target.</summary>
    private void CompileStore(ExprNode target)
    {
        switch (target)
        {
            case Name n:
                SetPosition(n);
                NameOpFor(n.Id, NameOp.Store);
                break;
            case AttributeExpr at:
                VisitExpr(at.Value);
                SetPosition(at);
                Emit(OpCode.StoreAttr, NameIndex(Mangle(at.Attr)));
                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                SetPosition(sub);
                Emit(OpCode.StoreSubscr);
                break;
            case TupleExpr te:
                CompileUnpackStore(te.Elts, te);
                break;
            case ListExpr le:
                CompileUnpackStore(le.Elts, le);
                break;
            case Starred st:
                throw Error("starred assignment target must be in a list or tuple", st);
            default:
                throw Error("cannot assign to " + target.GetType().Name, target);
        }
    }

    private void CompileUnpackStore(List<ExprNode> elts, ExprNode at)
    {
        int star = -1;
        for (int i = 0; i < elts.Count; i++)
        {
            if (elts[i] is Starred)
            {
                if (star >= 0)
                {
                    throw Error("multiple starred expressions in assignment", elts[i]);
                }

                star = i;
            }
        }

        SetPosition(at);
        if (star < 0)
        {
            Emit(OpCode.UnpackSequence, elts.Count);
        }
        else
        {
            Emit(OpCode.UnpackEx, star | ((elts.Count - star - 1) << 8));
        }

        foreach (ExprNode x in elts)
        {
            CompileStore(x is Starred s ? s.Value : x);
        }
    }

    private void CompileDelete(ExprNode target)
    {
        switch (target)
        {
            case Name n:
                SetPosition(n);
                NameOpFor(n.Id, NameOp.Delete);
                break;
            case AttributeExpr at:
                VisitExpr(at.Value);
                SetPosition(at);
                Emit(OpCode.DeleteAttr, NameIndex(Mangle(at.Attr)));
                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                SetPosition(sub);
                Emit(OpCode.DeleteSubscr);
                break;
            case TupleExpr te:
                foreach (ExprNode x in te.Elts)
                {
                    CompileDelete(x);
                }

                break;
            case ListExpr le:
                foreach (ExprNode x in le.Elts)
                {
                    CompileDelete(x);
                }

                break;
            default:
                throw Error("cannot delete " + target.GetType().Name, target);
        }
    }
}
