using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>dict and the collector: tracking rules, free lists and counts, traversal, deallocation order, cycles.</summary>
public unsafe class DictGcTests
{
    private static void Set(PyRuntime rt, PyObject* d, PyObject* key, PyObject* value) =>
        Assert.Equal(0, rt.DictSetItem(d, key, value));

    [Fact]
    public void A_new_dict_is_untracked_until_it_holds_something_that_may_be_tracked()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        PyObject* a = keys.MakeStr("a");
        PyObject* l = keys.MakeStr("l");
        Set(rt, d, a, a);
        Assert.False(rt.GcIsTracked(d));
        PyObject* list = rt.NewList(0);
        Set(rt, d, l, list);
        Assert.True(rt.GcIsTracked(d));

        // Replacing the list keeps the dict tracked until a full collection looks at it.
        Set(rt, d, l, a);
        Assert.True(rt.GcIsTracked(d));
        rt.Collect(0);
        Assert.True(rt.GcIsTracked(d));
        rt.Collect(1);
        Assert.True(rt.GcIsTracked(d));
        rt.Collect();
        Assert.False(rt.GcIsTracked(d));
        rt.CheckDictInvariants(d);
        rt.DecRef(list);
        rt.DecRef(a);
        rt.DecRef(l);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void One_full_collection_untracks_a_tuple_value_and_then_its_dict()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        PyObject* k = keys.MakeStr("k");
        PyObject* tuple = rt.NewTuple([(nint)k]);
        Set(rt, d, k, tuple);
        Assert.True(rt.GcIsTracked(tuple));
        Assert.True(rt.GcIsTracked(d));
        rt.Collect();
        Assert.False(rt.GcIsTracked(tuple));
        Assert.False(rt.GcIsTracked(d));
        rt.DecRef(tuple);
        rt.DecRef(k);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void General_tables_also_keep_a_dict_tracked_for_its_keys()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyTypeObject* cls = keys.NewHashableClass("K");
        PyObject* gcKey = rt.NewInstance(cls);
        PyObject* intKey = keys.MakeInt(7);
        PyObject* d1 = rt.NewDict();
        Set(rt, d1, gcKey, rt.None);
        Assert.True(rt.GcIsTracked(d1));
        PyObject* d2 = rt.NewDict();
        PyObject* list = rt.NewList(0);
        Set(rt, d2, intKey, list);
        Set(rt, d2, intKey, rt.None);
        rt.Collect();
        Assert.True(rt.GcIsTracked(d1));
        Assert.False(rt.GcIsTracked(d2));
        rt.DecRef(d1);
        rt.DecRef(d2);
        rt.DecRef(list);
        rt.DecRef(gcKey);
        rt.DecRef(intKey);
        rt.DecRef((PyObject*)cls);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Free_lists_keep_80_dicts_and_80_eight_slot_unicode_keys()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        rt.Collect();
        var dicts = new List<nint>();
        for (int i = 0; i < 100; i++)
        {
            PyObject* d = rt.NewDict();
            PyObject* k = keys.MakeStr("k" + i);
            Set(rt, d, k, rt.None);
            rt.DecRef(k);
            dicts.Add((nint)d);
        }

        foreach (nint d in dicts)
        {
            rt.DecRef((PyObject*)d);
        }

        Assert.Equal(PyRuntime.DictMaxFreeList, rt.DictFreeCount);
        Assert.Equal(PyRuntime.DictMaxFreeList, rt.DictKeysFreeCount);

        PyObject* again = rt.NewDict();
        Assert.Equal(79, rt.DictFreeCount);
        Assert.Equal(80, rt.DictKeysFreeCount);
        PyObject* s = keys.MakeStr("s");
        Set(rt, again, s, rt.None);
        Assert.Equal(79, rt.DictKeysFreeCount);
        rt.DecRef(s);
        rt.DecRef(again);
        Assert.Equal(80, rt.DictFreeCount);

        // Only 8-slot unicode keys are kept: general keys and larger tables are freed.
        rt.Collect();
        Assert.Equal(0, rt.DictFreeCount);
        Assert.Equal(0, rt.DictKeysFreeCount);
        PyObject* general = rt.NewDict();
        PyObject* ik = keys.MakeInt(1);
        Set(rt, general, ik, rt.None);
        rt.DecRef(ik);
        rt.DecRef(general);
        Assert.Equal(0, rt.DictKeysFreeCount);
        PyObject* grown = rt.NewDict();
        for (int i = 0; i < 6; i++)
        {
            PyObject* k = keys.MakeStr("g" + i);
            Set(rt, grown, k, rt.None);
            rt.DecRef(k);
        }

        // The resize from 8 to 16 slots gave the old 8-slot unicode keys to the free list.
        Assert.Equal(1, rt.DictKeysFreeCount);
        rt.DecRef(grown);
        Assert.Equal(1, rt.DictKeysFreeCount);

        // `grown` reused the dict object `general` had left on the free list.
        Assert.Equal(1, rt.DictFreeCount);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Free_list_reuse_does_not_touch_the_collector_count()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        Assert.Equal(0, rt.GetCount().Item1);
        PyObject* d = rt.NewDict();
        Assert.Equal(1, rt.GetCount().Item1);
        rt.DecRef(d);
        Assert.Equal(1, rt.DictFreeCount);
        Assert.Equal(1, rt.GetCount().Item1);
        PyObject* again = rt.NewDict();
        Assert.True(again == d);
        Assert.Equal(0, rt.DictFreeCount);
        Assert.Equal(1, rt.GetCount().Item1);
        rt.DecRef(again);
        PyObject* list = rt.NewList(0);
        Assert.Equal(2, rt.GetCount().Item1);
        rt.DecRef(list);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_dict_reused_after_dying_in_a_collection_carries_no_collector_flags()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        PyObject* k = keys.MakeStr("self");
        Set(rt, d, k, d);
        rt.DecRef(d);
        Assert.Equal(1, rt.Collect(0));
        Assert.Equal(1, rt.DictFreeCount);
        PyObject* again = rt.NewDict();
        Assert.True(again == d);
        Assert.False(rt.GcIsTracked(again));
        PyObject* list = rt.NewList(0);
        Set(rt, again, k, list);
        Assert.True(rt.GcIsTracked(again));
        rt.CheckGcInvariants();
        rt.Collect(0);
        rt.CheckGcInvariants();
        rt.DecRef(list);
        rt.DecRef(k);
        rt.DecRef(again);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Traverse_visits_values_of_str_keyed_dicts_and_value_then_key_otherwise()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = rt.NewDict();
        PyObject* g = rt.NewDict();
        var expectedStr = new List<nint>();
        var expectedGeneral = new List<nint>();
        for (int i = 0; i < 3; i++)
        {
            PyObject* ks = keys.MakeStr("k" + i);
            PyObject* ki = keys.MakeInt(i);
            PyObject* v = keys.MakeStr("v" + i);
            Set(rt, s, ks, v);
            Set(rt, g, ki, v);
            expectedStr.Add((nint)v);
            expectedGeneral.Add((nint)v);
            expectedGeneral.Add((nint)ki);
            rt.DecRef(ks);
            rt.DecRef(ki);
            rt.DecRef(v);
        }

        Assert.Equal(expectedStr, rt.GetReferents(s));
        Assert.Equal(expectedGeneral, rt.GetReferents(g));
        PyObject* k0 = keys.MakeInt(0);
        Assert.Equal(0, rt.DictDelItem(g, k0));
        rt.DecRef(k0);
        Assert.Equal(expectedGeneral.GetRange(2, 4), rt.GetReferents(g));
        rt.DecRef(s);
        rt.DecRef(g);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Dealloc_releases_key_then_value_for_each_entry_in_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        var order = new List<string>();
        PyTypeObject* cls = keys.NewHashableClass("Named");
        rt.SetFinalizer(cls, (r, self, args) =>
        {
            PyObject* name = r.GetAttribute(self, "name");
            order.Add(PyRuntime.StrToString(name));
            r.DecRef(name);
            return PyRuntime.NewRef(r.None);
        });
        PyObject* d = rt.NewDict();
        foreach (string pair in new[] { "1", "2", "3" })
        {
            PyObject* k = Named(rt, cls, "k" + pair);
            PyObject* v = Named(rt, cls, "v" + pair);
            Set(rt, d, k, v);
            rt.DecRef(k);
            rt.DecRef(v);
        }

        rt.DecRef(d);
        Assert.Equal(["k1", "v1", "k2", "v2", "k3", "v3"], order);
        rt.DecRef((PyObject*)cls);
        t.AssertNoLeaks();
    }

    private static PyObject* Named(PyRuntime rt, PyTypeObject* cls, string name)
    {
        PyObject* o = rt.NewInstance(cls);
        PyObject* s = rt.NewStr(name);
        Assert.True(rt.SetAttribute(o, "name", s));
        rt.DecRef(s);
        return o;
    }

    [Fact]
    public void Cycles_through_dicts_are_collected()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* d = rt.NewDict();
        PyObject* k = keys.MakeStr("self");
        Set(rt, d, k, d);
        rt.DecRef(k);
        rt.DecRef(d);

        PyTypeObject* cls = keys.NewHashableClass("Node");
        PyObject* node = rt.NewInstance(cls);
        PyObject* d2 = rt.NewDict();
        Set(rt, d2, node, rt.None);
        Assert.True(rt.SetAttribute(node, "owner", d2));
        rt.DecRef(node);
        rt.DecRef(d2);
        Assert.Equal(3, rt.Collect());
        rt.DecRef((PyObject*)cls);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Deeply_nested_dicts_are_freed_through_the_trashcan()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* k = keys.MakeStr("next");
        PyObject* top = rt.NewDict();
        for (int i = 0; i < 100_000; i++)
        {
            PyObject* d = rt.NewDict();
            Set(rt, d, k, top);
            rt.DecRef(top);
            top = d;
        }

        rt.DecRef(top);
        Assert.True(rt.MaxTrashNesting <= PyRuntime.TrashUnwindLevel);
        rt.DecRef(k);
        t.AssertNoLeaks();
    }
}
