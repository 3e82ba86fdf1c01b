using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>Iteration orders equal the containers' own orders; iter() of an iterator; non-iterables; length hints.</summary>
public unsafe class IterOrderTests
{
    private static readonly string[] StrKeys = ["z", "a", "m", "b"];

    private static long Recorded(string cycleCase)
    {
        foreach (string[] r in RecordedData.Rows("cpython311-iter-facts.tsv"))
        {
            if (r[0] == "cycle" && r[1] == cycleCase)
            {
                return RecordedData.Long(r[2]);
            }
        }

        throw new KeyNotFoundException(cycleCase);
    }

    private static List<nint> Items(PyRuntime rt, PyObject* it)
    {
        var items = new List<nint>();
        Assert.Null(IterFactsTests.Drain(rt, it, items));
        return items;
    }

    [Fact]
    public void List_tuple_and_reversed_list_give_their_items_in_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* l = rt.Must(rt.NewList(0));
        for (int i = 0; i < 50; i++)
        {
            PyObject* n = rt.Must(rt.NewInt(i * 1000));
            rt.Append(l, n);
            rt.DecRef(n);
        }

        var expected = new List<nint>();
        for (int i = 0; i < 50; i++)
        {
            expected.Add((nint)PyRuntime.ListItems(l)[i]);
        }

        PyObject* it = rt.Must(rt.GetIter(l));
        Assert.Equal(50, rt.IterLengthHint(it));
        Assert.Equal(expected, Items(rt, it));
        rt.DecRef(it);

        PyObject* rev = rt.Must(rt.ListReversed(l));
        Assert.Equal(50, rt.IterLengthHint(rev));
        var reversed = new List<nint>(expected);
        reversed.Reverse();
        Assert.Equal(reversed, Items(rt, rev));
        Assert.Equal(-1, ((Types.PySeqIterObject*)rev)->Index);
        rt.DecRef(rev);

        var addresses = expected.ToArray();
        PyObject* tup = rt.Must(rt.NewTuple(addresses));
        it = rt.Must(rt.GetIter(tup));
        Assert.Equal(expected, Items(rt, it));
        rt.DecRef(it);
        rt.DecRef(tup);
        rt.DecRef(l);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_list_iterator_sees_appends_made_while_it_runs()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* l = rt.ListOf(rt.None);
        PyObject* it = rt.Must(rt.GetIter(l));
        int n = 0;
        while (true)
        {
            PyObject* x = rt.IterNext(it);
            if (x == null)
            {
                break;
            }

            rt.DecRef(x);
            if (++n < 5)
            {
                rt.Append(l, rt.None);
            }
        }

        Assert.False(rt.ErrorOccurred);
        Assert.Equal(5, n);
        rt.DecRef(it);
        rt.DecRef(l);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Str_iterators_give_one_character_strs_cached_below_256()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (string text in new[] { "", "abc", "h\u00e9llo", "\u20ac\u00e9a", "x\U0001F600y" })
        {
            PyObject* s = rt.StrObj(text);
            PyObject* it = rt.Must(rt.GetIter(s));
            Assert.Equal(text.Length == 0 || text == "abc" ? "str_ascii_iterator" : "str_iterator", rt.TypeName(it));
            var got = new List<string>();
            var firsts = new List<nint>();
            while (true)
            {
                PyObject* c = rt.IterNext(it);
                if (c == null)
                {
                    break;
                }

                got.Add(PyRuntime.StrToString(c));
                firsts.Add((nint)c);
                rt.DecRef(c);
            }

            Assert.False(rt.ErrorOccurred);
            var expected = new List<string>();
            for (int i = 0; i < text.Length; i++)
            {
                expected.Add(char.IsHighSurrogate(text[i]) ? text.Substring(i++, 2) : text[i].ToString());
            }

            Assert.Equal(expected, got);
            rt.DecRef(it);
            rt.DecRef(s);
        }

        // Characters below 256 are the cached singletons: iterating twice gives the same objects.
        PyObject* s2 = rt.StrObj("\u00e9\u00e9");
        PyObject* it2 = rt.Must(rt.GetIter(s2));
        PyObject* c1 = rt.Must(rt.IterNext(it2));
        PyObject* c2 = rt.Must(rt.IterNext(it2));
        Assert.True(c1 == c2);
        rt.DecRef(c1);
        rt.DecRef(c2);
        rt.DecRef(it2);
        rt.DecRef(s2);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytes_and_bytearray_iterators_give_small_ints()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* b = rt.Must(rt.NewBytes(new byte[] { 0, 7, 255 }));
        PyObject* it = rt.Must(rt.GetIter(b));
        Assert.Equal("bytes_iterator", rt.TypeName(it));
        List<nint> items = Items(rt, it);
        Assert.Equal(3, items.Count);
        long[] values = [0, 7, 255];
        for (int i = 0; i < 3; i++)
        {
            Assert.True(rt.IsSmallIntSingleton((PyObject*)items[i]));
            Assert.True(PyRuntime.TryIntToLong((PyObject*)items[i], out long v));
            Assert.Equal(values[i], v);
        }

        rt.DecRef(it);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Set_and_dict_iterators_follow_the_tables_own_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* s = rt.Must(rt.NewSet((PyObject*)null));
        PyObject* d = rt.Must(rt.NewDict());
        for (int i = 0; i < 40; i++)
        {
            PyObject* k = rt.Must(rt.NewInt((i * 7919) % 1009));
            PyObject* v = rt.Must(rt.NewInt(-i));
            Assert.Equal(0, rt.SetAdd(s, k));
            Assert.Equal(0, rt.DictSetItem(d, k, v));
            rt.DecRef(k);
            rt.DecRef(v);
        }

        // Holes: deleted entries are skipped.
        for (int i = 0; i < 40; i += 3)
        {
            PyObject* k = rt.Must(rt.NewInt((i * 7919) % 1009));
            Assert.Equal(1, rt.SetDiscard(s, k));
            Assert.Equal(0, rt.DictDelItem(d, k));
            rt.DecRef(k);
        }

        var setOrder = new List<nint>();
        nint pos = 0;
        while (rt.SetNext(s, ref pos, out PyObject* key, out _))
        {
            setOrder.Add((nint)key);
        }

        PyObject* it = rt.Must(rt.GetIter(s));
        Assert.Equal(setOrder.Count, rt.IterLengthHint(it));
        Assert.Equal(setOrder, Items(rt, it));
        rt.DecRef(it);

        var keys = new List<nint>();
        var values = new List<nint>();
        pos = 0;
        while (rt.DictNext(d, ref pos, out PyObject* key, out PyObject* value))
        {
            keys.Add((nint)key);
            values.Add((nint)value);
        }

        it = rt.Must(rt.GetIter(d));
        Assert.Equal("dict_keyiterator", rt.TypeName(it));
        Assert.Equal(keys, Items(rt, it));
        rt.DecRef(it);

        PyObject* vv = rt.Must(rt.DictValuesView(d));
        Assert.Equal(keys.Count, rt.DictViewLength(vv));
        it = rt.Must(rt.GetIter(vv));
        Assert.Equal(values, Items(rt, it));
        rt.DecRef(it);
        rt.DecRef(vv);

        PyObject* iv = rt.Must(rt.DictItemsView(d));
        it = rt.Must(rt.GetIter(iv));
        for (int i = 0; i < keys.Count; i++)
        {
            PyObject* pair = rt.Must(rt.IterNext(it));
            Assert.Equal(keys[i], (nint)PyRuntime.TupleItems(pair)[0]);
            Assert.Equal(values[i], (nint)PyRuntime.TupleItems(pair)[1]);
            rt.DecRef(pair);
        }

        Assert.True(rt.IterNext(it) == null && !rt.ErrorOccurred);
        rt.DecRef(it);
        rt.DecRef(iv);

        // A str-keyed (unicode) table too.
        PyObject* sd = rt.Must(rt.NewDict());
        foreach (string k in StrKeys)
        {
            PyObject* ks = rt.StrObj(k);
            Assert.Equal(0, rt.DictSetItem(sd, ks, ks));
            rt.DecRef(ks);
        }

        PyObject* kv = rt.Must(rt.DictKeysView(sd));
        it = rt.Must(rt.GetIter(kv));
        var names = new List<string>();
        foreach (nint k in Items(rt, it))
        {
            names.Add(PyRuntime.StrToString((PyObject*)k));
        }

        Assert.Equal(StrKeys, names);
        rt.DecRef(it);
        rt.DecRef(kv);
        rt.DecRef(sd);
        rt.DecRef(d);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Iter_of_an_iterator_is_itself_and_non_iterables_raise_TypeError()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* l = rt.ListOf();
        PyObject* it = rt.Must(rt.GetIter(l));
        PyObject* again = rt.Must(rt.GetIter(it));
        Assert.True(again == it);
        rt.DecRef(again);

        PyObject* n = rt.Must(rt.NewInt(5));
        Assert.True(rt.GetIter(n) == null);
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("'int' object is not iterable", e.PythonMessage);

        Assert.True(rt.IterNext(l) == null);
        e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("'list' object is not an iterator", e.PythonMessage);

        Assert.True(rt.DictKeysView(l) == null);
        Assert.True(rt.ErrorMatches(rt.SystemErrorType));
        rt.ClearError();

        rt.DecRef(n);
        rt.DecRef(it);
        rt.DecRef(l);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Views_and_iterators_reference_their_dict_and_cycles_through_them_are_collected()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyObject* d = rt.Must(rt.NewDict());
        PyObject* view = rt.Must(rt.DictItemsView(d));
        Assert.Equal((nint)d, Assert.Single(rt.GetReferents(view)));
        PyObject* key = rt.StrObj("v");
        Assert.Equal(0, rt.DictSetItem(d, key, view));
        PyObject* it = rt.Must(rt.GetIter(view));
        PyObject* key2 = rt.StrObj("it");
        Assert.Equal(0, rt.DictSetItem(d, key2, it));
        rt.DecRef(key);
        rt.DecRef(key2);
        rt.DecRef(view);
        rt.DecRef(it);
        rt.DecRef(d);

        // d, the view, the iterator and its (None, None) result tuple.
        Assert.Equal(Recorded("dict_view_and_item_iter"), rt.Collect());

        PyObject* s = rt.Must(rt.NewSet((PyObject*)null));
        PyObject* l = rt.ListOf(s);
        PyObject* sit = rt.Must(rt.GetIter(s));
        rt.Append(l, sit);
        rt.DecRef(sit);
        PyObject* sitRef = rt.Must(rt.GetIter(l));
        rt.Append(l, sitRef);
        rt.DecRef(sitRef);
        rt.DecRef(s);
        rt.DecRef(l);
        Assert.Equal(Recorded("set_iter_and_list_iter"), rt.Collect());
        t.AssertNoLeaks();
    }
}
