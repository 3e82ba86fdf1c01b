using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>dict sizes, growth, order, errors and whole-dict operations (CPython 3.11 semantics).</summary>
public unsafe class DictTests
{
    private static PyObject* StrDict(PyRuntime rt, TestKeys keys, int n, string prefix = "k")
    {
        PyObject* d = rt.NewDict();
        for (int i = 0; i < n; i++)
        {
            PyObject* k = keys.MakeStr(prefix + i);
            Assert.Equal(0, rt.DictSetItem(d, k, rt.None));
            rt.DecRef(k);
        }

        return d;
    }

    private static PyObject* IntDict(PyRuntime rt, TestKeys keys, int n)
    {
        PyObject* d = rt.NewDict();
        for (int i = 0; i < n; i++)
        {
            PyObject* k = keys.MakeInt(i);
            Assert.Equal(0, rt.DictSetItem(d, k, rt.None));
            rt.DecRef(k);
        }

        return d;
    }

    [Fact]
    public void An_empty_dict_is_64_bytes_untracked_and_shares_the_empty_keys()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* a = rt.NewDict();
        PyObject* b = rt.NewDict();
        Assert.Equal(64, rt.SizeOf(a));
        Assert.False(rt.GcIsTracked(a));
        Assert.True(((PyDictObject*)a)->Keys == ((PyDictObject*)b)->Keys);
        Assert.True(((PyDictObject*)a)->Keys == rt.EmptyKeys);
        Assert.Equal(0, rt.DictSize(a));
        Assert.Equal(48, sizeof(PyDictObject));
        Assert.Equal(32, sizeof(PyDictKeysObject));
        Assert.Equal(24, sizeof(PyDictKeyEntry));
        Assert.Equal(16, sizeof(PyDictUnicodeEntry));
        rt.DecRef(a);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }

    [Theory]
    [InlineData(1, 184, 224)]
    [InlineData(5, 184, 224)]
    [InlineData(6, 272, 352)]
    [InlineData(10, 272, 352)]
    [InlineData(11, 464, 632)]
    [InlineData(100, 3328, 4688)]
    public void Sizes_by_length_match_CPython(int n, int strSize, int intSize)
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = StrDict(rt, keys, n);
        PyObject* i = IntDict(rt, keys, n);
        Assert.Equal(strSize, rt.SizeOf(s));
        Assert.Equal(intSize, rt.SizeOf(i));
        Assert.Equal((byte)DictKeysKind.Unicode, ((PyDictObject*)s)->Keys->Kind);
        Assert.Equal((byte)DictKeysKind.General, ((PyDictObject*)i)->Keys->Kind);
        rt.DecRef(s);
        rt.DecRef(i);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Sizes_change_at_1_6_11_22_43_86_171()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = rt.NewDict();
        PyObject* g = rt.NewDict();
        var strChanges = new List<(int, long)>();
        var intChanges = new List<(int, long)>();
        long lastStr = rt.SizeOf(s);
        long lastInt = rt.SizeOf(g);
        for (int n = 1; n <= 200; n++)
        {
            PyObject* ks = keys.MakeStr("k" + n);
            PyObject* ki = keys.MakeInt(n);
            Assert.Equal(0, rt.DictSetItem(s, ks, rt.None));
            Assert.Equal(0, rt.DictSetItem(g, ki, rt.None));
            rt.DecRef(ks);
            rt.DecRef(ki);
            if (rt.SizeOf(s) != lastStr)
            {
                lastStr = rt.SizeOf(s);
                strChanges.Add((n, lastStr));
            }

            if (rt.SizeOf(g) != lastInt)
            {
                lastInt = rt.SizeOf(g);
                intChanges.Add((n, lastInt));
            }
        }

        Assert.Equal([(1, 184), (6, 272), (11, 464), (22, 832), (43, 1584), (86, 3328), (171, 6576)], strChanges);
        Assert.Equal([(1, 224), (6, 352), (11, 632), (22, 1168), (43, 2264), (86, 4688), (171, 9304)], intChanges);
        rt.DecRef(s);
        rt.DecRef(g);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Growth_helpers_follow_calculate_log2_keysize()
    {
        Assert.Equal(3, PyRuntime.CalculateLog2KeySize(0));
        Assert.Equal(4, PyRuntime.CalculateLog2KeySize(3));
        Assert.Equal(3, PyRuntime.CalculateLog2KeySize(8));
        Assert.Equal(4, PyRuntime.CalculateLog2KeySize(9));
        Assert.Equal(5, PyRuntime.CalculateLog2KeySize(16));
        Assert.Equal(5, PyRuntime.CalculateLog2KeySize(18));
        Assert.Equal(6, PyRuntime.EstimateLog2KeySize(21));
        Assert.Equal(10, PyRuntime.UsableFraction(16));
    }

    [Fact]
    public void Insertion_order_is_kept_and_a_reinserted_key_goes_last()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = StrDict(rt, keys, 5);
        PyObject* k1 = keys.MakeStr("k1");
        PyObject* v = keys.MakeStr("new value");
        Assert.Equal(0, rt.DictSetItem(d, k1, v));
        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], ContainerReader.DictKeys(rt, keys, d));
        Assert.True(rt.DictGetItem(d, k1) == v);
        Assert.Equal(0, rt.DictDelItem(d, k1));
        Assert.Equal(0, rt.DictSetItem(d, k1, v));
        Assert.Equal(["k0", "k2", "k3", "k4", "k1"], ContainerReader.DictKeys(rt, keys, d));

        // The deleted entry still used one of the 5: the reinsert resized to
        // calculate_log2_keysize(4 * 3) = 16 slots, as CPython 3.11 does (272 there too).
        Assert.Equal(272, rt.SizeOf(d));
        rt.CheckDictInvariants(d);
        rt.DecRef(k1);
        rt.DecRef(v);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void References_are_taken_on_insert_and_dropped_on_delete()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        PyObject* k = keys.MakeStr("key");
        PyObject* v = keys.MakeStr("value");
        Assert.Equal(0, rt.DictSetItem(d, k, v));
        Assert.Equal(2, k->RefCount);
        Assert.Equal(2, v->RefCount);
        PyObject* other = keys.MakeStr("key");
        Assert.True(rt.DictGetItem(d, other) == v);
        Assert.Equal(0, rt.DictDelItem(d, other));
        Assert.Equal(1, k->RefCount);
        Assert.Equal(1, v->RefCount);
        rt.DecRef(other);
        rt.DecRef(k);
        rt.DecRef(v);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_non_str_key_turns_a_unicode_table_general_with_a_resize()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = StrDict(rt, keys, 10);
        Assert.Equal(272, rt.SizeOf(d));
        PyObject* k = keys.MakeInt(-1);
        Assert.Equal(0, rt.DictSetItem(d, k, rt.None));
        rt.DecRef(k);

        // insertion_resize(mp, 0): calculate_log2_keysize(10 * 3) = 5, general entries.
        Assert.Equal(632, rt.SizeOf(d));
        Assert.Equal((byte)DictKeysKind.General, ((PyDictObject*)d)->Keys->Kind);
        PyObject* k3 = keys.MakeStr("k3");
        Assert.Equal(1, rt.DictContains(d, k3));
        rt.DecRef(k3);
        Assert.Equal(["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", -1L], ContainerReader.DictKeys(rt, keys, d));
        rt.CheckDictInvariants(d);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Deleting_never_shrinks_and_clear_returns_to_64()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = StrDict(rt, keys, 100);
        Assert.Equal(3328, rt.SizeOf(d));
        for (int i = 0; i < 99; i++)
        {
            PyObject* k = keys.MakeStr("k" + i);
            Assert.Equal(0, rt.DictDelItem(d, k));
            rt.DecRef(k);
        }

        Assert.Equal(1, rt.DictSize(d));
        Assert.Equal(3328, rt.SizeOf(d));
        rt.CheckDictInvariants(d);
        rt.DictClear(d);
        Assert.Equal(64, rt.SizeOf(d));
        Assert.True(((PyDictObject*)d)->Keys == rt.EmptyKeys);
        rt.CheckDictInvariants(d);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_missing_key_raises_KeyError_whose_argument_is_the_key()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = StrDict(rt, keys, 2);
        PyObject* k = keys.MakeStr("missing");
        Assert.Equal(-1, rt.DictDelItem(d, k));
        Assert.True(rt.ErrorMatches(rt.KeyErrorType));
        var e = (PyBaseExceptionObject*)rt.CurrentException;
        Assert.Equal(1, PyRuntime.TupleSize(e->Args));
        Assert.True(PyRuntime.TupleItems(e->Args)[0] == k);
        Assert.Equal("KeyError", rt.TakeErrorAsException().PythonType);
        Assert.True(rt.DictPop(d, k, null) == null);
        Assert.True(rt.ErrorMatches(rt.KeyErrorType));
        rt.ClearError();
        PyObject* dflt = rt.DictPop(d, k, rt.None);
        Assert.True(dflt == rt.None);
        rt.DecRef(dflt);
        Assert.True(rt.DictGetItem(d, k) == null);
        Assert.False(rt.ErrorOccurred);
        rt.DecRef(k);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void An_unhashable_key_raises_TypeError_naming_its_type()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* d = rt.NewDict();
        PyObject* list = rt.NewList(0);
        Assert.Equal(-1, rt.DictSetItem(d, list, rt.None));
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("unhashable type: 'list'", e.PythonMessage);
        Assert.Equal(-1, rt.DictSetItem(d, d, rt.None));
        Assert.Equal("unhashable type: 'dict'", rt.TakeErrorAsException().PythonMessage);
        Assert.Equal(-1, rt.DictDelItem(d, list));
        Assert.Equal("unhashable type: 'list'", rt.TakeErrorAsException().PythonMessage);
        Assert.Equal(-1, rt.DictContains(d, list));
        rt.ClearError();
        Assert.True(rt.DictGetItemWithError(d, list) == null);
        Assert.True(rt.ErrorMatches(rt.TypeErrorType));
        rt.ClearError();

        // PyDict_GetItem suppresses the error.
        Assert.True(rt.DictGetItem(d, list) == null);
        Assert.False(rt.ErrorOccurred);
        Assert.Equal(1, list->RefCount);
        Assert.Equal(0, rt.DictSize(d));
        rt.DecRef(list);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Presized_dicts_have_general_keys_of_the_estimated_size()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* small = rt.NewDictPresized(5);
        Assert.True(((PyDictObject*)small)->Keys == rt.EmptyKeys);
        PyObject* d = rt.NewDictPresized(6);
        Assert.Equal(352, rt.SizeOf(d));
        for (int i = 0; i < 6; i++)
        {
            PyObject* k = keys.MakeStr("k" + i);
            Assert.Equal(0, rt.DictSetItem(d, k, rt.None));
            rt.DecRef(k);
        }

        Assert.Equal(352, rt.SizeOf(d));
        Assert.Equal((byte)DictKeysKind.General, ((PyDictObject*)d)->Keys->Kind);
        rt.CheckDictInvariants(d);
        rt.DecRef(small);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Copy_keeps_order_and_size_and_compacts_a_sparse_dict()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = IntDict(rt, keys, 30);
        PyObject* c = rt.DictCopy(d);
        Assert.Equal(rt.SizeOf(d), rt.SizeOf(c));
        Assert.Equal(ContainerReader.DictKeys(rt, keys, d), ContainerReader.DictKeys(rt, keys, c));
        rt.DecRef(c);
        for (int i = 0; i < 30; i += 2)
        {
            PyObject* k = keys.MakeInt(i);
            Assert.Equal(0, rt.DictDelItem(d, k));
            rt.DecRef(k);
        }

        c = rt.DictCopy(d);
        Assert.Equal(632, rt.SizeOf(c));
        Assert.Equal(1168, rt.SizeOf(d));
        Assert.Equal(ContainerReader.DictKeys(rt, keys, d), ContainerReader.DictKeys(rt, keys, c));
        Assert.Equal(1, rt.ObjectRichCompareBool(c, d, CompareOp.Eq));
        rt.CheckDictInvariants(c);
        rt.DecRef(c);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Keys_values_and_items_are_lists_in_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        var values = new List<nint>();
        for (int i = 0; i < 4; i++)
        {
            PyObject* k = keys.MakeInt(i * 10);
            PyObject* v = keys.MakeStr("v" + i);
            values.Add((nint)v);
            Assert.Equal(0, rt.DictSetItem(d, k, v));
            rt.DecRef(k);
            rt.DecRef(v);
        }

        PyObject* ks = rt.DictKeys(d);
        PyObject* vs = rt.DictValues(d);
        PyObject* items = rt.DictItems(d);
        Assert.Equal(4, PyRuntime.ListSize(ks));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(i * 10L, TestKeys.IntValue(PyRuntime.ListItems(ks)[i]));
            Assert.Equal(values[i], (nint)PyRuntime.ListItems(vs)[i]);
            PyObject* pair = PyRuntime.ListItems(items)[i];
            Assert.True(PyRuntime.TupleItems(pair)[0] == PyRuntime.ListItems(ks)[i]);
            Assert.Equal(values[i], (nint)PyRuntime.TupleItems(pair)[1]);
        }

        rt.DecRef(ks);
        rt.DecRef(vs);
        rt.DecRef(items);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Merge_overrides_or_keeps_existing_values()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* a = StrDict(rt, keys, 3);
        PyObject* b = rt.NewDict();
        PyObject* k1 = keys.MakeStr("k1");
        PyObject* kx = keys.MakeStr("kx");
        PyObject* v = keys.MakeStr("from b");
        Assert.Equal(0, rt.DictSetItem(b, k1, v));
        Assert.Equal(0, rt.DictSetItem(b, kx, v));
        Assert.Equal(0, rt.DictMerge(a, b, overrideExisting: false));
        Assert.True(rt.DictGetItem(a, k1) == rt.None);
        Assert.True(rt.DictGetItem(a, kx) == v);
        Assert.Equal(0, rt.DictUpdate(a, b));
        Assert.True(rt.DictGetItem(a, k1) == v);
        Assert.Equal(["k0", "k1", "k2", "kx"], ContainerReader.DictKeys(rt, keys, a));
        Assert.Equal(-1, rt.DictMerge(a, rt.None, overrideExisting: true));
        Assert.True(rt.ErrorMatches(rt.NotImplementedErrorType));
        rt.ClearError();
        rt.CheckDictInvariants(a);
        rt.DecRef(k1);
        rt.DecRef(kx);
        rt.DecRef(v);
        rt.DecRef(a);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Dicts_compare_by_items_not_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* a = StrDict(rt, keys, 4);
        PyObject* b = rt.NewDict();
        for (int i = 3; i >= 0; i--)
        {
            PyObject* k = keys.MakeStr("k" + i);
            Assert.Equal(0, rt.DictSetItem(b, k, rt.None));
            rt.DecRef(k);
        }

        Assert.Equal(1, rt.ObjectRichCompareBool(a, b, CompareOp.Eq));
        Assert.Equal(0, rt.ObjectRichCompareBool(a, b, CompareOp.Ne));
        PyObject* k0 = keys.MakeStr("k0");
        Assert.Equal(0, rt.DictSetItem(b, k0, rt.True));
        Assert.Equal(0, rt.ObjectRichCompareBool(a, b, CompareOp.Eq));
        Assert.Equal(-1, rt.ObjectRichCompareBool(a, b, CompareOp.Lt));
        Assert.Equal("'<' not supported between instances of 'dict' and 'dict'", rt.TakeErrorAsException().PythonMessage);
        rt.DecRef(k0);
        rt.DecRef(a);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Dict_is_neither_hashable_nor_weakly_referenceable()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* d = rt.NewDict();
        Assert.Equal(-1, rt.ObjectHash(d));
        Assert.Equal("unhashable type: 'dict'", rt.TakeErrorAsException().PythonMessage);
        Assert.True(rt.NewWeakref(d, null) == null);
        Assert.Equal("cannot create weak reference to 'dict' object", rt.TakeErrorAsException().PythonMessage);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }
}
