using System;
using System.Collections.Generic;
using Refheap.Python.Objects;
using Refheap.Python.Objects.Methods;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// The sys and gc modules (Python/sysmodule.c, Modules/gcmodule.c; 3.11).
internal static unsafe class SysGcModules
{
    public static PyObject* CreateSys(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("sys");
        PyObject* d = PyRuntime.ModuleDict(m);
        void Put(string name, PyObject* v)
        {
            rt.DictSetItem(d, interp.Str(name), v);
            rt.DecRef(v);
        }

        PyObject* argv = rt.NewList(0);
        foreach (string a in interp.Argv)
        {
            PyObject* s = rt.NewStr(a);
            rt.ListAppend(argv, s);
            rt.DecRef(s);
        }

        Put("argv", argv);
        Put("path", rt.NewList(0));
        rt.DictSetItem(d, interp.Str("modules"), interp.Modules);
        Put("maxsize", rt.NewInt(long.MaxValue));
        Put("maxunicode", rt.NewInt(0x10FFFF));
        Put("byteorder", rt.NewStr("little"));
        Put("platform", rt.NewStr("linux"));
        Put("executable", rt.NewStr("/usr/bin/python3"));
        Put("version", rt.NewStr("3.11.7 (Refheap)"));
        Put("hexversion", rt.NewInt(0x030B07F0));
        Put("api_version", rt.NewInt(1013));
        Put("copyright", rt.NewStr(""));
        Put("float_repr_style", rt.NewStr("short"));
        Put("dont_write_bytecode", PyRuntime.NewRef(rt.True));
        Put("builtin_module_names", rt.NewTuple(0));
        Put("warnoptions", rt.NewList(0));

        interp.AddFunction(m, "getsizeof", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[2];
            if (!ArgParse.Parse(r, "getsizeof", a, n, k, ["object", "default"], 1, p))
            {
                return null;
            }

            return Interpreter.Of(r).GetSizeOf(p[0], p[1]);
        });
        interp.AddFunction(m, "getrefcount", (r, s, a, n, k) => ArgParse.OneArg(r, "sys.getrefcount", n, k) ? r.NewInt(a[0]->RefCount) : null);
        interp.AddFunction(m, "getrecursionlimit", (r, s, a, n, k) => r.NewInt(r.RecursionLimit));
        interp.AddFunction(m, "setrecursionlimit", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "setrecursionlimit", n, k))
            {
                return null;
            }

            if (!PyRuntime.IsInt(a[0]))
            {
                r.SetError(r.TypeErrorType, "'" + r.TypeName(a[0]) + "' object cannot be interpreted as an integer");
                return null;
            }

            long v = (long)PyRuntime.IntToBigInteger(a[0]);
            if (v < 1)
            {
                r.SetError(r.ValueErrorType, "recursion limit must be greater or equal than 1");
                return null;
            }

            r.RecursionLimit = (int)Math.Min(v, int.MaxValue);
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "intern", (r, s, a, n, k) => ArgParse.OneArg(r, "intern", n, k) ? r.InternString(a[0]) : null);
        interp.AddFunction(m, "exc_info", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            PyObject* e = i.HandledException();
            PyObject* t = r.NewTuple(3);
            if (e == null)
            {
                for (int j = 0; j < 3; j++)
                {
                    PyRuntime.TupleItems(t)[j] = PyRuntime.NewRef(r.None);
                }
            }
            else
            {
                PyRuntime.TupleItems(t)[0] = PyRuntime.NewRef((PyObject*)e->Type);
                PyRuntime.TupleItems(t)[1] = PyRuntime.NewRef(e);
                PyObject* tb = Interpreter.ExceptionTraceback(e);
                PyRuntime.TupleItems(t)[2] = PyRuntime.NewRef(tb == null ? r.None : tb);
            }

            return t;
        });
        interp.AddFunction(m, "exception", (r, s, a, n, k) =>
        {
            PyObject* e = Interpreter.Of(r).HandledException();
            return PyRuntime.NewRef(e == null ? r.None : e);
        });
        interp.AddFunction(m, "exit", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "exit", n, 0, 1, k))
            {
                return null;
            }

            Interpreter i = Interpreter.Of(r);
            PyObject* exc = n == 0 ? i.CallNoArgs((PyObject*)i.SystemExitType) : i.CallOneArg((PyObject*)i.SystemExitType, a[0]);
            if (exc != null)
            {
                r.SetErrorObject(exc);
            }

            return null;
        });
        interp.AddFunction(m, "_getframe", (r, s, a, n, k) =>
        {
            Interpreter i = Interpreter.Of(r);
            long depth = n > 0 ? (long)PyRuntime.IntToBigInteger(a[0]) : 0;
            InterpreterFrame* f = i.CurrentFrame;
            while (depth > 0 && f != null)
            {
                f = f->Previous;
                depth--;
            }

            if (f == null)
            {
                r.SetError(r.ValueErrorType, "call stack is not deep enough");
                return null;
            }

            PyFrameObject* fo = r.GetFrameObject(f);
            return fo == null ? null : PyRuntime.NewRef((PyObject*)fo);
        });
        interp.AddFunction(m, "getallocatedblocks", (r, s, a, n, k) => r.NewInt(r.Allocator.GetAllocatedBlocks()));
        interp.AddFunction(m, "_debugmallocstats", (r, s, a, n, k) =>
        {
            var sw = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            r.Allocator.WriteMallocStats(sw);
            sw.Write('\n');
            r.WriteFreeListStats(sw);
            Interpreter i = Interpreter.Of(r);
            i.Stderr.Write(sw.ToString());
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "getdefaultencoding", (r, s, a, n, k) => r.NewStr("utf-8"));
        interp.AddFunction(m, "getfilesystemencoding", (r, s, a, n, k) => r.NewStr("utf-8"));
        interp.AddFunction(m, "get_int_max_str_digits", (r, s, a, n, k) =>
            ArgParse.Positional(r, "get_int_max_str_digits", n, 0, 0, k) ? r.NewInt(r.IntMaxStrDigits) : null);
        interp.AddFunction(m, "set_int_max_str_digits", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[1];
            if (!ArgParse.Parse(r, "set_int_max_str_digits", a, n, k, ["maxdigits"], 1, p))
            {
                return null;
            }

            if (!PyRuntime.IsInt(p[0]))
            {
                r.SetError(r.TypeErrorType, $"'{r.TypeName(p[0])}' object cannot be interpreted as an integer");
                return null;
            }

            System.Numerics.BigInteger v = PyRuntime.IntToBigInteger(p[0]);
            if (v != 0 && (v < PyRuntime.IntMaxStrDigitsThreshold || v > int.MaxValue))
            {
                r.SetError(r.ValueErrorType, $"maxdigits must be 0 or larger than {PyRuntime.IntMaxStrDigitsThreshold}");
                return null;
            }

            r.IntMaxStrDigits = (int)v;
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "excepthook", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "excepthook", n, 3, 3, k))
            {
                return null;
            }

            Interpreter.Of(r).PrintException(a[1]);
            return PyRuntime.NewRef(r.None);
        });
        rt.DictSetItem(d, interp.Str("__excepthook__"), rt.DictGetItemStr(d, interp.Str("excepthook")));
        interp.AddFunction(m, "unraisablehook", (r, s, a, n, k) =>
        {
            if (!ArgParse.Positional(r, "unraisablehook", n, 1, 1, k))
            {
                return null;
            }

            return Interpreter.Of(r).DefaultUnraisableHook(a[0]);
        });
        rt.DictSetItem(d, interp.Str("__unraisablehook__"), rt.DictGetItemStr(d, interp.Str("unraisablehook")));
        return m;
    }

    public static PyObject* CreateGc(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("gc");
        PyObject* d = PyRuntime.ModuleDict(m);
        void Put(string name, PyObject* v)
        {
            rt.DictSetItem(d, interp.Str(name), v);
            rt.DecRef(v);
        }

        Put("DEBUG_STATS", rt.NewInt(1));
        Put("DEBUG_COLLECTABLE", rt.NewInt(2));
        Put("DEBUG_UNCOLLECTABLE", rt.NewInt(4));
        Put("DEBUG_SAVEALL", rt.NewInt(32));
        Put("DEBUG_LEAK", rt.NewInt(38));
        rt.DictSetItem(d, interp.Str("garbage"), rt.Garbage);
        rt.DictSetItem(d, interp.Str("callbacks"), rt.GcCallbacksList);
        interp.AddFunction(m, "collect", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[1];
            if (!ArgParse.Parse(r, "collect", a, n, k, ["generation"], 0, p))
            {
                return null;
            }

            int gen = 2;
            if (p[0] != null)
            {
                if (!PyRuntime.IsInt(p[0]))
                {
                    r.SetError(r.TypeErrorType, $"'{r.TypeName(p[0])}' object cannot be interpreted as an integer");
                    return null;
                }

                gen = (int)(long)PyRuntime.IntToBigInteger(p[0]);
                if (gen < 0 || gen > 2)
                {
                    r.SetError(r.ValueErrorType, "invalid generation");
                    return null;
                }
            }

            long collected = r.Collect(gen);
            return r.ErrorOccurred ? null : r.NewInt(collected);
        });
        interp.AddFunction(m, "enable", (r, s, a, n, k) =>
        {
            r.GcEnabled = true;
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "disable", (r, s, a, n, k) =>
        {
            r.GcEnabled = false;
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "isenabled", (r, s, a, n, k) => r.NewBool(r.GcEnabled));
        interp.AddFunction(m, "get_count", (r, s, a, n, k) =>
        {
            (int c0, int c1, int c2) = r.GetCount();
            return Tuple3(r, c0, c1, c2);
        });
        interp.AddFunction(m, "get_threshold", (r, s, a, n, k) =>
        {
            (int t0, int t1, int t2) = r.GetThreshold();
            return Tuple3(r, t0, t1, t2);
        });
        interp.AddFunction(m, "set_threshold", (r, s, a, n, k) =>
        {
            // PyArg_ParseTuple(args, "i|ii:set_threshold") (Modules/gcmodule.c, 3.11).
            if (!ArgParse.NoKeywords(r, "set_threshold", k))
            {
                return null;
            }

            if (n < 1 || n > 3)
            {
                r.SetError(r.TypeErrorType, n < 1
                    ? $"set_threshold() takes at least 1 argument ({n} given)"
                    : $"set_threshold() takes at most 3 arguments ({n} given)");
                return null;
            }

            var t = new int?[3];
            for (int i = 0; i < n; i++)
            {
                if (!MethodArgs.AsSsize(r, a[i], out nint v, "int"))
                {
                    return null;
                }

                t[i] = (int)v;
            }

            r.SetThreshold(t[0]!.Value, t[1], t[2]);
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "set_debug", (r, s, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "set_debug", n, k))
            {
                return null;
            }

            if (!MethodArgs.AsSsize(r, a[0], out nint flags, "int"))
            {
                return null;
            }

            r.GcDebug = (GcDebugFlags)(int)flags;
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "get_debug", (r, s, a, n, k) => r.NewInt((int)r.GcDebug));
        interp.AddFunction(m, "is_tracked", (r, s, a, n, k) => ArgParse.OneArg(r, "is_tracked", n, k) ? r.NewBool(r.GcIsTracked(a[0])) : null);
        interp.AddFunction(m, "is_finalized", (r, s, a, n, k) => ArgParse.OneArg(r, "is_finalized", n, k) ? r.NewBool(r.GcIsFinalized(a[0])) : null);
        interp.AddFunction(m, "get_stats", (r, s, a, n, k) =>
        {
            PyObject* list = r.NewList(0);
            foreach (GcGenerationStats st in r.GetStats())
            {
                PyObject* dict = r.NewDict();
                Interpreter i = Interpreter.Of(r);
                PutInt(r, dict, i.Str("collections"), st.Collections);
                PutInt(r, dict, i.Str("collected"), st.Collected);
                PutInt(r, dict, i.Str("uncollectable"), st.Uncollectable);
                r.ListAppend(list, dict);
                r.DecRef(dict);
            }

            return list;
        });
        interp.AddFunction(m, "freeze", (r, s, a, n, k) =>
        {
            r.Freeze();
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "unfreeze", (r, s, a, n, k) =>
        {
            r.Unfreeze();
            return PyRuntime.NewRef(r.None);
        });
        interp.AddFunction(m, "get_freeze_count", (r, s, a, n, k) => r.NewInt(r.GetFreezeCount()));
        interp.AddFunction(m, "get_objects", (r, s, a, n, k) =>
        {
            PyObject** p = stackalloc PyObject*[1];
            if (!ArgParse.Parse(r, "get_objects", a, n, k, ["generation"], 0, p))
            {
                return null;
            }

            int? gen = null;
            if (p[0] != null && p[0] != r.None)
            {
                gen = (int)(long)PyRuntime.IntToBigInteger(p[0]);
                if (gen >= 3)
                {
                    r.SetError(r.ValueErrorType, "generation parameter must be less than the number of available generations (3)");
                    return null;
                }

                if (gen < 0)
                {
                    r.SetError(r.ValueErrorType, "generation parameter cannot be negative");
                    return null;
                }
            }

            return ListOf(r, r.GetObjects(gen));
        });
        interp.AddFunction(m, "get_referents", (r, s, a, n, k) =>
        {
            var all = new List<nint>();
            for (nint i = 0; i < n; i++)
            {
                all.AddRange(r.GetReferents(a[i]));
            }

            return ListOf(r, all);
        });
        interp.AddFunction(m, "get_referrers", (r, s, a, n, k) =>
        {
            var all = new List<nint>();
            for (nint i = 0; i < n; i++)
            {
                all.AddRange(r.GetReferrers(a[i]));
            }

            return ListOf(r, all);
        });
        foreach ((string name, string doc) in GcDocs.Docs)
        {
            PyObject* f = rt.DictGetItemStr(d, interp.Str(name));
            if (f != null && f->Type == rt.FunctionType)
            {
                rt.BuiltinDefOf(f).Doc = doc;
            }
        }

        return m;
    }

    private static PyObject* Tuple3(PyRuntime r, long a, long b, long c)
    {
        PyObject* t = r.NewTuple(3);
        PyRuntime.TupleItems(t)[0] = r.NewInt(a);
        PyRuntime.TupleItems(t)[1] = r.NewInt(b);
        PyRuntime.TupleItems(t)[2] = r.NewInt(c);
        return t;
    }

    private static void PutInt(PyRuntime r, PyObject* dict, PyObject* key, long v)
    {
        PyObject* x = r.NewInt(v);
        r.DictSetItem(dict, key, x);
        r.DecRef(x);
    }

    private static PyObject* ListOf(PyRuntime r, List<nint> items)
    {
        PyObject* list = r.NewList(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            PyRuntime.ListItems(list)[i] = PyRuntime.NewRef((PyObject*)items[i]);
        }

        return list;
    }
}
