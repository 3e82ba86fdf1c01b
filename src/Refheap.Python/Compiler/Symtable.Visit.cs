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
}
