using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Refheap.Python.Compiler;
using Refheap.Python.Modules;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Modules and imports (Python/import.c and importlib's path finder, reduced to what a script
// needs): native modules, the embedded pure-Python library, and .py files on sys.path.
internal sealed unsafe partial class Interpreter
{
    private delegate PyObject* ModuleFactory(Interpreter interp);

    private readonly Dictionary<string, ModuleFactory> _nativeModules = new(StringComparer.Ordinal);

    private void InitModules()
    {
        PyRuntime rt = Rt;
        Modules = rt.NewDict();
        rt.DictSetItem(Modules, Str("builtins"), BuiltinsModule);
        _nativeModules["gc"] = SysGcModules.CreateGc;
        _nativeModules["_weakref"] = NativeModules.CreateWeakref;
        _nativeModules["atexit"] = NativeModules.CreateAtexit;
        _nativeModules["_refheap_io"] = NativeModules.CreateIo;
        _nativeModules["_refheap_traceback"] = TracebackModule.Create;
        _nativeModules["_refheap_time"] = NativeModules.CreateTime;
        _nativeModules["math"] = NativeModules.CreateMath;
        _nativeModules["_refheap_random"] = NativeModules.CreateRandom;
        _nativeModules["_collections"] = Objects.Deque.Deque.CreateModule;
        _nativeModules["_refheap_json"] = NativeModules.CreateJson;
        _nativeModules["_refheap_hashlib"] = HashlibModule.Create;
        SysModule = SysGcModules.CreateSys(this);
        rt.DictSetItem(Modules, Str("sys"), SysModule);
        rt.DictSetItem(PyRuntime.ModuleDict(BuiltinsModule), Str("__builtins__"), BuiltinsModule);
    }

    /// <summary>Runs the embedded bootstrap (sys.stdout and the other Python-level parts of sys and io).</summary>
    public bool Bootstrap(string scriptDirectory)
    {
        PyObject* path = SysAttr("path");
        if (path == null)
        {
            return false;
        }

        PyObject* dir = Rt.NewStr(scriptDirectory);
        Rt.ListAppend(path, dir);
        Rt.DecRef(dir);
        Rt.DecRef(path);
        PyObject* m = ImportModule("_bootstrap");
        if (m == null)
        {
            return false;
        }

        Rt.DecRef(m);

        // sys.implementation._profile: implementation-specific attributes start with '_'.
        PyObject* impl = SysAttr("implementation");
        if (impl == null)
        {
            return false;
        }

        PyObject* profile = Rt.NewStr(Rt.Allocator.Profile.ToString().ToLowerInvariant());
        int rc = profile == null ? -1 : SetAttr(impl, Str("_profile"), profile);
        Rt.XDecRef(profile);
        Rt.DecRef(impl);
        return rc == 0;
    }

    /// <summary>sys.NAME, a new reference or null with AttributeError.</summary>
    public PyObject* SysAttr(string name)
    {
        PyObject* v = Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str(name));
        if (v == null)
        {
            Rt.SetError(Rt.RuntimeErrorType, $"lost sys.{name}");
            return null;
        }

        return PyRuntime.NewRef(v);
    }

    /// <summary>IMPORT_NAME.</summary>
    private PyObject* ImportName(InterpreterFrame* f, PyObject* name, PyObject* fromlist, PyObject* level) =>
        ImportNameWithGlobals(f->Globals, name, fromlist, level);

    /// <summary>__import__(name, globals, locals, fromlist, level).</summary>
    public PyObject* ImportNameWithGlobals(PyObject* globals, PyObject* name, PyObject* fromlist, PyObject* level)
    {
        PyRuntime rt = Rt;
        string modName = PyRuntime.StrToString(name);
        long lvl = 0;
        if (PyRuntime.IsInt(level) && !PyRuntime.TryIntToLong(level, out lvl))
        {
            // A level beyond 64 bits: the BigInteger conversion (kept off the common path: a
            // method using BigInteger has no precompiled code, and every import came here).
            lvl = (long)PyRuntime.IntToBigInteger(level);
        }
        string absolute = modName;
        if (lvl > 0)
        {
            string? package = PackageOf(globals);
            if (package == null)
            {
                rt.SetError(ImportErrorType, "attempted relative import with no known parent package");
                return null;
            }

            string[] parts = package.Split('.');
            if (lvl - 1 >= parts.Length + (package.Length == 0 ? 0 : 1) || (package.Length == 0))
            {
                rt.SetError(ImportErrorType, "attempted relative import beyond top-level package");
                return null;
            }

            string basePkg = string.Join('.', parts, 0, parts.Length - (int)(lvl - 1));
            absolute = modName.Length == 0 ? basePkg : basePkg + "." + modName;
        }
        else if (modName.Length == 0)
        {
            rt.SetError(rt.ValueErrorType, "Empty module name");
            return null;
        }

        PyObject* module = ImportDotted(absolute);
        if (module == null)
        {
            return null;
        }

        bool hasFromList = fromlist != null && fromlist != rt.None && IsTrue(fromlist) == 1;
        if (!hasFromList)
        {
            if (lvl == 0 && absolute.Contains('.', StringComparison.Ordinal))
            {
                rt.DecRef(module);
                return ImportModule(absolute.Split('.')[0]);
            }

            return module;
        }

        // from package import submodule: import the submodules named in fromlist.
        PyObject* pathAttr = Rt.InstanceGetAttr(module, Str("__path__"));
        if (pathAttr != null)
        {
            PyObject* items = SequenceToList(fromlist);
            for (nint i = 0; items != null && i < PyRuntime.ListSize(items); i++)
            {
                PyObject* item = PyRuntime.ListItems(items)[i];
                string sub = PyRuntime.StrToString(item);
                if (sub == "*" || Rt.InstanceGetAttr(module, item) != null)
                {
                    continue;
                }

                PyObject* subm = ImportModule(absolute + "." + sub);
                if (subm == null)
                {
                    if (ErrorMatches(ModuleNotFoundErrorType))
                    {
                        rt.ClearError();
                        continue;
                    }

                    rt.DecRef(items);
                    rt.DecRef(module);
                    return null;
                }

                rt.DecRef(subm);
            }

            rt.XDecRef(items);
        }

        return module;
    }

    private string? PackageOf(PyObject* globals)
    {
        if (globals == null)
        {
            return null;
        }

        PyObject* pkg = Rt.DictGetItemStr(globals, Str("__package__"));
        if (pkg != null && PyRuntime.IsStr(pkg))
        {
            return PyRuntime.StrToString(pkg);
        }

        PyObject* name = Rt.DictGetItemStr(globals, Str("__name__"));
        if (name == null || !PyRuntime.IsStr(name))
        {
            return null;
        }

        string n = PyRuntime.StrToString(name);
        if (Rt.DictGetItemStr(globals, Str("__path__")) != null)
        {
            return n;
        }

        int dot = n.LastIndexOf('.');
        return dot < 0 ? "" : n[..dot];
    }

    /// <summary>Imports a.b.c component by component; returns the last module.</summary>
    private PyObject* ImportDotted(string absolute)
    {
        string[] parts = absolute.Split('.');
        string current = "";
        PyObject* module = null;
        foreach (string part in parts)
        {
            current = current.Length == 0 ? part : current + "." + part;
            Rt.XDecRef(module);
            module = ImportModule(current);
            if (module == null)
            {
                return null;
            }
        }

        return module;
    }

    /// <summary>Imports one module by its full name: sys.modules, native modules, the embedded library, sys.path.</summary>
    public PyObject* ImportModule(string fullName)
    {
        PyRuntime rt = Rt;
        PyObject* key = rt.NewStr(fullName);
        PyObject* existing = rt.DictGetItem(Modules, key);
        if (existing != null)
        {
            rt.DecRef(key);
            if (existing == rt.None)
            {
                rt.SetError(ModuleNotFoundErrorType, $"import of {fullName} halted; None in sys.modules");
                return null;
            }

            return PyRuntime.NewRef(existing);
        }

        if (_nativeModules.TryGetValue(fullName, out ModuleFactory? factory))
        {
            PyObject* m = factory(this);
            if (m != null)
            {
                rt.DictSetItem(Modules, key, m);
            }

            rt.DecRef(key);
            return m;
        }

        int dot = fullName.LastIndexOf('.');
        List<string> searchPath = new();
        if (dot >= 0)
        {
            // A submodule: search the parent package's __path__.
            PyObject* parent = rt.DictGetItem(Modules, Str(fullName[..dot]));
            PyObject* ppath = parent == null ? null : rt.InstanceGetAttr(parent, Str("__path__"));
            if (ppath != null && PyRuntime.IsSubtype(ppath->Type, rt.ListType))
            {
                foreach (nint p in ListSnapshot(ppath))
                {
                    searchPath.Add(PyRuntime.StrToString((PyObject*)p));
                }
            }
        }
        else
        {
            PyObject* path = rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("path"));
            if (path != null && PyRuntime.IsSubtype(path->Type, rt.ListType))
            {
                foreach (nint p in ListSnapshot(path))
                {
                    if (PyRuntime.IsStr((PyObject*)p))
                    {
                        searchPath.Add(PyRuntime.StrToString((PyObject*)p));
                    }
                }
            }

            searchPath.Add(EmbeddedPrefix);
        }

        string leaf = dot >= 0 ? fullName[(dot + 1)..] : fullName;
        foreach (string dir in searchPath)
        {
            if (FindSource(dir, leaf, out string file, out byte[]? source, out bool isPackage))
            {
                PyObject* m = LoadSourceModule(fullName, file, source!, isPackage, key);
                rt.DecRef(key);
                if (m != null && dot >= 0)
                {
                    // Bind the submodule on its parent.
                    PyObject* parent = rt.DictGetItem(Modules, Str(fullName[..dot]));
                    if (parent != null)
                    {
                        SetAttr(parent, Str(leaf), m);
                    }
                }

                return m;
            }
        }

        rt.DecRef(key);
        RaiseImportError(ModuleNotFoundErrorType, $"No module named '{fullName}'", fullName);

        return null;
    }

    /// <summary>Raises ImportError/ModuleNotFoundError(message) with its name attribute.</summary>
    private void RaiseImportError(PyTypeObject* type, string message, string name)
    {
        PyObject* msg = Rt.NewStr(message);
        PyObject* err = msg == null ? null : CallOneArg((PyObject*)type, msg);
        Rt.XDecRef(msg);
        if (err != null)
        {
            PyObject* n = Rt.NewStr(name);
            SetExceptionExtra(err, "name", n);
            Rt.XDecRef(n);
            Rt.SetErrorObject(err);
        }
    }

    /// <summary>The pseudo-directory of the library embedded in this assembly.</summary>
    public const string EmbeddedPrefix = "<refheap-lib>";

    /// <summary>The code filename of the embedded _bootstrap module.</summary>
    public const string BootstrapFilename = EmbeddedPrefix + "/_bootstrap.py";

    private static bool FindSource(string dir, string leaf, out string file, out byte[]? source, out bool isPackage)
    {
        source = null;
        isPackage = false;
        if (dir.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
        {
            string rel = dir.Length > EmbeddedPrefix.Length ? dir[(EmbeddedPrefix.Length + 1)..].Replace('/', '.') + "." : "";
            string pkg = "pylib." + rel + leaf + ".__init__.py";
            string mod = "pylib." + rel + leaf + ".py";
            Assembly asm = typeof(Interpreter).Assembly;
            foreach ((string res, bool pk) in new[] { (pkg, true), (mod, false) })
            {
                using Stream? s = asm.GetManifestResourceStream(res);
                if (s != null)
                {
                    using var ms = new MemoryStream();
                    s.CopyTo(ms);
                    source = ms.ToArray();
                    isPackage = pk;
                    string subdir = dir + "/" + leaf;
                    file = pk ? subdir + "/__init__.py" : dir + "/" + leaf + ".py";
                    return true;
                }
            }

            file = "";
            return false;
        }

        string pkgInit = Path.Combine(dir, leaf, "__init__.py");
        string modFile = Path.Combine(dir, leaf + ".py");
        if (File.Exists(pkgInit))
        {
            file = pkgInit;
            source = File.ReadAllBytes(pkgInit);
            isPackage = true;
            return true;
        }

        if (File.Exists(modFile))
        {
            file = modFile;
            source = File.ReadAllBytes(modFile);
            return true;
        }

        file = "";
        return false;
    }

    private PyObject* LoadSourceModule(string fullName, string file, byte[] source, bool isPackage, PyObject* key)
    {
        PyRuntime rt = Rt;
        PyObject* m = rt.NewModule(fullName);
        if (m == null)
        {
            return null;
        }

        PyObject* d = PyRuntime.ModuleDict(m);
        PyObject* fileStr = rt.NewStr(file);
        rt.DictSetItem(d, Str("__file__"), fileStr);
        rt.DecRef(fileStr);
        rt.DictSetItem(d, Str("__builtins__"), BuiltinsModule);
        int dot = fullName.LastIndexOf('.');
        PyObject* pkg = rt.NewStr(isPackage ? fullName : dot < 0 ? "" : fullName[..dot]);
        rt.DictSetItem(d, Str("__package__"), pkg);
        rt.DecRef(pkg);
        if (isPackage)
        {
            PyObject* p = rt.NewList(0);
            PyObject* dirStr = rt.NewStr(file[..file.LastIndexOf('/')]);
            rt.ListAppend(p, dirStr);
            rt.DecRef(dirStr);
            rt.DictSetItem(d, Str("__path__"), p);
            rt.DecRef(p);
        }

        rt.DictSetItem(Modules, key, m);
        if (!ExecSource(source, file, d, useCodeCache: file.StartsWith(EmbeddedPrefix, StringComparison.Ordinal)))
        {
            PyObject* pending = rt.FetchError();
            rt.DictDelItem(Modules, key);
            rt.ClearError();
            rt.SetErrorObject(pending);
            rt.DecRef(m);
            return null;
        }

        return m;
    }

    /// <summary>
    /// Parses, compiles and runs source text in a globals dict. False with an error set on failure.
    /// The embedded library's modules go through the <see cref="CodeCache"/>.
    /// </summary>
    public bool ExecSource(byte[] source, string filename, PyObject* globals, bool useCodeCache = false)
    {
        PyObject* code = CompileSource(source, filename, exec: true, useCodeCache);
        if (code == null)
        {
            return false;
        }

        PyObject* r = RunCode((PyCodeObject*)code, globals, globals);
        Rt.DecRef(code);
        if (r == null)
        {
            return false;
        }

        Rt.DecRef(r);
        return true;
    }

    /// <summary>Runs a module-level code object with the given globals and locals.</summary>
    public PyObject* RunCode(PyCodeObject* code, PyObject* globals, PyObject* locals)
    {
        PyRuntime rt = Rt;
        PyObject* builtins = rt.DictGetItemStr(globals, Str("__builtins__"));
        if (builtins == null)
        {
            rt.DictSetItem(globals, Str("__builtins__"), BuiltinsModule);
        }

        PyObject* func = rt.NewPyFunction((PyObject*)code, globals, code->Name, code->QualName, Builtins);
        if (func == null)
        {
            return null;
        }

        var info = (CodeInfo)rt.GetManaged(code->ManagedId);
        InterpreterFrame* f = PushFrame(info.FrameSize);
        InitFrame(f, (PyFunctionObject*)func, code, FrameOwner.Thread);
        f->Locals = PyRuntime.NewRef(locals);
        rt.DecRef(func);
        PyObject* r = Eval(f);
        rt.FrameClear(f);
        PopFrame(f);
        return r;
    }

    /// <summary>IMPORT_FROM: an attribute of the module, or its submodule.</summary>
    private PyObject* ImportFrom(PyObject* module, PyObject* name)
    {
        PyRuntime rt = Rt;
        PyObject* v = GetAttr(module, name);
        if (v != null || !ErrorMatches(rt.AttributeErrorType))
        {
            return v;
        }

        rt.ClearError();
        PyObject* modName = rt.InstanceGetAttr(module, Str("__name__"));
        string mn = modName != null && PyRuntime.IsStr(modName) ? PyRuntime.StrToString(modName) : "<unknown module name>";
        PyObject* subKey = rt.NewStr(mn + "." + PyRuntime.StrToString(name));
        PyObject* sub = subKey == null ? null : rt.DictGetItem(Modules, subKey);
        rt.XDecRef(subKey);
        if (sub != null)
        {
            return PyRuntime.NewRef(sub);
        }

        PyObject* file = rt.InstanceGetAttr(module, Str("__file__"));
        string where = file != null && PyRuntime.IsStr(file) ? $" ({PyRuntime.StrToString(file)})" : " (unknown location)";
        RaiseImportError(ImportErrorType, $"cannot import name '{PyRuntime.StrToString(name)}' from '{mn}'{where}", mn);

        return null;
    }

    /// <summary>from module import *: __all__, or every public name.</summary>
    private int ImportStar(InterpreterFrame* f, PyObject* module)
    {
        PyRuntime rt = Rt;
        PyObject* names = GetAttrOrNull(module, Str("__all__"));
        bool skipPrivate = false;
        if (names == null)
        {
            if (rt.ErrorOccurred)
            {
                return -1;
            }

            names = rt.DictKeys(PyRuntime.ModuleDict(module));
            skipPrivate = true;
        }

        PyObject* list = SequenceToList(names);
        rt.DecRef(names);
        if (list == null)
        {
            return -1;
        }

        foreach (nint p in ListSnapshot(list))
        {
            var n = (PyObject*)p;
            if (skipPrivate && PyRuntime.StrToString(n).StartsWith('_'))
            {
                continue;
            }

            PyObject* v = GetAttr(module, n);
            if (v == null || StoreName(f, n, v) < 0)
            {
                rt.XDecRef(v);
                rt.DecRef(list);
                return -1;
            }

            rt.DecRef(v);
        }

        rt.DecRef(list);
        return 0;
    }
}
