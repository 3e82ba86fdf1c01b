using System.Collections.Generic;
using Refheap.Python.Lib;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// Native methods of classes whose Python face lives in Lib/python but whose hot methods are C
// in CPython 3.11: random() and getrandbits() of _random.Random (Modules/_randommodule.c; with
// operator.index, which random.py imports from C), and
// the line iteration and write of open()'s text files (Modules/_io/textio.c; the bodies are in
// NativeModules.TextFile.cs). A module offers them through `_method(cls, name)`, which makes a
// method_descriptor owned by cls, so `cls.name = _method(cls, name)` reads as a C method would.
internal static unsafe partial class NativeModules
{
    /// <summary>Adds `_method(cls, name)` to a module: a method_descriptor of cls for one of <paramref name="bodies"/>.</summary>
    private static void AddMethodFactory(Interpreter interp, PyObject* module, Dictionary<string, VectorCall> bodies)
    {
        var defs = new Dictionary<string, BuiltinDef>();
        interp.AddFunction(module, "_method", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "_method", n, 2, 2, k))
            {
                return null;
            }

            if (!PyRuntime.IsSubtype(a[0]->Type, r.TypeType) || !PyRuntime.IsStr(a[1]))
            {
                r.SetError(r.TypeErrorType, "_method() expects a class and a str");
                return null;
            }

            string name = PyRuntime.StrToString(a[1]);
            if (!bodies.TryGetValue(name, out VectorCall? body))
            {
                r.SetError(r.ValueErrorType, $"_method(): no native method '{name}'");
                return null;
            }

            var owner = (PyTypeObject*)a[0];
            if (!defs.TryGetValue(name, out BuiltinDef? def))
            {
                def = r.DefineBuiltin(name, body, r.InfoOf(owner).Name);
                defs[name] = def;
            }

            return Interpreter.Of(r).NewMethodDescriptor(owner, def, MethodKind.Instance);
        });
    }

    // The interned "_mt_state" of the interpreter that last asked (Interpreter.Str keeps it
    // alive), in one object so that a reader on another thread sees a matching pair.
    private static StateName? s_stateName;

    private static Dictionary<string, VectorCall> RandomMethods() => new()
    {
        // _random_Random_random_impl
        ["random"] = (r, self, a, n, k) =>
        {
            if (!ArgParse.NoArgs(r, "Random.random", n, k))
            {
                return null;
            }

            MersenneTwister? mt = RandomStateOf(r, self);
            return mt == null ? null : r.NewFloat(mt.Random());
        },

        // _random_Random_getrandbits_impl: up to 128 bits without a BigInteger.
        ["getrandbits"] = (r, self, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "Random.getrandbits", n, k))
            {
                return null;
            }

            MersenneTwister? mt = RandomStateOf(r, self);
            if (mt == null)
            {
                return null;
            }

            PyObject* arg = a[0];
            if (PyRuntime.IsInt(arg) && PyRuntime.TryIntToLong(arg, out long bits) && bits >= 0 && bits <= 128)
            {
                return r.NewIntFromMagnitude(mt.GetRandBits128((int)bits), negative: false);
            }

            PyObject* handle = Interpreter.Of(r).GetAttr(self, "_mt_state");
            if (handle == null)
            {
                return null;
            }

            PyObject* result = Interpreter.Of(r).RandomCall(handle, 2, arg);
            r.DecRef(handle);
            return result;
        },
    };

    /// <summary>
    /// PyNumber_Index (operator.index, which random imports from C): an int, or __index__'s
    /// result, as an exact int; TypeError for anything else.
    /// </summary>
    private static PyObject* NumberIndex(PyRuntime rt, PyObject* o)
    {
        if (o->Type == rt.IntType)
        {
            return PyRuntime.NewRef(o);
        }

        PyObject* v = Interpreter.Of(rt).TryIndex(o);
        if (v == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(o)}' object cannot be interpreted as an integer");
            }

            return null;
        }

        if (v->Type == rt.IntType)
        {
            return v;
        }

        // _PyLong_Copy of an int subclass (bool included).
        PyObject* exact = rt.NewInt(PyRuntime.IntToBigInteger(v));
        rt.DecRef(v);
        return exact;
    }

    /// <summary>
    /// The generator of a _random.Random instance (its _mt_state handle, a plain instance
    /// attribute set by __new__, read from the instance's own storage), or null with an error.
    /// </summary>
    private static MersenneTwister? RandomStateOf(PyRuntime rt, PyObject* self)
    {
        Interpreter interp = Interpreter.Of(rt);
        StateName? cached = s_stateName;
        if (cached == null || !ReferenceEquals(cached.Owner, interp))
        {
            s_stateName = cached = new StateName(interp, (nint)interp.Str("_mt_state"));
        }

        PyObject* handle = rt.InstanceGetAttr(self, (PyObject*)cached.Name);
        MersenneTwister? mt = handle == null ? null : interp.RandomState(handle);
        if (mt == null)
        {
            rt.SetError(rt.TypeErrorType, "the random state of this object is not a generator handle");
        }

        return mt;
    }
}

/// <summary>An interpreter and its interned attribute name (see NativeModules.RandomStateOf).</summary>
internal sealed record StateName(Interpreter Owner, nint Name);
