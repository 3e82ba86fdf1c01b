using System;
using Refheap.Memory.Platform;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// The rest of math: inverse hyperbolics, cbrt, exp2, erf/erfc, gamma/lgamma, frexp, ldexp,
// modf, remainder, nextafter, ulp and dist. erf, erfc, exp2 and the gamma functions come from
// the C library (Refheap.Memory.Platform.NativeMath), as CPython's do on Linux (its gamma and
// lgamma are its own Lanczos sums, so the last digit can differ).
internal static unsafe class MathExtras
{
    private static double Erf(double x) => NativeMath.Erf(x);

    private static double Erfc(double x) => NativeMath.Erfc(x);

    private static double TGamma(double x) => NativeMath.TGamma(x);

    private static double LGamma(double x) => NativeMath.LGamma(x);

    private static double Exp2(double x) => NativeMath.Exp2(x);

    /// <summary>A real-number argument as a double: "must be real number, not T" otherwise.</summary>
    public static bool Real(PyRuntime r, PyObject* o, out double x)
    {
        Interpreter i = Interpreter.Of(r);
        if (PyRuntime.IsInt(o) || r.IsFloat(o))
        {
            return i.ToDouble(o, out x);
        }

        PyObject* fl = i.LookupUserDunder(o->Type, "__float__") != null || i.LookupUserDunder(o->Type, "__index__") != null ? i.ToFloat(o) : null;
        if (fl == null && !r.ErrorOccurred)
        {
            r.SetError(r.TypeErrorType, $"must be real number, not {r.TypeName(o)}");
        }

        if (fl == null)
        {
            x = 0;
            if (i.ErrorMatches(r.TypeErrorType))
            {
                r.ClearError();
                r.SetError(r.TypeErrorType, $"must be real number, not {r.TypeName(o)}");
            }

            return false;
        }

        x = PyRuntime.FloatValue(fl);
        r.DecRef(fl);
        return true;
    }

    /// <summary>math_1: NaN from a non-NaN is a domain error, infinity from a finite argument a range error.</summary>
    private static void One(Interpreter interp, PyObject* m, string name, Func<double, double> f, bool canOverflow)
    {
        interp.AddFunction(m, name, (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "math." + name, n, k) || !Real(r, a[0], out double x))
            {
                return null;
            }

            double y = f(x);
            if (double.IsNaN(y) && !double.IsNaN(x))
            {
                r.SetError(r.ValueErrorType, "math domain error");
                return null;
            }

            if (double.IsInfinity(y) && double.IsFinite(x))
            {
                r.SetError(canOverflow ? r.OverflowErrorType : r.ValueErrorType, canOverflow ? "math range error" : "math domain error");
                return null;
            }

            return r.NewFloat(y);
        });
    }

    private static PyObject* FloatPair(PyRuntime r, double a, double b)
    {
        PyObject* t = r.NewTuple(2);
        PyRuntime.TupleItems(t)[0] = r.NewFloat(a);
        PyRuntime.TupleItems(t)[1] = r.NewFloat(b);
        return t;
    }

    private static double NextAfter(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x == y)
        {
            return y;
        }

        return y > x ? Math.BitIncrement(x) : Math.BitDecrement(x);
    }

    private static double Gamma(double x) => double.IsNegativeInfinity(x) || (x <= 0 && Math.Floor(x) == x) ? double.NaN : TGamma(x);

    public static void Add(Interpreter interp, PyObject* m)
    {
        One(interp, m, "acosh", x => x < 1 ? double.NaN : Math.Acosh(x), false);
        One(interp, m, "asinh", Math.Asinh, false);
        One(interp, m, "atanh", x => Math.Abs(x) >= 1 ? double.NaN : Math.Atanh(x), false);
        One(interp, m, "cbrt", Math.Cbrt, false);
        One(interp, m, "exp2", Exp2, true);
        One(interp, m, "erf", Erf, false);
        One(interp, m, "erfc", Erfc, false);
        One(interp, m, "gamma", Gamma, true);
        One(interp, m, "lgamma", x => x <= 0 && double.IsFinite(x) && Math.Floor(x) == x ? double.NaN : LGamma(x), true);
        interp.AddFunction(m, "frexp", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "math.frexp", n, k) || !Real(r, a[0], out double x))
            {
                return null;
            }

            long e = 0;
            double mant = x;
            if (x != 0 && double.IsFinite(x))
            {
                e = Math.ILogB(x) + 1;
                mant = Math.ScaleB(x, (int)-e);
            }

            PyObject* t = r.NewTuple(2);
            PyRuntime.TupleItems(t)[0] = r.NewFloat(mant);
            PyRuntime.TupleItems(t)[1] = r.NewInt(e);
            return t;
        });
        interp.AddFunction(m, "ldexp", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "ldexp", n, 2, 2, k) || !Real(r, a[0], out double x))
            {
                return null;
            }

            if (!PyRuntime.IsInt(a[1]))
            {
                r.SetError(r.TypeErrorType, "Expected an int as second argument to ldexp.");
                return null;
            }

            System.Numerics.BigInteger big = PyRuntime.IntToBigInteger(a[1]);
            int e = big > 100000 ? 100000 : big < -100000 ? -100000 : (int)big;
            double y = x == 0 || !double.IsFinite(x) ? x : Math.ScaleB(x, e);
            if (double.IsInfinity(y) && double.IsFinite(x))
            {
                r.SetError(r.OverflowErrorType, "math range error");
                return null;
            }

            return r.NewFloat(y);
        });
        interp.AddFunction(m, "modf", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "math.modf", n, k) || !Real(r, a[0], out double x))
            {
                return null;
            }

            if (double.IsInfinity(x))
            {
                return FloatPair(r, Math.CopySign(0.0, x), x);
            }

            double ip = Math.Truncate(x);
            return FloatPair(r, Math.CopySign(x - ip, x), ip);
        });
        interp.AddFunction(m, "remainder", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "remainder", n, 2, 2, k) || !Real(r, a[0], out double x) || !Real(r, a[1], out double y))
            {
                return null;
            }

            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return r.NewFloat(double.NaN);
            }

            if (double.IsInfinity(x) || y == 0)
            {
                r.SetError(r.ValueErrorType, "math domain error");
                return null;
            }

            return r.NewFloat(double.IsInfinity(y) ? x : Math.IEEERemainder(x, y));
        });
        interp.AddFunction(m, "nextafter", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "nextafter", n, 2, 2, k) || !Real(r, a[0], out double x) || !Real(r, a[1], out double y))
            {
                return null;
            }

            return r.NewFloat(NextAfter(x, y));
        });
        interp.AddFunction(m, "ulp", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "math.ulp", n, k) || !Real(r, a[0], out double x))
            {
                return null;
            }

            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                return r.NewFloat(Math.Abs(x));
            }

            x = Math.Abs(x);
            double up = NextAfter(x, double.PositiveInfinity);
            return r.NewFloat(double.IsInfinity(up) ? x - NextAfter(x, 0) : up - x);
        });
        interp.AddFunction(m, "dist", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "dist", n, 2, 2, k))
            {
                return null;
            }

            PyObject* p0 = Interpreter.Of(r).SequenceToTuple(a[0]);
            PyObject* p1 = p0 == null ? null : Interpreter.Of(r).SequenceToTuple(a[1]);
            PyObject* res = p1 == null ? null : Dist(r, p0, p1);
            r.XDecRef(p0);
            r.XDecRef(p1);
            return res;
        });
    }

    private static PyObject* Dist(PyRuntime r, PyObject* p0, PyObject* p1)
    {
        nint len = PyRuntime.TupleSize(p0);
        if (len != PyRuntime.TupleSize(p1))
        {
            r.SetError(r.ValueErrorType, "both points must have the same number of dimensions");
            return null;
        }

        var diffs = new double[len];
        double max = 0;
        bool sawNan = false;
        for (nint j = 0; j < len; j++)
        {
            if (!Real(r, PyRuntime.TupleItems(p0)[j], out double p) || !Real(r, PyRuntime.TupleItems(p1)[j], out double q))
            {
                return null;
            }

            double d = Math.Abs(p - q);
            diffs[j] = d;
            sawNan |= double.IsNaN(d);
            max = Math.Max(max, d);
        }

        if (double.IsInfinity(max))
        {
            return r.NewFloat(max);
        }

        if (sawNan)
        {
            return r.NewFloat(double.NaN);
        }

        if (max == 0 || len == 1)
        {
            return r.NewFloat(max);
        }

        double acc = 0;
        foreach (double d in diffs)
        {
            double t = d / max;
            acc += t * t;
        }

        return r.NewFloat(max * Math.Sqrt(acc));
    }
}
