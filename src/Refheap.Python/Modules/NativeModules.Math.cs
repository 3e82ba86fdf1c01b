using System;
using System.Numerics;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// math: the functions of 3.11's math module, on .NET's Math and the platform libm.
internal static unsafe partial class NativeModules
{
    public static PyObject* CreateMath(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("math");
        PyObject* d = PyRuntime.ModuleDict(m);
        void PutF(string name, double v)
        {
            PyObject* f = rt.NewFloat(v);
            rt.DictSetItem(d, interp.Str(name), f);
            rt.DecRef(f);
        }

        PutF("pi", Math.PI);
        PutF("e", Math.E);
        PutF("tau", Math.Tau);
        PutF("inf", double.PositiveInfinity);
        PutF("nan", double.NaN);
        void F1(string name, Func<double, double> f, bool domainCheck = true)
        {
            interp.AddFunction(m, name, (r, s, a, n, k) =>
            {
                if (!ArgParse.OneArg(r, name, n, k))
                {
                    return null;
                }

                if (!PyRuntime.IsInt(a[0]) && !r.IsFloat(a[0]))
                {
                    PyObject* fl = Interpreter.Of(r).ToFloat(a[0]);
                    if (fl == null)
                    {
                        r.ClearError();
                        r.SetError(r.TypeErrorType, $"must be real number, not {r.TypeName(a[0])}");
                        return null;
                    }

                    r.DecRef(fl);
                }

                if (!Interpreter.Of(r).ToDouble(a[0], out double x))
                {
                    return null;
                }

                double y = f(x);
                if (domainCheck && double.IsNaN(y) && !double.IsNaN(x))
                {
                    r.SetError(r.ValueErrorType, "math domain error");
                    return null;
                }

                if (double.IsInfinity(y) && !double.IsInfinity(x))
                {
                    r.SetError(r.OverflowErrorType, "math range error");
                    return null;
                }

                return r.NewFloat(y);
            });
        }

        F1("sqrt", Math.Sqrt);
        F1("exp", Math.Exp);
        F1("sin", Math.Sin);
        F1("cos", Math.Cos);
        F1("tan", Math.Tan);
        F1("asin", Math.Asin);
        F1("acos", Math.Acos);
        F1("atan", Math.Atan);
        F1("sinh", Math.Sinh);
        F1("cosh", Math.Cosh);
        F1("tanh", Math.Tanh);
        F1("log10", x => x <= 0 ? double.NaN : Math.Log10(x));
        F1("log2", x => x <= 0 ? double.NaN : Math.Log2(x));
        F1("fabs", Math.Abs);
        F1("degrees", x => x * 180.0 / Math.PI);
        F1("radians", x => x * Math.PI / 180.0);
        F1("expm1", x => x == 0 ? x : Math.Exp(x) - 1);
        F1("log1p", x => x <= -1 ? double.NaN : Math.Log(1 + x));
        interp.AddFunction(m, "log", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "log", n, 1, 2, k))
            {
                return null;
            }

            double Ln(PyObject* o, out bool ok)
            {
                ok = true;
                if (PyRuntime.IsInt(o))
                {
                    BigInteger b = PyRuntime.IntToBigInteger(o);
                    if (b.Sign <= 0)
                    {
                        ok = false;
                        return 0;
                    }

                    return BigInteger.Log(b);
                }

                if (!Interpreter.Of(r).ToDouble(o, out double x))
                {
                    ok = false;
                    return 0;
                }

                if (x <= 0)
                {
                    ok = false;
                    return 0;
                }

                return Math.Log(x);
            }

            double v = Ln(a[0], out bool ok1);
            if (!ok1)
            {
                if (!r.ErrorOccurred)
                {
                    r.SetError(r.ValueErrorType, "math domain error");
                }

                return null;
            }

            if (n == 2)
            {
                double b = Ln(a[1], out bool ok2);
                if (!ok2)
                {
                    if (!r.ErrorOccurred)
                    {
                        r.SetError(r.ValueErrorType, "math domain error");
                    }

                    return null;
                }

                if (b == 0)
                {
                    r.SetError(r.ZeroDivisionErrorType, "float division by zero");
                    return null;
                }

                v /= b;
            }

            return r.NewFloat(v);
        });
        interp.AddFunction(m, "pow", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "pow", n, 2, 2, k) || !Interpreter.Of(r).ToDouble(a[0], out double x) || !Interpreter.Of(r).ToDouble(a[1], out double y))
            {
                return null;
            }

            // math_pow's errors: a NaN from finite inputs or 0 to a negative power is a domain
            // error; an infinity from finite inputs overflowed.
            double p = Math.Pow(x, y);
            if (double.IsFinite(x) && double.IsFinite(y))
            {
                if (double.IsNaN(p) || (x == 0 && y < 0))
                {
                    r.SetError(r.ValueErrorType, "math domain error");
                    return null;
                }

                if (double.IsInfinity(p))
                {
                    r.SetError(r.OverflowErrorType, "math range error");
                    return null;
                }
            }

            return r.NewFloat(p);
        });
        interp.AddFunction(m, "atan2", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "atan2", n, 2, 2, k) || !Interpreter.Of(r).ToDouble(a[0], out double y) || !Interpreter.Of(r).ToDouble(a[1], out double x))
            {
                return null;
            }

            return r.NewFloat(Math.Atan2(y, x));
        });
        interp.AddFunction(m, "hypot", (r, s, a, n, k) =>
        {
            double acc = 0;
            for (nint i = 0; i < n; i++)
            {
                if (!Interpreter.Of(r).ToDouble(a[i], out double x))
                {
                    return null;
                }

                acc += x * x;
            }

            return r.NewFloat(Math.Sqrt(acc));
        });
        foreach ((string name, int mode) in new[] { ("floor", 0), ("ceil", 1), ("trunc", 2) })
        {
            int md = mode;
            string nm = name;
            interp.AddFunction(m, nm, (r, s, a, n, k) =>
            {
                if (!ArgParse.OneArg(r, nm, n, k))
                {
                    return null;
                }

                if (PyRuntime.IsInt(a[0]))
                {
                    return r.NewInt(PyRuntime.IntToBigInteger(a[0]));
                }

                Interpreter i = Interpreter.Of(r);
                if ((a[0]->Type->Flags & TypeFlags.HeapType) != 0)
                {
                    PyObject* fn = i.LookupUserDunder(a[0]->Type, "__" + nm + "__");
                    if (fn != null)
                    {
                        return i.CallDunder(fn, a[0], null);
                    }
                }

                if (!i.ToDouble(a[0], out double x))
                {
                    return null;
                }

                if (double.IsNaN(x) || double.IsInfinity(x))
                {
                    r.SetError(double.IsNaN(x) ? r.ValueErrorType : r.OverflowErrorType,
                        double.IsNaN(x) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                    return null;
                }

                double v = md == 0 ? Math.Floor(x) : md == 1 ? Math.Ceiling(x) : Math.Truncate(x);
                return r.IntFromDouble(v);
            });
        }

        interp.AddFunction(m, "isnan", (r, s, a, n, k) => Interpreter.Of(r).ToDouble(a[0], out double x) ? r.NewBool(double.IsNaN(x)) : null);
        interp.AddFunction(m, "isinf", (r, s, a, n, k) => Interpreter.Of(r).ToDouble(a[0], out double x) ? r.NewBool(double.IsInfinity(x)) : null);
        interp.AddFunction(m, "isfinite", (r, s, a, n, k) => Interpreter.Of(r).ToDouble(a[0], out double x) ? r.NewBool(double.IsFinite(x)) : null);
        interp.AddFunction(m, "copysign", (r, s, a, n, k) =>
            Interpreter.Of(r).ToDouble(a[0], out double x) && Interpreter.Of(r).ToDouble(a[1], out double y) ? r.NewFloat(Math.CopySign(x, y)) : null);
        interp.AddFunction(m, "fmod", (r, s, a, n, k) =>
            Interpreter.Of(r).ToDouble(a[0], out double x) && Interpreter.Of(r).ToDouble(a[1], out double y) ? r.NewFloat(Math.IEEERemainder(x, y) * 0 + (x % y)) : null);
        interp.AddFunction(m, "isclose", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[4];
            if (!ArgParse.Parse(r, "isclose", a, n, k, ["a", "b", "rel_tol", "abs_tol"], 2, p, posOnly: 2))
            {
                return null;
            }

            Interpreter i = Interpreter.Of(r);
            double rel = 1e-9;
            double abs = 0;
            if (!i.ToDouble(p[0], out double x) || !i.ToDouble(p[1], out double y) || (p[2] != null && !i.ToDouble(p[2], out rel)) || (p[3] != null && !i.ToDouble(p[3], out abs)))
            {
                return null;
            }

            if (x == y)
            {
                return PyRuntime.NewRef(r.True);
            }

            if (double.IsInfinity(x) || double.IsInfinity(y))
            {
                return PyRuntime.NewRef(r.False);
            }

            double diff = Math.Abs(y - x);
            return r.NewBool(diff <= Math.Abs(rel * y) || diff <= Math.Abs(rel * x) || diff <= abs);
        });
        interp.AddFunction(m, "factorial", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "factorial", n, k))
            {
                return null;
            }

            if (!PyRuntime.IsInt(a[0]))
            {
                r.SetError(r.TypeErrorType, $"'{r.TypeName(a[0])}' object cannot be interpreted as an integer");
                return null;
            }

            BigInteger v = PyRuntime.IntToBigInteger(a[0]);
            if (v < 0)
            {
                r.SetError(r.ValueErrorType, "factorial() not defined for negative values");
                return null;
            }

            BigInteger acc = BigInteger.One;
            for (BigInteger i = 2; i <= v; i++)
            {
                acc *= i;
            }

            return r.NewInt(acc);
        });
        interp.AddFunction(m, "gcd", (r, s, a, n, k) =>
        {
            BigInteger g = BigInteger.Zero;
            for (nint i = 0; i < n; i++)
            {
                g = BigInteger.GreatestCommonDivisor(g, PyRuntime.IntToBigInteger(a[i]));
            }

            return r.NewInt(g);
        });
        interp.AddFunction(m, "lcm", (r, s, a, n, k) =>
        {
            BigInteger l = BigInteger.One;
            for (nint i = 0; i < n; i++)
            {
                BigInteger v = BigInteger.Abs(PyRuntime.IntToBigInteger(a[i]));
                if (v.IsZero)
                {
                    return r.NewInt(0);
                }

                l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
            }

            return r.NewInt(l);
        });
        interp.AddFunction(m, "isqrt", (r, s, a, n, k) =>
        {
            BigInteger v = PyRuntime.IntToBigInteger(a[0]);
            if (v < 0)
            {
                r.SetError(r.ValueErrorType, "isqrt() argument must be nonnegative");
                return null;
            }

            if (v.IsZero)
            {
                return r.NewInt(0);
            }

            BigInteger x = (BigInteger)Math.Sqrt((double)v);
            while (x * x > v)
            {
                x--;
            }

            while ((x + 1) * (x + 1) <= v)
            {
                x++;
            }

            return r.NewInt(x);
        });
        interp.AddFunction(m, "comb", (r, s, a, n, k) =>
        {
            BigInteger nn = PyRuntime.IntToBigInteger(a[0]);
            BigInteger kk = PyRuntime.IntToBigInteger(a[1]);
            if (nn < 0 || kk < 0)
            {
                r.SetError(r.ValueErrorType, nn < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
                return null;
            }

            if (kk > nn)
            {
                return r.NewInt(0);
            }

            BigInteger acc = 1;
            for (BigInteger i = 1; i <= kk; i++)
            {
                acc = acc * (nn - kk + i) / i;
            }

            return r.NewInt(acc);
        });
        interp.AddFunction(m, "perm", (r, s, a, n, k) =>
        {
            BigInteger nn = PyRuntime.IntToBigInteger(a[0]);
            BigInteger kk = n > 1 && a[1] != r.None ? PyRuntime.IntToBigInteger(a[1]) : nn;
            if (kk > nn)
            {
                return r.NewInt(0);
            }

            BigInteger acc = 1;
            for (BigInteger i = 0; i < kk; i++)
            {
                acc *= nn - i;
            }

            return r.NewInt(acc);
        });
        interp.AddFunction(m, "fsum", (r, s, a, n, k) =>
        {
            PyObject* list = Interpreter.Of(r).SequenceToList(a[0]);
            if (list == null)
            {
                return null;
            }

            // Exact summation of the binary values (Shewchuk's partials), rounded once.
            var partials = new System.Collections.Generic.List<double>();
            for (nint i = 0; i < PyRuntime.ListSize(list); i++)
            {
                if (!Interpreter.Of(r).ToDouble(PyRuntime.ListItems(list)[i], out double x))
                {
                    r.DecRef(list);
                    return null;
                }

                int j = 0;
                foreach (double y0 in partials.ToArray())
                {
                    double y = y0;
                    if (Math.Abs(x) < Math.Abs(y))
                    {
                        (x, y) = (y, x);
                    }

                    double hi = x + y;
                    double lo = y - (hi - x);
                    if (lo != 0)
                    {
                        partials[j++] = lo;
                    }

                    x = hi;
                }

                partials.RemoveRange(j, partials.Count - j);
                partials.Add(x);
            }

            r.DecRef(list);
            double total = 0;
            foreach (double p in partials)
            {
                total += p;
            }

            return r.NewFloat(total);
        });
        interp.AddFunction(m, "prod", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            PyObject* it = i.GetIter(a[0]);
            if (it == null)
            {
                return null;
            }

            PyObject* acc = r.NewInt(1);
            while (true)
            {
                PyObject* x = i.IterNext(it);
                if (x == null)
                {
                    break;
                }

                PyObject* next = i.BinaryOp(acc, x, Compiler.BinaryOps.Multiply);
                r.DecRef(x);
                r.DecRef(acc);
                if (next == null)
                {
                    r.DecRef(it);
                    return null;
                }

                acc = next;
            }

            r.DecRef(it);
            return acc;
        });
        MathExtras.Add(interp, m);
        return m;
    }
}
