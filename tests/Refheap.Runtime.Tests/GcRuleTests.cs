using System;
using System.Collections.Generic;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Collector rules that a Python 3.11 script cannot show, so nothing here is recorded: each
/// test applies a rule of the reference (cpython-3.11-memory.md §4) directly. Legacy
/// finalizers need a C type with tp_del, which pure Python cannot make; the runtime's
/// internal SetLegacyDel gives a class one.
/// </summary>
public unsafe class GcRuleTests
{
    /// <summary>
    /// §4.5 steps 6, 7, 12, 13: a cycle of tp_del objects is uncollectable: counted in n,
    /// listed by DEBUG_UNCOLLECTABLE before the "done" line, not by DEBUG_COLLECTABLE, appended
    /// to gc.garbage, left alive in the next generation.
    /// </summary>
    [Fact]
    public void Legacy_del_cycle_is_uncollectable()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyTypeObject* classL = rt.NewClass("L");
        rt.SetLegacyDel(classL, true);
        var seen = new List<string>();
        rt.GcCallbacks.Add((phase, info) => seen.Add($"{phase} {info.Generation} {info.Collected} {info.Uncollectable}"));
        GcGenerationStats before = rt.GetStats()[1];

        PyObject* a = rt.NewInstance(classL);
        PyObject* b = rt.NewInstance(classL);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        nint addressA = (nint)a;
        nint addressB = (nint)b;
        rt.Del(a, b);
        rt.GcDebug = GcDebugFlags.Stats | GcDebugFlags.Collectable | GcDebugFlags.Uncollectable;
        Assert.Equal(2, rt.Collect(1));
        rt.GcDebug = GcDebugFlags.None;

        string[] lines = t.Stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal("gc: collecting generation 1...", lines[0]);
        Assert.Equal($"gc: uncollectable <L 0x{addressA:x}>", lines[3]);
        Assert.Equal($"gc: uncollectable <L 0x{addressB:x}>", lines[4]);
        Assert.StartsWith("gc: done, 2 unreachable, 2 uncollectable, ", lines[5], StringComparison.Ordinal);
        Assert.Equal(["start 1 0 0", "stop 1 0 2"], seen);
        GcGenerationStats after = rt.GetStats()[1];
        Assert.Equal((1, 0, 2), (after.Collections - before.Collections, after.Collected - before.Collected, after.Uncollectable - before.Uncollectable));

        PyObject* garbage = rt.Garbage;
        Assert.Equal(2, PyRuntime.ListSize(garbage));
        Assert.Equal(addressA, (nint)PyOps.ListGet(garbage, 0));
        Assert.Equal(addressB, (nint)PyOps.ListGet(garbage, 1));
        Assert.Contains(addressA, rt.GetObjects(2));
        Assert.Contains(addressB, rt.GetObjects(2));
        rt.AssertValid();

        // Reachable from gc.garbage now; uncollectable again once gc.garbage lets go.
        Assert.Equal(0, rt.Collect());
        rt.ListClear(garbage);
        Assert.Equal(2, rt.Collect());
        Assert.Equal(2, PyRuntime.ListSize(garbage));
        rt.AssertValid();

        // Breaking the cycle by hand frees them by refcount.
        rt.Set(PyOps.ListGet(garbage, 0), "other", rt.None);
        rt.ListClear(garbage);
        List<nint> remaining = rt.GetObjects();
        Assert.DoesNotContain(addressA, remaining);
        Assert.DoesNotContain(addressB, remaining);
        rt.GcCallbacks.Clear();
        rt.DelClass(classL);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// §4.5 step 6: everything reachable from a tp_del object is uncollectable too, but only
    /// the tp_del objects go to gc.garbage; none of them is finalized, and weakrefs to them
    /// are neither cleared nor called back (handle_weakrefs sees only the collectable set).
    /// </summary>
    [Fact]
    public void What_a_legacy_finalizer_reaches_is_uncollectable_but_not_saved()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyTypeObject* classL = rt.NewClass("L");
        rt.SetLegacyDel(classL, true);
        PyTypeObject* classD = rt.NewClass("D");
        var log = new List<string>();
        rt.SetDel(classD, _ => log.Add("__del__"));
        PyObject* callback = rt.Callback(_ => log.Add("callback"));

        PyObject* l = rt.NewInstance(classL);
        PyObject* d = rt.NewInstance(classD);
        PyObject* items = rt.ListOf(l);
        rt.Set(l, "d", d);
        rt.Set(d, "items", items);
        PyObject* wr = rt.Ref(d, callback);
        nint addressL = (nint)l;
        rt.Del(l, d, items);

        Assert.Equal(3, rt.Collect());
        Assert.Empty(log);
        Assert.False(rt.IsDead(wr));
        Assert.Equal(1, PyRuntime.ListSize(rt.Garbage));
        Assert.Equal(addressL, (nint)PyOps.ListGet(rt.Garbage, 0));
        Assert.False(rt.GcIsFinalized(PyRuntime.WeakrefReferent(wr)));
        rt.AssertValid();

        rt.Set(PyOps.ListGet(rt.Garbage, 0), "d", rt.None);
        rt.ListClear(rt.Garbage);
        Assert.Equal(["__del__", "callback"], log);
        Assert.True(rt.IsDead(wr));
        Assert.Equal(0, rt.Collect());
        rt.Del(wr, callback);
        rt.DelClass(classL, classD);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// §4.5 steps 11-12: n is counted after delete_garbage, so a tp_del object that is not in
    /// a cycle but hangs off collectable garbage dies by refcount there (its tp_del runs on
    /// the refcount path) and is not uncollectable.
    /// </summary>
    [Fact]
    public void A_legacy_object_freed_with_collectable_garbage_is_not_uncollectable()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classL = rt.NewClass("L");
        rt.SetLegacyDel(classL, true);

        PyObject* a = rt.NewInstance(classA);
        PyObject* b = rt.NewInstance(classA);
        PyObject* l = rt.NewInstance(classL);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Set(a, "legacy", l);
        nint addressA = (nint)a;
        nint addressB = (nint)b;
        rt.Del(a, b, l);
        rt.GcDebug = GcDebugFlags.Collectable | GcDebugFlags.Uncollectable;
        Assert.Equal(2, rt.Collect());
        rt.GcDebug = GcDebugFlags.None;
        Assert.Equal($"gc: collectable <A 0x{addressA:x}>\ngc: collectable <A 0x{addressB:x}>\n", t.Stderr.ToString());
        Assert.Equal(0, PyRuntime.ListSize(rt.Garbage));
        Assert.Equal(0, rt.GetStats()[2].Uncollectable);
        rt.DelClass(classA, classL);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>§4.5 steps 11 and 13 under DEBUG_SAVEALL: gc.garbage gets the collectable set, then the uncollectable set.</summary>
    [Fact]
    public void Saveall_saves_collectable_then_uncollectable_objects()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classL = rt.NewClass("L");
        rt.SetLegacyDel(classL, true);

        PyObject* l = rt.NewInstance(classL);
        PyObject* lItems = rt.ListOf(l);
        rt.Set(l, "items", lItems);
        PyObject* a = rt.NewInstance(classA);
        rt.Set(a, "me", a);
        var expected = new[] { (nint)a, (nint)l, (nint)lItems };
        rt.Del(l, lItems, a);
        rt.GcDebug = GcDebugFlags.SaveAll;
        Assert.Equal(3, rt.Collect());
        rt.GcDebug = GcDebugFlags.None;
        var saved = new List<nint>();
        for (int i = 0; i < PyRuntime.ListSize(rt.Garbage); i++)
        {
            saved.Add((nint)PyOps.ListGet(rt.Garbage, i));
        }

        Assert.Equal(expected, saved);
        Assert.Equal(2, rt.GetStats()[2].Uncollectable);
        rt.AssertValid();

        rt.Set(PyOps.ListGet(rt.Garbage, 0), "me", rt.None);
        rt.Set(PyOps.ListGet(rt.Garbage, 1), "items", rt.None);
        rt.ListClear(rt.Garbage);
        rt.DelClass(classA, classL);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>§4.3: no automatic collection while an exception is set, with gc disabled, or with threshold 0.</summary>
    [Fact]
    public void Automatic_collection_waits_for_a_clear_error_indicator_and_an_enabled_collector()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* classA = rt.NewClass("A");
        int collections = 0;
        rt.GcCallbacks.Add((phase, _) => collections += phase == "start" ? 1 : 0);
        PyObject* keep = rt.NoneList(100);
        rt.SetThreshold(10);
        rt.Collect();
        collections = 0;

        rt.SetError(rt.ValueErrorType, "pending");
        int start = rt.Count0();
        for (int i = 0; i < 20; i++)
        {
            rt.ListSetSteal(keep, i, rt.NewInstance(classA));
        }

        Assert.Equal(0, collections);
        Assert.Equal(start + 20, rt.Count0());
        rt.ClearError();
        rt.ListSetSteal(keep, 20, rt.NewInstance(classA));
        Assert.Equal(1, collections);
        Assert.Equal(0, rt.Count0());

        rt.GcEnabled = false;
        for (int i = 21; i < 40; i++)
        {
            rt.ListSetSteal(keep, i, rt.NewInstance(classA));
        }

        Assert.Equal(1, collections);
        Assert.Equal(0, rt.Collect(0));
        Assert.Equal(2, collections);
        rt.GcEnabled = true;

        rt.SetThreshold(0);
        for (int i = 40; i < 80; i++)
        {
            rt.ListSetSteal(keep, i, rt.NewInstance(classA));
        }

        Assert.Equal(2, collections);
        Assert.Equal(40, rt.Count0());
        rt.SetThreshold(700);
        rt.GcCallbacks.Clear();
        rt.Del(keep);
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// §4.8: an error in a gc.callbacks entry is reported and the collection goes on, and
    /// later collections still run. A host callback that throws must not leave the collector
    /// believing a collection is still running (gc.collect() then returns 0 for ever and
    /// automatic collection stops).
    /// </summary>
    [Fact]
    public void A_throwing_gc_callback_does_not_disable_the_collector()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");
        rt.GcCallbacks.Add((phase, _) => throw new InvalidOperationException("callback failed in " + phase));
        try
        {
            rt.Collect();
        }
        catch (InvalidOperationException)
        {
            // Whether the host's exception propagates is the runtime's choice; what follows is not.
        }

        rt.GcCallbacks.Clear();
        PyObject* a = rt.NewInstance(classA);
        rt.Set(a, "me", a);
        rt.Del(a);
        Assert.Equal(1, rt.Collect());
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>§4.10: gc.get_objects and gc.collect argument checks, and the -1 quirk.</summary>
    [Fact]
    public void Generation_arguments_are_checked()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        rt.Collect();
        PyObject* l = rt.ListOf();
        Assert.Equal(rt.GetObjects(), rt.GetObjects(-1));
        Assert.Contains((nint)l, rt.GetObjects(-1));
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => rt.GetObjects(3));
        Assert.StartsWith("generation parameter must be less than the number of available generations (3)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => rt.GetObjects(-2));
        Assert.StartsWith("generation parameter cannot be negative", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => rt.Collect(3));
        Assert.StartsWith("invalid generation", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.Collect(-1));
        rt.Del(l);
        t.AssertNoLeaks();
    }
}
