using System;
using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

internal enum ScopeKind
{
    Module,
    Class,
    Function,
}

/// <summary>Where a name lives, once resolved (Python/symtable.c, 3.11: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL).</summary>
internal enum NameScope
{
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

[Flags]
internal enum SymFlags
{
    None = 0,
    Assigned = 1,
    Param = 2,
    Used = 4,
    Global = 8,
    Nonlocal = 16,
    Imported = 32,
    /// <summary>Bound by a walrus inside a comprehension: belongs to the enclosing function.</summary>
    CompIter = 64,
}

/// <summary>One scope's names and what they resolve to.</summary>
internal sealed class Scope
{
    public Scope(ScopeKind kind, string name, Scope? parent, object node)
    {
        Kind = kind;
        Name = name;
        Parent = parent;
        Node = node;
    }

    public ScopeKind Kind { get; }

    public string Name { get; }

    public Scope? Parent { get; }

    public object Node { get; }

    public SymbolFlagsTable Symbols { get; } = new();

    /// <summary>Names in first-seen order (CPython keeps symbol order by first appearance).</summary>
    public List<string> Order { get; } = new();

    public NameScopeTable Resolved { get; } = new();

    public List<Scope> Children { get; } = new();

    public List<string> Params { get; } = new();

    public bool IsGenerator { get; set; }

    public bool IsComprehension { get; set; }

    public bool HasVarargs { get; set; }

    public bool HasVarKeywords { get; set; }

    /// <summary>A function in a class that uses super() or __class__ (needs the implicit __class__ cell).</summary>
    public bool NeedsClassClosure { get; set; }

    /// <summary>Free variables in the order the closure tuple carries them.</summary>
    public List<string> FreeVars { get; } = new();

    /// <summary>Cell variables in order.</summary>
    public List<string> CellVars { get; } = new();

    public void Add(string name, SymFlags flags)
    {
        if (Symbols.TryGetValue(name, out SymFlags old))
        {
            Symbols[name] = old | flags;
        }
        else
        {
            Symbols[name] = flags;
            Order.Add(name);
        }
    }

    public NameScope Lookup(string name) =>
        Resolved.TryGetValue(name, out NameScope s) ? s : (Kind == ScopeKind.Function ? NameScope.GlobalImplicit : NameScope.Local);
}

/// <summary>
/// The symbol table: walks the tree once to record what each scope binds and uses, then
/// resolves every name (local, global, free, cell) as CPython 3.11's symtable does, including
/// the implicit __class__ cell for super() and the scopes of comprehensions.
/// </summary>
internal sealed partial class Symtable
{
    private readonly Dictionary<object, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly string _filename;
    private Scope _current;

    private Symtable(Module module, string filename)
    {
        _filename = filename;
        _current = new Scope(ScopeKind.Module, "<module>", null, module);
        Top = _current;
        _scopes[module] = _current;
    }

    public Scope Top { get; }

    public static Symtable Build(Module module, string filename)
    {
        var st = new Symtable(module, filename);
        foreach (StmtNode s in module.Body)
        {
            st.VisitStmt(s);
        }

        Resolve(st.Top, new HashSet<string>(), new HashSet<string>());
        return st;
    }

    public static Symtable BuildExpression(ExpressionModule module, string filename)
    {
        var wrapper = new Module();
        var st = new Symtable(wrapper, filename);
        st._scopes[module] = st.Top;
        st.VisitExpr(module.Body);
        Resolve(st.Top, new HashSet<string>(), new HashSet<string>());
        return st;
    }

    public Scope ScopeOf(object node) => _scopes[node];

    private PythonSyntaxError Error(string message, Node at) =>
        new PythonSyntaxError("SyntaxError", message, _filename, at.Lineno, at.ColOffset + 1, at.EndLineno, at.EndColOffset + 1, null);

    private Scope Enter(ScopeKind kind, string name, object node)
    {
        var scope = new Scope(kind, name, _current, node);
        _current.Children.Add(scope);
        _scopes[node] = scope;
        _current = scope;
        return scope;
    }

    private void Leave() => _current = _current.Parent!;

    /// <summary>analyze_block: decides the scope of every name, top down, then the cells bottom up.</summary>
    private static void Resolve(Scope scope, HashSet<string> boundAbove, HashSet<string> globalAbove)
    {
        var newBound = new HashSet<string>(boundAbove);
        var newGlobal = new HashSet<string>(globalAbove);
        foreach (string name in scope.Order)
        {
            SymFlags f = scope.Symbols[name];
            if ((f & SymFlags.Global) != 0)
            {
                scope.Resolved[name] = NameScope.GlobalExplicit;
                newGlobal.Add(name);
                newBound.Remove(name);
            }
            else if ((f & SymFlags.Nonlocal) != 0)
            {
                scope.Resolved[name] = NameScope.Free;
            }
            else if ((f & (SymFlags.Assigned | SymFlags.Param | SymFlags.Imported)) != 0)
            {
                scope.Resolved[name] = NameScope.Local;
                if (scope.Kind == ScopeKind.Function)
                {
                    newBound.Add(name);
                }

                newGlobal.Remove(name);
            }
            else if (scope.Kind != ScopeKind.Module && boundAbove.Contains(name))
            {
                scope.Resolved[name] = NameScope.Free;
            }
            else if (globalAbove.Contains(name))
            {
                scope.Resolved[name] = NameScope.GlobalExplicit;
            }
            else
            {
                scope.Resolved[name] = scope.Kind == ScopeKind.Function ? NameScope.GlobalImplicit : NameScope.Local;
            }
        }

        if (scope.Kind == ScopeKind.Class)
        {
            // A class body binds nothing for the functions inside it, except __class__.
            newBound = new HashSet<string>(boundAbove) { "__class__" };
            newGlobal = new HashSet<string>(globalAbove);
        }
        else if (scope.Kind == ScopeKind.Module)
        {
            newBound = new HashSet<string>();
        }

        var freeInChildren = new HashSet<string>();
        foreach (Scope child in scope.Children)
        {
            Resolve(child, newBound, newGlobal);
            foreach (string free in child.FreeVars)
            {
                freeInChildren.Add(free);
            }
        }

        // Locals that children use freely become cells; free names children use that this
        // scope does not bind pass through as this scope's free variables.
        foreach (string name in Ordered(freeInChildren))
        {
            if (scope.Kind == ScopeKind.Class && name == "__class__")
            {
                if (!scope.CellVars.Contains(name))
                {
                    scope.CellVars.Add(name);
                }

                continue;
            }

            if (scope.Resolved.TryGetValue(name, out NameScope ns))
            {
                if (ns == NameScope.Local && scope.Kind == ScopeKind.Function)
                {
                    scope.Resolved[name] = NameScope.Cell;
                    scope.CellVars.Add(name);
                    continue;
                }

                if (ns == NameScope.Cell)
                {
                    continue;
                }

                if (ns == NameScope.Free)
                {
                    continue;
                }

                if (ns is NameScope.GlobalExplicit)
                {
                    continue;
                }
            }

            if (scope.Kind == ScopeKind.Module)
            {
                continue;
            }

            if (scope.Kind == ScopeKind.Class && scope.Resolved.TryGetValue(name, out NameScope cls) && cls == NameScope.Local)
            {
                // The class binds the name for itself (a class variable); the function's free
                // variable comes from further out. Keep it free here too, as CPython does
                // (DEF_FREE_CLASS): the class body loads it with LOAD_CLASSDEREF.
                if (!scope.FreeVars.Contains(name))
                {
                    scope.FreeVars.Add(name);
                }

                continue;
            }

            if (!scope.Resolved.TryGetValue(name, out NameScope existing) || existing == NameScope.GlobalImplicit)
            {
                scope.Resolved[name] = NameScope.Free;
            }
        }

        foreach (string name in scope.Order)
        {
            if (scope.Resolved[name] == NameScope.Free && !scope.FreeVars.Contains(name))
            {
                scope.FreeVars.Add(name);
            }
        }

        foreach (string name in freeInChildren)
        {
            if (scope.Kind != ScopeKind.Module && scope.Resolved.TryGetValue(name, out NameScope r) && r == NameScope.Free && !scope.FreeVars.Contains(name))
            {
                scope.FreeVars.Add(name);
            }
        }

        if (scope.NeedsClassClosure && !scope.FreeVars.Contains("__class__"))
        {
            scope.FreeVars.Add("__class__");
            scope.Resolved["__class__"] = NameScope.Free;
        }

        // CPython sorts cell and free variable names (dictbytype sorts by name).
        scope.CellVars.Sort(StringComparer.Ordinal);
        scope.FreeVars.Sort(StringComparer.Ordinal);
    }

    private static List<string> Ordered(HashSet<string> names)
    {
        var list = new List<string>(names);
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
