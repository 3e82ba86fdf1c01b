using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// The first pass of the symbol table: what each scope binds, declares and uses.
internal sealed partial class Symtable
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
        switch (s)
        {
            case FunctionDef fd:
                _current.Add(fd.Name, SymFlags.Assigned);
                VisitArgumentDefaults(fd.Args);
                foreach (ExprNode d in fd.DecoratorList)
                {
                    VisitExpr(d);
                }

                VisitAnnotations(fd.Args, fd.Returns);
                Enter(ScopeKind.Function, fd.Name, fd);
                VisitParams(fd.Args);
                VisitBody(fd.Body);
                Leave();
                break;
            case ClassDef cd:
                _current.Add(cd.Name, SymFlags.Assigned);
                foreach (ExprNode b in cd.Bases)
                {
                    VisitExpr(b);
                }

                foreach (Keyword k in cd.Keywords)
                {
                    VisitExpr(k.Value);
                }

                foreach (ExprNode d in cd.DecoratorList)
                {
                    VisitExpr(d);
                }

                Enter(ScopeKind.Class, cd.Name, cd);
                VisitBody(cd.Body);
                Leave();
                break;
            case Return r:
                if (r.Value != null)
                {
                    VisitExpr(r.Value);
                }

                break;
            case Delete d:
                foreach (ExprNode t in d.Targets)
                {
                    VisitExpr(t);
                }

                break;
            case Assign a:
                foreach (ExprNode t in a.Targets)
                {
                    VisitExpr(t);
                }

                VisitExpr(a.Value);
                break;
            case AugAssign aa:
                VisitExpr(aa.Target);
                if (aa.Target is Name an)
                {
                    _current.Add(an.Id, SymFlags.Used);
                }

                VisitExpr(aa.Value);
                break;
            case AnnAssign ann:
                if (ann.Target is Name annName)
                {
                    if (_current.Symbols.TryGetValue(annName.Id, out SymFlags f) && (f & (SymFlags.Global | SymFlags.Nonlocal)) != 0 && ann.Simple)
                    {
                        string kind = (f & SymFlags.Global) != 0 ? "global" : "nonlocal";
                        throw Error($"annotated name '{annName.Id}' can't be {kind}", ann);
                    }

                    if (ann.Value != null)
                    {
                        _current.Add(annName.Id, SymFlags.Assigned);
                    }
                    else
                    {
                        _current.Add(annName.Id, _current.Kind == ScopeKind.Function ? SymFlags.Assigned : SymFlags.None);
                    }
                }
                else
                {
                    VisitExpr(ann.Target);
                }

                if (_current.Kind != ScopeKind.Function)
                {
                    VisitExpr(ann.Annotation);
                }

                if (ann.Value != null)
                {
                    VisitExpr(ann.Value);
                }

                break;
            case For f2:
                VisitExpr(f2.Target);
                VisitExpr(f2.Iter);
                VisitBody(f2.Body);
                VisitBody(f2.Orelse);
                break;
            case While w:
                VisitExpr(w.Test);
                VisitBody(w.Body);
                VisitBody(w.Orelse);
                break;
            case If i:
                VisitExpr(i.Test);
                VisitBody(i.Body);
                VisitBody(i.Orelse);
                break;
            case With w2:
                foreach (WithItem item in w2.Items)
                {
                    VisitExpr(item.ContextExpr);
                    if (item.OptionalVars != null)
                    {
                        VisitExpr(item.OptionalVars);
                    }
                }

                VisitBody(w2.Body);
                break;
            case Raise r2:
                if (r2.Exc != null)
                {
                    VisitExpr(r2.Exc);
                }

                if (r2.Cause != null)
                {
                    VisitExpr(r2.Cause);
                }

                break;
            case Try t2:
                VisitBody(t2.Body);
                VisitHandlers(t2.Handlers);
                VisitBody(t2.Orelse);
                VisitBody(t2.Finalbody);
                break;
            case TryStar ts:
                VisitBody(ts.Body);
                VisitHandlers(ts.Handlers);
                VisitBody(ts.Orelse);
                VisitBody(ts.Finalbody);
                break;
            case Assert asr:
                VisitExpr(asr.Test);
                if (asr.Msg != null)
                {
                    VisitExpr(asr.Msg);
                }

                break;
            case Import imp:
                foreach (Alias al in imp.Names)
                {
                    string bound = al.Asname ?? al.Name.Split('.')[0];
                    _current.Add(bound, SymFlags.Imported);
                }

                break;
            case ImportFrom impf:
                foreach (Alias al in impf.Names)
                {
                    if (al.Name == "*")
                    {
                        if (_current.Kind != ScopeKind.Module)
                        {
                            throw Error("import * only allowed at module level", impf);
                        }

                        continue;
                    }

                    _current.Add(al.Asname ?? al.Name, SymFlags.Imported);
                }

                break;
            case Global g:
                foreach (string n in g.Names)
                {
                    CheckDeclaration(n, g, "global");
                    _current.Add(n, SymFlags.Global);
                }

                break;
            case Nonlocal nl:
                if (_current.Kind == ScopeKind.Module)
                {
                    throw Error("nonlocal declaration not allowed at module level", nl);
                }

                foreach (string n in nl.Names)
                {
                    CheckDeclaration(n, nl, "nonlocal");
                    _current.Add(n, SymFlags.Nonlocal);
                }

                break;
            case ExprStmt es:
                VisitExpr(es.Value);
                break;
            case Pass or Break or Continue:
                break;
            default:
                throw new System.NotImplementedException($"statement {s.GetType().Name} is not supported by Refheap");
        }
    }

    private void CheckDeclaration(string name, StmtNode at, string kind)
    {
        if (_current.Symbols.TryGetValue(name, out SymFlags f))
        {
            if ((f & SymFlags.Param) != 0)
            {
                throw Error($"name '{name}' is parameter and {kind}", at);
            }

            if ((f & SymFlags.Assigned) != 0 || (f & SymFlags.Imported) != 0)
            {
                throw Error($"name '{name}' is assigned to before {kind} declaration", at);
            }

            if ((f & SymFlags.Used) != 0)
            {
                throw Error($"name '{name}' is used prior to {kind} declaration", at);
            }
        }
    }

    private void VisitHandlers(List<ExceptHandler> handlers)
    {
        foreach (ExceptHandler h in handlers)
        {
            if (h.Type != null)
            {
                VisitExpr(h.Type);
            }

            if (h.Name != null)
            {
                _current.Add(h.Name, SymFlags.Assigned);
            }

            VisitBody(h.Body);
        }
    }

    private void VisitArgumentDefaults(Arguments a)
    {
        foreach (ExprNode d in a.Defaults)
        {
            VisitExpr(d);
        }

        foreach (ExprNode? d in a.KwDefaults)
        {
            if (d != null)
            {
                VisitExpr(d);
            }
        }
    }

    private void VisitAnnotations(Arguments a, ExprNode? returns)
    {
        foreach (Arg arg in AllArgs(a))
        {
            if (arg.Annotation != null)
            {
                VisitExpr(arg.Annotation);
            }
        }

        if (returns != null)
        {
            VisitExpr(returns);
        }
    }

    internal static IEnumerable<Arg> AllArgs(Arguments a)
    {
        foreach (Arg x in a.PosonlyArgs)
        {
            yield return x;
        }

        foreach (Arg x in a.Args)
        {
            yield return x;
        }

        if (a.Vararg != null)
        {
            yield return a.Vararg;
        }

        foreach (Arg x in a.KwonlyArgs)
        {
            yield return x;
        }

        if (a.Kwarg != null)
        {
            yield return a.Kwarg;
        }
    }

    private void VisitParams(Arguments a)
    {
        foreach (Arg x in a.PosonlyArgs)
        {
            AddParam(x);
        }

        foreach (Arg x in a.Args)
        {
            AddParam(x);
        }

        foreach (Arg x in a.KwonlyArgs)
        {
            AddParam(x);
        }

        if (a.Vararg != null)
        {
            _current.HasVarargs = true;
            AddParam(a.Vararg);
        }

        if (a.Kwarg != null)
        {
            _current.HasVarKeywords = true;
            AddParam(a.Kwarg);
        }
    }

    private void AddParam(Arg x)
    {
        if (_current.Symbols.TryGetValue(x.ArgName, out SymFlags f) && (f & SymFlags.Param) != 0)
        {
            throw Error($"duplicate argument '{x.ArgName}' in function definition", x);
        }

        _current.Add(x.ArgName, SymFlags.Param);
        _current.Params.Add(x.ArgName);
    }

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
