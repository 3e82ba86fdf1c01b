using Refheap.Memory;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The Refheap profile promotes generation-1 survivors that reference no tracked object but
/// their class straight into generation 2, making the class a candidate of the next old scan
/// (PyRuntime.OldScan.cs: PromoteDirectly).
/// </summary>
public unsafe class RefheapDirectPromotionTests
{
    [Fact]
    public void Instances_of_atoms_skip_the_pending_part_and_their_class_becomes_a_candidate()
    {
        using var t = new TestRuntime(AllocatorProfile.Refheap);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Obj");
        PyObject* keep = rt.NewList(0);
        rt.Collect();
        Assert.False(PyRuntime.IsOldCandidate((PyObject*)cls));
        rt.GcEnabled = false;
        for (int i = 0; i < 1000; i++)
        {
            PyObject* v = rt.Must(rt.NewInt(i));
            PyObject* o = rt.Must(rt.NewInstance(cls));
            rt.Set(o, "a", v);
            rt.Append(keep, o);
            rt.Del(o, v);
        }

        PyObject* holder = rt.Must(rt.NewInstance(cls));
        rt.Set(holder, "items", keep);
        int oldBefore = rt.GetObjects(2).Count;
        rt.Collect(1);

        // Only the holder, which references a tracked list, waits for an old scan.
        Assert.Equal(1, rt.PendingObjectCount);
        Assert.True(PyRuntime.IsOldCandidate((PyObject*)cls));
        Assert.Equal(oldBefore + 1001, rt.GetObjects(2).Count);
        rt.GcEnabled = true;
        rt.Del(holder, keep);
        rt.DelClass(cls);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_cycle_formed_later_between_directly_promoted_instances_is_found_by_an_old_scan()
    {
        using var t = new TestRuntime(AllocatorProfile.Refheap);
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Node");
        rt.Collect();
        PyObject* a = rt.Must(rt.NewInstance(cls));
        PyObject* b = rt.Must(rt.NewInstance(cls));
        rt.Collect(1);
        Assert.Equal(0, rt.PendingObjectCount);

        // Old now, and OLD: the decrement that drops the cycle must be seen.
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        PyObject* watch = rt.Ref(a);
        long fullBefore = rt.GetStats()[2].Collections - rt.OldScans;
        long scansBefore = rt.OldScans;
        rt.Del(a, b);
        PyObject* churn = rt.NewList(0);
        for (int i = 0; i < 100_000 && rt.OldScans == scansBefore; i++)
        {
            PyObject* l = rt.NewList(0);
            rt.Append(churn, l);
            rt.DecRef(l);
        }

        Assert.True(rt.OldScans > scansBefore, "no old scan ran");
        Assert.True(rt.IsDead(watch), "the old cycle is still alive");
        Assert.Equal(fullBefore, rt.GetStats()[2].Collections - rt.OldScans);
        rt.Del(churn, watch);
        rt.DelClass(cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
