using System;
using System.Numerics;
using Refheap.Python.Compiler;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

/// <summary>
/// The interpreter's view of a code object: the instructions and tables of its
/// <see cref="CompiledCode"/>, plus direct pointers into the code object's constant and name
/// tuples (owned by the code object, so valid while it lives).
/// </summary>
internal sealed unsafe class CodeInfo
{
    public required CompiledCode Source;
    public required int[] Code;

    /// <summary>
    /// <see cref="Code"/>'s first element: the array is allocated pinned, so the eval loop can
    /// switch between code objects (inlined calls) without a fixed statement per frame.
    /// </summary>
    public int* CodePtr;
    public PyObject** Consts;
    public PyObject** Names;
    public int NLocals;
    public int NCells;
    public int NFree;
    public int FrameSize;
    public int[] CellParams = [];
    public bool IsGenerator;

    /// <summary>
    /// Code of the embedded _bootstrap module, which implements in Python what CPython has in C
    /// (sys.stdout/stderr, memoryview, ...): its frames get no traceback entries, so an error
    /// raised in there (BrokenPipeError from print) shows the caller's frames only, as on CPython.
    /// </summary>
    public bool HideInTracebacks;

    /// <summary>
    /// Only positional-or-keyword parameters and no cells (no *args, **kwargs, keyword-only
    /// parameters or cell parameters): a call with exactly ArgCount positional arguments and
    /// no keywords binds them in order (CallPyFunction's fast path).
    /// </summary>
    public bool SimpleArgs;

    /// <summary>SimpleArgs and not a generator: the eval loop may run a call of it inline.</summary>
    public bool InlineCallable;

    /// <summary>LOAD_GLOBAL's cache, one entry per name of co_names (see <see cref="GlobalCacheEntry"/>).</summary>
    public GlobalCacheEntry[] GlobalCache = StartupArrays.NoGlobalCache;

    /// <summary>The source line of instruction <paramref name="index"/>.</summary>
    public int LineOf(int index) => index >= 0 && index < Code.Length ? Source.Positions[4 * index] : Source.FirstLine;
}

/// <summary>Turns compiled code into runtime code objects (recursively for nested code).</summary>
internal static unsafe class CodeFactory
{
    public static PyCodeObject* Create(Interpreter interp, CompiledCode cc)
    {
        PyRuntime rt = interp.Rt;
        PyCodeObject* code = rt.NewCode();
        if (code == null)
        {
            return null;
        }

        int[] pinned = GC.AllocateUninitializedArray<int>(cc.Code.Length, pinned: true);
        cc.Code.CopyTo(pinned, 0);
        var info = new CodeInfo { Source = cc, Code = pinned, HideInTracebacks = cc.Filename == Interpreter.BootstrapFilename };
        info.CodePtr = (int*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(pinned));
        code->ManagedId = rt.AddManaged(info);
        code->Consts = rt.NewTuple(cc.Consts.Count);
        if (code->Consts == null)
        {
            rt.DecRef((PyObject*)code);
            return null;
        }

        for (int i = 0; i < cc.Consts.Count; i++)
        {
            PyObject* v = ConstToObject(interp, cc.Consts[i]);
            if (v == null)
            {
                rt.DecRef((PyObject*)code);
                return null;
            }

            PyRuntime.TupleItems(code->Consts)[i] = v;
        }

        code->Names = StrTuple(rt, cc.Names);
        var lp = new System.Collections.Generic.List<string>(cc.VarNames);
        lp.AddRange(cc.CellVars);
        lp.AddRange(cc.FreeVars);
        code->LocalsPlusNames = StrTuple(rt, lp);
        code->Filename = rt.InternFromString(cc.Filename);
        code->Name = rt.InternFromString(cc.Name);
        code->QualName = rt.InternFromString(cc.QualName);
        if (code->Names == null || code->LocalsPlusNames == null || code->Filename == null || code->Name == null || code->QualName == null)
        {
            rt.DecRef((PyObject*)code);
            return null;
        }

        code->ArgCount = cc.ArgCount;
        code->PosOnlyArgCount = cc.PosOnlyArgCount;
        code->KwOnlyArgCount = cc.KwOnlyArgCount;
        code->Flags = cc.Flags;
        code->NLocals = cc.VarNames.Count;
        code->NCells = cc.CellVars.Count;
        code->NFree = cc.FreeVars.Count;
        code->NLocalsPlus = cc.NLocalsPlus;
        code->StackSize = cc.StackSize;
        code->FirstLineNo = cc.FirstLine;
        code->FrameSize = cc.NLocalsPlus + cc.StackSize;
        ((PyVarObject*)code)->Size = cc.Code.Length;
        info.Consts = PyRuntime.TupleItems(code->Consts);
        info.Names = PyRuntime.TupleItems(code->Names);
        info.NLocals = cc.VarNames.Count;
        info.NCells = cc.CellVars.Count;
        info.NFree = cc.FreeVars.Count;
        info.FrameSize = code->FrameSize;
        info.CellParams = cc.CellParams.ToArray();
        info.IsGenerator = (cc.Flags & CodeFlags.Generator) != 0;
        info.SimpleArgs = (cc.Flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0 && cc.KwOnlyArgCount == 0 && info.NCells == 0;
        info.InlineCallable = info.SimpleArgs && !info.IsGenerator;
        info.GlobalCache = new GlobalCacheEntry[cc.Names.Count];
        return code;
    }

    private static PyObject* StrTuple(PyRuntime rt, System.Collections.Generic.List<string> names)
    {
        PyObject* t = rt.NewTuple(names.Count);
        if (t == null)
        {
            return null;
        }

        for (int i = 0; i < names.Count; i++)
        {
            PyObject* s = rt.InternFromString(names[i]);
            if (s == null)
            {
                rt.DecRef(t);
                return null;
            }

            PyRuntime.TupleItems(t)[i] = s;
        }

        return t;
    }

    public static PyObject* ConstToObject(Interpreter interp, object? value)
    {
        PyRuntime rt = interp.Rt;
        switch (value)
        {
            case null:
                return PyRuntime.NewRef(rt.None);
            case bool b:
                return rt.NewBool(b);
            case BigInteger bi:
                return rt.NewInt(bi);
            case double d:
                return rt.NewFloat(d);
            case string s:
                return s.Length <= 40 && IsIdentifierLike(s) ? rt.InternFromString(s) : rt.NewStr(s);
            case byte[] bytes:
                return rt.NewBytes(bytes);
            case Syntax.Ellipsis:
                return PyRuntime.NewRef(interp.Ellipsis);
            case Syntax.Imaginary im:
                return interp.NewComplex(0.0, im.Value);
            case ConstTuple ct:
                PyObject* t = rt.NewTuple(ct.Items.Length);
                if (t == null)
                {
                    return null;
                }

                for (int i = 0; i < ct.Items.Length; i++)
                {
                    PyObject* item = ConstToObject(interp, ct.Items[i]);
                    if (item == null)
                    {
                        rt.DecRef(t);
                        return null;
                    }

                    PyRuntime.TupleItems(t)[i] = item;
                }

                return t;
            case CompiledCode cc:
                return (PyObject*)Create(interp, cc);
            default:
                throw new InvalidOperationException("unknown constant " + value.GetType().Name);
        }
    }

    /// <summary>all_name_chars: CPython interns constant strings made of identifier characters.</summary>
    private static bool IsIdentifierLike(string s)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
