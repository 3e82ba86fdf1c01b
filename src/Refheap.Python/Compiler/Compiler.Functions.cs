using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// Functions, lambdas, classes and comprehensions: each compiles to its own code object.
public sealed partial class PyCompiler
{
    private string ChildQualName(string name)
    {
        Unit u = _u;
        if (u.Scope.Kind == ScopeKind.Module)
        {
            return name;
        }

        if (u.Scope.Kind == ScopeKind.Function)
        {
            return u.QualName + ".<locals>." + name;
        }

        return u.QualName + "." + name;
    }

    /// <summary>Pushes defaults, keyword defaults and annotations; returns the MakeFunction flags so far.</summary>
    private int CompileDefaults(Arguments args)
    {
        int flags = 0;
        if (args.Defaults.Count > 0)
        {
            CompileSequence(args.Defaults, OpCode.BuildTuple);
            flags |= 1;
        }

        int kwCount = 0;
        for (int i = 0; i < args.KwonlyArgs.Count; i++)
        {
            if (args.KwDefaults[i] is ExprNode d)
            {
                LoadConst(Mangle(args.KwonlyArgs[i].ArgName));
                VisitExpr(d);
                kwCount++;
            }
        }

        if (kwCount > 0)
        {
            Emit(OpCode.BuildMap, kwCount);
            flags |= 2;
        }

        return flags;
    }

    private int CompileAnnotations(Arguments args, ExprNode? returns)
    {
        int n = 0;
        foreach (Arg a in Symtable.AllArgs(args))
        {
            if (a.Annotation != null)
            {
                LoadConst(Mangle(a.ArgName));
                VisitExpr(a.Annotation);
                n++;
            }
        }

        if (returns != null)
        {
            LoadConst("return");
            VisitExpr(returns);
            n++;
        }

        if (n == 0)
        {
            return 0;
        }

        Emit(OpCode.BuildTuple, 2 * n);
        return 4;
    }

    /// <summary>Loads the cells a child code object closes over and builds the closure tuple.</summary>
    private int CompileClosure(CompiledCode child)
    {
        if (child.FreeVars.Count == 0)
        {
            return 0;
        }

        foreach (string name in child.FreeVars)
        {
            int index;
            int cell = _u.Code.CellVars.IndexOf(name);
            if (cell >= 0)
            {
                index = _u.Code.VarNames.Count + cell;
            }
            else
            {
                int free = _u.Code.FreeVars.IndexOf(name);
                if (free < 0)
                {
                    throw new System.InvalidOperationException($"compiler: no cell for free variable '{name}' of {child.Name}");
                }

                index = _u.Code.VarNames.Count + _u.Code.CellVars.Count + free;
            }

            Emit(OpCode.LoadClosure, index);
        }

        Emit(OpCode.BuildTuple, child.FreeVars.Count);
        return 8;
    }

    private static void SetArgCounts(CompiledCode code, Arguments args)
    {
        code.PosOnlyArgCount = args.PosonlyArgs.Count;
        code.ArgCount = args.PosonlyArgs.Count + args.Args.Count;
        code.KwOnlyArgCount = args.KwonlyArgs.Count;
        if (args.Vararg != null)
        {
            code.Flags |= CodeFlags.VarArgs;
        }

        if (args.Kwarg != null)
        {
            code.Flags |= CodeFlags.VarKeywords;
        }
    }

    private void CompileFunctionDef(FunctionDef fd)
    {
        foreach (ExprNode d in fd.DecoratorList)
        {
            VisitExpr(d);
        }

        int firstLine = fd.DecoratorList.Count > 0 ? fd.DecoratorList[0].Lineno : fd.Lineno;
        SetPosition(fd);
        int flags = CompileDefaults(fd.Args);
        flags |= CompileAnnotations(fd.Args, fd.Returns);
        Scope scope = _symtable.ScopeOf(fd);
        string qualname = ChildQualName(fd.Name);
        EnterUnit(scope, fd.Name, qualname, firstLine);
        SetArgCounts(_u.Code, fd.Args);
        int start = 0;
        if (fd.Body.Count > 0 && fd.Body[0] is ExprStmt { Value: Constant { Value: string doc } })
        {
            _u.Code.Docstring = doc;
            start = 1;
        }

        // co_consts[0] is the docstring or None (3.11).
        _u.Code.Consts.Add(_u.Code.Docstring);
        for (int i = start; i < fd.Body.Count; i++)
        {
            VisitStmt(fd.Body[i]);
        }

        if (fd.Body.Count > 0)
        {
            SetPosition(fd.Body[^1]);
        }

        LoadConst(null);
        Emit(OpCode.ReturnValue);
        CompiledCode child = LeaveUnit();
        SetPosition(fd);
        flags |= CompileClosure(child);
        LoadConst(child);
        Emit(OpCode.MakeFunction, flags);
        for (int i = 0; i < fd.DecoratorList.Count; i++)
        {
            Emit(OpCode.Call, 0);
        }

        NameOpFor(fd.Name, NameOp.Store);
    }

    private void CompileLambda(Lambda l)
    {
        int flags = CompileDefaults(l.Args);
        Scope scope = _symtable.ScopeOf(l);
        EnterUnit(scope, "<lambda>", ChildQualName("<lambda>"), l.Lineno);
        SetArgCounts(_u.Code, l.Args);
        _u.Code.Consts.Add(null);
        VisitExpr(l.Body);
        Emit(OpCode.ReturnValue);
        CompiledCode child = LeaveUnit();
        SetPosition(l);
        flags |= CompileClosure(child);
        LoadConst(child);
        Emit(OpCode.MakeFunction, flags);
    }

    private void CompileClassDef(ClassDef cd)
    {
        foreach (ExprNode d in cd.DecoratorList)
        {
            VisitExpr(d);
        }

        int firstLine = cd.DecoratorList.Count > 0 ? cd.DecoratorList[0].Lineno : cd.Lineno;
        Scope scope = _symtable.ScopeOf(cd);
        string qualname = ChildQualName(cd.Name);
        EnterUnit(scope, cd.Name, qualname, firstLine);
        SetPosition(cd);
        Emit(OpCode.LoadName, NameIndex("__name__"));
        Emit(OpCode.StoreName, NameIndex("__module__"));
        LoadConst(qualname);
        Emit(OpCode.StoreName, NameIndex("__qualname__"));
        int start = 0;
        if (cd.Body.Count > 0 && cd.Body[0] is ExprStmt { Value: Constant { Value: string doc } } first)
        {
            SetPosition(first);
            LoadConst(doc);
            Emit(OpCode.StoreName, NameIndex("__doc__"));
            start = 1;
        }

        if (HasAnnotations(cd.Body))
        {
            Emit(OpCode.SetupAnnotations);
        }

        for (int i = start; i < cd.Body.Count; i++)
        {
            VisitStmt(cd.Body[i]);
        }

        if (_u.Code.CellVars.Contains("__class__"))
        {
            Emit(OpCode.LoadClosure, _u.Code.VarNames.Count + _u.Code.CellVars.IndexOf("__class__"));
            Emit(OpCode.Copy, 1);
            Emit(OpCode.StoreName, NameIndex("__classcell__"));
        }
        else
        {
            LoadConst(null);
        }

        Emit(OpCode.ReturnValue);
        CompiledCode body = LeaveUnit();
        SetPosition(cd);
        Emit(OpCode.PushNull);
        Emit(OpCode.LoadBuildClass);
        int flags = CompileClosure(body);
        LoadConst(body);
        Emit(OpCode.MakeFunction, flags);
        LoadConst(cd.Name);
        bool plain = !HasStarred(cd.Bases) && !cd.Keywords.Exists(k => k.ArgName == null);
        if (plain)
        {
            foreach (ExprNode b in cd.Bases)
            {
                VisitExpr(b);
            }

            var names = new List<object?>();
            foreach (Keyword k in cd.Keywords)
            {
                VisitExpr(k.Value);
                names.Add(k.ArgName);
            }

            SetPosition(cd);
            if (names.Count > 0)
            {
                Emit(OpCode.KwNames, ConstIndex(new ConstTuple(names.ToArray())));
            }

            Emit(OpCode.Call, 2 + cd.Bases.Count + cd.Keywords.Count);
        }
        else
        {
            // build_class(func, name, *bases, **kw): the tuple starts with func and name.
            Emit(OpCode.BuildList, 2);
            foreach (ExprNode b in cd.Bases)
            {
                if (b is Starred st)
                {
                    VisitExpr(st.Value);
                    Emit(OpCode.ListExtend, 1);
                }
                else
                {
                    VisitExpr(b);
                    Emit(OpCode.ListAppend, 1);
                }
            }

            Emit(OpCode.ListToTuple);
            Emit(OpCode.BuildMap, 0);
            foreach (Keyword k in cd.Keywords)
            {
                if (k.ArgName == null)
                {
                    VisitExpr(k.Value);
                }
                else
                {
                    LoadConst(k.ArgName);
                    VisitExpr(k.Value);
                    Emit(OpCode.BuildMap, 1);
                }

                Emit(OpCode.DictMerge, 1);
            }

            Emit(OpCode.CallFunctionEx, 1);
        }

        for (int i = 0; i < cd.DecoratorList.Count; i++)
        {
            Emit(OpCode.Call, 0);
        }

        NameOpFor(cd.Name, NameOp.Store);
    }

    private void CompileComprehension(ExprNode e)
    {
        List<Comprehension> gens;
        string name;
        switch (e)
        {
            case ListComp lc:
                gens = lc.Generators;
                name = "<listcomp>";
                break;
            case SetComp sc:
                gens = sc.Generators;
                name = "<setcomp>";
                break;
            case DictComp dc:
                gens = dc.Generators;
                name = "<dictcomp>";
                break;
            default:
                gens = ((GeneratorExp)e).Generators;
                name = "<genexpr>";
                break;
        }

        Scope scope = _symtable.ScopeOf(e);
        EnterUnit(scope, name, ChildQualName(name), e.Lineno);
        _u.Code.ArgCount = 1;
        SetPosition(e);
        if (e is ListComp)
        {
            Emit(OpCode.BuildList, 0);
        }
        else if (e is SetComp)
        {
            Emit(OpCode.BuildSet, 0);
        }
        else if (e is DictComp)
        {
            Emit(OpCode.BuildMap, 0);
        }

        CompileComprehensionLoop(e, gens, 0);
        if (e is GeneratorExp)
        {
            LoadConst(null);
        }

        Emit(OpCode.ReturnValue);
        CompiledCode child = LeaveUnit();
        SetPosition(e);
        int flags = CompileClosure(child);
        LoadConst(child);
        Emit(OpCode.MakeFunction, flags);
        VisitExpr(gens[0].Iter);
        SetPosition(e);
        Emit(OpCode.GetIter);
        Emit(OpCode.Call, 0);
    }

    private void CompileComprehensionLoop(ExprNode e, List<Comprehension> gens, int level)
    {
        Comprehension g = gens[level];
        var start = new Label();
        var cleanup = new Label();
        if (level == 0)
        {
            Emit(OpCode.LoadFast, 0);
        }
        else
        {
            VisitExpr(g.Iter);
            Emit(OpCode.GetIter);
        }

        B.Place(start);
        EmitJump(OpCode.ForIter, cleanup);
        CompileStore(g.Target);
        foreach (ExprNode cond in g.Ifs)
        {
            CompileJumpIf(cond, start, false);
        }

        if (level + 1 < gens.Count)
        {
            CompileComprehensionLoop(e, gens, level + 1);
        }
        else
        {
            int depth = gens.Count + 1;
            switch (e)
            {
                case ListComp lc:
                    VisitExpr(lc.Elt);
                    Emit(OpCode.ListAppend, depth);
                    break;
                case SetComp sc:
                    VisitExpr(sc.Elt);
                    Emit(OpCode.SetAdd, depth);
                    break;
                case DictComp dc:
                    VisitExpr(dc.Key);
                    VisitExpr(dc.Value);
                    Emit(OpCode.MapAdd, depth);
                    break;
                case GeneratorExp ge:
                    VisitExpr(ge.Elt);
                    Emit(OpCode.YieldValue);
                    Emit(OpCode.PopTop);
                    break;
            }
        }

        EmitJump(OpCode.Jump, start);
        B.Place(cleanup);
    }
}
