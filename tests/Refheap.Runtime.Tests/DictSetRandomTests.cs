using System;
using System.Collections.Generic;
using System.Linq;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Seeded random operations on a dict and a set, checked after every step against a
/// simple .NET model (an ordered dictionary, a hash set) and the structures' invariants.
/// Keys mix str, test ints (colliding on purpose) and GC instances; values mix str, lists
/// and the dict itself, so tracking, kind changes, resizes, dummies, copies and
/// collections all happen.
/// </summary>
public unsafe class DictSetRandomTests
{
    private const int Steps = 2500;

    private static readonly long[] s_interesting = [0, -1, -2, (1L << 61) - 1, 1L << 61, long.MaxValue, long.MinValue, 1L << 32];

    private sealed record ObjKey(int Index);

    private sealed class Keys : IDisposable
    {
        private readonly PyRuntime _rt;
        private readonly TestKeys _keys;
        private readonly nint[] _objects = new nint[6];
        private readonly PyTypeObject* _class;

        public Keys(PyRuntime rt, TestKeys keys)
        {
            _rt = rt;
            _keys = keys;
            _class = keys.NewHashableClass("K");
            for (int i = 0; i < _objects.Length; i++)
            {
                _objects[i] = (nint)rt.NewInstance(_class);
            }
        }

        public static object Random(Random rng) => rng.Next(100) switch
        {
            < 35 => "s" + rng.Next(40),
            < 65 => (long)rng.Next(-30, 100),
            < 75 => s_interesting[rng.Next(s_interesting.Length)],
            < 85 => new ObjKey(rng.Next(6)),
            _ => rng.Next(20) * 64L,
        };

        /// <summary>A new reference to an object for the spec (a fresh one for str and int).</summary>
        public PyObject* Make(object spec) => spec is ObjKey o ? PyRuntime.NewRef((PyObject*)_objects[o.Index]) : _keys.FromSpec(spec);

        public object SpecOf(PyObject* o)
        {
            int i = Array.IndexOf(_objects, (nint)o);
            return i >= 0 ? new ObjKey(i) : _keys.SpecOf(o);
        }

        public void Dispose()
        {
            foreach (nint o in _objects)
            {
                _rt.DecRef((PyObject*)o);
            }

            _rt.DecRef((PyObject*)_class);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Dict_matches_an_ordered_model(int seed)
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var testKeys = new TestKeys(rt);
        var rng = new Random(seed);
        var model = new Dictionary<object, nint>();
        var order = new List<object>();
        PyObject* d = rt.NewDict();
        using (var keys = new Keys(rt, testKeys))
        {
            for (int step = 0; step < Steps; step++)
            {
                object spec = Keys.Random(rng);
                PyObject* key = keys.Make(spec);
                int op = rng.Next(100);
                if (op < 40)
                {
                    PyObject* value = op < 2 ? PyRuntime.NewRef(d) : op < 12 ? rt.NewList(0) : testKeys.MakeStr("v" + step);
                    Assert.Equal(0, rt.DictSetItem(d, key, value));
                    if (!model.ContainsKey(spec))
                    {
                        order.Add(spec);
                    }

                    model[spec] = (nint)value;
                    rt.DecRef(value);
                }
                else if (op < 62)
                {
                    bool present = model.Remove(spec);
                    Assert.Equal(present ? 0 : -1, rt.DictDelItem(d, key));
                    if (present)
                    {
                        order.Remove(spec);
                    }
                    else
                    {
                        Assert.True(rt.ErrorMatches(rt.KeyErrorType));
                        rt.ClearError();
                    }
                }
                else if (op < 75)
                {
                    Assert.Equal(model.TryGetValue(spec, out nint v) ? v : 0, (nint)rt.DictGetItem(d, key));
                }
                else if (op < 82)
                {
                    Assert.Equal(model.ContainsKey(spec) ? 1 : 0, rt.DictContains(d, key));
                }
                else if (op < 88)
                {
                    PyObject* popped = rt.DictPop(d, key, rt.None);
                    Assert.Equal(model.TryGetValue(spec, out nint v) ? v : (nint)rt.None, (nint)popped);
                    if (model.Remove(spec))
                    {
                        order.Remove(spec);
                    }

                    rt.DecRef(popped);
                }
                else if (op < 92)
                {
                    PyObject* copy = op < 90 ? rt.DictCopy(d) : rt.NewDict();
                    if (op >= 90)
                    {
                        Assert.Equal(0, rt.DictUpdate(copy, d));
                    }

                    rt.CheckDictInvariants(copy);
                    rt.DecRef(d);
                    d = copy;
                }
                else if (op < 93)
                {
                    rt.DictClear(d);
                    model.Clear();
                    order.Clear();
                }
                else if (op < 95)
                {
                    rt.Collect(op - 93 == 0 ? 0 : 2);
                    rt.CheckGcInvariants();
                }

                rt.DecRef(key);
                rt.CheckDictInvariants(d);
                Assert.Equal(model.Count, rt.DictSize(d));
                if (step % 20 == 0 || step == Steps - 1)
                {
                    var actualKeys = new List<object>();
                    var actualValues = new List<nint>();
                    nint pos = 0;
                    while (rt.DictNext(d, ref pos, out PyObject* k, out PyObject* v))
                    {
                        actualKeys.Add(keys.SpecOf(k));
                        actualValues.Add((nint)v);
                    }

                    Assert.Equal(order, actualKeys);
                    Assert.Equal(order.Select(k => model[k]), actualValues);
                }
            }

            rt.DecRef(d);
        }

        rt.Collect();
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Set_matches_a_hash_set_model(int seed)
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var testKeys = new TestKeys(rt);
        var rng = new Random(seed);
        var model = new HashSet<object>();
        PyObject* s = rt.NewSet((PyObject*)null);
        using (var keys = new Keys(rt, testKeys))
        {
            for (int step = 0; step < Steps; step++)
            {
                object spec = Keys.Random(rng);
                PyObject* key = keys.Make(spec);
                int op = rng.Next(100);
                if (op < 45)
                {
                    Assert.Equal(0, rt.SetAdd(s, key));
                    model.Add(spec);
                }
                else if (op < 75)
                {
                    Assert.Equal(model.Remove(spec) ? 1 : 0, rt.SetDiscard(s, key));
                }
                else if (op < 90)
                {
                    Assert.Equal(model.Contains(spec) ? 1 : 0, rt.SetContains(s, key));
                }
                else if (op < 93)
                {
                    PyObject* copy = rt.NewSet(s);
                    rt.CheckSetInvariants(copy);
                    rt.DecRef(s);
                    s = copy;
                }
                else if (op < 96)
                {
                    CheckFrozenSnapshot(rt, keys, s, model);
                }
                else if (op < 97)
                {
                    Assert.Equal(0, rt.SetClear(s));
                    model.Clear();
                }
                else if (op < 98)
                {
                    rt.Collect(rng.Next(3));
                    rt.CheckGcInvariants();
                }

                rt.DecRef(key);
                rt.CheckSetInvariants(s);
                Assert.Equal(model.Count, rt.SetSize(s));
                if (step % 20 == 0 || step == Steps - 1)
                {
                    var seen = new List<object>();
                    nint pos = 0;
                    while (rt.SetNext(s, ref pos, out PyObject* k, out _))
                    {
                        seen.Add(keys.SpecOf(k));
                    }

                    Assert.Equal(model.Count, seen.Count);
                    Assert.True(model.SetEquals(seen));
                }
            }

            rt.DecRef(s);
        }

        rt.Collect();
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>A frozenset of the set and one built from the model in another order are equal and hash alike.</summary>
    private static void CheckFrozenSnapshot(PyRuntime rt, Keys keys, PyObject* s, HashSet<object> model)
    {
        PyObject* a = rt.NewFrozenSet(s);
        var items = model.Reverse().Select(spec => (nint)keys.Make(spec)).ToArray();
        PyObject* b = rt.NewFrozenSet(items);
        foreach (nint item in items)
        {
            rt.DecRef((PyObject*)item);
        }

        rt.CheckSetInvariants(a);
        rt.CheckSetInvariants(b);
        Assert.Equal(rt.ObjectHash(a), rt.ObjectHash(b));
        Assert.Equal(1, rt.ObjectRichCompareBool(a, b, CompareOp.Eq));
        rt.CheckSetInvariants(a);
        rt.DecRef(a);
        rt.DecRef(b);
    }
}
