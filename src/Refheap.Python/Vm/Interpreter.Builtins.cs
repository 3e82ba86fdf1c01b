using System.Numerics;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The builtins module (Python/bltinmodule.c, 3.11).
internal sealed unsafe partial class Interpreter
{
    /// <summary>Adds a builtin function to a module dict.</summary>
    public void AddFunction(PyObject* module, string name, VectorCall body)
    {
        BuiltinDef def = Rt.DefineBuiltin(name, body);
        PyObject* f = Rt.NewBuiltin(def, module, PyRuntime.ModuleName(module));
        Rt.DictSetItem(PyRuntime.ModuleDict(module), Str(name), f);
        Rt.DecRef(f);
    }

    private void InitBuiltins()
    {
        PyRuntime rt = Rt;
        BuiltinsModule = rt.NewModule("builtins");
        Builtins = PyRuntime.ModuleDict(BuiltinsModule);
        PyObject* d = Builtins;
        void Put(string name, PyObject* v) => rt.DictSetItem(d, Str(name), v);

        Put("None", rt.None);
        Put("True", rt.True);
        Put("False", rt.False);
        Put("Ellipsis", Ellipsis);
        Put("NotImplemented", rt.NotImplemented);
        Put("__debug__", rt.True);
        foreach ((string name, nint t) in new (string, nint)[]
        {
            ("object", (nint)rt.ObjectType), ("type", (nint)rt.TypeType), ("int", (nint)rt.IntType), ("bool", (nint)rt.BoolType),
            ("float", (nint)rt.FloatType), ("str", (nint)rt.StrType), ("bytes", (nint)rt.BytesType), ("bytearray", (nint)rt.ByteArrayType),
            ("tuple", (nint)rt.TupleType), ("list", (nint)rt.ListType), ("dict", (nint)rt.DictType), ("set", (nint)rt.SetType),
            ("frozenset", (nint)rt.FrozenSetType), ("range", (nint)rt.RangeType), ("slice", (nint)rt.SliceType),
            ("complex", (nint)ComplexType), ("property", (nint)PropertyType), ("classmethod", (nint)ClassMethodType), ("staticmethod", (nint)StaticMethodType),
            ("super", (nint)SuperType), ("enumerate", (nint)EnumerateType), ("zip", (nint)ZipType), ("map", (nint)MapType),
            ("filter", (nint)FilterType), ("reversed", (nint)ReversedType),
        })
        {
            Put(name, (PyObject*)t);
        }

        foreach ((string name, nint t) in _exceptionTypes)
        {
            Put(name, (PyObject*)t);
        }

        Put("EnvironmentError", (PyObject*)OSErrorType);
        Put("IOError", (PyObject*)OSErrorType);
        Put("__name__", Str("builtins"));

        PyObject* m = BuiltinsModule;
        AddFunction(m, "__build_class__", (r, s, a, n, k) => Of(r).BuildClass(a, n, k));
        AddFunction(m, "print", BuiltinPrint);
        AddFunction(m, "len", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "len", n, k))
            {
                return null;
            }

            nint len = Of(r).Length(a[0]);
            return len < 0 ? null : r.NewInt(len);
        });
        AddFunction(m, "repr", (r, s, a, n, k) => ArgParse.OneArg(r, "repr", n, k) ? Of(r).ToRepr(a[0]) : null);
        AddFunction(m, "ascii", (r, s, a, n, k) => ArgParse.OneArg(r, "ascii", n, k) ? Of(r).ToAscii(a[0]) : null);
        AddFunction(m, "id", (r, s, a, n, k) => ArgParse.OneArg(r, "id", n, k) ? r.NewInt((long)(nuint)a[0]) : null);
        AddFunction(m, "hash", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "hash", n, k))
            {
                return null;
            }

            nint h = r.ObjectHash(a[0]);
            return h == -1 && r.ErrorOccurred ? null : r.NewInt((long)h);
        });
        AddFunction(m, "isinstance", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "isinstance", n, 2, 2, k))
            {
                return null;
            }

            int res = Of(r).IsInstance(a[0], a[1]);
            return res < 0 ? null : r.NewBool(res != 0);
        });
        AddFunction(m, "issubclass", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "issubclass", n, 2, 2, k))
            {
                return null;
            }

            int res = Of(r).IsSubclass(a[0], a[1]);
            return res < 0 ? null : r.NewBool(res != 0);
        });
        AddFunction(m, "getattr", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "getattr", n, 2, 3, k))
            {
                return null;
            }

            Interpreter i = Of(r);
            if (!PyRuntime.IsStr(a[1]))
            {
                r.SetError(r.TypeErrorType, "attribute name must be string, not '" + r.TypeName(a[1]) + "'");
                return null;
            }

            PyObject* v = i.GetAttr(a[0], a[1]);
            if (v == null && n == 3 && i.ErrorMatches(r.AttributeErrorType))
            {
                r.ClearError();
                return PyRuntime.NewRef(a[2]);
            }

            return v;
        });
        AddFunction(m, "setattr", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "setattr", n, 3, 3, k))
            {
                return null;
            }

            if (!PyRuntime.IsStr(a[1]))
            {
                r.SetError(r.TypeErrorType, "attribute name must be string, not '" + r.TypeName(a[1]) + "'");
                return null;
            }

            return Of(r).SetAttr(a[0], a[1], a[2]) < 0 ? null : PyRuntime.NewRef(r.None);
        });
        AddFunction(m, "delattr", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "delattr", n, 2, 2, k))
            {
                return null;
            }

            return Of(r).SetAttr(a[0], a[1], null) < 0 ? null : PyRuntime.NewRef(r.None);
        });
        AddFunction(m, "hasattr", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "hasattr", n, 2, 2, k))
            {
                return null;
            }

            if (!PyRuntime.IsStr(a[1]))
            {
                r.SetError(r.TypeErrorType, "attribute name must be string, not '" + r.TypeName(a[1]) + "'");
                return null;
            }

            Interpreter i = Of(r);
            PyObject* v = i.GetAttr(a[0], a[1]);
            if (v == null)
            {
                if (i.ErrorMatches(r.AttributeErrorType))
                {
                    r.ClearError();
                    return PyRuntime.NewRef(r.False);
                }

                return null;
            }

            r.DecRef(v);
            return PyRuntime.NewRef(r.True);
        });
        AddFunction(m, "iter", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "iter", n, 1, 2, k))
            {
                return null;
            }

            Interpreter i = Of(r);
            if (n == 2)
            {
                return i.NewIterObject(i.CallableIteratorType, a[0], a[1], null, 0, 0);
            }

            return i.GetIter(a[0]);
        });
        AddFunction(m, "next", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "next", n, 1, 2, k))
            {
                return null;
            }

            if (a[0]->Type->IterNext == null)
            {
                r.SetError(r.TypeErrorType, $"'{r.TypeName(a[0])}' object is not an iterator");
                return null;
            }

            PyObject* v = r.IterNext(a[0]);
            if (v != null)
            {
                return v;
            }

            if (r.ErrorOccurred)
            {
                if (n == 2 && Of(r).ErrorMatches(r.StopIterationType))
                {
                    r.ClearError();
                    return PyRuntime.NewRef(a[1]);
                }

                return null;
            }

            if (n == 2)
            {
                return PyRuntime.NewRef(a[1]);
            }

            r.SetErrorObject(Of(r).CallNoArgs((PyObject*)r.StopIterationType));
            return null;
        });
        AddFunction(m, "callable", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "callable", n, k))
            {
                return null;
            }

            PyTypeObject* t = a[0]->Type;
            bool c = t->Call != null || t == r.PyFunctionType || t == r.MethodType || t == r.FunctionType
                || PyRuntime.IsSubtype(t, r.TypeType) || t == Of(r).MethodDescriptorType
                || ((t->Flags & TypeFlags.HeapType) != 0 && Of(r).LookupUserDunder(t, "__call__") != null);
            return r.NewBool(c);
        });
        AddFunction(m, "abs", (r, s, a, n, k) => ArgParse.OneArg(r, "abs", n, k) ? Of(r).Abs(a[0]) : null);
        AddFunction(m, "chr", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "chr", n, k))
            {
                return null;
            }

            if (!PyRuntime.IsInt(a[0]))
            {
                r.SetError(r.TypeErrorType, $"'{r.TypeName(a[0])}' object cannot be interpreted as an integer");
                return null;
            }

            BigInteger v = PyRuntime.IntToBigInteger(a[0]);
            if (v < 0 || v > 0x10FFFF)
            {
                r.SetError(r.ValueErrorType, "chr() arg not in range(0x110000)");
                return null;
            }

            return r.NewStrFromCodePoints([(int)v]);
        });
        AddFunction(m, "ord", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "ord", n, k))
            {
                return null;
            }

            if (PyRuntime.IsStr(a[0]))
            {
                nint len = PyRuntime.StrLength(a[0]);
                if (len != 1)
                {
                    r.SetError(r.TypeErrorType, $"ord() expected a character, but string of length {len} found");
                    return null;
                }

                return r.NewInt(PyRuntime.StrRead(a[0], 0));
            }

            if (PyRuntime.IsBytes(a[0]) || r.IsByteArray(a[0]))
            {
                byte[] b = BytesOf(a[0]);
                if (b.Length != 1)
                {
                    r.SetError(r.TypeErrorType, $"ord() expected a character, but string of length {b.Length} found");
                    return null;
                }

                return r.NewInt(b[0]);
            }

            r.SetError(r.TypeErrorType, $"ord() expected string of length 1, but {r.TypeName(a[0])} found");
            return null;
        });
        AddFunction(m, "hex", (r, s, a, n, k) => ArgParse.OneArg(r, "hex", n, k) ? Of(r).IntToBase(a[0], 16) : null);
        AddFunction(m, "oct", (r, s, a, n, k) => ArgParse.OneArg(r, "oct", n, k) ? Of(r).IntToBase(a[0], 8) : null);
        AddFunction(m, "bin", (r, s, a, n, k) => ArgParse.OneArg(r, "bin", n, k) ? Of(r).IntToBase(a[0], 2) : null);
        AddFunction(m, "divmod", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "divmod", n, 2, 2, k))
            {
                return null;
            }

            Interpreter i = Of(r);
            PyObject* viaDunder = i.UserDivMod(a[0], a[1], out bool handled);
            if (handled)
            {
                return viaDunder;
            }

            PyObject* q = i.BinaryOp(a[0], a[1], Compiler.BinaryOps.FloorDivide);
            if (q == null)
            {
                if (i.ErrorMatches(r.ZeroDivisionErrorType) && (r.IsFloat(a[0]) || r.IsFloat(a[1])))
                {
                    // float_divmod's own message (// and % say "float floor division by zero").
                    r.ClearError();
                    r.SetError(r.ZeroDivisionErrorType, "float divmod()");
                }

                if (i.ErrorMatches(r.TypeErrorType))
                {
                    r.ClearError();
                    r.SetError(r.TypeErrorType, $"unsupported operand type(s) for divmod(): '{r.TypeName(a[0])}' and '{r.TypeName(a[1])}'");
                }

                return null;
            }

            PyObject* rem = i.BinaryOp(a[0], a[1], Compiler.BinaryOps.Remainder);
            if (rem == null)
            {
                r.DecRef(q);
                return null;
            }

            PyObject* t = r.NewTuple(2);
            PyRuntime.TupleItems(t)[0] = q;
            PyRuntime.TupleItems(t)[1] = rem;
            return t;
        });
        AddFunction(m, "pow", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[3];
            if (!ArgParse.Parse(r, "pow", a, n, k, ["base", "exp", "mod"], 2, p))
            {
                return null;
            }

            Interpreter i = Of(r);
            if (p[2] != null && p[2] != r.None)
            {
                return i.PowMod(p[0], p[1], p[2]);
            }

            return i.BinaryOp(p[0], p[1], Compiler.BinaryOps.Power);
        });
        AddFunction(m, "round", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[2];
            if (!ArgParse.Parse(r, "round", a, n, k, ["number", "ndigits"], 1, p))
            {
                return null;
            }

            return Of(r).Round(p[0], p[1] == r.None ? null : p[1]);
        });
        AddFunction(m, "min", (r, s, a, n, k) => Of(r).MinMax(a, n, k, CompareOp.Lt, "min"));
        AddFunction(m, "max", (r, s, a, n, k) => Of(r).MinMax(a, n, k, CompareOp.Gt, "max"));
        AddFunction(m, "sum", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[2];
            if (!ArgParse.Parse(r, "sum", a, n, k, ["iterable", "start"], 1, p, posOnly: 1))
            {
                return null;
            }

            return Of(r).Sum(p[0], p[1]);
        });
        AddFunction(m, "sorted", (r, s, a, n, k) =>
        {
            if (n != 1)
            {
                r.SetError(r.TypeErrorType, n == 0 ? "sorted expected 1 argument, got 0" : $"sorted expected 1 argument, got {n}");
                return null;
            }

            Interpreter i = Of(r);
            PyObject* list = i.SequenceToList(a[0]);
            if (list == null)
            {
                return null;
            }

            PyObject** p = stackalloc PyObject*[2];
            if (!ArgParse.Parse(r, "sort", a + 1, 0, k, ["key", "reverse"], 0, p))
            {
                r.DecRef(list);
                return null;
            }

            int rev = p[1] == null ? 0 : i.IsTrue(p[1]);
            if (rev < 0 || i.ListSort(list, p[0], rev != 0) < 0)
            {
                r.DecRef(list);
                return null;
            }

            return list;
        });
        AddFunction(m, "any", (r, s, a, n, k) => ArgParse.OneArg(r, "any", n, k) ? Of(r).AnyAll(a[0], true) : null);
        AddFunction(m, "all", (r, s, a, n, k) => ArgParse.OneArg(r, "all", n, k) ? Of(r).AnyAll(a[0], false) : null);
        AddFunction(m, "format", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "format", n, 1, 2, k))
            {
                return null;
            }

            return Of(r).Format(a[0], n == 2 ? a[1] : r.EmptyStr);
        });
        AddFunction(m, "vars", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "vars", n, 0, 1, k))
            {
                return null;
            }

            Interpreter i = Of(r);
            if (n == 0)
            {
                return i.LocalsDict();
            }

            PyObject* v = i.GetAttr(a[0], i.Str("__dict__"));
            if (v == null && i.ErrorMatches(r.AttributeErrorType))
            {
                r.ClearError();
                r.SetError(r.TypeErrorType, "vars() argument must have __dict__ attribute");
            }

            return v;
        });
        AddFunction(m, "dir", (r, s, a, n, k) => Of(r).Dir(n == 0 ? null : a[0]));
        AddFunction(m, "globals", (r, s, a, n, k) => PyRuntime.NewRef(Of(r).CurrentFrame->Globals));
        AddFunction(m, "locals", (r, s, a, n, k) => Of(r).LocalsDict());
        AddFunction(m, "__import__", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[5];
            if (!ArgParse.Parse(r, "__import__", a, n, k, ["name", "globals", "locals", "fromlist", "level"], 1, p))
            {
                return null;
            }

            Interpreter i = Of(r);
            PyObject* level = p[4] == null ? r.NewInt(0) : PyRuntime.NewRef(p[4]);
            PyObject* res = i.ImportNameWithGlobals(p[1] == null || p[1] == r.None ? null : p[1], p[0], p[3] == null ? r.None : p[3], level);
            r.DecRef(level);
            return res;
        });
        AddFunction(m, "exec", (r, s, a, n, k) => Of(r).ExecEval(a, n, k, exec: true));
        AddFunction(m, "eval", (r, s, a, n, k) => Of(r).ExecEval(a, n, k, exec: false));
        AddFunction(m, "open", (r, s, a, n, k) => Of(r).Open(a, n, k));
        AddFunction(m, "input", (r, s, a, n, k) => Of(r).InputBuiltin(a, n, k));
        AddFunction(m, "compile", (r, s, a, n, k) => Of(r).CompileBuiltin(a, n, k));
    }

    /// <summary>Writes text to a file object (or sys.stdout when null).</summary>
    public bool WriteTo(PyObject* file, string text)
    {
        PyRuntime rt = Rt;
        if (file == null)
        {
            file = SysAttr("stdout");
            if (file == null)
            {
                return false;
            }
        }

        PyObject* write = GetAttr(file, Str("write"));
        if (write == null)
        {
            return false;
        }

        PyObject* s = rt.NewStr(text);
        PyObject* r = CallOneArg(write, s);
        rt.DecRef(s);
        rt.DecRef(write);
        if (r == null)
        {
            return false;
        }

        rt.DecRef(r);
        return true;
    }
}
