using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>set and frozenset (CPython 3.11 semantics): sizes, growth, order, hashing, errors, the collector.</summary>
public unsafe class SetTests
{
    private static PyObject* IntSet(PyRuntime rt, TestKeys keys, int n)
    {
        PyObject* s = rt.NewSet((PyObject*)null);
        for (int i = 0; i < n; i++)
        {
            PyObject* k = keys.MakeInt(i);
            Assert.Equal(0, rt.SetAdd(s, k));
            rt.DecRef(k);
        }

        return s;
    }

    [Fact]
    public void Empty_sets_are_216_bytes_tracked_and_frozenset_has_no_singleton()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        Assert.Equal(200, sizeof(PySetObject));
        Assert.Equal(16, sizeof(SetEntry));
        PyObject* s = rt.NewSet((PyObject*)null);
        PyObject* f1 = rt.NewFrozenSet((PyObject*)null);
        PyObject* f2 = rt.NewFrozenSet((PyObject*)null);
        Assert.Equal(216, rt.SizeOf(s));
        Assert.Equal(216, rt.SizeOf(f1));
        Assert.True(rt.GcIsTracked(s));
        Assert.True(rt.GcIsTracked(f1));
        Assert.True(f1 != f2);
        Assert.Equal(192, rt.SetType->WeakListOffset);
        Assert.Equal(1, rt.ObjectRichCompareBool(f1, f2, CompareOp.Eq));
        Assert.Equal(rt.ObjectHash(f1), rt.ObjectHash(f2));
        rt.DecRef(s);
        rt.DecRef(f1);
        rt.DecRef(f2);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Sizes_and_growth_points_match_CPython()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = rt.NewSet((PyObject*)null);
        var changes = new List<(int, long)>();
        long last = rt.SizeOf(s);
        for (int n = 1; n <= 100; n++)
        {
            PyObject* k = keys.MakeInt(n - 1);
            Assert.Equal(0, rt.SetAdd(s, k));
            rt.DecRef(k);
            if (rt.SizeOf(s) != last)
            {
                last = rt.SizeOf(s);
                changes.Add((n, last));
            }

            if (n == 5)
            {
                Assert.Equal(728, rt.SizeOf(s));
            }
        }

        // 8 -> 32 slots at the 5th element, 128 at the 19th, 512 at the 77th.
        Assert.Equal([(5, 216 + (16 * 32)), (19, 216 + (16 * 128)), (77, 216 + (16 * 512))], changes);
        Assert.Equal(8408, rt.SizeOf(s));
        rt.CheckSetInvariants(s);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Iteration_follows_the_table_as_in_CPython()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = rt.NewSet((PyObject*)null);
        foreach (long v in new long[] { 100, 3, 8, 16, -1, 1L << 61 })
        {
            PyObject* k = keys.MakeInt(v);
            Assert.Equal(0, rt.SetAdd(s, k));
            rt.DecRef(k);
        }

        // CPython 3.11 gives [2**61, 3, 100, 8, 16, -1]: 32 slots after the 5th add; 2**61
        // hashes to 1, 100 lands in slot 4, and hash(-1) == -2 in slot 30.
        Assert.Equal([1L << 61, 3L, 100L, 8L, 16L, -1L], ContainerReader.SetKeys(rt, keys, s));
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Discard_leaves_a_dummy_and_the_size_stays()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = IntSet(rt, keys, 10);
        long size = rt.SizeOf(s);
        PyObject* k3 = keys.MakeInt(3);
        Assert.Equal(1, rt.SetDiscard(s, k3));
        Assert.Equal(0, rt.SetDiscard(s, k3));
        Assert.Equal(0, rt.SetContains(s, k3));
        var so = (PySetObject*)s;
        Assert.Equal(9, so->Used);
        Assert.Equal(10, so->Fill);
        Assert.True(so->Table[3].Key == rt.SetDummy);
        Assert.Equal(-1, so->Table[3].Hash);
        Assert.Equal(size, rt.SizeOf(s));
        Assert.Equal(0, rt.SetAdd(s, k3));
        Assert.Equal(10, so->Fill);
        Assert.Equal(1, rt.SetContains(s, k3));
        rt.CheckSetInvariants(s);
        Assert.Equal(0, rt.SetClear(s));
        Assert.Equal(216, rt.SizeOf(s));
        rt.CheckSetInvariants(s);
        rt.DecRef(k3);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Unhashable_elements_raise_TypeError()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = rt.NewSet((PyObject*)null);
        PyObject* list = rt.NewList(0);
        Assert.Equal(-1, rt.SetAdd(s, list));
        Assert.Equal("unhashable type: 'list'", rt.TakeErrorAsException().PythonMessage);
        Assert.Equal(-1, rt.SetAdd(s, s));
        Assert.Equal("unhashable type: 'set'", rt.TakeErrorAsException().PythonMessage);
        Assert.Equal(-1, rt.SetContains(s, list));
        Assert.True(rt.ErrorMatches(rt.TypeErrorType));
        rt.ClearError();
        PyObject* f = rt.NewFrozenSet((PyObject*)null);
        Assert.Equal(0, rt.SetAdd(s, f));
        Assert.Equal(1, rt.SetContains(s, f));
        PyObject* five = keys.MakeInt(5);
        Assert.True(rt.NewSet(five) == null);
        Assert.Equal("'int' object is not iterable", rt.TakeErrorAsException().PythonMessage);
        rt.DecRef(five);
        rt.DecRef(f);
        rt.DecRef(list);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Frozenset_hash_ignores_order_and_history()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        var up = new List<nint>();
        var down = new List<nint>();
        for (int i = 0; i < 10; i++)
        {
            up.Add((nint)keys.MakeInt(i));
            down.Add((nint)keys.MakeInt(9 - i));
        }

        PyObject* a = rt.NewFrozenSet(up.ToArray());
        PyObject* b = rt.NewFrozenSet(down.ToArray());
        PyObject* grown = rt.NewSet(up.ToArray());
        for (int i = 10; i < 40; i++)
        {
            PyObject* k = keys.MakeInt(i);
            Assert.Equal(0, rt.SetAdd(grown, k));
            Assert.Equal(1, rt.SetDiscard(grown, k));
            rt.DecRef(k);
        }

        PyObject* c = rt.NewFrozenSet(grown);
        Assert.Equal(rt.ObjectHash(a), rt.ObjectHash(b));
        Assert.Equal(rt.ObjectHash(a), rt.ObjectHash(c));

        // CPython 3.11: hash(frozenset(range(10))) (recorded as frozen-range-10).
        Assert.Equal(CPythonFacts.SetCase("frozen-range-10").GetProperty("hash").GetInt64(), (long)rt.ObjectHash(a));
        Assert.Equal(1, rt.ObjectRichCompareBool(a, grown, CompareOp.Eq));
        Assert.Equal(-1, rt.ObjectHash(grown));
        Assert.Equal("unhashable type: 'set'", rt.TakeErrorAsException().PythonMessage);
        foreach (nint k in up)
        {
            rt.DecRef((PyObject*)k);
        }

        foreach (nint k in down)
        {
            rt.DecRef((PyObject*)k);
        }

        rt.DecRef(a);
        rt.DecRef(b);
        rt.DecRef(c);
        rt.DecRef(grown);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Subset_and_superset_comparisons()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* small = IntSet(rt, keys, 3);
        PyObject* big = IntSet(rt, keys, 6);
        Assert.Equal(1, rt.ObjectRichCompareBool(small, big, CompareOp.Lt));
        Assert.Equal(1, rt.ObjectRichCompareBool(small, big, CompareOp.Le));
        Assert.Equal(0, rt.ObjectRichCompareBool(small, big, CompareOp.Gt));
        Assert.Equal(1, rt.ObjectRichCompareBool(big, small, CompareOp.Ge));
        Assert.Equal(0, rt.ObjectRichCompareBool(small, big, CompareOp.Eq));
        Assert.Equal(1, rt.ObjectRichCompareBool(small, big, CompareOp.Ne));
        Assert.Equal(0, rt.ObjectRichCompareBool(small, rt.None, CompareOp.Eq));
        rt.DecRef(small);
        rt.DecRef(big);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Sets_are_made_from_lists_tuples_dicts_and_sets()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* a = keys.MakeStr("a");
        PyObject* b = keys.MakeStr("b");
        PyObject* tuple = rt.NewTuple([(nint)a, (nint)b, (nint)a]);
        PyObject* fromTuple = rt.NewSet(tuple);
        Assert.Equal(2, rt.SetSize(fromTuple));
        PyObject* d = rt.NewDict();
        Assert.Equal(0, rt.DictSetItem(d, a, b));
        PyObject* fromDict = rt.NewFrozenSet(d);
        Assert.Equal(1, rt.SetSize(fromDict));
        Assert.Equal(1, rt.SetContains(fromDict, a));
        PyObject* copy = rt.SetCopy(fromTuple);
        Assert.Equal(1, rt.ObjectRichCompareBool(copy, fromTuple, CompareOp.Eq));
        Assert.True(rt.SetCopy(fromDict) == fromDict);
        rt.DecRef(fromDict);
        rt.CheckSetInvariants(copy);
        foreach (nint o in new[] { (nint)a, (nint)b, (nint)tuple, (nint)fromTuple, (nint)d, (nint)fromDict, (nint)copy })
        {
            rt.DecRef((PyObject*)o);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Adding_to_a_frozenset_is_allowed_only_while_nobody_else_holds_it()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* f = rt.NewFrozenSet((PyObject*)null);
        PyObject* k = keys.MakeInt(1);
        Assert.Equal(0, rt.SetAdd(f, k));
        PyRuntime.IncRef(f);
        Assert.Equal(-1, rt.SetAdd(f, k));
        Assert.True(rt.ErrorMatches(rt.SystemErrorType));
        rt.ClearError();
        Assert.Equal(-1, rt.SetDiscard(f, k));
        rt.ClearError();
        rt.DecRef(f);
        rt.DecRef(f);
        rt.DecRef(k);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Sets_stay_tracked_traverse_in_table_order_and_are_weakly_referenceable()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyObject* s = IntSet(rt, keys, 20);
        rt.Collect();
        Assert.True(rt.GcIsTracked(s));
        var table = new List<nint>();
        nint pos = 0;
        while (rt.SetNext(s, ref pos, out PyObject* k, out nint hash))
        {
            Assert.Equal(TestKeys.CPythonIntHash(TestKeys.IntValue(k)), (long)hash);
            table.Add((nint)k);
        }

        Assert.Equal(table, rt.GetReferents(s));
        PyObject* w = rt.NewWeakref(s, null);
        Assert.True(w != null);
        Assert.True(PyRuntime.WeakrefReferent(w) == s);
        rt.DecRef(s);
        Assert.True(PyRuntime.WeakrefReferent(w) == rt.None);
        rt.DecRef(w);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_set_in_a_cycle_is_collected()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var keys = new TestKeys(rt);
        PyTypeObject* cls = keys.NewHashableClass("Node");
        PyObject* node = rt.NewInstance(cls);
        PyObject* s = rt.NewSet((PyObject*)null);
        Assert.Equal(0, rt.SetAdd(s, node));
        Assert.True(rt.SetAttribute(node, "owner", s));
        PyObject* w = rt.NewWeakref(s, null);
        rt.DecRef(node);
        rt.DecRef(s);
        Assert.Equal(2, rt.Collect());
        Assert.True(PyRuntime.WeakrefReferent(w) == rt.None);
        rt.DecRef(w);
        rt.DecRef((PyObject*)cls);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Deeply_nested_frozensets_are_freed_through_the_trashcan()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* top = rt.NewFrozenSet((PyObject*)null);
        for (int i = 0; i < 100_000; i++)
        {
            PyObject* f = rt.NewFrozenSet([(nint)top]);
            rt.DecRef(top);
            top = f;
        }

        rt.DecRef(top);
        Assert.True(rt.MaxTrashNesting <= PyRuntime.TrashUnwindLevel);
        t.AssertNoLeaks();
    }
}
