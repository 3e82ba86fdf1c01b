using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe partial class GcFactsTests
{
    /// <summary>Data/gc/counts.py. Deltas of gc.get_count()[0], as in the script.</summary>
    [Fact]
    public void Counts()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        var output = new List<string>();
        void Delta(string label, int before) => output.Add(label + ": " + PyText.Signed(rt.Count0() - before));

        PyTypeObject* classA = rt.NewClass("A");
        PyObject* keep = rt.NoneList(200);
        PyObject* spare = rt.NoneList(200);
        rt.Collect();

        int n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.NewInstance(classA));
        }

        Delta("allocate 100 instances", n);

        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        Delta("free 100 instances", n);

        n = rt.Count0();
        for (int i = 0; i < 101; i++)
        {
            rt.ListSetSteal(keep, i, rt.ListOf());
        }

        Delta("allocate 101 lists (free list empty)", n);
        n = rt.Count0();
        for (int i = 0; i < 101; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        Delta("free 101 lists (80 go to the free list)", n);
        Assert.Equal(PyRuntime.ListMaxFreeList, rt.ListFreeCount);

        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.ListOf());
        }

        Delta("allocate 100 lists (80 from the free list)", n);
        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        Delta("free 100 lists", n);

        PyObject* s = rt.StrObj("s");
        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.TupleOf(s, s));
        }

        Delta("allocate 100 pairs", n);
        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        Delta("free 100 pairs (to the tuple free list)", n);
        n = rt.Count0();
        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.TupleOf(s, s));
        }

        Delta("allocate 100 pairs (from the free list)", n);

        for (int i = 0; i < 100; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        for (int i = 0; i < 50; i++)
        {
            rt.ListSetSteal(spare, i, rt.NewInstance(classA));
        }

        rt.Collect();
        n = rt.Count0();
        for (int i = 0; i < 50; i++)
        {
            rt.ListSetSteal(spare, i, rt.NoneRef());
        }

        output.Add("free 50 instances right after a collection: " + n + " -> " + rt.Count0());

        PyObject* made = rt.NoneList(3);
        PyTypeObject* classF = rt.NewClass("F");
        rt.SetDel(classF, _ =>
        {
            for (int i = 0; i < 3; i++)
            {
                rt.ListSetSteal(made, i, rt.NewInstance(classA));
            }
        });
        for (int i = 0; i < 10; i++)
        {
            rt.ListSetSteal(keep, i, rt.TupleOf(s, s, s, s, s, s, s, s, s, s, s, s));
        }

        for (int i = 0; i < 10; i++)
        {
            rt.ListSetSteal(keep, i, rt.NoneRef());
        }

        PyObject* f = rt.NewInstance(classF);
        rt.Set(f, "me", f);
        rt.Del(f);
        rt.Collect(0);
        output.Add("after collect(0) whose __del__ made 3 instances: " + rt.Count0());
        for (int i = 0; i < 3; i++)
        {
            rt.ListSetSteal(made, i, rt.NoneRef());
        }

        f = rt.NewInstance(classF);
        rt.Set(f, "me", f);
        rt.Del(f);
        rt.Collect();
        output.Add("the same in a full collection: " + rt.Count0());
        foreach (string line in output)
        {
            o.Print(line);
        }

        rt.Collect();
        o.Print("after collect(2):", PyText.TupleRepr(rt.GetCount()));
        rt.Collect(1);
        o.Print("after collect(1):", PyText.TupleRepr(rt.GetCount()));
        for (int i = 0; i < 12; i++)
        {
            rt.Collect(0);
        }

        o.Print("after 12 x collect(0):", PyText.TupleRepr(rt.GetCount()));
        rt.Collect(1);
        o.Print("after collect(1):", PyText.TupleRepr(rt.GetCount()));
        rt.Collect(2);
        o.Print("after collect(2):", PyText.TupleRepr(rt.GetCount()));

        o.AssertMatchesRecording("counts");
        rt.Del(s, keep, spare, made);
        rt.DelClass(classA, classF);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Data/gc/thresholds.py. CPython builds an info dict for every gc.callbacks call; a
    /// dict comes from the 80-entry dict free list when it can (not counted) and otherwise is
    /// a counted GC allocation. This runtime's callbacks are .NET delegates, so the handler
    /// allocates and frees one list at the same two points: the list free list has the same
    /// size and is cleared by the same full collections, so count[0] moves exactly as
    /// CPython's does (that is the "+700" after each automatic full collection).
    /// </summary>
    [Fact]
    public void Thresholds()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        PyTypeObject* classA = rt.NewClass("A");
        var events = new List<(int At, int Generation, int Count2)>();
        int cur = 0;
        void OnGc(string phase, GcCallbackInfo info)
        {
            if (phase == "start")
            {
                events.Add((cur, info.Generation, rt.GetCount().Item3));
            }

            rt.DecRef(rt.ListOf());
        }

        void Report(int start, bool grouped)
        {
            var lines = new List<(List<int> Ats, int Generation, string Step, int Count2)>();
            int? prev = null;
            foreach ((int at, int gen, int c2) in events)
            {
                string step = prev is int p ? PyText.Signed(at - p) : "";
                prev = at;
                if (grouped && lines.Count > 0 && lines[^1].Generation == gen && lines[^1].Step == step && lines[^1].Count2 == c2)
                {
                    lines[^1].Ats.Add(start + at + 1);
                }
                else
                {
                    lines.Add(([start + at + 1], gen, step, c2));
                }
            }

            foreach ((List<int> ats, int gen, string step, int c2) in lines)
            {
                string where = ats.Count == 1
                    ? "at " + ats[0].ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{ats.Count} times from {ats[0]} to {ats[^1]}");
                string suffix = ats.Count > 1 ? " (" + step + " each)" : step.Length > 0 ? " (" + step + ")" : "";
                o.Print(string.Create(CultureInfo.InvariantCulture, $"  generation {gen} {where}{suffix}, count[2]={c2}"));
            }

            events.Clear();
        }

        o.Print("thresholds:", PyText.TupleRepr(rt.GetThreshold()));
        PyObject* keep = rt.NoneList(100000);
        rt.Freeze();
        rt.Collect();
        rt.GcCallbacks.Add(OnGc);
        int start = rt.Count0();
        rt.GcEnabled = true;
        for (int i = 0; i < 100000 - start; i++)
        {
            cur = i;
            rt.ListSetSteal(keep, i, rt.NewInstance(classA));
        }

        rt.GcEnabled = false;
        o.Print("part 1: triggers (net allocations since count[0] was 0):");
        Report(start, grouped: true);
        rt.GcCallbacks.Clear();
        rt.Del(keep);
        rt.Unfreeze();

        PyObject* longLived = rt.NoneList(4000);
        PyObject* churn = rt.NoneList(3000);
        rt.Freeze();
        for (int i = 0; i < 4000; i++)
        {
            rt.ListSetSteal(longLived, i, rt.NewInstance(classA));
        }

        rt.Collect();
        o.Print("part 2: generation 2 after the full collection:", rt.GetObjects(2).Count);
        rt.SetThreshold(100, 1, 1);
        rt.GcCallbacks.Add(OnGc);
        start = rt.Count0();
        rt.GcEnabled = true;
        for (int i = 0; i < 3000 - start; i++)
        {
            cur = i;
            rt.ListSetSteal(churn, i, rt.NewInstance(classA));
        }

        rt.GcEnabled = false;
        (int, int, int) end = rt.GetCount();
        o.Print("  triggers:");
        Report(start, grouped: false);
        rt.GcCallbacks.Clear();
        o.Print("  count at the end:", PyText.TupleRepr(end));

        o.AssertMatchesRecording("thresholds");
        rt.Unfreeze();
        rt.Del(longLived, churn);
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/freeze.py.</summary>
    [Fact]
    public void Freeze()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");

        rt.Collect(1);
        rt.Collect(0);
        rt.Collect(0);
        PyObject* x = rt.NewInstance(classA);
        PyObject* holder = rt.ListOf(x);
        PyObject* a = rt.NewInstance(classA);
        PyObject* b = rt.NewInstance(classA);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(b);
        (int, int, int) count = rt.GetCount();
        o.Print("count before freeze: generation 0 nonzero", count.Item1 > 0, "then", string.Create(CultureInfo.InvariantCulture, $"({count.Item2}, {count.Item3})"));
        rt.Freeze();
        o.Print("count after freeze:", PyText.TupleRepr(rt.GetCount()));
        o.Print("get_objects sees x:", PyOps.ContainsObject(rt.GetObjects(), x), "tracked:", rt.GcIsTracked(x));
        o.Print("referrers of x:", rt.GetReferrers(x).Count);
        rt.Del(a);
        o.Print("frozen cycle collected:", rt.Collect());
        rt.Unfreeze();
        o.Print("after unfreeze: freeze count", rt.GetFreezeCount());
        o.Print("get_objects(2) sees x:", PyOps.ContainsObject(rt.GetObjects(2), x), "get_objects(0) sees x:", PyOps.ContainsObject(rt.GetObjects(0), x));
        List<nint> referrers = rt.GetReferrers(x);
        o.Print("referrers of x:", referrers.Count, referrers[0] == (nint)holder);
        o.Print("unfrozen cycle collected:", rt.Collect());

        o.AssertMatchesRecording("freeze");
        rt.Del(x, holder);
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/stats_callbacks.py.</summary>
    [Fact]
    public void Stats_and_callbacks()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");
        var seen = new List<(string Phase, GcCallbackInfo Info)>();
        static string InfoRepr(GcCallbackInfo i) => string.Create(CultureInfo.InvariantCulture,
            $"{{'generation': {i.Generation}, 'collected': {i.Collected}, 'uncollectable': {i.Uncollectable}}}");

        GcGenerationStats[] before = rt.GetStats();
        // The keys of each gc.get_stats() dict, from the record's properties.
        string keys = "[" + string.Join(", ", typeof(GcGenerationStats).GetProperties()
            .Select(p => PyText.Repr(p.Name.ToLowerInvariant())).Order(StringComparer.Ordinal)) + "]";
        o.Print("keys:", "[" + string.Join(", ", Enumerable.Repeat(keys, before.Length)) + "]");
        rt.GcCallbacks.Add((phase, info) => seen.Add((phase, info)));
        PyObject* l = rt.ListOf();
        rt.Append(l, l);
        rt.Del(l);
        rt.Collect(1);
        o.Print("[" + string.Join(", ", seen.Select(e => "(" + PyText.Repr(e.Phase) + ", " + InfoRepr(e.Info) + ")")) + "]");
        seen.Clear();
        rt.Collect(0);
        rt.Collect(0);
        PyObject* a = rt.NewInstance(classA);
        rt.Set(a, "me", a);
        PyObject* b = rt.NewInstance(classA);
        rt.Set(b, "me", b);
        rt.Del(a, b);
        rt.Collect(0);
        PyObject* x = rt.NewInstance(classA);
        PyObject* y = rt.NewInstance(classA);
        rt.Set(x, "other", y);
        rt.Set(y, "other", x);
        rt.Del(x, y);
        rt.Collect(1);
        rt.Collect();
        foreach ((string phase, GcCallbackInfo info) in seen)
        {
            o.Print(phase, InfoRepr(info));
        }

        rt.GcCallbacks.Clear();
        GcGenerationStats[] after = rt.GetStats();
        o.Print("stats:", "[" + string.Join(", ", before.Zip(after, (p, q) => string.Create(CultureInfo.InvariantCulture,
            $"{{'collections': {q.Collections - p.Collections}, 'collected': {q.Collected - p.Collected}, 'uncollectable': {q.Uncollectable - p.Uncollectable}}}"))) + "]");

        o.AssertMatchesRecording("stats_callbacks");
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
