using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Name lookups (ceval.c, 3.11: LOAD_NAME, LOAD_GLOBAL, LOAD_CLASSDEREF, STORE_NAME) and the
// interpreter's cache of interned names.
internal sealed unsafe partial class Interpreter
{
    private readonly Dictionary<string, nint> _names = new(System.StringComparer.Ordinal);

    // A direct-mapped cache in front of _names keyed by the identity of the .NET string: the
    // names passed here are mostly literals ("__init__", "__new__", ...), the same object on
    // every call, so a hit costs an identity hash and a reference comparison instead of
    // hashing and comparing the characters.
    private const int NameCacheSize = 512;
    private readonly string?[] _nameCacheKeys = new string?[NameCacheSize];
    private readonly nint[] _nameCacheValues = new nint[NameCacheSize];

    // Names a class call looks up every time (interned, kept by the interpreter's name table).
    private PyObject* _strNew;
    private PyObject* _strInit;
    private PyObject* _strAbstractMethods;

    private PyObject* StrInit => _strInit == null ? (_strInit = Str("__init__")) : _strInit;

    /// <summary>The interpreter for a runtime (set when the interpreter is made).</summary>
    public static Interpreter Of(PyRuntime rt) => (Interpreter)rt.Host!;

    /// <summary>An interned str for a name, borrowed (the interpreter keeps it until disposal).</summary>
    public PyObject* Str(string name)
    {
        int slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(name) & (NameCacheSize - 1);
        if (ReferenceEquals(_nameCacheKeys[slot], name))
        {
            return (PyObject*)_nameCacheValues[slot];
        }

        if (_names.TryGetValue(name, out nint p))
        {
            _nameCacheKeys[slot] = name;
            _nameCacheValues[slot] = p;
            return (PyObject*)p;
        }

        PyObject* s = Rt.InternFromString(name);
        if (s == null)
        {
            throw new System.InsufficientExecutionStackException("out of memory interning a name");
        }

        _names[name] = (nint)s;
        return s;
    }

    /// <summary>
    /// CPython 3.11's deep-frozen start-up modules carry their own statically allocated
    /// one-character identifiers, interned at start-up before any latin-1 singleton is: a
    /// constant 'h' is then not the object 'hello'[0] returns, while 'A' is. These are the 29
    /// such characters of the 3.11 build, found with
    /// `python3 -c "print([chr(i) for i in range(256) if eval(repr(chr(i))) is not chr(i)])"`.
    /// </summary>
    private const string FrozenOneCharNames = "BCLST_abcdefhijklmnopqrstvwxy";

    private void InternFrozenOneCharNames()
    {
        foreach (char c in FrozenOneCharNames)
        {
            PyObject* s = Rt.NewUnsharedChar(c);
            if (s == null)
            {
                throw new System.InsufficientExecutionStackException("out of memory interning a name");
            }

            Rt.Intern(ref s);
            _names[c.ToString()] = (nint)s;
        }
    }

    private void ReleaseNames()
    {
        foreach (nint p in _names.Values)
        {
            Rt.DecRef((PyObject*)p);
        }

        _names.Clear();
        System.Array.Clear(_nameCacheKeys);
        System.Array.Clear(_nameCacheValues);
    }

    public void RaiseNameError(PyObject* name)
    {
        Rt.SetError(NameErrorType, $"name '{PyRuntime.StrToString(name)}' is not defined");
        TagNameError(name, null);
    }

    private PyObject* LoadGlobal(InterpreterFrame* f, PyObject* name)
    {
        PyObject* v = Rt.DictGetItemStr(f->Globals, name);
        if (v == null)
        {
            v = Rt.DictGetItemStr(f->Builtins, name);
            if (v == null)
            {
                RaiseNameError(name);
                return null;
            }
        }

        return PyRuntime.NewRef(v);
    }

    private PyObject* LoadName(InterpreterFrame* f, PyObject* name)
    {
        PyObject* locals = f->Locals;
        if (locals == null)
        {
            Rt.SetError(Rt.SystemErrorType, $"no locals when loading '{PyRuntime.StrToString(name)}'");
            return null;
        }

        if (locals->Type == Rt.DictType)
        {
            PyObject* v = Rt.DictGetItemStr(locals, name);
            if (v != null)
            {
                return PyRuntime.NewRef(v);
            }
        }
        else
        {
            PyObject* v = GetItem(locals, name);
            if (v != null)
            {
                return v;
            }

            if (!Rt.ErrorMatches(Rt.KeyErrorType))
            {
                return null;
            }

            Rt.ClearError();
        }

        return LoadGlobal(f, name);
    }

    private int StoreName(InterpreterFrame* f, PyObject* name, PyObject* v)
    {
        PyObject* locals = f->Locals;
        if (locals == null)
        {
            Rt.SetError(Rt.SystemErrorType, $"no locals found when storing '{PyRuntime.StrToString(name)}'");
            return -1;
        }

        return locals->Type == Rt.DictType ? Rt.DictSetItem(locals, name, v) : SetItem(locals, name, v);
    }

    private int DeleteName(InterpreterFrame* f, PyObject* name)
    {
        PyObject* locals = f->Locals;
        int r = locals->Type == Rt.DictType ? Rt.DictDelItem(locals, name) : SetItem(locals, name, null);
        if (r < 0 && Rt.ErrorMatches(Rt.KeyErrorType))
        {
            Rt.ClearError();
            RaiseNameError(name);
        }

        return r;
    }

    /// <summary>LOAD_CLASSDEREF: the class namespace first, then the cell.</summary>
    private PyObject* LoadClassDeref(InterpreterFrame* f, CodeInfo info, int index)
    {
        int cell = index - info.NLocals;
        string name = cell < info.NCells ? info.Source.CellVars[cell] : info.Source.FreeVars[cell - info.NCells];
        PyObject* key = Str(name);
        if (f->Locals != null)
        {
            PyObject* v = Rt.DictGetItemStr(f->Locals, key);
            if (v != null)
            {
                return PyRuntime.NewRef(v);
            }
        }

        PyObject* value = PyRuntime.CellGet(InterpreterFrame.LocalsPlus(f)[index]);
        if (value == null)
        {
            RaiseUnboundDeref(info, index);
            return null;
        }

        return PyRuntime.NewRef(value);
    }

    private int SetupAnnotations(InterpreterFrame* f)
    {
        PyObject* key = Str("__annotations__");
        if (Rt.DictGetItemStr(f->Locals, key) != null)
        {
            return 0;
        }

        PyObject* d = Rt.NewDict();
        if (d == null)
        {
            return -1;
        }

        int r = StoreName(f, key, d);
        Rt.DecRef(d);
        return r;
    }
}
