using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Refheap.Memory;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The collector fuses 3.11's list passes (update_refs into subtract_refs in full
/// collections, untrack_tuples into move_unreachable, untrack_dicts with gc_list_size) and
/// skips move_unreachable's traversal of objects that reference no member of the set.
/// These tests run the same seeded program twice, once with 3.11's passes one by one
/// (<c>GcReferencePasses</c>) and once with the fused ones, and require identical traces:
/// every collection's result, counts and statistics, the order of finalizers and weakref
/// callbacks, gc.get_objects() order after each collection, and which objects are tracked.
/// </summary>
public unsafe class GcFusedPassesTests
{
    [Theory]
    [InlineData(17, AllocatorProfile.CPython311)]
    [InlineData(18, AllocatorProfile.CPython311)]
    [InlineData(19, AllocatorProfile.CPython311)]
    [InlineData(20, AllocatorProfile.CPython311)]
    [InlineData(27, AllocatorProfile.Refheap)]
    [InlineData(28, AllocatorProfile.Refheap)]
    public void Fused_passes_match_the_reference_passes(int seed, AllocatorProfile profile)
    {
        List<string> reference = Trace(seed, profile, referencePasses: true);
        List<string> fused = Trace(seed, profile, referencePasses: false);
        Assert.True(reference.Count > 100, "the program did too little");
        Assert.Contains(reference, l => l.StartsWith("del ", StringComparison.Ordinal));
        Assert.Contains(reference, l => l.StartsWith("cb ", StringComparison.Ordinal));
        for (int i = 0; i < Math.Min(reference.Count, fused.Count); i++)
        {
            Assert.True(reference[i] == fused[i], $"seed {seed}, line {i}:\n reference: {reference[i]}\n fused:     {fused[i]}");
        }

        Assert.Equal(reference.Count, fused.Count);
    }

    private static List<string> Trace(int seed, AllocatorProfile profile, bool referencePasses)
    {
        var trace = new List<string>();
        using var t = new TestRuntime(profile);
        PyRuntime rt = t.Runtime;
        rt.GcReferencePasses = referencePasses;
        rt.GcDirectPromotion = false;
        var rng = new Random(seed);
        var ids = new Dictionary<nint, int>();
        var roots = new List<nint>();
        PyTypeObject* plain = rt.NewClass("Plain");
        PyTypeObject* mortal = rt.NewClass("Mortal");

        // A class only its instances keep alive once the program drops it (step 200): its
        // instances' only member referent is then their class, the case move_unreachable
        // handles without a second traversal.
        PyTypeObject* transient = rt.NewClass("Transient");
        ids[(nint)transient] = -1;
        PyObject* keep = rt.ListOf();
        PyObject* keyA = rt.StrObj("a");
        PyObject* keyB = rt.StrObj("b");
        string Name(nint a) => ids.TryGetValue(a, out int id) ? "#" + id.ToString(CultureInfo.InvariantCulture) : rt.TypeName((PyObject*)a);
        rt.SetDel(mortal, self =>
        {
            trace.Add("del " + Name(self));
            if (ids[self] % 5 == 0)
            {
                rt.Append(keep, (PyObject*)self);
            }
        });
        PyObject* callback = rt.Callback(wr => trace.Add("cb " + Name(wr)));
        var weakrefs = new List<nint>();
        rt.SetThreshold(rng.Next(20, 60), rng.Next(2, 5), rng.Next(2, 5));
        int next = 0;
        void Register(PyObject* o)
        {
            ids[(nint)o] = next++;
            roots.Add((nint)o);
        }

        PyObject* Pick() => roots.Count == 0 ? rt.None : (PyObject*)roots[rng.Next(roots.Count)];

        for (int step = 0; step < 3000; step++)
        {
            if (step == 200)
            {
                rt.DecRef((PyObject*)transient);
            }

            int roll = rng.Next(100);
            if (roll < 12)
            {
                int which = rng.Next(step < 200 ? 3 : 2);
                PyObject* o = rt.Must(rt.NewInstance(which == 0 ? plain : which == 1 ? mortal : transient));
                Register(o);
                if (rng.Next(3) == 0)
                {
                    PyObject* wr = rt.Ref(o, callback);
                    ids[(nint)wr] = next++;
                    weakrefs.Add((nint)wr);
                }
            }
            else if (roll < 20)
            {
                Register(rt.Must(rt.NewList(0)));
            }
            else if (roll < 30)
            {
                // Tuples of atoms, of tuples, of containers: untrack_tuples' cases.
                PyObject* a = rng.Next(3) == 0 ? Pick() : keyA;
                PyObject* b = rng.Next(2) == 0 && roots.Count > 0 && rt.GcIsTracked(Pick()) ? Pick() : keyB;
                Register(rt.TupleOf(a, b));
            }
            else if (roll < 38)
            {
                PyObject* d = rt.Must(rt.NewDict());
                PyObject* v = rng.Next(3) == 0 ? Pick() : keyB;
                Assert.True(rt.DictSetItem(d, keyA, v) == 0);
                Register(d);
            }
            else if (roll < 60 && roots.Count >= 2)
            {
                // Link two roots: an attribute, a list item or a dict value.
                PyObject* from = Pick();
                PyObject* to = Pick();
                if ((from->Type->Flags & TypeFlags.HeapType) != 0)
                {
                    rt.Set(from, rng.Next(2) == 0 ? "x" : "y", to);
                }
                else if (from->Type == rt.ListType)
                {
                    rt.Append(from, to);
                }
                else if (from->Type == rt.DictType)
                {
                    Assert.True(rt.DictSetItem(from, keyB, to) == 0);
                }
            }
            else if (roll < 85 && roots.Count > 0)
            {
                int i = rng.Next(roots.Count);
                nint o = roots[i];
                roots.RemoveAt(i);
                rt.DecRef((PyObject*)o);
            }
            else if (roll < 97)
            {
                int g = rng.Next(3);
                long n = rt.Collect(g);
                trace.Add($"collect({g}) = {n}");
                Snapshot();
            }
            else if (roll < 98)
            {
                rt.Freeze();
                trace.Add("freeze " + rt.GetFreezeCount().ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                rt.Unfreeze();
                rt.ListClear(keep);
                trace.Add("unfreeze");
            }

            trace.Add($"count {rt.GetCount()}");
        }

        foreach (nint o in roots)
        {
            rt.DecRef((PyObject*)o);
        }

        roots.Clear();

        rt.Unfreeze();
        rt.ListClear(keep);
        trace.Add($"final {rt.Collect()} {rt.Collect()}");
        Snapshot();
        foreach (nint wr in weakrefs)
        {
            rt.DecRef((PyObject*)wr);
        }

        rt.Del(keep, keyA, keyB, callback);
        rt.DelClass(plain, mortal);
        rt.AssertValid();
        return trace;

        void Snapshot()
        {
            rt.AssertValid();
            trace.Add("objects " + string.Join(" ", rt.GetObjects().Select(Name)));
            trace.Add("tracked " + string.Join("", roots.Select(o => rt.GcIsTracked((PyObject*)o) ? '1' : '0')));
            trace.Add("stats " + string.Join(" ", rt.GetStats().Select(s => $"{s.Collections}/{s.Collected}/{s.Uncollectable}")));
        }
    }
}
