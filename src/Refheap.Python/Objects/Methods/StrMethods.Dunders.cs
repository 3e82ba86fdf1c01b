using Refheap.Python.Lib;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// The dunders of str that Python code can call directly (str.__add__(a, b), super().__eq__(x)).
internal static unsafe partial class StrMethods
{
    /// <summary>The argument count check of a slot wrapper: "expected N argument(s), got M".</summary>
    internal static bool WrapperArgs(PyRuntime rt, nint n, int expected)
    {
        if (n != expected)
        {
            rt.SetError(rt.TypeErrorType, $"expected {expected} argument{(expected == 1 ? "" : "s")}, got {n}");
            return false;
        }

        return true;
    }

    private static void AddCompare(string name, CompareOp op)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!WrapperArgs(rt, n, 1))
            {
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                return PyRuntime.NewRef(rt.NotImplemented);
            }

            int c = System.MemoryExtensions.SequenceCompareTo<int>(PyRuntime.StrCodePoints(self), PyRuntime.StrCodePoints(args[0]));
            bool r = op switch
            {
                CompareOp.Eq => c == 0,
                CompareOp.Ne => c != 0,
                CompareOp.Lt => c < 0,
                CompareOp.Le => c <= 0,
                CompareOp.Gt => c > 0,
                _ => c >= 0,
            };
            return rt.NewBool(r);
        });
    }

    private static void RegisterDunders()
    {
        AddCompare("__eq__", CompareOp.Eq);
        AddCompare("__ne__", CompareOp.Ne);
        AddCompare("__lt__", CompareOp.Lt);
        AddCompare("__le__", CompareOp.Le);
        AddCompare("__gt__", CompareOp.Gt);
        AddCompare("__ge__", CompareOp.Ge);
        Add("__hash__", (rt, self, args, n, kw) =>
        {
            if (!WrapperArgs(rt, n, 0))
            {
                return null;
            }

            PyObject* exact = rt.StrStr(self);
            nint h = rt.ObjectHash(exact);
            rt.DecRef(exact);
            return rt.NewInt(h);
        });
        Add("__len__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 0) ? rt.NewInt(PyRuntime.StrLength(self)) : null);
        Add("__repr__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 0) ? rt.StrRepr(self) : null);
        Add("__str__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 0) ? rt.StrStr(self) : null);
        Add("__getnewargs__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, T + ".__getnewargs__", n, kw))
            {
                return null;
            }

            PyObject* t = rt.NewTuple(1);
            PyRuntime.TupleItems(t)[0] = rt.StrStr(self);
            return t;
        });
        Add("__iter__", (rt, self, args, n, kw) =>
        {
            if (!WrapperArgs(rt, n, 0))
            {
                return null;
            }

            PyObject* exact = rt.StrStr(self);
            PyObject* it = Interpreter.Of(rt).GetIter(exact);
            rt.DecRef(exact);
            return it;
        });
        Add("__contains__", (rt, self, args, n, kw) =>
        {
            if (!WrapperArgs(rt, n, 1))
            {
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"'in <string>' requires string as left operand, not {rt.TypeName(args[0])}");
                return null;
            }

            return rt.NewBool(FindStr(self, args[0], 0, PyRuntime.StrLength(self), reverse: false) >= 0);
        });
        Add("__getitem__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 1) ? GetItem(rt, self, args[0]) : null);
        Add("__add__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 1) ? rt.StrConcat(self, args[0]) : null);
        Add("__mul__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 1) ? Repeat(rt, self, args[0]) : null);
        Add("__rmul__", (rt, self, args, n, kw) => WrapperArgs(rt, n, 1) ? Repeat(rt, self, args[0]) : null);
        Add("__format__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, T + ".__format__", n, kw))
            {
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"__format__() argument must be str, not {rt.TypeName(args[0])}");
                return null;
            }

            try
            {
                return rt.NewStr(PyFormat.FormatStr(PyRuntime.StrToString(self), PyRuntime.StrToString(args[0]), rt.TypeName(self)));
            }
            catch (PythonLibException e)
            {
                Interpreter.Of(rt).RaiseLibError(e);
                return null;
            }
        });
    }

    private static PyObject* GetItem(PyRuntime rt, PyObject* self, PyObject* key)
    {
        Interpreter interp = Interpreter.Of(rt);
        nint len = PyRuntime.StrLength(self);
        if (key->Type == rt.SliceType)
        {
            if (!interp.SliceIndices(key, len, out nint start, out _, out nint step, out nint count))
            {
                return null;
            }

            var o = new int[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                o[i] = PyRuntime.StrRead(self, j);
            }

            return New(rt, o);
        }

        PyObject* idx = interp.TryIndex(key);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"string indices must be integers, not '{rt.TypeName(key)}'");
            }

            return null;
        }

        rt.DecRef(idx);
        if (!interp.IndexOf(key, "string", out nint index))
        {
            return null;
        }

        if (index < 0)
        {
            index += len;
        }

        if (index < 0 || index >= len)
        {
            rt.SetError(rt.IndexErrorType, "string index out of range");
            return null;
        }

        return New(rt, new[] { PyRuntime.StrRead(self, index) });
    }

    private static PyObject* Repeat(PyRuntime rt, PyObject* self, PyObject* countObj)
    {
        PyObject* idx = Interpreter.Of(rt).TryIndex(countObj);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(countObj)}' object cannot be interpreted as an integer");
            }

            return null;
        }

        System.Numerics.BigInteger b = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        if (b > long.MaxValue || b < long.MinValue)
        {
            rt.SetError(rt.OverflowErrorType, "cannot fit 'int' into an index-sized integer");
            return null;
        }

        long count = (long)b;
        int[] s = PyRuntime.StrCodePoints(self);
        if (count <= 0 || s.Length == 0)
        {
            return PyRuntime.NewRef(rt.EmptyStr);
        }

        if (count == 1)
        {
            return Unchanged(rt, self);
        }

        if (count > long.MaxValue / s.Length)
        {
            rt.SetError(rt.OverflowErrorType, "repeated string is too long");
            return null;
        }

        if (count * s.Length > int.MaxValue / 4)
        {
            rt.SetError(rt.MemoryErrorType, "");
            return null;
        }

        var o = new int[count * s.Length];
        for (long k = 0; k < count; k++)
        {
            s.CopyTo(o, k * s.Length);
        }

        return New(rt, o);
    }
}
