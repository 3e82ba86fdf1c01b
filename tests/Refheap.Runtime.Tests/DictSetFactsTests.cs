using System.Collections.Generic;
using System.Text.Json;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Replays every case that eng/record-dict-set-facts recorded from CPython 3.11 and
/// requires the same sys.getsizeof after every operation, the same iteration order, the
/// same tracking state and, for int keys, the same table byte for byte: a dict's index
/// array and entries, a set's slots, a frozenset's hash.
/// </summary>
public unsafe class DictSetFactsTests
{
    [Theory]
    [MemberData(nameof(CPythonFacts.DictCaseNames), MemberType = typeof(CPythonFacts))]
    public void Dict_case_matches_CPython(string name)
    {
        JsonElement c = CPythonFacts.DictCase(name);
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        JsonElement start = c.GetProperty("start");
        PyObject* d = start.ValueKind == JsonValueKind.String ? rt.NewDict() : rt.NewDictPresized((nint)start[1].GetInt64());
        var sizes = new List<long> { rt.SizeOf(d) };
        foreach (JsonElement op in c.GetProperty("ops").EnumerateArray())
        {
            switch (op[0].GetString())
            {
                case "add":
                    PyObject* k = keys.FromSpec(CPythonFacts.Key(op[1]));
                    Assert.Equal(0, rt.DictSetItem(d, k, rt.None));
                    rt.DecRef(k);
                    break;
                case "del":
                    PyObject* dk = keys.FromSpec(CPythonFacts.Key(op[1]));
                    Assert.Equal(0, rt.DictDelItem(d, dk));
                    rt.DecRef(dk);
                    break;
                case "clear":
                    rt.DictClear(d);
                    break;
                case "copy":
                    PyObject* copy = rt.DictCopy(d);
                    rt.DecRef(d);
                    d = copy;
                    break;
                case "update_new":
                    PyObject* e = rt.NewDict();
                    Assert.Equal(0, rt.DictUpdate(e, d));
                    rt.DecRef(d);
                    d = e;
                    break;
                default:
                    Assert.Fail($"unknown op {op}");
                    break;
            }

            rt.CheckDictInvariants(d);
            sizes.Add(rt.SizeOf(d));
        }

        AssertSameSizes(c, sizes);
        Assert.Equal(CPythonFacts.Keys(c.GetProperty("order")), ContainerReader.DictKeys(rt, keys, d));
        Assert.Equal(c.GetProperty("tracked").GetBoolean(), rt.GcIsTracked(d));
        JsonElement layout = c.GetProperty("layout");
        if (layout.ValueKind != JsonValueKind.Null)
        {
            AssertSameDictLayout(rt, keys, (PyDictObject*)d, layout);
        }

        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Theory]
    [MemberData(nameof(CPythonFacts.SetCaseNames), MemberType = typeof(CPythonFacts))]
    public void Set_case_matches_CPython(string name)
    {
        JsonElement c = CPythonFacts.SetCase(name);
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        JsonElement start = c.GetProperty("start");
        PyObject* s;
        if (start.ValueKind == JsonValueKind.String)
        {
            s = rt.NewSet((PyObject*)null);
        }
        else
        {
            PyObject* list = rt.NewList(0);
            foreach (JsonElement item in start[1].EnumerateArray())
            {
                PyObject* k = keys.FromSpec(CPythonFacts.Key(item));
                Assert.True(rt.ListAppend(list, k));
                rt.DecRef(k);
            }

            s = start[0].GetString() == "from_list" ? rt.NewSet(list) : rt.NewFrozenSet(list);
            rt.DecRef(list);
        }

        var sizes = new List<long> { rt.SizeOf(s) };
        foreach (JsonElement op in c.GetProperty("ops").EnumerateArray())
        {
            PyObject* next = null;
            switch (op[0].GetString())
            {
                case "add":
                    PyObject* k = keys.FromSpec(CPythonFacts.Key(op[1]));
                    Assert.Equal(0, rt.SetAdd(s, k));
                    rt.DecRef(k);
                    break;
                case "discard":
                    PyObject* dk = keys.FromSpec(CPythonFacts.Key(op[1]));
                    Assert.True(rt.SetDiscard(s, dk) >= 0);
                    rt.DecRef(dk);
                    break;
                case "clear":
                    Assert.Equal(0, rt.SetClear(s));
                    break;
                case "copy":
                    next = rt.NewSet(s);
                    break;
                case "frozen":
                    next = rt.NewFrozenSet(s);
                    break;
                default:
                    Assert.Fail($"unknown op {op}");
                    break;
            }

            if (next != null)
            {
                rt.DecRef(s);
                s = next;
            }

            rt.CheckSetInvariants(s);
            sizes.Add(rt.SizeOf(s));
        }

        AssertSameSizes(c, sizes);
        if (c.GetProperty("order").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(CPythonFacts.Keys(c.GetProperty("order")), ContainerReader.SetKeys(rt, keys, s));
        }

        Assert.Equal(c.GetProperty("tracked").GetBoolean(), rt.GcIsTracked(s));
        JsonElement table = c.GetProperty("table");
        if (table.ValueKind != JsonValueKind.Null)
        {
            AssertSameSetTable(rt, keys, (PySetObject*)s, table);
        }

        JsonElement hash = c.GetProperty("hash");
        if (hash.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(hash.GetInt64(), (long)rt.ObjectHash(s));
        }

        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    private static void AssertSameSizes(JsonElement c, List<long> actual)
    {
        JsonElement ops = c.GetProperty("ops");
        int i = 0;
        foreach (JsonElement expected in c.GetProperty("sizes").EnumerateArray())
        {
            Assert.True(i < actual.Count, "fewer sizes than recorded");
            if (expected.GetInt64() != actual[i])
            {
                string after = i == 0 ? "at the start" : $"after op #{i - 1} {ops[i - 1]}";
                Assert.Fail($"sys.getsizeof {after}: CPython {expected.GetInt64()}, Refheap {actual[i]}");
            }

            i++;
        }

        Assert.Equal(i, actual.Count);
    }

    private static void AssertSameDictLayout(PyRuntime rt, TestKeys keys, PyDictObject* mp, JsonElement layout)
    {
        PyDictKeysObject* dk = mp->Keys;
        if (layout.GetProperty("empty").GetBoolean())
        {
            Assert.True(dk == rt.EmptyKeys, "CPython's dict shares the empty keys");
            return;
        }

        Assert.Equal(layout.GetProperty("log2_size").GetInt32(), dk->Log2Size);
        Assert.Equal(layout.GetProperty("kind").GetInt32(), dk->Kind);
        Assert.Equal(layout.GetProperty("usable").GetInt64(), (long)dk->Usable);
        Assert.Equal(layout.GetProperty("nentries").GetInt64(), (long)dk->NEntries);
        var indices = new List<long>();
        for (nint i = 0; i < PyRuntime.DictKeysSize(dk); i++)
        {
            indices.Add(PyRuntime.GetIndex(dk, i));
        }

        var expectedIndices = new List<long>();
        foreach (JsonElement e in layout.GetProperty("indices").EnumerateArray())
        {
            expectedIndices.Add(e.GetInt64());
        }

        Assert.Equal(expectedIndices, indices);
        var entries = new List<object?>();
        for (nint i = 0; i < dk->NEntries; i++)
        {
            PyObject* key = dk->Kind == (byte)DictKeysKind.General ? PyRuntime.GeneralEntries(dk)[i].Key : PyRuntime.UnicodeEntries(dk)[i].Key;
            entries.Add(key == null ? null : keys.SpecOf(key));
        }

        var expectedEntries = new List<object?>();
        foreach (JsonElement e in layout.GetProperty("entries").EnumerateArray())
        {
            expectedEntries.Add(e.ValueKind == JsonValueKind.Null ? null : CPythonFacts.Key(e));
        }

        Assert.Equal(expectedEntries, entries);
    }

    private static void AssertSameSetTable(PyRuntime rt, TestKeys keys, PySetObject* so, JsonElement table)
    {
        Assert.Equal(table.GetProperty("mask").GetInt64(), (long)so->Mask);
        Assert.Equal(table.GetProperty("fill").GetInt64(), (long)so->Fill);
        Assert.Equal(table.GetProperty("used").GetInt64(), (long)so->Used);
        var expected = new List<object?>();
        foreach (JsonElement e in table.GetProperty("slots").EnumerateArray())
        {
            expected.Add(e.ValueKind == JsonValueKind.Null ? null
                : e.ValueKind == JsonValueKind.String ? "dummy"
                : e.GetInt64());
        }

        var actual = new List<object?>();
        for (nint i = 0; i <= so->Mask; i++)
        {
            PyObject* key = so->Table[i].Key;
            actual.Add(key == null ? null : key == rt.SetDummy ? "dummy" : keys.SpecOf(key));
        }

        Assert.Equal(expected, actual);
    }
}
