using Refheap.Memory;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>The Refheap profile's trigger for automatic full collections (docs/deviations.md).</summary>
public unsafe class RefheapTriggerTests
{
    private static long FullCollectionsWhileBuilding(AllocatorProfile profile, int n) =>
        BuildOneList(profile, n).FullCollections;

    private static (long FullCollections, long Truncated) BuildOneList(AllocatorProfile profile, int n)
    {
        using var t = new TestRuntime(profile);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Obj");
        PyObject* keep = rt.NewList(0);
        long before = rt.GetStats()[2].Collections - rt.OldScans;
        for (int i = 0; i < n; i++)
        {
            PyObject* o = rt.NewInstance(cls);

            // As the interpreter does for `keep.append(o)`: the list is loaded (a new
            // reference) and released after the call, a decrement of an old object.
            PyRuntime.IncRef(keep);
            rt.ListAppend(keep, o);
            rt.DecRef(keep);
            rt.DecRef(o);
        }

        long full = rt.GetStats()[2].Collections - rt.OldScans - before;
        long truncated = rt.OldScansTruncated;
        rt.DecRef(keep);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
        return (full, truncated);
    }

    [Fact]
    public void Growing_a_heap_of_live_objects_fires_fewer_full_collections_than_3_11()
    {
        long exact = FullCollectionsWhileBuilding(AllocatorProfile.CPython311, 400_000);
        long refheap = FullCollectionsWhileBuilding(AllocatorProfile.Refheap, 400_000);
        Assert.True(exact >= 4, $"the 3.11 rule fired {exact} full collections");
        Assert.True(refheap < exact, $"refheap {refheap}, cpython311 {exact}");
    }

    [Fact]
    public void A_huge_list_touched_by_every_append_is_not_an_old_scan_root()
    {
        // The list being appended to is old and decremented on every append. Were it a root,
        // every old scan would walk its 300,000 items, be cut short by its budget and owe a
        // full collection; as a huge container it is left out until a full collection is due
        // by 3.11's 25% rule anyway.
        (long refheap, long truncated) = BuildOneList(AllocatorProfile.Refheap, 300_000);
        long exact = FullCollectionsWhileBuilding(AllocatorProfile.CPython311, 300_000);
        Assert.Equal(0, truncated);
        Assert.True(refheap <= exact, $"refheap {refheap} full collections, cpython311 {exact}");
    }

    [Fact]
    public void An_oversized_container_carries_the_candidate_bit_and_leaves_the_set_when_freed()
    {
        using var t = new TestRuntime(AllocatorProfile.Refheap);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Obj");
        PyObject* keep = rt.NewList(0);
        for (int i = 0; i < 200_000; i++)
        {
            PyObject* o = rt.NewInstance(cls);
            PyRuntime.IncRef(keep);
            rt.ListAppend(keep, o);
            rt.DecRef(keep);
            rt.DecRef(o);
        }

        // The list grew past the huge-container size while old: an old scan set it aside. Its
        // CANDIDATE bit turns later decrements away without a set lookup.
        Assert.True(rt.OversizedCount > 0);
        Assert.True(PyRuntime.IsOldCandidate(keep));
        int before = rt.OversizedCount;
        rt.DecRef(keep);
        Assert.Equal(before - 1, rt.OversizedCount);

        // The full collection empties the set and clears its members' bits: every member is alive.
        rt.Collect();
        Assert.Equal(0, rt.OversizedCount);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Cyclic_garbage_in_the_old_generation_is_still_collected_automatically()
    {
        using var t = new TestRuntime(AllocatorProfile.Refheap);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Node");
        long peakTracked = 0;
        var batches = new System.Collections.Generic.Queue<nint>();
        for (int round = 0; round < 60; round++)
        {
            // A batch of 2,000 two-instance cycles lives for five rounds, long enough to be
            // promoted to generation 2, and is then dropped: old cyclic garbage.
            PyObject* batch = rt.NewList(0);
            for (int i = 0; i < 2_000; i++)
            {
                PyObject* a = rt.NewInstance(cls);
                PyObject* b = rt.NewInstance(cls);
                rt.SetAttribute(a, "other", b);
                rt.SetAttribute(b, "other", a);
                rt.ListAppend(batch, a);
                rt.DecRef(a);
                rt.DecRef(b);
            }

            batches.Enqueue((nint)batch);
            if (batches.Count > 5)
            {
                rt.DecRef((PyObject*)batches.Dequeue());
            }

            peakTracked = System.Math.Max(peakTracked, rt.GetObjects().Count);
        }

        while (batches.Count > 0)
        {
            rt.DecRef((PyObject*)batches.Dequeue());
        }

        // Without automatic full collections all 240,000 instances would still be tracked.
        Assert.True(peakTracked < 120_000, $"{peakTracked} objects tracked at the peak");
        rt.Collect();
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void An_old_cycle_dropped_by_a_decrement_is_found_by_an_old_scan_not_a_full_collection()
    {
        using var t = new TestRuntime(AllocatorProfile.Refheap);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Node");
        PyObject* a = rt.NewInstance(cls);
        PyObject* b = rt.NewInstance(cls);
        rt.SetAttribute(a, "other", b);
        rt.SetAttribute(b, "other", a);
        rt.DecRef(b);
        PyObject* watch = rt.NewWeakref(a, null);

        // A full collection makes the cycle old (generation 2, OLD).
        rt.Collect();
        long fullBefore = rt.GetStats()[2].Collections - rt.OldScans;
        long scansBefore = rt.OldScans;

        // Dropping the last outside reference is a decrement to a non-zero count.
        rt.DecRef(a);
        Assert.True(PyRuntime.WeakrefReferent(watch) != rt.None);

        // Allocation drives the automatic collections until an old scan has run.
        PyObject* churn = rt.NewList(0);
        for (int i = 0; i < 100_000 && rt.OldScans == scansBefore; i++)
        {
            PyObject* l = rt.NewList(0);
            rt.ListAppend(churn, l);
            rt.DecRef(l);
        }

        Assert.True(rt.OldScans > scansBefore, "no old scan ran");
        Assert.True(PyRuntime.WeakrefReferent(watch) == rt.None, "the old cycle is still alive");
        Assert.Equal(fullBefore, rt.GetStats()[2].Collections - rt.OldScans);
        rt.DecRef(churn);
        rt.DecRef(watch);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
