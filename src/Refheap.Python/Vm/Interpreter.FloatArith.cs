using System;
using System.Numerics;
using Refheap.Python.Compiler;
using Refheap.Python.Lib;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// float arithmetic for the operators (Objects/floatobject.c, 3.11: float_add ... float_pow,
// _float_div_mod; int operands converted as PyFloat_AsDouble does, exactly rounded).
internal sealed unsafe partial class Interpreter
{
    /// <summary>A number as a double for mixed arithmetic (OverflowError for huge ints).</summary>
    public bool ToDouble(PyObject* o, out double value)
    {
        if (Rt.IsFloat(o))
        {
            value = PyRuntime.FloatValue(o);
            return true;
        }

        if (PyRuntime.TryIntToLong(o, out long small) && small > -(1L << 53) && small < (1L << 53))
        {
            value = small;
            return true;
        }

        BigInteger big = PyRuntime.IntToBigInteger(o);
        try
        {
            value = PyFormat.IntToDouble(big);
        }
        catch (PythonLibException)
        {
            value = double.PositiveInfinity;
        }

        if (double.IsInfinity(value))
        {
            Rt.SetError(Rt.OverflowErrorType, "int too large to convert to float");
            return false;
        }

        return true;
    }

    private PyObject* FloatBinary(double x, double y, int op)
    {
        PyRuntime rt = Rt;
        switch (op)
        {
            case BinaryOps.Add:
                return rt.NewFloat(x + y);
            case BinaryOps.Subtract:
                return rt.NewFloat(x - y);
            case BinaryOps.Multiply:
                return rt.NewFloat(x * y);
            case BinaryOps.TrueDivide:
                if (y == 0)
                {
                    rt.SetError(rt.ZeroDivisionErrorType, "float division by zero");
                    return null;
                }

                return rt.NewFloat(x / y);
            case BinaryOps.FloorDivide:
                if (y == 0)
                {
                    rt.SetError(rt.ZeroDivisionErrorType, "float floor division by zero");
                    return null;
                }

                return rt.NewFloat(FloatDivMod(x, y).Div);
            case BinaryOps.Remainder:
                if (y == 0)
                {
                    rt.SetError(rt.ZeroDivisionErrorType, "float modulo");
                    return null;
                }

                return rt.NewFloat(FloatDivMod(x, y).Mod);
            case BinaryOps.Power:
                return FloatPow(x, y);
            default:
                return PyRuntime.NewRef(rt.NotImplemented);
        }
    }

    /// <summary>float_divmod (3.11): floor division and modulo with the sign of the divisor.</summary>
    public static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        PyRuntime.FloatDivMod(vx, wx, out double div, out double mod);
        return (div, mod);
    }

    private PyObject* FloatPow(double x, double y)
    {
        PyRuntime rt = Rt;
        if (x == 0 && y < 0)
        {
            rt.SetError(rt.ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
            return null;
        }

        if (x < 0 && y != Math.Floor(y) && !double.IsInfinity(y))
        {
            // float_pow hands this to complex: c_pow((x, 0), (y, 0)) in polar form.
            double len = Math.Pow(-x, y);
            double phase = Math.Atan2(0.0, x) * y;
            return NewComplex(len * Math.Cos(phase), len * Math.Sin(phase));
        }

        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && !double.IsInfinity(x) && !double.IsInfinity(y))
        {
            rt.SetError(rt.OverflowErrorType, "(34, 'Numerical result out of range')");
            return null;
        }

        return rt.NewFloat(r);
    }
}
