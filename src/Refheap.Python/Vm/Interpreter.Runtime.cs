using System.Collections.Generic;
using System.Numerics;
using System.Text;
using Refheap.Python.Lib;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// exec/eval, atexit, weakref helpers, sys.getsizeof and the Mersenne Twister states.
internal sealed unsafe partial class Interpreter
{
    // A class, not a value tuple: List of a reference type shares the framework's precompiled
    // code, while a List of a value tuple would be JIT-compiled at every start-up.
    private readonly List<AtExitCall> _atexit = new();
    private readonly Dictionary<long, MersenneTwister> _randomStates = new();
    private long _nextRandomState = 1;
    private long _lastRandomId;
    private MersenneTwister? _lastRandom;

    public int AtExitCount => _atexit.Count;

    public bool IsCallable(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        return t->Call != null || t == Rt.PyFunctionType || t == Rt.MethodType || t == Rt.FunctionType
            || PyRuntime.IsSubtype(t, Rt.TypeType) || t == MethodDescriptorType
            || ((t->Flags & TypeFlags.HeapType) != 0 && LookupUserDunder(t, "__call__") != null);
    }

    public void RegisterAtExit(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject* rest = rt.NewTuple(nargs - 1);
        for (nint i = 1; i < nargs; i++)
        {
            PyRuntime.TupleItems(rest)[i - 1] = PyRuntime.NewRef(args[i]);
        }

        PyObject* kw = null;
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        if (nkw > 0)
        {
            kw = rt.NewDict();
            for (nint k = 0; k < nkw; k++)
            {
                rt.DictSetItem(kw, PyRuntime.TupleItems(kwnames)[k], args[nargs + k]);
            }
        }

        _atexit.Add(new AtExitCall((nint)PyRuntime.NewRef(args[0]), (nint)rest, (nint)kw));
    }

    public bool UnregisterAtExit(PyObject* func)
    {
        // CPython empties the slot but keeps it: atexit._ncallbacks() still counts it until _clear().
        for (int i = _atexit.Count - 1; i >= 0; i--)
        {
            if (_atexit[i].Func == 0)
            {
                continue;
            }

            int eq = RichCompareBool((PyObject*)_atexit[i].Func, func, CompareOp.Eq);
            if (eq < 0)
            {
                return false;
            }

            if (eq == 1)
            {
                (nint f, nint a, nint k) = _atexit[i];
                _atexit[i] = new AtExitCall(0, 0, 0);
                Rt.DecRef((PyObject*)f);
                Rt.DecRef((PyObject*)a);
                Rt.XDecRef((PyObject*)k);
            }
        }

        return true;
    }

    /// <summary>atexit._run_exitfuncs: last registered first; errors are reported and the rest still run.</summary>
    public void RunAtExit()
    {
        PyRuntime rt = Rt;

        // atexit_callfuncs: the callbacks registered when exit began, newest first; callbacks
        // registered by them are dropped with the rest.
        var snapshot = new List<AtExitCall>(_atexit);
        _atexit.Clear();
        for (int index = snapshot.Count - 1; index >= 0; index--)
        {
            (nint f, nint a, nint k) = snapshot[index];
            if (f == 0)
            {
                continue;
            }

            PyObject* r = CallFunctionEx((PyObject*)f, (PyObject*)a, (PyObject*)k);
            if (r == null)
            {
                PyObject* exc = rt.FetchError();
                if (exc != null && !PyRuntime.IsSubtypeMro(exc->Type, SystemExitType))
                {
                    string? repr = ReprOf((PyObject*)f);
                    rt.ClearError();
                    WriteStderr($"Exception ignored in atexit callback: {repr}\n");
                    PrintException(exc);
                }

                rt.XDecRef(exc);
            }
            else
            {
                rt.DecRef(r);
            }

            rt.DecRef((PyObject*)f);
            rt.DecRef((PyObject*)a);
            rt.XDecRef((PyObject*)k);
        }

        ClearAtExit();
    }

    public void ClearAtExit()
    {
        foreach ((nint f, nint a, nint k) in _atexit)
        {
            if (f == 0)
            {
                continue;
            }

            Rt.DecRef((PyObject*)f);
            Rt.DecRef((PyObject*)a);
            Rt.XDecRef((PyObject*)k);
        }

        _atexit.Clear();
    }

    /// <summary>Writes to sys.stderr (or the host's stderr).</summary>
    public void WriteStderr(string text)
    {
        PyObject* stderr = SysAttrBorrowed("stderr");
        if (stderr == Rt.None)
        {
            // sys.stderr set to None (at the end of shutdown, or by the script): CPython's
            // error printers then write nothing.
            return;
        }

        PyObject* saved = Rt.FetchError();
        if (!WriteTo(stderr, text))
        {
            Rt.ClearError();
            Stderr.Write(text);
        }

        if (saved != null)
        {
            Rt.SetErrorObject(saved);
        }
    }

    /// <summary>weakref.getweakrefs(o): the weakrefs and proxies to o, newest... in list order.</summary>
    public PyObject* GetWeakrefs(PyObject* o)
    {
        PyRuntime rt = Rt;
        PyObject* list = rt.NewList(0);
        nint offset = o->Type->WeakListOffset;
        if (offset == 0)
        {
            return list;
        }

        for (var w = *(PyWeakReference**)((byte*)o + offset); w != null; w = w->Next)
        {
            rt.ListAppend(list, (PyObject*)w);
        }

        return list;
    }

    /// <summary>sys.getsizeof(o[, default]).</summary>
    public PyObject* GetSizeOf(PyObject* o, PyObject* dflt)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__sizeof__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, o, null);
                if (r == null)
                {
                    if (dflt != null && ErrorMatches(rt.TypeErrorType))
                    {
                        rt.ClearError();
                        return PyRuntime.NewRef(dflt);
                    }

                    return null;
                }

                if (!PyRuntime.IsInt(r))
                {
                    rt.DecRef(r);
                    rt.SetError(rt.TypeErrorType, "an integer is required");
                    return null;
                }

                BigInteger v = PyRuntime.IntToBigInteger(r);
                rt.DecRef(r);
                if (v < 0)
                {
                    rt.SetError(rt.ValueErrorType, "__sizeof__() should return >= 0");
                    return null;
                }

                return rt.NewInt(v + (long)PyRuntime.ReportedPreHeaderSize(t));
            }
        }

        return rt.NewInt((long)rt.SizeOf(o));
    }

    /// <summary>exec(source|code, globals, locals) and eval(...).</summary>
    public PyObject* ExecEval(PyObject** args, nint nargs, PyObject* kwnames, bool exec)
    {
        PyRuntime rt = Rt;
        string fname = exec ? "exec" : "eval";
        PyObject** p = stackalloc PyObject*[3];
        if (!ArgParse.Parse(rt, fname, args, nargs, kwnames, ["source", "globals", "locals"], 1, p))
        {
            return null;
        }

        PyObject* globals = p[1] == null || p[1] == rt.None ? null : p[1];
        PyObject* locals = p[2] == null || p[2] == rt.None ? null : p[2];
        if (globals == null)
        {
            globals = CurrentFrame == null ? null : CurrentFrame->Globals;
            if (locals == null)
            {
                locals = CurrentFrame == null ? null : CurrentFrame->Locals != null ? CurrentFrame->Locals : null;
            }
        }

        if (globals == null || !PyRuntime.IsSubtype(globals->Type, rt.DictType))
        {
            rt.SetError(rt.TypeErrorType, $"{fname}() globals must be a dict, not {(globals == null ? "NoneType" : rt.TypeName(globals))}");
            return null;
        }

        bool freshLocals = false;
        if (locals == null)
        {
            if (CurrentFrame != null && CurrentFrame->Locals == null && p[1] == null)
            {
                locals = FrameLocals(CurrentFrame);
                freshLocals = true;
            }
            else
            {
                locals = globals;
            }
        }

        PyObject* code;
        if (p[0]->Type == rt.CodeType)
        {
            code = PyRuntime.NewRef(p[0]);
        }
        else if (PyRuntime.IsStr(p[0]) || PyRuntime.IsBytes(p[0]))
        {
            byte[] src = PyRuntime.IsStr(p[0]) ? Encoding.UTF8.GetBytes(PyRuntime.StrToString(p[0])) : BytesOf(p[0]);
            code = CompileSource(src, "<string>", exec);
            if (code == null)
            {
                if (freshLocals)
                {
                    rt.DecRef(locals);
                }

                return null;
            }
        }
        else
        {
            rt.SetError(rt.TypeErrorType, $"{fname}() arg 1 must be a string, bytes or code object");
            return null;
        }

        PyObject* r = RunCode((PyCodeObject*)code, globals, locals);
        rt.DecRef(code);
        if (freshLocals)
        {
            rt.DecRef(locals);
        }

        if (r != null && exec)
        {
            rt.DecRef(r);
            return PyRuntime.NewRef(rt.None);
        }

        return r;
    }

    public PyObject* NewRandomState()
    {
        long id = _nextRandomState++;
        _randomStates[id] = new MersenneTwister(BigInteger.Zero);
        return Rt.NewInt(id);
    }

    /// <summary>The generator behind a state handle made by <see cref="NewRandomState"/>, or null if the handle is not one.</summary>
    public MersenneTwister? RandomState(PyObject* handle)
    {
        if (!PyRuntime.IsInt(handle) || !PyRuntime.TryIntToLong(handle, out long id))
        {
            return null;
        }

        // Most programs draw from one generator: the last one found answers without a lookup.
        if (id != _lastRandomId && _randomStates.TryGetValue(id, out MersenneTwister? mt))
        {
            _lastRandomId = id;
            _lastRandom = mt;
        }

        return id == _lastRandomId ? _lastRandom : null;
    }

    /// <summary>0 seed, 1 random, 2 getrandbits, 3 getstate, 4 setstate.</summary>
    public PyObject* RandomCall(PyObject* handle, int op, PyObject* arg)
    {
        PyRuntime rt = Rt;
        MersenneTwister mt = _randomStates[(long)PyRuntime.IntToBigInteger(handle)];
        try
        {
            switch (op)
            {
                case 0:
                    if (arg == null || arg == rt.None)
                    {
                        mt.SeedFromEntropy();
                    }
                    else if (PyRuntime.IsInt(arg))
                    {
                        mt.Seed(PyRuntime.IntToBigInteger(arg));
                    }
                    else
                    {
                        nint h = rt.ObjectHash(arg);
                        if (h == -1 && rt.ErrorOccurred)
                        {
                            return null;
                        }

                        mt.SeedFromHash(h);
                    }

                    return PyRuntime.NewRef(rt.None);
                case 1:
                    return rt.NewFloat(mt.Random());
                case 2:
                    if (!PyRuntime.IsInt(arg))
                    {
                        rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(arg)}' object cannot be interpreted as an integer");
                        return null;
                    }

                    BigInteger k = PyRuntime.IntToBigInteger(arg);
                    if (k < 0)
                    {
                        rt.SetError(rt.ValueErrorType, "number of bits must be non-negative");
                        return null;
                    }

                    return rt.NewInt(mt.GetRandBits((int)k));
                case 3:
                    uint[] state = mt.GetState();
                    PyObject* t = rt.NewTuple(state.Length);
                    for (int i = 0; i < state.Length; i++)
                    {
                        PyRuntime.TupleItems(t)[i] = rt.NewInt(state[i]);
                    }

                    return t;
                default:
                    nint n = PyRuntime.TupleSize(arg);
                    var values = new BigInteger[n];
                    for (nint i = 0; i < n; i++)
                    {
                        values[i] = PyRuntime.IntToBigInteger(PyRuntime.TupleItems(arg)[i]);
                    }

                    mt.SetState(values);
                    return PyRuntime.NewRef(rt.None);
            }
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }
    }
}

/// <summary>An atexit registration: the callable, its argument tuple and its keyword dict (or 0).</summary>
internal sealed record AtExitCall(nint Func, nint Args, nint Kwargs);
