using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Instance dicts that 3.11 keeps split on their class's cached keys: the size
/// (64 + 8 * (nentries + usable) with the GC header, python3 3.11: `class C: pass;
/// sys.getsizeof(C().__dict__)` is 296, 288 once a second instance exists), the moments they
/// turn combined, and the shared-keys record's life (freed with the last dict that uses it).
/// The conformance case sizes/instance_dict_split_lifecycle compares the same through the
/// interpreter with CPython's own output.
/// </summary>
public unsafe class SplitDictTests
{
    [Fact]
    public void A_materialised_dict_is_split_and_its_size_follows_the_class_keys()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("C");
        PyObject* a = rt.NewInstance(cls);
        PyObject* d = *rt.InstanceDictPointer(a);
        Assert.True(PyRuntime.DictIsSplit(d));
        Assert.Equal(296, rt.SizeOf(d));

        // Each new instance takes one usable entry of the class's keys: every split dict shrinks.
        PyObject* b = rt.NewInstance(cls);
        Assert.Equal(288, rt.SizeOf(d));

        // A str key added through the dict joins the class's keys (nentries + 1, usable - 1).
        SetStr(rt, d, "x", 1);
        Assert.True(PyRuntime.DictIsSplit(d));
        Assert.Equal(1, cls->SharedKeysCount);
        Assert.Equal(288, rt.SizeOf(d));
        rt.CheckDictInvariants(d);

        // The dict outlives its instance and its class: the keys now count in its size.
        PyRuntime.IncRef(d);
        rt.DecRef(a);
        rt.DecRef(b);
        rt.DecRef((PyObject*)cls);
        rt.Collect();
        Assert.Equal(288 + 768, rt.SizeOf(d));
        rt.CheckDictInvariants(d);
        rt.DecRef(d);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Non_str_keys_clear_popitem_and_a_full_keys_table_make_it_combined()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("C");
        var dicts = new List<nint>();
        for (int i = 0; i < 4; i++)
        {
            PyObject* o = rt.NewInstance(cls);
            PyObject* d = *rt.InstanceDictPointer(o);
            SetStr(rt, d, "a", 1);
            SetStr(rt, d, "b", 2);
            PyRuntime.IncRef(d);
            rt.DecRef(o);
            dicts.Add((nint)d);
        }

        // 64 + 8 * 26 with four instances made.
        Assert.Equal(272, rt.SizeOf((PyObject*)dicts[0]));

        PyObject* key = rt.NewInt(1);
        PyObject* one = rt.NewInt(1);
        Assert.Equal(0, rt.DictSetItem((PyObject*)dicts[0], key, one));
        Assert.False(PyRuntime.DictIsSplit((PyObject*)dicts[0]));
        Assert.Equal(352, rt.SizeOf((PyObject*)dicts[0])); // python3: the same steps give 352

        rt.DictClear((PyObject*)dicts[1]);
        Assert.False(PyRuntime.DictIsSplit((PyObject*)dicts[1]));
        Assert.Equal(64, rt.SizeOf((PyObject*)dicts[1]));

        Assert.Equal(0, rt.DictPrepareForPopItem((PyObject*)dicts[2]));
        Assert.False(PyRuntime.DictIsSplit((PyObject*)dicts[2]));
        Assert.Equal(64 + 768, rt.SizeOf((PyObject*)dicts[2]));

        // Fill the class's keys through the last dict until no entry is left: the next new key
        // resizes it to calculate_log2_keysize(3 * used).
        PyObject* d3 = (PyObject*)dicts[3];
        int n = 2;
        while (PyRuntime.DictIsSplit(d3))
        {
            SetStr(rt, d3, "k" + n, n);
            n++;
        }

        Assert.Equal(27, n);
        Assert.Equal(26, cls->SharedKeysCount);
        rt.CheckDictInvariants(d3);
        Assert.Equal(64 + 32 + 128 + (85 * 16), rt.SizeOf(d3));

        rt.DecRef(key);
        rt.DecRef(one);
        foreach (nint d in dicts)
        {
            rt.CheckDictInvariants((PyObject*)d);
            rt.DecRef((PyObject*)d);
        }

        rt.DecRef((PyObject*)cls);
        rt.Collect();
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Seeded sequences of stores, deletes, clears, copies, merges and new instances over two
    /// classes, checked against a plain model of each dict's items and of which dicts are
    /// still split (a combined dict never becomes split again); every split dict's size must
    /// be 64 + 8 * (names + usable) of its class, and the heap must be whole at the end.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_operations_keep_items_split_state_and_sizes_consistent(int seed)
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var rng = new Random(seed);
        PyTypeObject*[] classes = [rt.NewClass("P"), rt.NewClass("Q")];
        var dicts = new List<(nint Dict, int Cls, Dictionary<string, long> Items, bool Split)>();
        for (int step = 0; step < 3000; step++)
        {
            int op = rng.Next(100);
            if (dicts.Count == 0 || op < 8)
            {
                int c = rng.Next(2);
                PyObject* o = rt.NewInstance(classes[c]);
                PyObject* d = *rt.InstanceDictPointer(o);
                PyRuntime.IncRef(d);
                rt.DecRef(o);
                dicts.Add(((nint)d, c, new Dictionary<string, long>(), true));
                continue;
            }

            int i = rng.Next(dicts.Count);
            (nint dict, int cls, Dictionary<string, long> items, bool split) = dicts[i];
            var dp = (PyObject*)dict;
            if (op < 60)
            {
                string name = "n" + rng.Next(40);
                long v = rng.Next(1000);
                SetStr(rt, dp, name, v);
                items[name] = v;
            }
            else if (op < 75 && items.Count > 0)
            {
                string name = new List<string>(items.Keys)[rng.Next(items.Count)];
                if (name[0] == '#')
                {
                    continue;
                }

                PyObject* k = rt.NewStr(name);
                Assert.Equal(0, rt.DictDelItem(dp, k));
                rt.DecRef(k);
                items.Remove(name);
            }
            else if (op < 78)
            {
                rt.DictClear(dp);
                items.Clear();
                split = false;
            }
            else if (op < 80)
            {
                int ik = rng.Next(5);
                PyObject* k = rt.NewInt(ik);
                PyObject* v = rt.NewInt(7);
                Assert.Equal(0, rt.DictSetItem(dp, k, v));
                rt.DecRef(k);
                rt.DecRef(v);
                split = false;
                items["#" + ik] = 7;
            }
            else if (op < 85)
            {
                PyObject* copy = rt.DictCopy(dp);
                Assert.True(copy != null);
                Assert.Equal(split && items.Count > 0, PyRuntime.DictIsSplit(copy));
                dicts.Add(((nint)copy, cls, new Dictionary<string, long>(items), PyRuntime.DictIsSplit(copy)));
            }
            else if (op < 88)
            {
                PyObject* other = rt.NewDict();
                int m = rng.Next(60);
                for (int j = 0; j < m; j++)
                {
                    SetStr(rt, other, "m" + j, j);
                    items["m" + j] = j;
                }

                Assert.Equal(0, rt.DictUpdate(dp, other));
                rt.DecRef(other);
            }
            else if (op < 92)
            {
                dicts.RemoveAt(i);
                rt.DecRef(dp);
                continue;
            }

            // A combined dict never goes back to split.
            split = split && PyRuntime.DictIsSplit(dp);
            Assert.Equal(split, PyRuntime.DictIsSplit(dp));
            Assert.Equal(items.Count, (int)rt.DictSize(dp));
            rt.CheckDictInvariants(dp);
            dicts[i] = (dict, cls, items, split);
            if (split)
            {
                Assert.Equal(64 + (8 * (classes[cls]->SharedKeysCount + UsableOf(rt, dp))), rt.SizeOf(dp));
            }
        }

        foreach ((nint dict, _, Dictionary<string, long> items, _) in dicts)
        {
            foreach ((string name, long v) in items)
            {
                if (name[0] == '#')
                {
                    continue;
                }

                PyObject* k = rt.NewStr(name);
                PyObject* got = rt.DictGetItem((PyObject*)dict, k);
                rt.DecRef(k);
                Assert.True(got != null, name);
                Assert.Equal(v.ToString(System.Globalization.CultureInfo.InvariantCulture), rt.ReprString(got));
            }

            rt.DecRef((PyObject*)dict);
        }

        rt.DecRef((PyObject*)classes[0]);
        rt.DecRef((PyObject*)classes[1]);
        rt.Collect();
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    private static void SetStr(PyRuntime rt, PyObject* d, string name, long value)
    {
        PyObject* k = rt.NewStr(name);
        PyObject* v = rt.NewInt(value);
        Assert.Equal(0, rt.DictSetItem(d, k, v));
        rt.DecRef(k);
        rt.DecRef(v);
    }

    private static nint UsableOf(PyRuntime rt, PyObject* splitDict) =>
        ((Types.SharedKeysRecord*)((Types.PyDictObject*)splitDict)->Values)->Usable;
}
