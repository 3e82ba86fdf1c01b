using System;
using System.Numerics;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// _weakref, atexit, _io (the native writers behind sys.stdout/stderr), time, math, _random.
internal static unsafe class NativeModules
{
    public static PyObject* CreateWeakref(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_weakref");
        PyObject* d = PyRuntime.ModuleDict(m);
        rt.DictSetItem(d, interp.Str("ref"), (PyObject*)rt.WeakrefType);
        rt.DictSetItem(d, interp.Str("ReferenceType"), (PyObject*)rt.WeakrefType);
        rt.DictSetItem(d, interp.Str("ProxyType"), (PyObject*)rt.WeakProxyType);
        rt.DictSetItem(d, interp.Str("CallableProxyType"), (PyObject*)rt.WeakCallableProxyType);
        interp.AddFunction(m, "proxy", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "proxy", n, 1, 2, k))
            {
                return null;
            }

            return r.NewWeakProxy(a[0], n > 1 && a[1] != r.None ? a[1] : null);
        });
        interp.AddFunction(m, "getweakrefcount", (r, s, a, n, k) => ArgParse.OneArg(r, "getweakrefcount", n, k) ? r.NewInt(PyRuntime.WeakrefCount(a[0])) : null);
        interp.AddFunction(m, "getweakrefs", (r, s, a, n, k) => ArgParse.OneArg(r, "getweakrefs", n, k) ? interp.GetWeakrefs(a[0]) : null);
        return m;
    }

    public static PyObject* CreateAtexit(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("atexit");
        interp.AddFunction(m, "register", (r, s, a, n, k) =>
        {
            if (n < 1)
            {
                r.SetError(r.TypeErrorType, "register() takes at least 1 argument (0 given)");
                return null;
            }

            if (!Interpreter.Of(r).IsCallable(a[0]))
            {
                r.SetError(r.TypeErrorType, "the first argument must be callable");
                return null;
            }

            Interpreter.Of(r).RegisterAtExit(a, n, k);
            return PyRuntime.NewRef(a[0]);
        });
        interp.AddFunction(m, "unregister", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "unregister", n, k))
            {
                return null;
            }

            return Interpreter.Of(r).UnregisterAtExit(a[0]) ? PyRuntime.NewRef(r.None) : null;
        });
        interp.AddFunction(m, "_run_exitfuncs", (r, s, a, n, k) =>
        {
            Interpreter.Of(r).RunAtExit();
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "_clear", (r, s, a, n, k) =>
        {
            Interpreter.Of(r).ClearAtExit();
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "_ncallbacks", (r, s, a, n, k) => r.NewInt(Interpreter.Of(r).AtExitCount));
        return m;
    }

    public static PyObject* CreateIo(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_io");
        interp.AddFunction(m, "write", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            long fd = (long)PyRuntime.IntToBigInteger(a[0]);
            string text = PyRuntime.StrToString(a[1]);
            (fd == 2 ? i.Stderr : i.Stdout).Write(text);
            return r.NewInt(PyRuntime.StrLength(a[1]));
        });
        interp.AddFunction(m, "flush", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            i.Stdout.Flush();
            i.Stderr.Flush();
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "readline", (r, s, a, n, k) =>
        {
            string? line = Interpreter.Of(r).ReadStdinLine();
            return r.NewStr(line ?? "");
        });
        interp.AddFunction(m, "read_file", (r, s, a, n, k) => Interpreter.Of(r).ReadFileBytes(a[0]));
        interp.AddFunction(m, "write_file", (r, s, a, n, k) => Interpreter.Of(r).WriteFileBytes(a[0], a[1], a[2]));
        interp.AddFunction(m, "cwd", (r, s, a, n, k) => r.NewStr(Interpreter.Of(r).WorkingDirectory));
        interp.AddFunction(m, "file_exists", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 0));
        interp.AddFunction(m, "dir_exists", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 1));
        interp.AddFunction(m, "remove", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 2));
        interp.AddFunction(m, "listdir", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 3));
        interp.AddFunction(m, "mkdir", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 4));
        interp.AddFunction(m, "rmdir", (r, s, a, n, k) => Interpreter.Of(r).PathQuery(a[0], 5));
        interp.AddFunction(m, "urandom", (r, s, a, n, k) =>
        {
            // os.urandom: the OS's cryptographic source (never the random module's generator,
            // whose state seeded scripts depend on).
            long count = (long)PyRuntime.IntToBigInteger(a[0]);
            if (count < 0)
            {
                r.SetError(r.ValueErrorType, "negative argument not allowed");
                return null;
            }

            byte[] data = System.Security.Cryptography.RandomNumberGenerator.GetBytes(checked((int)count));
            return r.NewBytes(data);
        });
        interp.AddFunction(m, "getenv", (r, s, a, n, k) =>
        {
            string? v = Environment.GetEnvironmentVariable(PyRuntime.StrToString(a[0]));
            return v == null ? PyRuntime.NewRef(r.None) : r.NewStr(v);
        });
        interp.AddFunction(m, "environ", (r, s, a, n, k) =>
        {
            PyObject* dict = r.NewDict();
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            {
                PyObject* key = r.NewStr((string)e.Key);
                PyObject* val = r.NewStr((string?)e.Value ?? "");
                r.DictSetItem(dict, key, val);
                r.DecRef(key);
                r.DecRef(val);
            }

            return dict;
        });
        return m;
    }

    public static PyObject* CreateTime(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_time");
        interp.AddFunction(m, "time", (r, s, a, n, k) => r.NewFloat(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0));
        interp.AddFunction(m, "time_ns", (r, s, a, n, k) => r.NewInt(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L));
        interp.AddFunction(m, "perf_counter", (r, s, a, n, k) => r.NewFloat(System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency));
        interp.AddFunction(m, "perf_counter_ns", (r, s, a, n, k) => r.NewInt((long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency))));
        interp.AddFunction(m, "monotonic", (r, s, a, n, k) => r.NewFloat(System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency));
        interp.AddFunction(m, "monotonic_ns", (r, s, a, n, k) => r.NewInt((long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency))));
        interp.AddFunction(m, "process_time", (r, s, a, n, k) => r.NewFloat(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));
        interp.AddFunction(m, "_local_offset", (r, s, a, n, k) =>
        {
            // (UTC offset in seconds, is DST, zone abbreviation or name) of local time at a POSIX timestamp.
            if (!ArgParse.OneArg(r, "_local_offset", n, k) || !Interpreter.Of(r).ToDouble(a[0], out double secs))
            {
                return null;
            }

            TimeZoneInfo tz = TimeZoneInfo.Local;
            DateTimeOffset at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Clamp(Math.Floor(secs) * 1000, -62135596800000.0, 253402300799000.0));
            bool dst = tz.IsDaylightSavingTime(at);
            PyObject* t = r.NewTuple(3);
            PyRuntime.TupleItems(t)[0] = r.NewInt((long)tz.GetUtcOffset(at).TotalSeconds);
            PyRuntime.TupleItems(t)[1] = r.NewBool(dst);
            PyRuntime.TupleItems(t)[2] = r.NewStr(tz.Id == "Etc/UTC" || tz.Id == "UTC" ? "UTC" : dst ? tz.DaylightName : tz.StandardName);
            return t;
        });
        interp.AddFunction(m, "sleep", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "sleep", n, k) || !Interpreter.Of(r).ToDouble(a[0], out double secs))
            {
                return null;
            }

            if (secs < 0)
            {
                r.SetError(r.ValueErrorType, "sleep length must be non-negative");
                return null;
            }

            System.Threading.Thread.Sleep(TimeSpan.FromSeconds(secs));
            return PyRuntime.NewRef(r.None);
        });
        return m;
    }

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

            return r.NewFloat(Math.Pow(x, y));
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

    public static PyObject* CreateRandom(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_random");
        interp.AddFunction(m, "_new_state", (r, s, a, n, k) => Interpreter.Of(r).NewRandomState());
        interp.AddFunction(m, "_seed", (r, s, a, n, k) => Interpreter.Of(r).RandomCall(a[0], 0, n > 1 ? a[1] : null));
        interp.AddFunction(m, "_random", (r, s, a, n, k) => Interpreter.Of(r).RandomCall(a[0], 1, null));
        interp.AddFunction(m, "_getrandbits", (r, s, a, n, k) => Interpreter.Of(r).RandomCall(a[0], 2, a[1]));
        interp.AddFunction(m, "_getstate", (r, s, a, n, k) => Interpreter.Of(r).RandomCall(a[0], 3, null));
        interp.AddFunction(m, "_setstate", (r, s, a, n, k) => Interpreter.Of(r).RandomCall(a[0], 4, a[1]));
        return m;
    }
}
