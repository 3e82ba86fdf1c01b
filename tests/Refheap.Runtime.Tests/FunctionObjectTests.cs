using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>cell, function, method, module, range and slice against CPython 3.11's recorded facts.</summary>
public unsafe class FunctionObjectTests
{
    /// <summary>A runtime with the function object types (idempotent until InitCoreTypes registers them).</summary>
    internal static TestRuntime NewRuntime()
    {
        return new TestRuntime();
    }

    /// <summary>Shuts down (which releases the slice cache) and requires zero blocks.</summary>
    internal static void Finish(TestRuntime t) => t.AssertNoLeaks();

    private static PyTypeObject* TypeFor(PyRuntime rt, string label) => label switch
    {
        "cell" => rt.CellType,
        "function" => rt.PyFunctionType,
        "method" => rt.MethodType,
        "module" => rt.ModuleType,
        "range" => rt.RangeType,
        "slice" => rt.SliceType,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    private static Type StructFor(string label) => label switch
    {
        "cell" => typeof(PyCellObject),
        "function" => typeof(PyFunctionObject),
        "method" => typeof(PyMethodObject),
        "module" => typeof(PyModuleObject),
        "range" => typeof(PyRangeObject),
        "slice" => typeof(PySliceObject),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    private static readonly Dictionary<string, string> s_fieldNames = new()
    {
        ["ref"] = "Ref", ["globals"] = "Globals", ["builtins"] = "Builtins", ["name"] = "Name",
        ["qualname"] = "QualName", ["code"] = "Code", ["defaults"] = "Defaults", ["kwdefaults"] = "KwDefaults",
        ["closure"] = "Closure", ["doc"] = "Doc", ["dict"] = "Dict", ["weakreflist"] = "WeakRefList",
        ["module"] = "Module", ["annotations"] = "Annotations", ["func"] = "Func", ["self"] = "Self",
        ["weaklist"] = "WeakList", ["start"] = "Start", ["stop"] = "Stop", ["step"] = "Step",
    };

    [Fact]
    public void Types_have_the_recorded_names_sizes_offsets_and_gc_flags()
    {
        using TestRuntime t = NewRuntime();
        PyRuntime rt = t.Runtime;
        rt.InitFunctionObjectTypes();
        Assert.Equal(6, FunctionObjectFacts.Of("type").Count);
        foreach (string[] r in FunctionObjectFacts.Of("type"))
        {
            PyTypeObject* type = TypeFor(rt, r[0]);
            Assert.Equal(r[1], rt.InfoOf(type).Name);
            Assert.Equal(RecordedData.Long(r[2]), type->BasicSize);
            Assert.Equal(RecordedData.Long(r[2]), Marshal.SizeOf(StructFor(r[0])));
            Assert.Equal(RecordedData.Long(r[3]), type->ItemSize);
            Assert.Equal(RecordedData.Long(r[4]), type->WeakListOffset);
            Assert.Equal(RecordedData.Long(r[5]), type->DictOffset);
            Assert.Equal(r[6] == "1", (type->Flags & TypeFlags.HaveGc) != 0);
        }

        foreach (string[] r in FunctionObjectFacts.Of("offset"))
        {
            Assert.Equal(RecordedData.Long(r[2]), (long)Marshal.OffsetOf(StructFor(r[0]), s_fieldNames[r[1]]));
        }

        Finish(t);
    }

    /// <summary>One live object per recorded label (sizes, tracking); all released by the caller.</summary>
    private static Dictionary<string, nint> Samples(PyRuntime rt, List<nint> owned)
    {
        PyObject* Own(PyObject* o)
        {
            Assert.True(o != null);
            owned.Add((nint)o);
            return o;
        }

        PyObject* one = Own(rt.NewInt(1));
        PyObject* globals = Own(rt.NewDict());
        PyObject* fn = Own(rt.NewPyFunction(rt.None, globals, Own(rt.NewStr("f")), null));
        PyObject* module = Own(rt.NewModule("t"));
        return new Dictionary<string, nint>
        {
            ["cell"] = (nint)Own(rt.NewCell(one)),
            ["cell_empty"] = (nint)Own(rt.NewCell(null)),
            ["function"] = (nint)fn,
            ["function_plain"] = (nint)fn,
            ["method"] = (nint)Own(rt.NewMethod(fn, one)),
            ["module"] = (nint)module,
            ["module_dict"] = (nint)PyRuntime.ModuleDict(module),
            ["range"] = (nint)Own(rt.NewRange(1000, 2000, 7)),
            ["range_small"] = (nint)Own(rt.NewRange(0, 10)),
            ["slice"] = (nint)Own(rt.NewSlice(one, one, one)),
            ["slice_small"] = (nint)Own(rt.NewSlice(one, one, null)),
        };
    }

    [Fact]
    public void Sizes_and_tracking_match_the_recorded_facts()
    {
        using TestRuntime t = NewRuntime();
        PyRuntime rt = t.Runtime;
        var owned = new List<nint>();
        Dictionary<string, nint> samples = Samples(rt, owned);
        List<string[]> sizes = FunctionObjectFacts.Of("sizeof");
        Assert.Equal(10, sizes.Count);
        foreach (string[] r in sizes)
        {
            var o = (PyObject*)samples[r[0]];
            Assert.Equal(RecordedData.Long(r[1]), rt.SizeOf(o));
            Assert.Equal(RecordedData.Long(r[2]), rt.SizeOf(o) - PyRuntime.PreHeaderSize(o->Type));
        }

        samples["slice"] = (nint)rt.NewSlice(null, null, null);
        owned.Add(samples["slice"]);
        foreach (string[] r in FunctionObjectFacts.Of("tracked"))
        {
            Assert.True(r[1] == "1" == rt.GcIsTracked((PyObject*)samples[r[0]]), r[0]);
        }

        for (int i = owned.Count - 1; i >= 0; i--)
        {
            rt.DecRef((PyObject*)owned[i]);
        }

        Finish(t);
    }

    [Fact]
    public void Traversal_orders_match_gc_get_referents()
    {
        using TestRuntime t = NewRuntime();
        PyRuntime rt = t.Runtime;
        var owned = new List<nint>();
        PyObject* Own(PyObject* o)
        {
            Assert.True(o != null);
            owned.Add((nint)o);
            return o;
        }

        PyObject* globals = Own(rt.NewDict());
        PyObject* modname = Own(rt.NewStr("modname_x"));
        PyObject* nameKey = Own(rt.NewStr("__name__"));
        Assert.Equal(0, rt.DictSetItem(globals, nameKey, modname));
        PyObject* builtins = Own(rt.NewDict());
        PyObject* code = Own(rt.NewList(0));
        PyObject* fn = Own(rt.NewPyFunction(code, globals, Own(rt.NewStr("f")), Own(rt.NewStr("Q.f")), builtins));
        var f = (PyFunctionObject*)fn;
        Assert.Equal(0, rt.FunctionSetDefaults(fn, Own(rt.NewTuple(1))));
        Assert.Equal(0, rt.FunctionSetKwDefaults(fn, Own(rt.NewDict())));
        ReadOnlySpan<nint> cells = [(nint)Own(rt.NewCell(null))];
        Assert.Equal(0, rt.FunctionSetClosure(fn, Own(rt.NewTuple(cells))));
        Assert.Equal(0, rt.FunctionSetAnnotations(fn, Own(rt.NewDict())));
        rt.FunctionSetDoc(fn, Own(rt.NewStr("doc")));
        Assert.True(rt.FunctionGetDict(fn) != null);
        PyObject* wr = Own(rt.NewWeakref(fn, null));
        Assert.True(f->WeakRefList == wr);
        Assert.True(f->Module == modname);

        var fields = new Dictionary<nint, string>
        {
            [(nint)f->Globals] = "globals", [(nint)f->Builtins] = "builtins", [(nint)f->Name] = "name",
            [(nint)f->QualName] = "qualname", [(nint)f->Code] = "code", [(nint)f->Defaults] = "defaults",
            [(nint)f->KwDefaults] = "kwdefaults", [(nint)f->Closure] = "closure", [(nint)f->Doc] = "doc",
            [(nint)f->Dict] = "dict", [(nint)f->Module] = "module", [(nint)f->Annotations] = "annotations",
        };
        Assert.Equal(12, fields.Count);
        Assert.Equal(FunctionObjectFacts.One("referents", "function")[0], Names(rt, fn, fields));

        PyObject* self = Own(rt.NewList(0));
        PyObject* m = Own(rt.NewMethod(fn, self));
        Assert.Equal(FunctionObjectFacts.One("referents", "method")[0], Names(rt, m, new() { [(nint)fn] = "func", [(nint)self] = "self" }));

        PyObject* contents = Own(rt.NewList(0));
        PyObject* cell = Own(rt.NewCell(contents));
        Assert.Equal(FunctionObjectFacts.One("referents", "cell")[0], Names(rt, cell, new() { [(nint)contents] = "ref" }));
        Assert.Equal(FunctionObjectFacts.One("referents", "cell_empty")[0], Names(rt, Own(rt.NewCell(null)), new()));

        PyObject* module = Own(rt.NewModule("m_name"));
        var mo = (PyModuleObject*)module;
        Assert.Equal(FunctionObjectFacts.One("referents", "module")[0], Names(rt, module, new() { [(nint)mo->Dict] = "dict", [(nint)mo->Name] = "name" }));

        PyObject* a = Own(rt.NewList(0));
        PyObject* b = Own(rt.NewList(0));
        PyObject* c = Own(rt.NewList(0));
        PyObject* s = Own(rt.NewSlice(a, b, c));
        Assert.Equal(FunctionObjectFacts.One("referents", "slice")[0], Names(rt, s, new() { [(nint)a] = "start", [(nint)b] = "stop", [(nint)c] = "step" }));

        Assert.Empty(rt.GetReferents(Own(rt.NewRange(0, 3))));
        for (int i = owned.Count - 1; i >= 0; i--)
        {
            rt.DecRef((PyObject*)owned[i]);
        }

        Finish(t);
    }

    private static string Names(PyRuntime rt, PyObject* o, Dictionary<nint, string> fields)
    {
        List<nint> referents = rt.GetReferents(o);
        return referents.Count == 0 ? "-" : string.Join(",", referents.Select(r => fields[r]));
    }

    [Fact]
    public void Function_defaults_follow_PyFunction_NewWithQualName()
    {
        using TestRuntime t = NewRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* globals = rt.NewDict();
        PyObject* name = rt.NewStr("plainf");
        PyObject* fn = rt.NewPyFunction(rt.None, globals, name, null);
        var f = (PyFunctionObject*)fn;
        Assert.Equal("None", FunctionObjectFacts.One("plain", "module")[0]);
        Assert.True(f->Module == null);
        Assert.True(f->Defaults == null && f->KwDefaults == null && f->Closure == null && f->Annotations == null && f->Dict == null);
        Assert.Equal("None", FunctionObjectFacts.One("plain", "doc")[0]);
        Assert.True(f->Doc == rt.None);
        Assert.True(f->QualName == name);
        Assert.Equal(0u, f->Version);

        // __builtins__ in the globals, a module standing for its dict.
        PyObject* builtinsModule = rt.NewModule("builtins");
        PyObject* key = rt.NewStr("__builtins__");
        Assert.Equal(0, rt.DictSetItem(globals, key, builtinsModule));
        PyObject* g = rt.NewPyFunction(rt.None, globals, name, null);
        Assert.Equal("1", FunctionObjectFacts.One("plain", "builtins_from_module")[0]);
        Assert.True(((PyFunctionObject*)g)->Builtins == PyRuntime.ModuleDict(builtinsModule));

        Assert.Equal(-1, rt.FunctionSetDefaults(fn, globals));
        Assert.Equal("__defaults__ must be set to a tuple object", rt.TakeErrorAsException().PythonMessage);
        Assert.Equal(-1, rt.FunctionSetClosure(fn, globals));
        PyException e = rt.TakeErrorAsException();
        Assert.Equal(("SystemError", "expected tuple for closure, got 'dict'"), (e.PythonType, e.PythonMessage));
        Assert.Matches("^<function plainf at 0x[0-9a-f]+>$", rt.ReprString(fn));

        foreach (nint o in new[] { (nint)g, (nint)key, (nint)builtinsModule, (nint)fn, (nint)name, (nint)globals })
        {
            rt.DecRef((PyObject*)o);
        }

        Finish(t);
    }
}
