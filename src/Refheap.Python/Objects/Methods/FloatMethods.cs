using System;
using System.Numerics;
using Refheap.Python.Compiler;
using Refheap.Python.Lib;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of float (Objects/floatobject.c, 3.11 behaviour).</summary>
internal static unsafe class FloatMethods
{
    private const string F = "float";

    public static void Register()
    {
        BuiltinMethods.Add(F, "is_integer", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "float.is_integer", n, kw))
            {
                return null;
            }

            double x = PyRuntime.FloatValue(self);
            return rt.NewBool(double.IsFinite(x) && Math.Floor(x) == x);
        });
        BuiltinMethods.Add(F, "as_integer_ratio", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "float.as_integer_ratio", n, kw) ? Ratio(rt, PyRuntime.FloatValue(self)) : null);
        BuiltinMethods.Add(F, "hex", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "float.hex", n, kw) ? rt.NewStr(PyFloat.Hex(PyRuntime.FloatValue(self))) : null);
        BuiltinMethods.Add(F, "fromhex", FromHex, MethodKind.Class);
        BuiltinMethods.Add(F, "conjugate", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "float.conjugate", n, kw) ? Exact(rt, self) : null);
        BuiltinMethods.Add(F, "__round__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "__round__", n, 0, 1, kw))
            {
                return null;
            }

            PyObject* e = Exact(rt, self);
            PyObject* r = Interpreter.Of(rt).Round(e, n == 0 || args[0] == rt.None ? null : args[0]);
            rt.DecRef(e);
            return r;
        });
        BuiltinMethods.Add(F, "__getnewargs__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "float.__getnewargs__", n, kw))
            {
                return null;
            }

            PyObject* e = Exact(rt, self);
            PyObject* t = rt.NewTuple([(nint)e]);
            rt.DecRef(e);
            return t;
        });
        BuiltinMethods.Add(F, "__format__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "__format__", n, kw))
            {
                return null;
            }

            PyObject* e = Exact(rt, self);
            PyObject* r = Interpreter.Of(rt).Format(e, args[0]);
            rt.DecRef(e);
            return r;
        });
        SlotDunders.AddUnary(F, "__trunc__", &Trunc);
        SlotDunders.AddUnary(F, "__int__", &Trunc);
        SlotDunders.AddUnary(F, "__floor__", &Floor);
        SlotDunders.AddUnary(F, "__ceil__", &Ceil);
        SlotDunders.AddUnary(F, "__float__", &Exact);
        SlotDunders.AddUnary(F, "__pos__", &Exact);
        SlotDunders.AddUnary(F, "__neg__", &Neg);
        SlotDunders.AddUnary(F, "__abs__", &Abs);
        SlotDunders.AddUnary(F, "__bool__", &Bool);
        SlotDunders.AddCompare(F);
        SlotDunders.AddRepr(F);
        SlotDunders.AddHash(F);
        BuiltinMethods.AddGetSet(F, "real", (interp, self) => Exact(interp.Rt, self));
        BuiltinMethods.AddGetSet(F, "imag", (interp, self) => interp.Rt.NewFloat(0.0));
        RegisterArithmetic();
    }

    private static PyObject* Exact(PyRuntime rt, PyObject* o) =>
        o->Type == rt.FloatType ? PyRuntime.NewRef(o) : rt.NewFloat(PyRuntime.FloatValue(o));

    private static PyObject* Trunc(PyRuntime rt, PyObject* o) => rt.IntFromDouble(PyRuntime.FloatValue(o));

    private static PyObject* Floor(PyRuntime rt, PyObject* o) => rt.IntFromDouble(Math.Floor(PyRuntime.FloatValue(o)));

    private static PyObject* Ceil(PyRuntime rt, PyObject* o) => rt.IntFromDouble(Math.Ceiling(PyRuntime.FloatValue(o)));

    private static PyObject* Neg(PyRuntime rt, PyObject* o) => rt.NewFloat(-PyRuntime.FloatValue(o));

    private static PyObject* Abs(PyRuntime rt, PyObject* o) => rt.NewFloat(Math.Abs(PyRuntime.FloatValue(o)));

    private static PyObject* Bool(PyRuntime rt, PyObject* o) => rt.NewBool(PyRuntime.FloatValue(o) != 0.0);

    /// <summary>float.as_integer_ratio: the exact fraction in lowest terms.</summary>
    private static PyObject* Ratio(PyRuntime rt, double x)
    {
        if (double.IsInfinity(x))
        {
            rt.SetError(rt.OverflowErrorType, "cannot convert Infinity to integer ratio");
            return null;
        }

        if (double.IsNaN(x))
        {
            rt.SetError(rt.ValueErrorType, "cannot convert NaN to integer ratio");
            return null;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biased == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }

        while (mantissa != 0 && (mantissa & 1) == 0 && exponent < 0)
        {
            mantissa >>= 1;
            exponent++;
        }

        BigInteger num = new BigInteger(mantissa) * (exponent > 0 ? BigInteger.Pow(2, exponent) : BigInteger.One);
        BigInteger den = exponent < 0 ? BigInteger.Pow(2, -exponent) : BigInteger.One;
        if (x < 0)
        {
            num = -num;
        }

        PyObject* a = rt.NewInt(num);
        PyObject* b = rt.NewInt(den);
        PyObject* t = rt.NewTuple((nint)a, (nint)b);
        rt.DecRef(a);
        rt.DecRef(b);
        return t;
    }

    private static PyObject* FromHex(PyRuntime rt, PyObject* cls, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.OneArg(rt, "float.fromhex", n, kw))
        {
            return null;
        }

        if (!PyRuntime.IsStr(args[0]))
        {
            rt.SetError(rt.TypeErrorType, $"bad argument type for built-in operation");
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        double v;
        try
        {
            v = PyFloat.FromHex(PyRuntime.StrToString(args[0]));
        }
        catch (PythonLibException e)
        {
            interp.RaiseLibError(e);
            return null;
        }

        PyObject* r = rt.NewFloat(v);
        if (r == null || (PyTypeObject*)cls == rt.FloatType)
        {
            return r;
        }

        PyObject* wrapped = interp.CallOneArg(cls, r);
        rt.DecRef(r);
        return wrapped;
    }

    private static void RegisterArithmetic()
    {
        (string Name, int Op)[] ops =
        [
            ("add", BinaryOps.Add), ("sub", BinaryOps.Subtract), ("mul", BinaryOps.Multiply), ("floordiv", BinaryOps.FloorDivide),
            ("truediv", BinaryOps.TrueDivide), ("mod", BinaryOps.Remainder),
        ];
        foreach ((string name, int op) in ops)
        {
            int o = op;
            BuiltinMethods.Add(F, "__" + name + "__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? Binary(rt, self, args[0], o) : null);
            BuiltinMethods.Add(F, "__r" + name + "__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? Binary(rt, args[0], self, o) : null);
        }

        BuiltinMethods.Add(F, "__divmod__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? DivMod(rt, self, args[0]) : null);
        BuiltinMethods.Add(F, "__rdivmod__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? DivMod(rt, args[0], self) : null);
        BuiltinMethods.Add(F, "__pow__", (rt, self, args, n, kw) => Pow(rt, self, args, n, kw, reflected: false));
        BuiltinMethods.Add(F, "__rpow__", (rt, self, args, n, kw) => Pow(rt, self, args, n, kw, reflected: true));
    }

    private static bool Operands(PyRuntime rt, PyObject* a, PyObject* b, out double x, out double y)
    {
        x = y = 0;
        Interpreter interp = Interpreter.Of(rt);
        return MethodSupport.ToDouble(interp, a, out x) && MethodSupport.ToDouble(interp, b, out y);
    }

    private static bool IsNumber(PyRuntime rt, PyObject* o) => rt.IsFloat(o) || PyRuntime.IsInt(o);

    private static PyObject* Binary(PyRuntime rt, PyObject* a, PyObject* b, int op)
    {
        if (!IsNumber(rt, a) || !IsNumber(rt, b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return Operands(rt, a, b, out double x, out double y) ? Interpreter.Of(rt).FloatBinaryBase(x, y, op) : null;
    }

    private static PyObject* DivMod(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!IsNumber(rt, a) || !IsNumber(rt, b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        if (!Operands(rt, a, b, out double x, out double y))
        {
            return null;
        }

        if (y == 0)
        {
            rt.SetError(rt.ZeroDivisionErrorType, "float divmod()");
            return null;
        }

        (double div, double mod) = Interpreter.FloatDivMod(x, y);
        PyObject* d = rt.NewFloat(div);
        PyObject* m = rt.NewFloat(mod);
        PyObject* t = rt.NewTuple((nint)d, (nint)m);
        rt.DecRef(d);
        rt.DecRef(m);
        return t;
    }

    private static PyObject* Pow(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw, bool reflected)
    {
        if (!ArgParse.Positional(rt, reflected ? "__rpow__" : "__pow__", n, 1, 2, kw))
        {
            return null;
        }

        if (n > 1 && args[1] != rt.None)
        {
            rt.SetError(rt.TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
            return null;
        }

        return reflected ? Binary(rt, args[0], self, BinaryOps.Power) : Binary(rt, self, args[0], BinaryOps.Power);
    }
}
