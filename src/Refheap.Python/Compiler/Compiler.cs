using System;
using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

/// <summary>
/// Compiles a syntax tree to <see cref="CompiledCode"/> (Python/compile.c, 3.11, in spirit:
/// one pass over the tree per code object, jumps back-patched, the handler table built from
/// the protected ranges, frame-block unwinding for break/continue/return through finally,
/// with and except blocks).
/// </summary>
public sealed partial class PyCompiler
{
    private readonly Symtable _symtable;
    private readonly string _filename;
    private readonly Stack<Unit> _units = new();
    private Unit _u = null!;
    private readonly List<CompilerWarning> _warnings = new();

    private PyCompiler(Symtable symtable, string filename)
    {
        _symtable = symtable;
        _filename = filename;
    }

    /// <summary>The state of the code object being compiled.</summary>
    private sealed class Unit
    {
        public required Scope Scope;
        public required CompiledCode Code;
        public readonly CodeBuilder B = new();
        public readonly Dictionary<string, int> NameIndex = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> VarIndex = new(StringComparer.Ordinal);
        public readonly List<FBlock> Blocks = new();
        public required string QualName;
    }

    private enum FBlockKind
    {
        WhileLoop,
        ForLoop,
        TryExcept,
        FinallyTry,
        FinallyEnd,
        With,
        HandlerCleanup,
        PopValue,
        ExceptionHandler,

        /// <summary>The body of an except* clause: break, continue and return may not leave it.</summary>
        ExceptionGroupHandler,
    }

    private sealed class FBlock
    {
        public FBlockKind Kind;
        public Label? Start;
        public Label? Exit;
        public List<StmtNode>? FinalBody;
        public string? HandlerName;

        /// <summary>How many handler-table entries this block pushed (popped while unwinding it).</summary>
        public int HandlerCount;
    }

    /// <summary>Compiles a module (exec mode).</summary>
    public static CompiledCode CompileModule(Module module, string filename)
    {
        ArgumentNullException.ThrowIfNull(module);
        Symtable st = Symtable.Build(module, filename);
        var c = new PyCompiler(st, filename);
        c.EnterUnit(st.Top, "<module>", "<module>", 1);
        c.CompileBody(module.Body, isModule: true);
        if (module.Body.Count > 0)
        {
            c._u.B.Position = (0, 0, -1, -1);
        }

        c.LoadConst(null);
        c.Emit(OpCode.ReturnValue);
        CompiledCode code = c.LeaveUnit();
        code.Warnings.AddRange(c._warnings);
        return code;
    }

    /// <summary>Compiles one expression (eval mode): the code returns its value.</summary>
    public static CompiledCode CompileExpression(ExpressionModule module, string filename)
    {
        ArgumentNullException.ThrowIfNull(module);
        Symtable st = Symtable.BuildExpression(module, filename);
        var c = new PyCompiler(st, filename);
        c.EnterUnit(st.Top, "<module>", "<module>", 1);
        c.VisitExpr(module.Body);
        c.Emit(OpCode.ReturnValue);
        return c.LeaveUnit();
    }

    private PythonSyntaxError Error(string message, Node at) =>
        new("SyntaxError", message, _filename, at.Lineno, at.ColOffset + 1, at.EndLineno, at.EndColOffset + 1, null);

    private void EnterUnit(Scope scope, string name, string qualname, int firstLine)
    {
        var code = new CompiledCode { Name = name, QualName = qualname, Filename = _filename, FirstLine = firstLine };
        var u = new Unit { Scope = scope, Code = code, QualName = qualname };
        if (scope.Kind == ScopeKind.Function)
        {
            foreach (string p in scope.Params)
            {
                AddVar(u, p);
            }

            foreach (string n in scope.Order)
            {
                if (scope.Resolved.TryGetValue(n, out NameScope ns) && ns == NameScope.Local)
                {
                    AddVar(u, n);
                }
            }
        }

        foreach (string cell in scope.CellVars)
        {
            code.CellVars.Add(cell);
            code.CellParams.Add(scope.Params.IndexOf(cell));
        }

        code.FreeVars.AddRange(scope.FreeVars);
        if (_units.Count > 0 || _u != null)
        {
            _units.Push(_u!);
        }

        _u = u;
    }

    private static void AddVar(Unit u, string name)
    {
        if (!u.VarIndex.ContainsKey(name))
        {
            u.VarIndex[name] = u.Code.VarNames.Count;
            u.Code.VarNames.Add(name);
        }
    }

    private CompiledCode LeaveUnit()
    {
        Unit u = _u;
        CompiledCode code = u.Code;
        code.Code = u.B.Instructions();
        code.Positions = u.B.Positions();
        code.HandlerOf = u.B.HandlerOf();
        code.Handlers = u.B.Handlers();
        code.StackSize = Math.Max(1, u.B.MaxDepth);
        int flags = code.Flags;
        if (u.Scope.Kind == ScopeKind.Function)
        {
            flags |= CodeFlags.Optimized | CodeFlags.NewLocals;
            if (u.Scope.IsGenerator)
            {
                flags |= CodeFlags.Generator;
            }
        }

        if (code.FreeVars.Count == 0 && code.CellVars.Count == 0)
        {
            flags |= CodeFlags.NoFree;
        }

        if (_units.Count > 0 && _units.Peek().Scope.Kind == ScopeKind.Function)
        {
            flags |= CodeFlags.Nested;
        }

        code.Flags = flags;
        _u = _units.Count > 0 ? _units.Pop() : null!;
        return code;
    }

    private CodeBuilder B => _u.B;

    private void Emit(OpCode op, int arg = 0) => _u.B.Emit(op, arg);

    private void EmitJump(OpCode op, Label target) => _u.B.EmitJump(op, target);

    private void SetPosition(Node n) => _u.B.SetPosition(n);

    private int ConstIndex(object? value)
    {
        List<object?> consts = _u.Code.Consts;
        for (int i = 0; i < consts.Count; i++)
        {
            if (SameConst(consts[i], value))
            {
                return i;
            }
        }

        consts.Add(value);
        return consts.Count - 1;
    }

    private static bool SameConst(object? a, object? b)
    {
        if (a == null || b == null)
        {
            return a == null && b == null;
        }

        if (a.GetType() != b.GetType())
        {
            return false;
        }

        return a switch
        {
            CompiledCode => ReferenceEquals(a, b),
            double da => BitConverter.DoubleToInt64Bits(da) == BitConverter.DoubleToInt64Bits((double)b),
            byte[] ba => ba.AsSpan().SequenceEqual((byte[])b),
            ConstTuple ta => SameTuple(ta, (ConstTuple)b),
            _ => a.Equals(b),
        };
    }

    private static bool SameTuple(ConstTuple a, ConstTuple b)
    {
        if (a.Items.Length != b.Items.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Items.Length; i++)
        {
            if (!SameConst(a.Items[i], b.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void LoadConst(object? value) => Emit(OpCode.LoadConst, ConstIndex(value));

    private int NameIndex(string name)
    {
        if (!_u.NameIndex.TryGetValue(name, out int i))
        {
            i = _u.Code.Names.Count;
            _u.Code.Names.Add(name);
            _u.NameIndex[name] = i;
        }

        return i;
    }

    /// <summary>_Py_Mangle: __private names inside a class body get the class name.</summary>
    private string Mangle(string name)
    {
        string? cls = null;
        foreach (Unit unit in UnitsInnerFirst())
        {
            if (unit.Scope.Kind == ScopeKind.Class)
            {
                cls = unit.Scope.Name;
                break;
            }
        }

        if (cls == null || !name.StartsWith("__", StringComparison.Ordinal) || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal))
        {
            return name;
        }

        string stripped = cls.TrimStart('_');
        return stripped.Length == 0 ? name : "_" + stripped + name;
    }

    private IEnumerable<Unit> UnitsInnerFirst()
    {
        yield return _u;
        foreach (Unit u in _units)
        {
            yield return u;
        }
    }

    private int DerefIndex(string name)
    {
        int cell = _u.Code.CellVars.IndexOf(name);
        if (cell >= 0)
        {
            return _u.Code.VarNames.Count + cell;
        }

        int free = _u.Code.FreeVars.IndexOf(name);
        if (free < 0)
        {
            throw new InvalidOperationException($"compiler: '{name}' is neither a cell nor a free variable of {_u.Code.Name}");
        }

        return _u.Code.VarNames.Count + _u.Code.CellVars.Count + free;
    }

    private enum NameOp
    {
        Load,
        Store,
        Delete,
    }

    /// <summary>compiler_nameop: picks FAST, DEREF, GLOBAL or NAME by the symbol's scope.</summary>
    private void NameOpFor(string rawName, NameOp op)
    {
        string name = Mangle(rawName);
        Scope scope = _u.Scope;
        NameScope ns = scope.Lookup(name);
        if (scope.Kind == ScopeKind.Class && name == "__class__" && op == NameOp.Load && ns != NameScope.GlobalExplicit)
        {
            ns = NameScope.Local;
        }

        switch (ns)
        {
            case NameScope.Free:
            case NameScope.Cell:
                if (scope.Kind == ScopeKind.Class && op == NameOp.Load)
                {
                    Emit(OpCode.LoadClassDeref, DerefIndex(name));
                    return;
                }

                if (scope.Kind == ScopeKind.Class && ns == NameScope.Free && op != NameOp.Load)
                {
                    break;
                }

                Emit(op switch { NameOp.Load => OpCode.LoadDeref, NameOp.Store => OpCode.StoreDeref, _ => OpCode.DeleteDeref }, DerefIndex(name));
                return;
            case NameScope.Local:
                if (scope.Kind == ScopeKind.Function)
                {
                    Emit(op switch { NameOp.Load => OpCode.LoadFast, NameOp.Store => OpCode.StoreFast, _ => OpCode.DeleteFast }, _u.VarIndex[name]);
                    return;
                }

                break;
            case NameScope.GlobalExplicit:
                Emit(op switch { NameOp.Load => OpCode.LoadGlobal, NameOp.Store => OpCode.StoreGlobal, _ => OpCode.DeleteGlobal }, NameIndex(name));
                return;
            case NameScope.GlobalImplicit:
                if (scope.Kind == ScopeKind.Function)
                {
                    Emit(op switch { NameOp.Load => OpCode.LoadGlobal, NameOp.Store => OpCode.StoreGlobal, _ => OpCode.DeleteGlobal }, NameIndex(name));
                    return;
                }

                break;
        }

        Emit(op switch { NameOp.Load => OpCode.LoadName, NameOp.Store => OpCode.StoreName, _ => OpCode.DeleteName }, NameIndex(name));
    }

    private void CompileBody(List<StmtNode> body, bool isModule)
    {
        int start = 0;
        if (isModule && body.Count > 0 && body[0] is ExprStmt { Value: Constant { Value: string doc } } first)
        {
            SetPosition(first);
            LoadConst(doc);
            Emit(OpCode.StoreName, NameIndex("__doc__"));
            start = 1;
        }

        if (isModule && HasAnnotations(body))
        {
            Emit(OpCode.SetupAnnotations);
        }

        for (int i = start; i < body.Count; i++)
        {
            VisitStmt(body[i]);
        }
    }

    private static bool HasAnnotations(List<StmtNode> body)
    {
        foreach (StmtNode s in body)
        {
            switch (s)
            {
                case AnnAssign:
                    return true;
                case For f when HasAnnotations(f.Body) || HasAnnotations(f.Orelse):
                case While w when HasAnnotations(w.Body) || HasAnnotations(w.Orelse):
                case If i when HasAnnotations(i.Body) || HasAnnotations(i.Orelse):
                case With wi when HasAnnotations(wi.Body):
                case Try t when HasAnnotations(t.Body) || HasAnnotations(t.Orelse) || HasAnnotations(t.Finalbody):
                    return true;
            }
        }

        return false;
    }
}
