using System.IO;
using System.Numerics;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Running __main__ and shutting down (Modules/main.c: pymain_run_python; Python/pylifecycle.c:
// Py_FinalizeEx: atexit callbacks, then module teardown, then collections).
internal sealed unsafe partial class Interpreter
{
    private PyObject* _builtinsCopy;

    /// <summary>Runs a script as __main__; returns the exit status.</summary>
    public int RunMain(byte[] source, string filename, string scriptDir)
    {
        PyRuntime rt = Rt;
        if (!Bootstrap(scriptDir))
        {
            return ReportFatal();
        }

        RememberStdStreams();

        // interp->builtins_copy: the builtins as start-up left them, restored at shutdown.
        _builtinsCopy = rt.DictCopy(PyRuntime.ModuleDict(BuiltinsModule));

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
        PyObject* code = CompileSource(source, filename, exec: true, mainScript: setFileName);
        bool ok = code != null;
        if (ok)
        {
            // Start-up state: CPython's own start-up (io, encodings, the import system) leaves
            // its free lists partly filled when a script begins; ours starts from a different
            // history, so the lengths are set to what CPython 3.11 has at that point
            // (eng/record-startup-freelists), and a script's first tuples, lists, dicts and
            // floats reuse or allocate blocks as they would there.
            rt.SetFreeListLengths(StartupFreeLists.Lists, StartupFreeLists.Dicts, StartupFreeLists.Floats, StartupFreeLists.Tuples);
            rt.ClearError();
            PyObject* r = RunCode((PyCodeObject*)code, d, d);
            rt.DecRef(code);
            ok = r != null;
            rt.XDecRef(r);
        }
        if (setFileName)
        {
            // _PyRun_SimpleFileObject's flush_io: a script file's buffered output goes out before
            // its traceback, SystemExit message or atexit output (not so for -c).
            PyObject* pending = rt.FetchError();
            FlushStreams(first: "stderr", second: "stdout");
            if (pending != null)
            {
                rt.SetErrorObject(pending);
            }
        }

        if (!ok)
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

        // Py_RunMain: a failed Py_FinalizeEx (stdout could not be flushed) makes the status 120.
        return Finalize() < 0 ? 120 : exit;
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
            // _PyErr_PrintEx(set_sys_last_vars=1): the exception, and through its traceback
            // every frame it went through, stays alive in sys.last_* until shutdown.
            PyObject* lastTb = ExceptionTraceback(exc);
            SetSysAttr("last_type", (PyObject*)exc->Type);
            SetSysAttr("last_value", exc);
            SetSysAttr("last_traceback", lastTb == null ? rt.None : lastTb);
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
        if (!FlushStreams(report: true))
        {
            exit = -1;
        }

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

        // finalize_modules_delete_special: sys's search paths and last exception become None
        // (so a traceback kept there dies now) and the standard streams are the original ones.
        foreach (string name in new[] { "path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback", "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__" })
        {
            SetSysAttr(name, rt.None);
        }

        foreach (string name in new[] { "stdin", "stdout", "stderr" })
        {
            PyObject* original = SysAttrBorrowed("__" + name + "__");
            SetSysAttr(name, original == null ? rt.None : original);
        }

        FinalizeModules();
        rt.ClearError();
        if (!FlushStreams())
        {
            exit = -1;
        }

        ReleaseStdioObjects();
        return exit;
    }

    /// <summary>
    /// finalize_modules (3.11): every entry of sys.modules becomes None and sys.modules is
    /// emptied, so modules nothing else holds die by reference counting (their dicts with them,
    /// values released in insertion order); a collection finds module-level cycles, running
    /// their finalizers while the globals are intact; only modules still alive after that have
    /// their dicts wiped (underscored names first), newest import first; then sys's and
    /// builtins' dicts; then one more collection. Refheap's own start-up modules (_bootstrap,
    /// _refheap_*), which back sys.stdout/stderr, are not wiped.
    /// </summary>
    private void FinalizeModules()
    {
        PyRuntime rt = Rt;
        PyObject* keys = rt.DictKeys(Modules);
        nint count = PyRuntime.ListSize(keys);
        var refs = new NintList((int)count + 1);
        var names = new System.Collections.Generic.List<string>((int)count);
        for (nint i = 0; i < count; i++)
        {
            var key = (PyObject*)PyRuntime.ListItems(keys)[i];
            PyObject* m = rt.DictGetItem(Modules, key);
            if (m != null && PyRuntime.IsSubtype(m->Type, rt.ModuleType))
            {
                PyObject* wr = rt.NewWeakref(m, null);
                if (wr == null)
                {
                    rt.ClearError();
                }
                else
                {
                    refs.Add((nint)wr);
                    names.Add(PyRuntime.IsStr(key) ? PyRuntime.StrToString(key) : "");
                }
            }

            if (rt.DictSetItem(Modules, key, rt.None) < 0)
            {
                rt.ClearError();
            }
        }

        rt.DecRef(keys);
        rt.DictClear(Modules);

        // finalize_restore_builtins: the builtins dict gets its start-up contents back (what a
        // script added is released here, with the builtins already restored).
        if (_builtinsCopy != null)
        {
            PyObject* builtins = PyRuntime.ModuleDict(BuiltinsModule);
            PyObject* current = rt.DictCopy(builtins);
            rt.DictClear(builtins);
            if (rt.DictUpdate(builtins, _builtinsCopy) < 0)
            {
                rt.ClearError();
            }

            rt.XDecRef(current);
            rt.Clear(ref _builtinsCopy);
        }

        rt.CollectNoFail();
        rt.ClearError();

        for (int i = refs.Count - 1; i >= 0; i--)
        {
            PyObject* m = PyRuntime.WeakrefReferent((PyObject*)refs[i]);
            string name = names[i];
            bool ours = name.StartsWith("_bootstrap", System.StringComparison.Ordinal) || name.StartsWith("_refheap", System.StringComparison.Ordinal);
            if (m == null || m == rt.None || m == SysModule || m == BuiltinsModule || ours)
            {
                continue;
            }

            PyRuntime.IncRef(m);
            ClearModuleDict(PyRuntime.ModuleDict(m));
            rt.DecRef(m);
        }

        for (int i = 0; i < refs.Count; i++)
        {
            rt.DecRef((PyObject*)refs[i]);
        }

        // finalize_clear_sys_builtins_dict
        ClearModuleDict(PyRuntime.ModuleDict(SysModule));
        ClearModuleDict(PyRuntime.ModuleDict(BuiltinsModule));
        rt.CollectNoFail();
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

    /// <summary>
    /// flush_std_files: sys.stdout's and sys.stderr's flush() (in the order given), then the host
    /// writers'. Returns false when a flush failed; with <paramref name="report"/>, a failure of
    /// sys.stdout is written as unraisable ("Exception ignored in: &lt;...stdout...&gt;").
    /// </summary>
    private bool FlushStreams(bool report = false, string first = "stdout", string second = "stderr")
    {
        bool ok = true;
        foreach (string name in new[] { first, second })
        {
            PyObject* s = SysAttrBorrowed(name);
            if (s == null || s == Rt.None)
            {
                continue;
            }

            PyObject* flush = GetAttrOrNull(s, Str("flush"));
            PyObject* r = flush == null ? null : CallNoArgs(flush);
            Rt.XDecRef(flush);
            if (r == null && Rt.ErrorOccurred)
            {
                ok = false;
                if (report && name == "stdout")
                {
                    Rt.WriteUnraisable(null, s);
                }
            }

            Rt.XDecRef(r);
            Rt.ClearError();
        }

        try
        {
            Stdout.Flush();
            Stderr.Flush();
        }
        catch (IOException)
        {
            ok = false;
        }

        return ok;
    }

    private void SetSysAttr(string name, PyObject* value)
    {
        if (SysModule != null && Rt.DictSetItem(PyRuntime.ModuleDict(SysModule), Str(name), value) < 0)
        {
            Rt.ClearError();
        }
    }
}
