using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Expression statements, assignments and targets (Store/Del contexts).</summary>
internal sealed partial class Parser
{
    private StmtNode ParseExpressionStatement()
    {
        Token start = Cur;
        ExprNode e = AtKeyword("yield") ? ParseYield() : ParseStarExpressions();
        if (AtOp(":"))
        {
            return ParseAnnotated(start, e);
        }
        if (AtOp("="))
        {
            var targets = new List<ExprNode> { e };
            ExprNode value;
            while (true)
            {
                Advance();
                ExprNode v = AtKeyword("yield") ? ParseYield() : ParseStarExpressions();
                if (!AtOp("="))
                {
                    value = v;
                    break;
                }
                targets.Add(v);
            }
            foreach (ExprNode target in targets)
            {
                CheckAssignTarget(target, targets.Count == 1 && target == targets[0]);
            }
            foreach (ExprNode target in targets)
            {
                SetContext(target, ExprContext.Store, "assign to");
            }
            return Finish(new Assign { Targets = targets, Value = value }, start);
        }
        if (Cur.Kind == TokenKind.Op && AugmentedOperator(Cur.Text) is Operator op)
        {
            if (e is not (Name or AttributeExpr or Subscript))
            {
                throw ErrorAt(e, $"'{ExprName(e)}' is an illegal expression for augmented assignment");
            }
            Advance();
            ExprNode value = AtKeyword("yield") ? ParseYield() : ParseStarExpressions();
            SetContext(e, ExprContext.Store, "assign to");
            return Finish(new AugAssign { Target = e, Op = op, Value = value }, start);
        }
        if (e is Name { Id: "print" or "exec" } legacy && StartsExpression() && !AtOp("(") && !AtOp("["))
        {
            int save = _pos;
            try
            {
                ExprNode arg = ParseStarExpressions();
                throw ErrorAt(legacy, arg, $"Missing parentheses in call to '{legacy.Id}'. Did you mean {legacy.Id}(...)?");
            }
            catch (ParseFailure)
            {
                _pos = save;
            }
        }
        return Finish(new ExprStmt { Value = e }, start);
    }

    private AnnAssign ParseAnnotated(Token start, ExprNode target)
    {
        if (target is TupleExpr or ListExpr)
        {
            throw ErrorAt(target, $"only single target (not {ExprName(target)}) can be annotated");
        }
        if (target is not (Name or AttributeExpr or Subscript))
        {
            throw ErrorAt(target, "illegal target for annotation");
        }
        Advance();
        ExprNode annotation = ParseExpression();
        ExprNode? value = null;
        if (TryOp("="))
        {
            value = AtKeyword("yield") ? ParseYield() : ParseStarExpressions();
        }
        SetContext(target, ExprContext.Store, "assign to");
        bool simple = target is Name && !start.Is("(");
        return Finish(new AnnAssign { Target = target, Annotation = annotation, Value = value, Simple = simple }, start);
    }

    private static Operator? AugmentedOperator(string text) => text switch
    {
        "+=" => Operator.Add,
        "-=" => Operator.Sub,
        "*=" => Operator.Mult,
        "@=" => Operator.MatMult,
        "/=" => Operator.Div,
        "%=" => Operator.Mod,
        "**=" => Operator.Pow,
        "<<=" => Operator.LShift,
        ">>=" => Operator.RShift,
        "|=" => Operator.BitOr,
        "^=" => Operator.BitXor,
        "&=" => Operator.BitAnd,
        "//=" => Operator.FloorDiv,
        _ => null,
    };

    /// <summary>The specific errors for an invalid assignment target (invalid_assignment and
    /// invalid_named_expression, 3.11). <paramref name="single"/>: the only target of `t = v`.</summary>
    private void CheckAssignTarget(ExprNode target, bool single)
    {
        if (target is Yield or YieldFrom)
        {
            throw ErrorAt(target, "assignment to yield expression not possible");
        }
        ExprNode? bad = InvalidTarget(target, ExprContext.Store);
        if (bad is null)
        {
            return;
        }
        // `1 = x`, `a, f() = x`: the bad target directly before the single '='.
        bool beforeEquals = single && (bad == target || (target is TupleExpr t && t.Elts[^1] == bad
            && t.Elts[0].ColOffset == t.ColOffset && t.Elts[0].Lineno == t.Lineno));
        bool excluded = bad is ListExpr or TupleExpr or GeneratorExp
            || bad is Constant { Value: null or true or false } || bad is Compare or BoolOp or IfExp or Lambda
            || bad is UnaryOp { Op: UnaryOperator.Not } || bad is NamedExpr || bad is Starred;
        if (beforeEquals && !excluded)
        {
            throw ErrorAt(bad, $"cannot assign to {ExprName(bad)} here. Maybe you meant '==' instead of '='?");
        }
        throw ErrorAt(bad, $"cannot assign to {ExprName(bad)}");
    }

    /// <summary>pegen.c _PyPegen_get_invalid_target: the first sub-expression that cannot be a
    /// target, or null.</summary>
    private static ExprNode? InvalidTarget(ExprNode e, ExprContext ctx)
    {
        switch (e)
        {
            case Name or AttributeExpr or Subscript:
                return null;
            case ListExpr or TupleExpr:
                foreach (ExprNode elt in e is ListExpr l ? l.Elts : ((TupleExpr)e).Elts)
                {
                    ExprNode? bad = InvalidTarget(elt, ctx);
                    if (bad is not null)
                    {
                        return bad;
                    }
                }
                return null;
            case Starred s:
                return ctx == ExprContext.Del ? e : InvalidTarget(s.Value, ctx);
            case Compare c:
                // A `for x in y in z` target reads as a comparison; report its left operand.
                if (ctx == ExprContext.Store && c.Ops[0] == CmpOp.In)
                {
                    return InvalidTarget(c.Left, ctx);
                }
                return e;
            default:
                return e;
        }
    }

    /// <summary>Gives a target and its parts the Store or Del context, after checking it.</summary>
    private void SetContext(ExprNode e, ExprContext ctx, string verb)
    {
        ExprNode? bad = InvalidTarget(e, ctx);
        if (bad is not null)
        {
            string what = ExprName(bad);
            throw ErrorAt(bad, ctx == ExprContext.Del ? $"cannot delete {what}" : $"cannot {verb} {what}");
        }
        ApplyContext(e, ctx);
    }

    private static void ApplyContext(ExprNode e, ExprContext ctx)
    {
        switch (e)
        {
            case Name n:
                n.Ctx = ctx;
                break;
            case AttributeExpr a:
                a.Ctx = ctx;
                break;
            case Subscript s:
                s.Ctx = ctx;
                break;
            case Starred s:
                s.Ctx = ctx;
                ApplyContext(s.Value, ctx);
                break;
            case ListExpr l:
                l.Ctx = ctx;
                foreach (ExprNode x in l.Elts)
                {
                    ApplyContext(x, ctx);
                }
                break;
            case TupleExpr t:
                t.Ctx = ctx;
                foreach (ExprNode x in t.Elts)
                {
                    ApplyContext(x, ctx);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>star_targets (for loops, comprehensions): targets as far as bitwise_or, so that
    /// the `in` that follows is not read as a comparison.</summary>
    private ExprNode ParseStarTargets()
    {
        ExprNode first = ParseStarTarget();
        if (!AtOp(","))
        {
            SetContext(first, ExprContext.Store, "assign to");
            return first;
        }
        var elts = new List<ExprNode> { first };
        while (TryOp(","))
        {
            if (AtKeyword("in") || AtOp("=") || AtOp(")"))
            {
                break;
            }
            elts.Add(ParseStarTarget());
        }
        var tuple = Finish(new TupleExpr { Elts = elts, Ctx = ExprContext.Store }, first);
        SetContext(tuple, ExprContext.Store, "assign to");
        return tuple;
    }

    private ExprNode ParseStarTarget()
    {
        ExprNode e;
        if (AtOp("*"))
        {
            Token t = Advance();
            ExprNode value = ParseStarTarget();
            e = Finish(new Starred { Value = value, Ctx = ExprContext.Store }, t);
        }
        else
        {
            e = ParseBitwiseOr();
        }
        SetContext(e, ExprContext.Store, "assign to");
        return e;
    }
}
