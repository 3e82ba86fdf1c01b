using System;
using System.Collections.Generic;
using System.Globalization;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe partial class GcFactsTests
{
    /// <summary>
    /// Data/gc/freelists.py. The script reads the free-list lengths from
    /// sys._debugmallocstats() and subtracts the block of its own int from each
    /// sys.getallocatedblocks() difference; here the lengths and the block count are read
    /// directly.
    /// </summary>
    [Fact]
    public void Free_lists()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        var results = new List<(string Label, long? Blocks, string FreeLists)>();
        string FreeLists() => string.Create(CultureInfo.InvariantCulture,
            $"list {rt.ListFreeCount}, 17-tuple {rt.TupleFreeCount(17)}, 19-tuple {rt.TupleFreeCount(19)}, 20-tuple {rt.TupleFreeCount(20)}");
        void Measure(string label, Action action, bool blocks = true)
        {
            long before = rt.Allocator.GetAllocatedBlocks();
            action();
            long after = rt.Allocator.GetAllocatedBlocks();
            results.Add((label, blocks ? after - before : null, FreeLists()));
        }

        PyObject* s = rt.StrObj("s");
        PyObject* keep = rt.NoneList(100);
        PyObject* many = rt.NoneList(2100);
        void MakeTuples(int size, PyObject* into)
        {
            for (int i = 0; i < PyRuntime.ListSize(into); i++)
            {
                PyObject* tuple = rt.Must(rt.NewTuple(size));
                for (int k = 0; k < size; k++)
                {
                    PyRuntime.TupleItems(tuple)[k] = PyRuntime.NewRef(s);
                }

                rt.ListSetSteal(into, i, tuple);
            }
        }

        void MakeLists()
        {
            for (int i = 0; i < 100; i++)
            {
                rt.ListSetSteal(keep, i, rt.ListOf());
            }
        }

        void DropAll(PyObject* from)
        {
            for (int i = 0; i < PyRuntime.ListSize(from); i++)
            {
                rt.ListSetSteal(from, i, rt.NoneRef());
            }
        }

        void Drop() => DropAll(keep);

        rt.Collect();
        results.Add(("after a full collection", null, FreeLists()));
        Measure("100 new 20-tuples", () => MakeTuples(20, keep));
        Measure("dropped", Drop);
        Measure("100 more 20-tuples (none reused)", () => MakeTuples(20, keep));
        Measure("dropped", Drop);
        Measure("100 new 19-tuples", () => MakeTuples(19, keep));
        Measure("dropped", Drop);
        Measure("100 more 19-tuples (all reused)", () => MakeTuples(19, keep));
        Measure("dropped", Drop);
        Measure("100 new lists", MakeLists);
        Measure("dropped (80 kept)", Drop);
        Measure("100 more lists (80 reused)", MakeLists);
        Measure("dropped", Drop);
        Measure("2100 new 17-tuples", () => MakeTuples(17, many));
        Measure("dropped (2000 kept)", () => DropAll(many));
        Measure("collect(0)", () => rt.Collect(0));
        Measure("collect(1)", () => rt.Collect(1));
        Measure("full collection", () => rt.Collect(), blocks: false);
        foreach ((string label, long? blocks, string freeLists) in results)
        {
            o.Print(blocks is long b
                ? label + ": blocks " + PyText.Signed(b) + "; free lists: " + freeLists
                : label + ": free lists: " + freeLists);
        }

        o.AssertMatchesRecording("freelists");
        rt.Del(s, keep, many);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Data/gc/free_list_reuse.py, with the collector's invariants checked after every step:
    /// a container that a collection freed onto a free list must come back without any
    /// collection-time flag (CPython's _PyObject_GC_UNTRACK keeps only FINALIZED).
    /// </summary>
    [Fact]
    public void Free_list_reuse()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");

        PyObject* s = rt.StrObj("s");
        PyObject* l = rt.ListOf();
        rt.Append(l, l);
        PyObject* inst = rt.NewInstance(classA);
        PyObject* pair = rt.TupleOf(inst, s);
        rt.Set(inst, "pair", pair);
        rt.Del(pair, l, inst);
        o.Print("collect(0):", rt.Collect(0));
        rt.AssertValid();
        PyObject* x = rt.ListOf();
        PyObject* y = rt.TupleOf(s, x);
        o.Print("reused list and tuple tracked:", rt.GcIsTracked(x), rt.GcIsTracked(y));
        rt.AssertValid();
        o.Print("collect(0):", rt.Collect(0));
        rt.AssertValid();
        rt.Freeze();
        PyObject* z = rt.ListOf(x, y);
        o.Print("frozen; collect(0) with a young referrer:", rt.Collect(0));
        rt.AssertValid();
        o.Print("collect():", rt.Collect());
        rt.AssertValid();
        rt.Unfreeze();
        o.Print("unfrozen; collect():", rt.Collect());
        rt.AssertValid();
        rt.Del(x, y);
        o.Print("referrer holds", PyRuntime.ListSize(z), "items; collect():", rt.Collect());
        rt.AssertValid();
        rt.ListClear(z);
        o.Print("freed; collect():", rt.Collect());
        rt.AssertValid();

        o.AssertMatchesRecording("free_list_reuse");
        rt.Del(s, z);
        rt.DelClass(classA);
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/dealloc.py.</summary>
    [Fact]
    public void Dealloc()
    {
        const int Depth = 1_000_000;
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        rt.Collect();
        var log = new List<string>();
        PyTypeObject* classD = rt.NewClass("D");
        PyTypeObject* classNode = rt.NewClass("Node");
        rt.SetDel(classD, self => log.Add(rt.GetStr((PyObject*)self, "name")));

        PyObject* a = rt.Named(classD, "a");
        PyObject* b = rt.Named(classD, "b");
        PyObject* c = rt.Named(classD, "c");
        PyObject* l = rt.ListOf(a, b, c);
        rt.Del(a, b, c);
        rt.Del(l);
        o.Print("list items:", PyText.ListRepr(log));
        log.Clear();

        a = rt.Named(classD, "a");
        b = rt.Named(classD, "b");
        c = rt.Named(classD, "c");
        PyObject* tup = rt.TupleOf(a, b, c);
        rt.Del(a, b, c);
        rt.Del(tup);
        o.Print("tuple items:", PyText.ListRepr(log));
        log.Clear();

        PyObject* holder = rt.NewInstance(classNode);
        foreach ((string attr, string name) in new[] { ("first", "a"), ("second", "b"), ("third", "c") })
        {
            PyObject* v = rt.Named(classD, name);
            rt.Set(holder, attr, v);
            rt.Del(v);
        }

        rt.Del(holder);
        o.Print("instance attributes:", PyText.ListRepr(log));
        log.Clear();

        PyObject* first = rt.Named(classD, "outer");
        PyObject* outer = rt.ListOf(first);
        PyObject* ia = rt.Named(classD, "inner a");
        PyObject* ib = rt.Named(classD, "inner b");
        PyObject* inner = rt.ListOf(ia, ib);
        rt.Append(outer, inner);
        PyObject* last = rt.Named(classD, "last");
        rt.Append(outer, last);
        rt.Del(first, ia, ib, inner, last);
        rt.Del(outer);
        o.Print("nested lists:", PyText.ListRepr(log));
        log.Clear();

        PyObject* head = rt.NoneRef();
        for (int i = 119; i >= 0; i--)
        {
            PyObject* node = rt.Named(classD, string.Create(CultureInfo.InvariantCulture, $"s{i}"));
            PyObject* leaf = rt.Named(classD, string.Create(CultureInfo.InvariantCulture, $"l{i}"));
            rt.Set(node, "leaf", leaf);
            rt.Set(node, "next", head);
            rt.Del(leaf, head);
            head = node;
        }

        rt.Del(head);
        o.Print("spine with leaves, dealloc order:");
        for (int k = 0; k < log.Count; k += 20)
        {
            o.Print(" ", string.Join(" ", log.GetRange(k, Math.Min(20, log.Count - k))));
        }

        log.Clear();

        var runs = new List<int>();
        PyObject* keep = rt.ListOf();
        PyTypeObject* classOnce = rt.NewClass("Once");
        rt.SetDel(classOnce, self =>
        {
            runs[^1]++;
            if (PyRuntime.ListSize(keep) == 0)
            {
                rt.Append(keep, (PyObject*)self);
            }
        });
        for (int length = 44; length < 56; length++)
        {
            runs.Add(0);
            rt.ListClear(keep);
            rt.Del(rt.NewInstance(classOnce));
            PyObject* r = PyRuntime.NewRef(PyOps.ListGet(keep, 0));
            rt.ListClear(keep);
            head = rt.NewInstance(classNode);
            PyObject* n = head;
            for (int i = 0; i < length; i++)
            {
                PyObject* m = rt.NewInstance(classNode);
                rt.Set(n, "next", m);
                rt.DecRef(m);
                n = m;
            }

            rt.Set(n, "next", r);
            rt.Del(r);
            rt.Append(keep, rt.None);
            rt.Del(head);
        }

        o.Print("finalizer runs for chain lengths 44..55:", "[" + string.Join(", ", runs) + "]");
        rt.Del(keep);

        PyObject* chain = rt.NoneRef();
        for (int i = 0; i < Depth; i++)
        {
            PyObject* next = rt.TupleOf(chain);
            rt.DecRef(chain);
            chain = next;
        }

        rt.Del(chain);
        o.Print("tuple chain of", Depth, "freed");

        chain = rt.NoneRef();
        for (int i = 0; i < Depth; i++)
        {
            PyObject* next = rt.ListOf(chain);
            rt.DecRef(chain);
            chain = next;
        }

        rt.Del(chain);
        o.Print("list chain of", Depth, "freed");

        chain = rt.NoneRef();
        for (int i = 0; i < Depth; i++)
        {
            PyObject* next = rt.NewInstance(classNode);
            rt.Set(next, "next", chain);
            rt.DecRef(chain);
            chain = next;
        }

        rt.Del(chain);
        o.Print("instance chain of", Depth, "freed");

        chain = rt.Named(classD, "bottom");
        for (int i = 0; i < Depth; i++)
        {
            PyObject* next = rt.NewInstance(classNode);
            rt.Set(next, "next", chain);
            rt.DecRef(chain);
            chain = next;
        }

        PyObject* top = rt.Named(classD, "top");
        rt.Set(top, "next", chain);
        rt.Del(chain);
        rt.Del(top);
        o.Print("instance chain with __del__ at both ends:", PyText.ListRepr(log));

        o.AssertMatchesRecording("dealloc");
        Assert.True(rt.MaxTrashNesting <= PyRuntime.TrashUnwindLevel + 1, $"dealloc nesting reached {rt.MaxTrashNesting}");
        rt.DelClass(classD, classNode, classOnce);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
