using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>Reprs, errors, module dicts, range lengths, the slice cache, cycles and bound-method calls.</summary>
public unsafe class FunctionObjectBehaviourTests
{
    private static void Release(PyRuntime rt, params ReadOnlySpan<nint> objects)
    {
        foreach (nint o in objects)
        {
            rt.DecRef((PyObject*)o);
        }
    }

    [Fact]
    public void Reprs_match_the_recorded_ones()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        string Expect(string label) => FunctionObjectFacts.One("repr", label)[0];
        string Got(PyObject* o) => FunctionObjectFacts.AddressFree(rt.ReprString(o));

        PyObject* list = rt.NewList(0);
        PyObject* cell = rt.NewCell(list);
        PyObject* empty = rt.NewCell(null);
        PyObject* module = rt.NewModule("m_name");
        PyObject* globals = rt.NewDict();
        PyObject* name = rt.NewStr("f");
        PyObject* qualname = rt.NewStr("Q.f");
        PyObject* fn = rt.NewPyFunction(rt.None, globals, name, qualname);
        PyObject* r1 = rt.NewRange(0, 10);
        PyObject* r2 = rt.NewRange(0, 10, 2);
        PyObject* r3 = rt.NewRange(5, -5, -1);
        PyObject* one = rt.NewInt(1);
        PyObject* two = rt.NewInt(2);
        PyObject* three = rt.NewInt(3);
        PyObject* s1 = rt.NewSlice(one, two, null);
        PyObject* s3 = rt.NewSlice(one, two, three);
        PyObject* s0 = rt.NewSlice(null, null, null);
        Assert.Equal(Expect("cell"), Got(cell));
        Assert.Equal($"<cell at 0x{(nuint)cell:x}: list object at 0x{(nuint)list:x}>", rt.ReprString(cell));
        Assert.Equal(Expect("cell_empty"), Got(empty));
        Assert.Equal(Expect("module"), Got(module));
        Assert.Equal(Expect("function_q"), Got(fn));
        Assert.Equal(Expect("range"), Got(r1));
        Assert.Equal(Expect("range_step"), Got(r2));
        Assert.Equal(Expect("range_neg"), Got(r3));
        Assert.Equal(Expect("slice"), Got(s1));
        Assert.Equal(Expect("slice3"), Got(s3));
        Assert.Equal(Expect("slice_none"), Got(s0));

        PyObject* m = rt.NewMethod(fn, list);
        Assert.Equal("<bound method Q.f of []>", rt.ReprString(m));
        Release(rt, (nint)m, (nint)s0, (nint)s3, (nint)s1, (nint)three, (nint)two, (nint)one, (nint)r3, (nint)r2, (nint)r1,
            (nint)fn, (nint)qualname, (nint)name, (nint)globals, (nint)module, (nint)empty, (nint)cell, (nint)list);
        FunctionObjectTests.Finish(t);
    }

    [Fact]
    public void Errors_match_the_recorded_ones()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        string Expect(string label) => FunctionObjectFacts.One("error", label)[0];
        string Taken()
        {
            PyException e = rt.TakeErrorAsException();
            return $"{e.PythonType}: {e.PythonMessage}";
        }

        Assert.True(rt.NewRange(1, 2, 0) == null);
        Assert.Equal(Expect("range_step_zero"), Taken());
        PyObject* f = rt.NewFloat(1.5);
        Assert.True(rt.NewRange(null, f, null) == null);
        Assert.Equal(Expect("range_float"), Taken());
        PyObject* empty = rt.NewCell(null);
        Assert.True(rt.CellContents(empty) == null);
        Assert.Equal(Expect("cell_empty_get"), Taken());
        PyObject* s = rt.NewSlice(null, null, null);
        Assert.Equal(-1, rt.ObjectHash(s));
        Assert.Equal(Expect("slice_hash"), Taken());
        PyObject* big = rt.NewInt(System.Numerics.BigInteger.Pow(2, 64));
        PyObject* r = rt.NewRange(null, big, null);
        Assert.Equal(-1, rt.RangeLen(r));
        Assert.Equal(Expect("range_len_big"), Taken());
        Release(rt, (nint)r, (nint)big, (nint)s, (nint)empty, (nint)f);
        FunctionObjectTests.Finish(t);
    }

    [Fact]
    public void Range_lengths_and_module_dicts_match()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        foreach (string[] row in FunctionObjectFacts.Of("rangelen"))
        {
            PyObject* a = rt.NewInt(RecordedData.Big(row[1]));
            PyObject* b = rt.NewInt(RecordedData.Big(row[2]));
            PyObject* c = rt.NewInt(RecordedData.Big(row[3]));
            PyObject* r = rt.NewRange(a, b, c);
            Assert.Equal(RecordedData.Big(row[4]), PyRuntime.IntToBigInteger(((PyRangeObject*)r)->Length));
            Release(rt, (nint)r, (nint)c, (nint)b, (nint)a);
        }

        string[] md = FunctionObjectFacts.Of("moduledict")[0];
        PyObject* m = rt.NewModule("m2");
        PyObject* d = PyRuntime.ModuleDict(m);
        var keys = new List<string>();
        var values = new List<string>();
        nint pos = 0;
        while (rt.DictNext(d, ref pos, out PyObject* k, out PyObject* v))
        {
            keys.Add(PyRuntime.StrToString(k));
            values.Add(rt.ReprString(v));
        }

        Assert.Equal(md[0], string.Join(",", keys));
        Assert.Equal(md[1], string.Join(",", values));
        Assert.True(PyRuntime.ModuleName(m) != null);
        Release(rt, (nint)m);
        FunctionObjectTests.Finish(t);
    }

    [Fact]
    public void The_slice_cache_keeps_one_slice_and_skips_the_allocation_count()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        rt.GcEnabled = false;
        long Delta(string label) => RecordedData.Long(FunctionObjectFacts.One("slicecache", label)[0]);
        int Count() => rt.GetCount().Item1;

        PyObject* a = rt.NewSlice(null, null, null);
        PyObject* b = rt.NewSlice(null, null, null);
        nint addressA = (nint)a;
        int c0 = Count();
        rt.DecRef(a);
        Assert.True(rt.SliceCache == (PyObject*)addressA);
        int c1 = Count();
        rt.DecRef(b);
        int c2 = Count();
        PyObject* s = rt.NewSlice(null, null, null);
        int c3 = Count();
        PyObject* u = rt.NewSlice(null, null, null);
        int c4 = Count();
        Assert.Equal(Delta("del_first_count_delta"), c1 - c0);
        Assert.Equal(Delta("del_second_count_delta"), c2 - c1);
        Assert.Equal(Delta("reuse_count_delta"), c3 - c2);
        Assert.Equal(Delta("reuse_same_address") == 1, (nint)s == addressA);
        Assert.Equal(Delta("new_count_delta"), c4 - c3);
        Assert.True(PyRuntime.IsTracked(s));
        Assert.True(rt.SliceCache == null);

        // A full collection does not clear the cache (clear_freelists leaves it alone).
        Release(rt, (nint)u, (nint)s);
        rt.Collect();
        Assert.True(rt.SliceCache != null);
        FunctionObjectTests.Finish(t);
    }

    [Fact]
    public void Cycles_through_cells_functions_methods_modules_and_slices_are_collected()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();

        // A closure: the function's closure holds a cell that holds the function.
        PyObject* globals = rt.NewDict();
        PyObject* name = rt.NewStr("f");
        PyObject* fn = rt.NewPyFunction(rt.None, globals, name, null);
        PyObject* cell = rt.NewCell(null);
        ReadOnlySpan<nint> cells = [(nint)cell];
        PyObject* closure = rt.NewTuple(cells);
        Assert.Equal(0, rt.FunctionSetClosure(fn, closure));
        rt.CellSet(cell, fn);
        PyObject* wr = rt.NewWeakref(fn, null);

        // A module whose dict holds the module itself, and a bound method of it.
        PyObject* module = rt.NewModule("m");
        PyObject* key = rt.NewStr("me");
        Assert.Equal(0, rt.DictSetItem(PyRuntime.ModuleDict(module), key, module));
        PyObject* method = rt.NewMethod(fn, module);
        PyObject* key2 = rt.NewStr("bound");
        Assert.Equal(0, rt.DictSetItem(PyRuntime.ModuleDict(module), key2, method));
        PyObject* mwr = rt.NewWeakref(module, null);

        // A list holding a slice holding the list.
        PyObject* list = rt.NewList(0);
        PyObject* slice = rt.NewSlice(list, null, null);
        Assert.True(rt.ListAppend(list, slice));

        Release(rt, (nint)slice, (nint)list, (nint)key2, (nint)method, (nint)key, (nint)module, (nint)closure, (nint)cell, (nint)fn, (nint)name, (nint)globals);
        Assert.True(PyRuntime.WeakrefReferent(wr) == fn);
        long collected = rt.Collect();

        // fn, cell, closure tuple; module, its dict, the method; list, slice. The empty
        // globals dict is untracked (as CPython's), so it dies by refcount, uncounted.
        Assert.Equal(8, collected);
        Assert.True(PyRuntime.WeakrefReferent(wr) == rt.None || PyRuntime.WeakrefReferent(wr) == null);
        Assert.True(PyRuntime.WeakrefReferent(mwr) == rt.None || PyRuntime.WeakrefReferent(mwr) == null);
        Release(rt, (nint)mwr, (nint)wr);
        FunctionObjectTests.Finish(t);
    }

    [Fact]
    public void Calling_a_bound_builtin_prepends_self()
    {
        using TestRuntime t = FunctionObjectTests.NewRuntime();
        PyRuntime rt = t.Runtime;
        var seen = new List<long>();
        PyObject* builtin = rt.NewFunction((r, self, args) =>
        {
            for (nint i = 0; i < PyRuntime.TupleSize(args); i++)
            {
                Assert.True(PyRuntime.TryIntToLong(PyRuntime.TupleItems(args)[i], out long v));
                seen.Add(v);
            }

            return PyRuntime.NewRef(r.None);
        });
        PyObject* five = rt.NewInt(5);
        PyObject* m = rt.NewMethod(builtin, five);
        Assert.True(rt.GcIsTracked(m));
        PyObject* seven = rt.NewInt(7);
        PyObject* result = rt.CallOneArg(m, seven);
        Assert.True(result == rt.None);
        Assert.Equal([5L, 7L], seen);
        Assert.Equal("<bound method ? of 5>", rt.ReprString(m));

        // Calling a bound Python function: functions are not callable yet.
        PyObject* globals = rt.NewDict();
        PyObject* fn = rt.NewPyFunction(rt.None, globals, seven, null);
        PyObject* pm = rt.NewMethod(fn, five);
        nint expectedHash = PyRuntime.HashPointer(five) ^ PyRuntime.HashPointer(fn);
        Assert.Equal(expectedHash == -1 ? -2 : expectedHash, rt.ObjectHash(pm));
        Assert.True(rt.CallOneArg(pm, seven) == null);
        Assert.Equal("'function' object is not callable", rt.TakeErrorAsException().PythonMessage);
        Assert.True(rt.NewMethod(fn, null) == null);
        Assert.Equal("SystemError", rt.TakeErrorAsException().PythonType);
        Release(rt, (nint)pm, (nint)fn, (nint)globals, (nint)result, (nint)seven, (nint)m, (nint)five, (nint)builtin);
        FunctionObjectTests.Finish(t);
    }
}
