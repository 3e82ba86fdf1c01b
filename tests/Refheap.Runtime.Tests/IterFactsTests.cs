using System.Collections.Generic;
using System.Linq;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The builtin iterators and dict views against the facts eng/record-iter-facts recorded from
/// CPython 3.11 (Data/cpython311-iter-facts.tsv): names, sizes, GC flag and tracking,
/// exhaustion, the mutation errors, the item tuple reuse, a cycle through an iterator.
/// </summary>
public unsafe class IterFactsTests
{
    private static List<string[]> Facts(string kind) =>
        RecordedData.Rows("cpython311-iter-facts.tsv").Where(r => r[0] == kind).ToList();

    /// <summary>The container of a recorded case (a new reference).</summary>
    internal static PyObject* MakeContainer(PyRuntime rt, string name)
    {
        PyObject* one = rt.Must(rt.NewInt(1));
        PyObject* two = rt.Must(rt.NewInt(2));
        try
        {
            switch (name)
            {
                case "list":
                case "list_reversed":
                    return rt.ListOf(one, two);
                case "tuple":
                {
                    PyObject* inner = rt.ListOf(two);
                    PyObject* t = rt.TupleOf(one, inner);
                    rt.DecRef(inner);
                    return t;
                }

                case "str_ascii":
                    return rt.StrObj("abc");
                case "str_latin1":
                    return rt.StrObj("\u00e9t\u00e9");
                case "str_ucs2":
                    return rt.StrObj("\u20ac");
                case "bytes":
                    return rt.Must(rt.NewBytes("ab"u8));
                case "set":
                    return rt.Must(rt.NewSet((nint)one, (nint)two));
                case "frozenset":
                    return rt.Must(rt.NewFrozenSet((nint)one, (nint)two));
                default:
                {
                    // dict, dict_keys, dict_values, dict_items, view_*: {1: 2}
                    PyObject* d = rt.Must(rt.NewDict());
                    Assert.Equal(0, rt.DictSetItem(d, one, two));
                    return d;
                }
            }
        }
        finally
        {
            rt.DecRef(one);
            rt.DecRef(two);
        }
    }

    /// <summary>The object of a recorded case: the iterator or view over <paramref name="c"/> (a new reference).</summary>
    internal static PyObject* MakeCaseObject(PyRuntime rt, string name, PyObject* c) => name switch
    {
        "list_reversed" => rt.Must(rt.ListReversed(c)),
        "dict_keys" => Through(rt, rt.Must(rt.DictKeysView(c))),
        "dict_values" => Through(rt, rt.Must(rt.DictValuesView(c))),
        "dict_items" => Through(rt, rt.Must(rt.DictItemsView(c))),
        "view_keys" => rt.Must(rt.DictKeysView(c)),
        "view_values" => rt.Must(rt.DictValuesView(c)),
        "view_items" => rt.Must(rt.DictItemsView(c)),
        _ => rt.Must(rt.GetIter(c)),
    };

    /// <summary>iter(view), releasing the view.</summary>
    private static PyObject* Through(PyRuntime rt, PyObject* view)
    {
        PyObject* it = rt.Must(rt.GetIter(view));
        rt.DecRef(view);
        return it;
    }

    /// <summary>Runs the iterator to exhaustion; the error, if one was raised, is returned as (type, message).</summary>
    internal static (string Type, string Message)? Drain(PyRuntime rt, PyObject* it, List<nint>? items = null)
    {
        while (true)
        {
            PyObject* x = rt.IterNext(it);
            if (x == null)
            {
                if (!rt.ErrorOccurred)
                {
                    return null;
                }

                PyException e = rt.TakeErrorAsException();
                return (e.PythonType, e.PythonMessage);
            }

            items?.Add((nint)x);
            rt.DecRef(x);
        }
    }

    [Fact]
    public void Names_sizes_gc_flag_and_tracking_match_CPython()
    {
        List<string[]> rows = Facts("iter");
        Assert.Equal(16, rows.Count);
        foreach (string[] r in rows)
        {
            using var t = new TestRuntime();
            PyRuntime rt = t.Runtime;
            PyObject* c = MakeContainer(rt, r[1]);
            PyObject* o = MakeCaseObject(rt, r[1], c);
            Assert.True(r[2] == rt.TypeName(o), $"{r[1]}: type {rt.TypeName(o)}, CPython {r[2]}");
            Assert.True(RecordedData.Long(r[3]) == rt.SizeOf(o), $"{r[1]}: getsizeof {rt.SizeOf(o)}, CPython {r[3]}");
            Assert.Equal(RecordedData.Long(r[4]), (long)o->Type->BasicSize);
            Assert.Equal(r[5] == "1", (o->Type->Flags & TypeFlags.HaveGc) != 0);
            Assert.Equal(r[6] == "1", rt.GcIsTracked(o));
            rt.DecRef(o);
            rt.DecRef(c);
            t.AssertNoLeaks();
        }
    }

    [Fact]
    public void Native_layouts_have_CPython_sizes()
    {
        Assert.Equal(32, sizeof(PySeqIterObject));
        Assert.Equal(48, sizeof(PySetIterObject));
        Assert.Equal(56, sizeof(PyDictIterObject));
        Assert.Equal(24, sizeof(PyDictViewObject));
    }

    [Fact]
    public void Exhaustion_drops_the_container_as_CPython_does()
    {
        foreach (string[] r in Facts("exhaust"))
        {
            using var t = new TestRuntime();
            PyRuntime rt = t.Runtime;
            PyObject* c = MakeContainer(rt, r[1]);
            PyObject* o = MakeCaseObject(rt, r[1], c);
            nint before = c->RefCount;
            Assert.True(RecordedData.Long(r[2]) == rt.GetReferents(o).Count, $"{r[1]} before");
            Assert.Null(Drain(rt, o));
            Assert.True(RecordedData.Long(r[3]) == rt.GetReferents(o).Count, $"{r[1]} after");
            Assert.Equal(before - 1, c->RefCount);
            Assert.True(rt.IterNext(o) == null && !rt.ErrorOccurred, $"{r[1]} stays exhausted");
            Assert.Equal(0, rt.IterLengthHint(o));
            rt.DecRef(o);
            rt.DecRef(c);
            t.AssertNoLeaks();
        }
    }

    [Fact]
    public void Mutation_errors_have_CPythons_exact_text()
    {
        Dictionary<string, string[]> rows = Facts("error").ToDictionary(r => r[1]);
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* n1 = rt.Must(rt.NewInt(1));
        PyObject* n2 = rt.Must(rt.NewInt(2));
        PyObject* n3 = rt.Must(rt.NewInt(3));
        PyObject* n5 = rt.Must(rt.NewInt(5));

        // set_grow: for x in s: s.add(3)
        PyObject* s = rt.Must(rt.NewSet((nint)n1, (nint)n2));
        PyObject* it = rt.Must(rt.GetIter(s));
        PyObject* x = rt.Must(rt.IterNext(it));
        rt.DecRef(x);
        Assert.Equal(0, rt.SetAdd(s, n3));
        Expect(rows["set_grow"], Drain(rt, it));
        rt.DecRef(it);
        rt.DecRef(s);

        // set_same_size: one out, one in, no error.
        s = rt.Must(rt.NewSet((nint)n1, (nint)n2));
        it = rt.Must(rt.GetIter(s));
        rt.DecRef(rt.Must(rt.IterNext(it)));
        Assert.Equal(1, rt.SetDiscard(s, n2));
        Assert.Equal(0, rt.SetAdd(s, n5));
        Expect(rows["set_same_size"], Drain(rt, it));
        rt.DecRef(it);
        rt.DecRef(s);

        // dict_grow, dict_values_grow, dict_items_grow: d[2] = 2 inside the loop.
        foreach ((string name, int kind) in new[] { ("dict_grow", 0), ("dict_values_grow", 1), ("dict_items_grow", 2) })
        {
            PyObject* d = rt.Must(rt.NewDict());
            Assert.Equal(0, rt.DictSetItem(d, n1, n1));
            it = MakeCaseObject(rt, kind switch { 0 => "dict", 1 => "dict_values", _ => "dict_items" }, d);
            rt.DecRef(rt.Must(rt.IterNext(it)));
            Assert.Equal(0, rt.DictSetItem(d, n2, n2));
            Expect(rows[name], Drain(rt, it));
            rt.DecRef(it);
            rt.DecRef(d);
        }

        // dict_keys_changed: same size, different keys.
        PyObject* d2 = rt.Must(rt.NewDict());
        Assert.Equal(0, rt.DictSetItem(d2, n1, n1));
        Assert.Equal(0, rt.DictSetItem(d2, n2, n2));
        it = rt.Must(rt.GetIter(d2));
        rt.DecRef(rt.Must(rt.IterNext(it)));
        Assert.Equal(0, rt.DictDelItem(d2, n1));
        Assert.Equal(0, rt.DictSetItem(d2, n3, n3));
        Expect(rows["dict_keys_changed"], Drain(rt, it));
        Assert.Empty(rt.GetReferents(it));
        rt.DecRef(it);
        rt.DecRef(d2);

        rt.DecRef(n1);
        rt.DecRef(n2);
        rt.DecRef(n3);
        rt.DecRef(n5);
        t.AssertNoLeaks();
    }

    private static void Expect(string[] row, (string Type, string Message)? got)
    {
        if (row[2] == "-")
        {
            Assert.Null(got);
            return;
        }

        Assert.NotNull(got);
        Assert.Equal(row[2], got.Value.Type);
        Assert.Equal(row[3], got.Value.Message);
    }

    [Fact]
    public void After_a_size_change_error_the_iterator_keeps_its_container_and_fails_again()
    {
        foreach (string[] r in Facts("after_error"))
        {
            using var t = new TestRuntime();
            PyRuntime rt = t.Runtime;
            PyObject* n1 = rt.Must(rt.NewInt(1));
            PyObject* n2 = rt.Must(rt.NewInt(2));
            PyObject* n3 = rt.Must(rt.NewInt(3));
            PyObject* c;
            if (r[1] == "set")
            {
                c = rt.Must(rt.NewSet((nint)n1, (nint)n2));
            }
            else
            {
                c = rt.Must(rt.NewDict());
                Assert.Equal(0, rt.DictSetItem(c, n1, n1));
            }

            PyObject* it = rt.Must(rt.GetIter(c));
            Assert.Equal(0, r[1] == "set" ? rt.SetAdd(c, n3) : rt.DictSetItem(c, n2, n2));
            Assert.True(rt.IterNext(it) == null && rt.ErrorOccurred);
            rt.ClearError();
            Assert.Equal(RecordedData.Long(r[2]), rt.GetReferents(it).Count);
            PyObject* again = rt.IterNext(it);
            Assert.True(again == null);
            Assert.Equal(r[3] == "RuntimeError", rt.ErrorMatches(rt.RuntimeErrorType));
            rt.ClearError();
            rt.DecRef(it);
            rt.DecRef(c);
            rt.DecRef(n1);
            rt.DecRef(n2);
            rt.DecRef(n3);
            t.AssertNoLeaks();
        }
    }

    [Fact]
    public void Item_iterator_reuses_its_result_tuple_when_nobody_else_holds_it()
    {
        Dictionary<string, string[]> rows = Facts("items_reuse").ToDictionary(r => r[1]);
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* d = rt.Must(rt.NewDict());
        for (int i = 1; i <= 5; i += 2)
        {
            PyObject* k = rt.Must(rt.NewInt(i));
            PyObject* v = rt.Must(rt.NewInt(i + 1));
            Assert.Equal(0, rt.DictSetItem(d, k, v));
            rt.DecRef(k);
            rt.DecRef(v);
        }

        PyObject* view = rt.Must(rt.DictItemsView(d));
        PyObject* it = rt.Must(rt.GetIter(view));
        PyObject* a = rt.Must(rt.IterNext(it));
        nint ida = (nint)a;
        rt.DecRef(a);
        int count0 = rt.Count0();
        PyObject* b = rt.Must(rt.IterNext(it));
        Assert.Equal(rows["same_id_after_release"][2] == "1", (nint)b == ida);
        Assert.Equal(count0, rt.Count0());
        Assert.Equal(3, (int)RecordedDataInt(PyRuntime.TupleItems(b)[0]));
        Assert.Equal(4, (int)RecordedDataInt(PyRuntime.TupleItems(b)[1]));
        PyObject* c = rt.Must(rt.IterNext(it));
        Assert.Equal(rows["new_tuple_while_held"][2] == "1", c != b);
        Assert.Equal(rows["result_tracked"][2] == "1", rt.GcIsTracked(c));
        Assert.Equal(5, (int)RecordedDataInt(PyRuntime.TupleItems(c)[0]));
        rt.DecRef(b);
        rt.DecRef(c);
        rt.DecRef(it);

        PyObject* fresh = rt.Must(rt.GetIter(view));
        Assert.Equal(RecordedData.Long(rows["fresh_iter_referents"][2]), rt.GetReferents(fresh).Count);
        PyObject* keysIt = rt.Must(rt.GetIter(d));
        Assert.Equal(RecordedData.Long(rows["key_iter_referents"][2]), rt.GetReferents(keysIt).Count);
        rt.DecRef(fresh);
        rt.DecRef(keysIt);
        rt.DecRef(view);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void The_reused_tuple_is_tracked_again_after_a_collection_untracked_it()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* d = rt.Must(rt.NewDict());
        for (int i = 0; i < 3; i++)
        {
            PyObject* k = rt.Must(rt.NewInt(i));
            Assert.Equal(0, rt.DictSetItem(d, k, k));
            rt.DecRef(k);
        }

        PyObject* it = MakeCaseObject(rt, "dict_items", d);
        rt.DecRef(rt.Must(rt.IterNext(it)));
        PyObject* result = ((PyDictIterObject*)it)->Result;
        rt.Collect();
        Assert.False(rt.GcIsTracked(result));
        PyObject* b = rt.Must(rt.IterNext(it));
        Assert.True(b == result);
        Assert.True(rt.GcIsTracked(b));
        rt.DecRef(b);
        rt.DecRef(it);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_cycle_list_iterator_list_is_collected()
    {
        string[] row = Facts("cycle").Single(r => r[1] == "list_iter");
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyObject* l = rt.Must(rt.NewList(0));
        PyObject* it = rt.Must(rt.GetIter(l));
        rt.Append(l, it);
        rt.DecRef(it);
        Assert.Equal((nint)l, Assert.Single(rt.GetReferents(it)));
        Assert.Contains((nint)it, rt.GetReferrers(l));
        rt.DecRef(l);
        Assert.Equal(RecordedData.Long(row[2]), rt.Collect());
        t.AssertNoLeaks();
    }

    private static long RecordedDataInt(PyObject* o)
    {
        Assert.True(PyRuntime.TryIntToLong(o, out long v));
        return v;
    }
}
