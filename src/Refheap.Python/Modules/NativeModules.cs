using System;
using System.IO;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// _weakref, atexit, _io (the native writers behind sys.stdout/stderr), time, _random (math: NativeModules.Math.cs).
internal static unsafe partial class NativeModules
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

    /// <summary>
    /// _refheap_json: the JSON scanner (JsonScanner) and encode_basestring(_ascii), the string
    /// escaping of Lib/JsonEncoder (CPython has both in C).
    /// </summary>
    public static PyObject* CreateJson(Interpreter interp)
    {
        PyObject* m = interp.Rt.NewModule("_refheap_json");
        interp.AddFunction(m, "scan_once", (r, s, a, n, k) =>
            ArgParse.NoKeywords(r, "scan_once", k) ? JsonScanner.ScanOnce(r, a, n) : null);
        interp.AddFunction(m, "encode_basestring_ascii", (r, s, a, n, k) =>
            ArgParse.OneArg(r, "encode_basestring_ascii", n, k) ? JsonString(r, a[0], ensureAscii: true) : null);
        interp.AddFunction(m, "encode_basestring", (r, s, a, n, k) =>
            ArgParse.OneArg(r, "encode_basestring", n, k) ? JsonString(r, a[0], ensureAscii: false) : null);
        return m;
    }

    /// <summary>A str as a JSON string literal (quotes included).</summary>
    private static PyObject* JsonString(PyRuntime rt, PyObject* s, bool ensureAscii)
    {
        if (!PyRuntime.IsStr(s))
        {
            rt.SetError(rt.TypeErrorType, $"first argument must be a string, not {rt.TypeName(s)}");
            return null;
        }

        return rt.NewStr(Lib.JsonEncoder.EncodeString(PyRuntime.StrToString(s), ensureAscii));
    }

    public static PyObject* CreateIo(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_io");
        // write(fd, text) and flush(fd): sys.stdout's and sys.stderr's write() and flush()
        // (_bootstrap._Stream). The text goes to the host's writer; StdTextPending keeps the
        // objects CPython's TextIOWrapper keeps between writes.
        interp.AddFunction(m, "write", (r, s, a, n, k) =>
        {
            bool err = PyRuntime.TryIntToLong(a[0], out long fd) && fd == 2;
            return Interpreter.Of(r).StreamWrite(err, a[1]) ? r.NewInt(PyRuntime.StrLength(a[1])) : null;
        });
        interp.AddFunction(m, "flush", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            bool err = PyRuntime.TryIntToLong(a[0], out long fd) && fd == 2;
            (err ? i.StderrPending : i.StdoutPending).Flush(r);
            try
            {
                (err ? i.Stderr : i.Stdout).Flush();
            }
            catch (IOException e)
            {
                return i.RaiseHostIOError(e);
            }

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
        AddMethodFactory(interp, m, FileMethods());
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
        interp.AddFunction(m, "_index", (r, s, a, n, k) => ArgParse.OneArg(r, "index", n, k) ? NumberIndex(r, a[0]) : null);
        AddMethodFactory(interp, m, RandomMethods());
        return m;
    }
}
