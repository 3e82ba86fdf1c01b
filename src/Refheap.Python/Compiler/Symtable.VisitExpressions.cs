using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// The first pass of the symbol table, expressions: names used and bound in expressions,
// lambdas, comprehensions (each its own scope) and the walrus's binding rules.
internal sealed partial class Symtable
{
    private void VisitExpr(ExprNode e)
    {
        switch (e)
        {
            case Name n:
                if (n.Ctx == ExprContext.Load)
                {
                    _current.Add(n.Id, SymFlags.Used);
                    if (n.Id == "super" && _current.Kind == ScopeKind.Function)
                    {
                        MarkClassClosure();
                    }
                }
                else
                {
                    _current.Add(n.Id, SymFlags.Assigned);
                }

                if (n.Id == "__class__" && n.Ctx == ExprContext.Load)
                {
                    MarkClassClosure();
                }

                break;
            case Constant:
                break;
            case BoolOp b:
                VisitExprs(b.Values);
                break;
            case NamedExpr ne:
                VisitExpr(ne.Value);
                BindWalrus((Name)ne.Target);
                break;
            case BinOp bo:
                VisitExpr(bo.Left);
                VisitExpr(bo.Right);
                break;
            case UnaryOp uo:
                VisitExpr(uo.Operand);
                break;
            case Lambda l:
                VisitArgumentDefaults(l.Args);
                Enter(ScopeKind.Function, "<lambda>", l);
                VisitParams(l.Args);
                VisitExpr(l.Body);
                Leave();
                break;
            case IfExp ie:
                VisitExpr(ie.Test);
                VisitExpr(ie.Body);
                VisitExpr(ie.Orelse);
                break;
            case DictExpr d:
                foreach (ExprNode? k in d.Keys)
                {
                    if (k != null)
                    {
                        VisitExpr(k);
                    }
                }

                VisitExprs(d.Values);
                break;
            case SetExpr se:
                VisitExprs(se.Elts);
                break;
            case ListComp lc:
                VisitComprehension(lc, "<listcomp>", lc.Generators, lc.Elt, null);
                break;
            case SetComp sc:
                VisitComprehension(sc, "<setcomp>", sc.Generators, sc.Elt, null);
                break;
            case DictComp dc:
                VisitComprehension(dc, "<dictcomp>", dc.Generators, dc.Key, dc.Value);
                break;
            case GeneratorExp ge:
                VisitComprehension(ge, "<genexpr>", ge.Generators, ge.Elt, null);
                break;
            case Yield y:
                if (_current.Kind != ScopeKind.Function)
                {
                    throw Error("'yield' outside function", y);
                }

                _current.IsGenerator = true;
                if (y.Value != null)
                {
                    VisitExpr(y.Value);
                }

                break;
            case YieldFrom yf:
                if (_current.Kind != ScopeKind.Function)
                {
                    throw Error("'yield' outside function", yf);
                }

                _current.IsGenerator = true;
                VisitExpr(yf.Value);
                break;
            case Compare c:
                VisitExpr(c.Left);
                VisitExprs(c.Comparators);
                break;
            case Call call:
                VisitExpr(call.Func);
                VisitExprs(call.Args);
                foreach (Keyword k in call.Keywords)
                {
                    VisitExpr(k.Value);
                }

                break;
            case FormattedValue fv:
                VisitExpr(fv.Value);
                if (fv.FormatSpec != null)
                {
                    VisitExpr(fv.FormatSpec);
                }

                break;
            case JoinedStr js:
                VisitExprs(js.Values);
                break;
            case AttributeExpr at:
                VisitExpr(at.Value);
                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                break;
            case Starred st:
                VisitExpr(st.Value);
                break;
            case ListExpr le:
                VisitExprs(le.Elts);
                break;
            case TupleExpr te:
                VisitExprs(te.Elts);
                break;
            case Slice sl:
                if (sl.Lower != null)
                {
                    VisitExpr(sl.Lower);
                }

                if (sl.Upper != null)
                {
                    VisitExpr(sl.Upper);
                }

                if (sl.Step != null)
                {
                    VisitExpr(sl.Step);
                }

                break;
            default:
                throw new System.NotImplementedException($"expression {e.GetType().Name} is not supported by Refheap");
        }
    }

    private void VisitExprs(List<ExprNode> list)
    {
        foreach (ExprNode x in list)
        {
            VisitExpr(x);
        }
    }

    private void MarkClassClosure()
    {
        for (Scope? s = _current; s != null; s = s.Parent)
        {
            if (s.Kind == ScopeKind.Class)
            {
                return;
            }

            if (s.Kind == ScopeKind.Function && !s.IsComprehension)
            {
                if (s.Parent != null && s.Parent.Kind == ScopeKind.Class)
                {
                    s.NeedsClassClosure = true;
                }

                return;
            }
        }
    }

    /// <summary>A walrus target inside comprehensions binds in the nearest enclosing non-comprehension scope.</summary>
    private void BindWalrus(Name target)
    {
        if (!_current.IsComprehension)
        {
            _current.Add(target.Id, SymFlags.Assigned);
            return;
        }

        Scope s = _current;
        while (s.IsComprehension)
        {
            s.Add(target.Id, SymFlags.Nonlocal);
            s = s.Parent!;
        }

        if (s.Kind == ScopeKind.Class)
        {
            throw Error("assignment expression within a comprehension cannot be used in a class body", target);
        }

        if (s.Kind == ScopeKind.Module)
        {
            // Bound as a global by the comprehension, as CPython does.
            Scope c = _current;
            while (c.IsComprehension)
            {
                c.Symbols[target.Id] = SymFlags.Global;
                c = c.Parent!;
            }

            s.Add(target.Id, SymFlags.Assigned);
            return;
        }

        s.Add(target.Id, SymFlags.Assigned);
    }

    private void VisitComprehension(ExprNode node, string name, List<Comprehension> gens, ExprNode elt, ExprNode? value)
    {
        // The first iterable is evaluated in the enclosing scope.
        VisitExpr(gens[0].Iter);
        Scope scope = Enter(ScopeKind.Function, name, node);
        scope.IsComprehension = true;
        scope.IsGenerator = node is GeneratorExp;
        scope.Add(".0", SymFlags.Param);
        scope.Params.Add(".0");
        for (int i = 0; i < gens.Count; i++)
        {
            Comprehension g = gens[i];
            VisitExpr(g.Target);
            if (i > 0)
            {
                VisitExpr(g.Iter);
            }

            VisitExprs(g.Ifs);
        }

        VisitExpr(elt);
        if (value != null)
        {
            VisitExpr(value);
        }

        Leave();
    }
}
