using System;
using System.Numerics;
using Refheap.Python.Lib;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The bodies of the builtins that are more than a line.
internal sealed unsafe partial class Interpreter
{
    /// <summary>isinstance(o, cls or tuple), with __instancecheck__ on metaclasses.</summary>
    public int IsInstance(PyObject* o, PyObject* cls)
    {
        PyRuntime rt = Rt;
        if (cls->Type == rt.TupleType)
        {
            for (nint i = 0; i < PyRuntime.TupleSize(cls); i++)
            {
                int r = IsInstance(o, PyRuntime.TupleItems(cls)[i]);
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        if (o->Type == (PyTypeObject*)cls)
        {
            return 1;
        }

        if (IsUnion(cls))
        {
            PyObject* members = GetAttr(cls, Str("__args__"));
            if (members == null)
            {
                return -1;
            }

            int r = IsInstance(o, members);
            rt.DecRef(members);
            return r;
        }

        if (!PyRuntime.IsSubtype(cls->Type, rt.TypeType))
        {
            PyObject* check = LookupSpecial(cls, Str("__instancecheck__"));
            if (check != null)
            {
                PyObject* r = CallDunder(check, cls, o);
                if (r == null)
                {
                    return -1;
                }

                int t = IsTrue(r);
                rt.DecRef(r);
                return t;
            }

            rt.SetError(rt.TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union");
            return -1;
        }

        if ((cls->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* check = LookupUserDunder(cls->Type, "__instancecheck__");
            if (check != null)
            {
                PyObject* r = CallDunder(check, cls, o);
                if (r == null)
                {
                    return -1;
                }

                int t = IsTrue(r);
                rt.DecRef(r);
                return t;
            }
        }

        return PyRuntime.IsSubtypeMro(o->Type, (PyTypeObject*)cls) ? 1 : 0;
    }

    public int IsSubclass(PyObject* sub, PyObject* cls)
    {
        PyRuntime rt = Rt;
        if (cls->Type == rt.TupleType)
        {
            for (nint i = 0; i < PyRuntime.TupleSize(cls); i++)
            {
                int r = IsSubclass(sub, PyRuntime.TupleItems(cls)[i]);
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        if (!PyRuntime.IsSubtype(cls->Type, rt.TypeType))
        {
            PyObject* check = LookupSpecial(cls, Str("__subclasscheck__"));
            if (check != null)
            {
                PyObject* r = CallDunder(check, cls, sub);
                if (r == null)
                {
                    return -1;
                }

                int t = IsTrue(r);
                rt.DecRef(r);
                return t;
            }

            rt.SetError(rt.TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
            return -1;
        }

        if ((cls->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* check = LookupUserDunder(cls->Type, "__subclasscheck__");
            if (check != null)
            {
                PyObject* r = CallDunder(check, cls, sub);
                if (r == null)
                {
                    return -1;
                }

                int t = IsTrue(r);
                rt.DecRef(r);
                return t;
            }
        }

        if (!PyRuntime.IsSubtype(sub->Type, rt.TypeType))
        {
            rt.SetError(rt.TypeErrorType, "issubclass() arg 1 must be a class");
            return -1;
        }

        return PyRuntime.IsSubtypeMro((PyTypeObject*)sub, (PyTypeObject*)cls) ? 1 : 0;
    }

    public PyObject* Abs(PyObject* o)
    {
        PyRuntime rt = Rt;
        if ((o->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(o->Type, "__abs__");
            if (fn != null)
            {
                return CallDunder(fn, o, null);
            }
        }

        if (PyRuntime.IsInt(o))
        {
            return rt.IntAbsolute(o);
        }

        if (rt.IsFloat(o))
        {
            return rt.NewFloat(Math.Abs(PyRuntime.FloatValue(o)));
        }

        if (IsComplex(o))
        {
            return rt.NewFloat(double.Hypot(((PyComplexObject*)o)->Real, ((PyComplexObject*)o)->Imag));
        }

        rt.SetError(rt.TypeErrorType, $"bad operand type for abs(): '{rt.TypeName(o)}'");
        return null;
    }

    public PyObject* IntToBase(PyObject* o, int numberBase)
    {
        PyRuntime rt = Rt;
        PyObject* idx = TryIndex(o);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(o)}' object cannot be interpreted as an integer");
            }

            return null;
        }

        BigInteger v = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        string spec = numberBase switch { 16 => "#x", 8 => "#o", _ => "#b" };
        return rt.NewStr(PyFormat.FormatInt(v, spec));
    }

    /// <summary>pow(base, exp, mod) for ints.</summary>
    public PyObject* PowMod(PyObject* b, PyObject* e, PyObject* m)
    {
        PyRuntime rt = Rt;
        if (!PyRuntime.IsInt(b) || !PyRuntime.IsInt(e) || !PyRuntime.IsInt(m))
        {
            rt.SetError(rt.TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
            return null;
        }

        BigInteger mod = PyRuntime.IntToBigInteger(m);
        if (mod.IsZero)
        {
            rt.SetError(rt.ValueErrorType, "pow() 3rd argument cannot be 0");
            return null;
        }

        BigInteger bas = PyRuntime.IntToBigInteger(b);
        BigInteger exp = PyRuntime.IntToBigInteger(e);
        BigInteger absMod = BigInteger.Abs(mod);
        if (exp.Sign < 0)
        {
            // Modular inverse (3.8+).
            BigInteger inv = ModInverse(((bas % absMod) + absMod) % absMod, absMod);
            if (inv.IsZero && absMod != 1)
            {
                rt.SetError(rt.ValueErrorType, "base is not invertible for the given modulus");
                return null;
            }

            bas = inv;
            exp = -exp;
        }

        BigInteger r = BigInteger.ModPow(((bas % absMod) + absMod) % absMod, exp, absMod);
        if (mod.Sign < 0 && !r.IsZero)
        {
            r += mod;
        }

        return rt.NewInt(r);
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m;
        BigInteger x = 0;
        BigInteger x1 = 1;
        BigInteger a1 = a;
        while (!a1.IsZero)
        {
            BigInteger q = g / a1;
            (g, a1) = (a1, g - (q * a1));
            (x, x1) = (x1, x - (q * x1));
        }

        return g == 1 ? ((x % m) + m) % m : BigInteger.Zero;
    }

    /// <summary>round(number[, ndigits]).</summary>
    public PyObject* Round(PyObject* number, PyObject* ndigits)
    {
        PyRuntime rt = Rt;
        if ((number->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(number->Type, "__round__");
            if (fn != null)
            {
                return CallDunder(fn, number, ndigits);
            }
        }

        try
        {
            if (PyRuntime.IsInt(number))
            {
                if (ndigits == null)
                {
                    return rt.NewInt(PyRuntime.IntToBigInteger(number));
                }

                return rt.NewInt(PyFloat.RoundInt(PyRuntime.IntToBigInteger(number), PyRuntime.IntToBigInteger(ndigits)));
            }

            if (rt.IsFloat(number))
            {
                double d = PyRuntime.FloatValue(number);
                if (ndigits == null)
                {
                    return rt.NewInt(PyFloat.RoundToInteger(d));
                }

                if (!PyRuntime.IsInt(ndigits))
                {
                    rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(ndigits)}' object cannot be interpreted as an integer");
                    return null;
                }

                BigInteger nd = PyRuntime.IntToBigInteger(ndigits);
                long ndl = nd > int.MaxValue ? int.MaxValue : nd < int.MinValue ? int.MinValue : (long)nd;
                return rt.NewFloat(PyFloat.Round(d, ndl));
            }
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }

        rt.SetError(rt.TypeErrorType, $"type {rt.TypeName(number)} doesn't define __round__ method");
        return null;
    }

    /// <summary>min()/max() with one iterable or several arguments, key= and default=.</summary>
    public PyObject* MinMax(PyObject** args, nint nargs, PyObject* kwnames, CompareOp op, string name)
    {
        PyRuntime rt = Rt;
        PyObject* key = null;
        PyObject* dflt = null;
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        for (nint k = 0; k < nkw; k++)
        {
            string kn = PyRuntime.StrToString(PyRuntime.TupleItems(kwnames)[k]);
            if (kn == "key")
            {
                key = args[nargs + k] == rt.None ? null : args[nargs + k];
            }
            else if (kn == "default")
            {
                dflt = args[nargs + k];
            }
            else
            {
                rt.SetError(rt.TypeErrorType, $"'{kn}' is an invalid keyword argument for {name}()");
                return null;
            }
        }

        if (nargs == 0)
        {
            rt.SetError(rt.TypeErrorType, $"{name} expected at least 1 argument, got 0");
            return null;
        }

        PyObject* it;
        if (nargs == 1)
        {
            it = GetIter(args[0]);
            if (it == null)
            {
                return null;
            }
        }
        else
        {
            if (dflt != null)
            {
                rt.SetError(rt.TypeErrorType, $"Cannot specify a default for {name}() with multiple positional arguments");
                return null;
            }

            PyObject* t = rt.NewTuple(nargs);
            for (nint i = 0; i < nargs; i++)
            {
                PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(args[i]);
            }

            it = GetIter(t);
            rt.DecRef(t);
        }

        PyObject* best = null;
        PyObject* bestKey = null;
        while (true)
        {
            PyObject* item = IterNext(it);
            if (item == null)
            {
                break;
            }

            PyObject* k = key == null ? PyRuntime.NewRef(item) : CallOneArg(key, item);
            if (k == null)
            {
                rt.DecRef(item);
                rt.XDecRef(best);
                rt.XDecRef(bestKey);
                rt.DecRef(it);
                return null;
            }

            if (best == null)
            {
                best = item;
                bestKey = k;
                continue;
            }

            int c = RichCompareBool(k, bestKey, op);
            if (c < 0)
            {
                rt.DecRef(item);
                rt.DecRef(k);
                rt.DecRef(best);
                rt.DecRef(bestKey);
                rt.DecRef(it);
                return null;
            }

            if (c > 0)
            {
                rt.DecRef(best);
                rt.DecRef(bestKey);
                best = item;
                bestKey = k;
            }
            else
            {
                rt.DecRef(item);
                rt.DecRef(k);
            }
        }

        rt.DecRef(it);
        rt.XDecRef(bestKey);
        if (rt.ErrorOccurred)
        {
            rt.XDecRef(best);
            return null;
        }

        if (best == null)
        {
            if (dflt != null)
            {
                return PyRuntime.NewRef(dflt);
            }

            rt.SetError(rt.ValueErrorType, $"{name}() arg is an empty sequence");
            return null;
        }

        return best;
    }

    public PyObject* Sum(PyObject* iterable, PyObject* start)
    {
        PyRuntime rt = Rt;
        if (start != null && (PyRuntime.IsStr(start) || PyRuntime.IsBytes(start) || rt.IsByteArray(start)))
        {
            rt.SetError(rt.TypeErrorType, PyRuntime.IsStr(start)
                ? "sum() can't sum strings [use ''.join(seq) instead]"
                : PyRuntime.IsBytes(start) ? "sum() can't sum bytes [use b''.join(seq) instead]" : "sum() can't sum bytearray [use b''.join(seq) instead]");
            return null;
        }

        PyObject* it = GetIter(iterable);
        if (it == null)
        {
            return null;
        }

        PyObject* acc = start == null ? rt.NewInt(0) : PyRuntime.NewRef(start);
        while (true)
        {
            PyObject* item = IterNext(it);
            if (item == null)
            {
                break;
            }

            PyObject* next = BinaryOp(acc, item, Compiler.BinaryOps.Add);
            rt.DecRef(item);
            rt.DecRef(acc);
            if (next == null)
            {
                rt.DecRef(it);
                return null;
            }

            acc = next;
        }

        rt.DecRef(it);
        if (rt.ErrorOccurred)
        {
            rt.DecRef(acc);
            return null;
        }

        return acc;
    }

    public PyObject* AnyAll(PyObject* iterable, bool any)
    {
        PyRuntime rt = Rt;
        PyObject* it = GetIter(iterable);
        if (it == null)
        {
            return null;
        }

        while (true)
        {
            PyObject* item = IterNext(it);
            if (item == null)
            {
                rt.DecRef(it);
                return rt.ErrorOccurred ? null : rt.NewBool(!any);
            }

            int t = IsTrue(item);
            rt.DecRef(item);
            if (t < 0)
            {
                rt.DecRef(it);
                return null;
            }

            if ((t == 1) == any)
            {
                rt.DecRef(it);
                return rt.NewBool(any);
            }
        }
    }

    /// <summary>locals(): the frame's locals dict, or a snapshot of a function's locals.</summary>
    public PyObject* LocalsDict()
    {
        InterpreterFrame* f = CurrentFrame;
        return f == null ? Rt.NewDict() : FrameLocals(f);
    }

    /// <summary>dir(o) / dir(): sorted names.</summary>
    public PyObject* Dir(PyObject* o)
    {
        PyRuntime rt = Rt;
        PyObject* names;
        if (o == null)
        {
            PyObject* locals = LocalsDict();
            names = rt.DictKeys(locals);
            rt.DecRef(locals);
        }
        else
        {
            PyObject* fn = LookupSpecial(o, Str("__dir__"));
            PyObject* r = fn == null ? DefaultDir(o) : CallDunder(fn, o, null);
            if (r == null)
            {
                return null;
            }

            names = SequenceToList(r);
            rt.DecRef(r);
            if (names == null)
            {
                return null;
            }
        }

        if (ListSort(names, null, false) < 0)
        {
            rt.DecRef(names);
            return null;
        }

        return names;
    }

    /// <summary>X | Y for types (types.UnionType, made by the bootstrap).</summary>
    public PyObject* MakeUnion(PyObject* a, PyObject* b)
    {
        PyObject* union = Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("_union_type"));
        if (union == null || !IsUnionOperand(a) || !IsUnionOperand(b))
        {
            return PyRuntime.NewRef(Rt.NotImplemented);
        }

        PyObject** args = stackalloc PyObject*[2];
        args[0] = a;
        args[1] = b;
        return Call(union, args, 2, null);
    }

    private bool IsUnion(PyObject* o)
    {
        PyObject* union = Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("_union_type"));
        return union != null && o->Type == (PyTypeObject*)union;
    }

    private bool IsUnionOperand(PyObject* o) => o == Rt.None || PyRuntime.IsSubtype(o->Type, Rt.TypeType) || IsUnion(o)
        || o->Type->Flags.HasFlag(TypeFlags.HeapType) && Rt.InstanceGetAttr(o, Str("__origin__")) != null;
}
