using System.Numerics;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Running __main__ and shutting down (Modules/main.c: pymain_run_python; Python/pylifecycle.c:
// Py_FinalizeEx: atexit callbacks, then module teardown, then collections).
internal sealed unsafe partial class Interpreter
{
    /// <summary>Runs a script as __main__; returns the exit status.</summary>
    public int RunMain(byte[] source, string filename, string scriptDir)
    {
        PyRuntime rt = Rt;
        if (!Bootstrap(scriptDir))
        {
            return ReportFatal();
        }

        PyObject* main = rt.NewModule("__main__");
        PyObject* d = PyRuntime.ModuleDict(main);
        rt.DictSetItem(Modules, Str("__main__"), main);

        // As CPython's add_main_module and _PyRun_SimpleFileObject build it: the module's own
        // five names, __annotations__ = {}, __builtins__, then __file__ and __cached__ = None
        // for a file, which are deleted again when the script is done (before atexit).
        PyObject* annotations = rt.NewDict();
        rt.DictSetItem(d, Str("__annotations__"), annotations);
        rt.DecRef(annotations);
        rt.DictSetItem(d, Str("__builtins__"), BuiltinsModule);
        bool setFileName = filename != "<string>";
        if (setFileName)
        {
            PyObject* f = rt.NewStr(filename);
            rt.DictSetItem(d, Str("__file__"), f);
            rt.DecRef(f);
            rt.DictSetItem(d, Str("__cached__"), rt.None);
        }

        rt.DictSetItem(d, Str("__package__"), rt.None);
        rt.DictSetItem(d, Str("__spec__"), rt.None);
        rt.DictSetItem(d, Str("__loader__"), rt.None);
        int exit = 0;
        if (!ExecSource(source, filename, d))
        {
            // SystemExit leaves through Py_Exit in CPython, before __file__ is deleted.
            setFileName &= !Rt.ErrorMatches(SystemExitType);
            exit = HandleUncaught();
        }

        if (setFileName)
        {
            foreach (string name in new[] { "__file__", "__cached__" })
            {
                if (rt.DictDelItem(d, Str(name)) < 0)
                {
                    rt.ClearError();
                }
            }
        }

        rt.DecRef(main);

        int finalExit = Finalize();
        return exit != 0 ? exit : finalExit;
    }

    private int ReportFatal()
    {
        PyObject* exc = Rt.FetchError();
        Stderr.Write("Fatal Python error: init_sys_streams\n");
        if (exc != null)
        {
            PrintException(exc);
            Rt.DecRef(exc);
        }

        return 1;
    }

    /// <summary>An exception left the main module: SystemExit's code, or the traceback and 1.</summary>
    private int HandleUncaught()
    {
        PyRuntime rt = Rt;
        PyObject* exc = rt.FetchError();
        if (exc == null)
        {
            return 1;
        }

        int code;
        if (PyRuntime.IsSubtypeMro(exc->Type, SystemExitType))
        {
            code = SystemExitCode(exc);
        }
        else
        {
            PyObject* hook = SysAttrBorrowed("excepthook");
            PyObject* builtinHook = SysAttrBorrowed("__excepthook__");
            if (hook != null && hook != builtinHook)
            {
                PyObject** args = stackalloc PyObject*[3];
                args[0] = (PyObject*)exc->Type;
                args[1] = exc;
                PyObject* tb = ExceptionTraceback(exc);
                args[2] = tb == null ? rt.None : tb;
                PyObject* r = Call(hook, args, 3, null);
                if (r == null)
                {
                    PyObject* hookErr = rt.FetchError();
                    WriteStderr("Error in sys.excepthook:\n");
                    PrintException(hookErr);
                    WriteStderr("\nOriginal exception was:\n");
                    PrintException(exc);
                    rt.XDecRef(hookErr);
                }
                else
                {
                    rt.DecRef(r);
                }
            }
            else
            {
                PrintException(exc);
            }

            code = 1;
        }

        rt.DecRef(exc);
        return code;
    }

    /// <summary>SystemExit: None is 0, an int is itself, anything else is printed to stderr and gives 1.</summary>
    private int SystemExitCode(PyObject* exc)
    {
        PyRuntime rt = Rt;
        PyObject* code = ExceptionExtra(exc, "code", 0);
        int result;
        if (code == rt.None)
        {
            result = 0;
        }
        else if (PyRuntime.IsInt(code))
        {
            BigInteger v = PyRuntime.IntToBigInteger(code);
            result = (int)(long)(v & 0xFFFFFFFF);
            result = (int)((uint)result & 0xFF) == result ? result : (int)((long)v & 0xFF);
        }
        else
        {
            string? s = StrOf(code);
            rt.ClearError();
            WriteStderr((s ?? "") + "\n");
            result = 1;
        }

        rt.DecRef(code);
        return result;
    }

    /// <summary>Py_FinalizeEx: atexit, flush, a full collection if gc is enabled, then the modules' teardown (where remaining __del__ run), then a last collection.</summary>
    private int Finalize()
    {
        PyRuntime rt = Rt;
        int exit = 0;
        RunAtExit();
        FlushStreams();

        // _PyGC_CollectIfEnabled: a full collection with gc.callbacks while the modules are
        // still intact, so __del__ of cyclic garbage still sees its globals (skipped under
        // gc.disable()). A pending error is kept, as PyGC_Collect keeps it.
        if (rt.GcEnabled)
        {
            PyObject* pending = rt.FetchError();
            rt.Collect(2);
            if (pending != null)
            {
                rt.SetErrorObject(pending);
            }
        }

        Finalizing = true;

        // finalize_modules (3.11, simplified): clear __main__ first, then the others in reverse
        // import order; each module dict's values are set to None, underscored names first.
        PyObject* keys = rt.DictKeys(Modules);
        nint nkeys = PyRuntime.ListSize(keys);
        var order = new NintList((int)nkeys + 1);
        nint mainKey = 0;
        for (nint i = nkeys - 1; i >= 0 && mainKey == 0; i--)
        {
            nint k = (nint)PyRuntime.ListItems(keys)[i];
            if (PyRuntime.StrToString((PyObject*)k) == "__main__")
            {
                mainKey = k;
                order.Add(k);
            }
        }

        for (nint i = nkeys - 1; i >= 0; i--)
        {
            nint k = (nint)PyRuntime.ListItems(keys)[i];
            if (k != mainKey)
            {
                order.Add(k);
            }
        }

        foreach (nint k in order)
        {
            string name = PyRuntime.StrToString((PyObject*)k);
            if (name is "builtins" or "sys" || name.StartsWith("_bootstrap", System.StringComparison.Ordinal) || name.StartsWith("_refheap", System.StringComparison.Ordinal))
            {
                continue;
            }

            PyObject* m = rt.DictGetItem(Modules, (PyObject*)k);
            if (m != null && m->Type == rt.ModuleType)
            {
                ClearModuleDict(PyRuntime.ModuleDict(m));
            }
        }

        rt.DecRef(keys);
        rt.CollectNoFail();
        rt.ClearError();
        FlushStreams();
        return exit;
    }

    /// <summary>_PyModule_ClearDict: names starting with one underscore first, then the rest (but __builtins__).</summary>
    private void ClearModuleDict(PyObject* d)
    {
        PyRuntime rt = Rt;
        foreach (bool underscorePass in new[] { true, false })
        {
            PyObject* keys = rt.DictKeys(d);
            foreach (nint k in ListSnapshot(keys))
            {
                var key = (PyObject*)k;
                if (!PyRuntime.IsStr(key))
                {
                    continue;
                }

                string s = PyRuntime.StrToString(key);
                bool underscore = s.StartsWith('_') && !s.StartsWith("__", System.StringComparison.Ordinal);
                if (underscorePass != underscore || s == "__builtins__")
                {
                    continue;
                }

                if (rt.DictSetItem(d, key, rt.None) < 0)
                {
                    rt.ClearError();
                }

                if (rt.ErrorOccurred)
                {
                    PyObject* e = rt.FetchError();
                    rt.XDecRef(e);
                }
            }

            rt.DecRef(keys);
        }
    }

    private void FlushStreams()
    {
        foreach (string name in new[] { "stdout", "stderr" })
        {
            PyObject* s = SysAttrBorrowed(name);
            if (s == null || s == Rt.None)
            {
                continue;
            }

            PyObject* flush = GetAttrOrNull(s, Str("flush"));
            if (flush != null)
            {
                PyObject* r = CallNoArgs(flush);
                Rt.XDecRef(r);
                Rt.DecRef(flush);
            }

            Rt.ClearError();
        }

        Stdout.Flush();
        Stderr.Flush();
    }
}
