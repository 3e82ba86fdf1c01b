using System;
using System.Collections.Generic;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The gc module's API (Modules/gcmodule.c, 3.11), for the interpreter's `gc` module and for hosts.
public sealed unsafe partial class PyRuntime
{
    /// <summary>Host callbacks run at the start and stop of every collection that gc.callbacks would see.</summary>
    public List<Action<string, GcCallbackInfo>> GcCallbacks { get; } = new();

    /// <summary>gc.isenabled / gc.enable / gc.disable.</summary>
    public bool GcEnabled
    {
        get => _gcEnabled;
        set => _gcEnabled = value;
    }

    /// <summary>gc.get_debug / gc.set_debug.</summary>
    public GcDebugFlags GcDebug
    {
        get => _gcDebug;
        set => _gcDebug = value;
    }

    /// <summary>
    /// gc.collect(generation): returns the number of unreachable objects found (collected plus
    /// uncollectable). 0 without collecting when a collection is already running.
    /// </summary>
    public long Collect(int generation = 2)
    {
        if (generation < 0 || generation > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), generation, "invalid generation");
        }

        if (_collecting)
        {
            return 0;
        }

        _collecting = true;
        try
        {
            return CollectWithCallback(generation);
        }
        finally
        {
            _collecting = false;
        }
    }

    /// <summary>
    /// _PyGC_CollectNoFail (Modules/gcmodule.c, 3.11): the shutdown collection of every
    /// generation, without the gc.callbacks. 0 when a collection is already running.
    /// </summary>
    public long CollectNoFail()
    {
        if (_collecting)
        {
            return 0;
        }

        _collecting = true;
        try
        {
            return CollectMain(Generations - 1, out _, out _, nofail: true);
        }
        finally
        {
            _collecting = false;
        }
    }

    /// <summary>gc.get_threshold.</summary>
    public (int, int, int) GetThreshold() => (_threshold[0], _threshold[1], _threshold[2]);

    /// <summary>gc.set_threshold; 0 for the first disables automatic collection.</summary>
    public void SetThreshold(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        _threshold[0] = threshold0;
        if (threshold1 is int t1)
        {
            _threshold[1] = t1;
        }

        if (threshold2 is int t2)
        {
            _threshold[2] = t2;
        }
    }

    /// <summary>gc.get_count.</summary>
    public (int, int, int) GetCount() => (_count[0], _count[1], _count[2]);

    /// <summary>gc.get_stats.</summary>
    public GcGenerationStats[] GetStats() => (GcGenerationStats[])_stats.Clone();

    /// <summary>gc.freeze: everything tracked moves to the permanent generation; counts reset.</summary>
    public void Freeze()
    {
        GcListMerge(PendingHead, _heads + 2);
        ForgetOldCandidates();
        for (int i = 0; i < Generations; i++)
        {
            GcListMerge(_heads + i, PermanentHead);
            _count[i] = 0;
        }

        // Frozen objects are roots, never scanned: decrements of them are not candidates.
        MarkOld(PermanentHead, old: false);
    }

    /// <summary>gc.unfreeze: the permanent generation moves back into generation 2.</summary>
    public void Unfreeze()
    {
        if (TrackOldDecrements)
        {
            MarkOld(PermanentHead, old: true);
        }

        GcListMerge(PermanentHead, _heads + 2);
    }

    /// <summary>gc.get_freeze_count.</summary>
    public long GetFreezeCount() => GcListSize(PermanentHead);

    /// <summary>gc.is_tracked.</summary>
    public bool GcIsTracked(PyObject* o) => IsGc(o) && IsTracked(o);

    /// <summary>gc.is_finalized.</summary>
    public bool GcIsFinalized(PyObject* o) => IsGc(o) && IsFinalizedFlag(AsGc(o));

    /// <summary>Tracked objects of one generation (or all, with null), in list order; borrowed.</summary>
    public List<nint> GetObjects(int? generation = null)
    {
        if (generation is int g && (g < -1 || g >= Generations))
        {
            throw new ArgumentOutOfRangeException(nameof(generation), g,
                g < 0 ? "generation parameter cannot be negative"
                      : "generation parameter must be less than the number of available generations (3)");
        }

        var result = new List<nint>();
        for (int i = 0; i < Generations; i++)
        {
            if (generation is int only && only >= 0 && only != i)
            {
                continue;
            }

            AddAll(result, _heads + i);
            if (i == Generations - 1)
            {
                AddAll(result, PendingHead);
            }
        }

        return result;
    }

    private static void AddAll(List<nint> result, GcHead* head)
    {
        for (GcHead* h = Next(head); h != head; h = Next(h))
        {
            result.Add((nint)FromGc(h));
        }
    }

    /// <summary>gc.get_referents: what tp_traverse visits, in traversal order; borrowed.</summary>
    public List<nint> GetReferents(PyObject* o)
    {
        var result = new List<nint>();
        if (!IsGc(o) || o->Type->Traverse == null)
        {
            return result;
        }

        var handle = System.Runtime.InteropServices.GCHandle.Alloc(result);
        try
        {
            o->Type->Traverse(this, o, &CollectReferent, (void*)System.Runtime.InteropServices.GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return result;
    }

    private static int CollectReferent(PyRuntime rt, PyObject* o, void* arg)
    {
        var list = (List<nint>)System.Runtime.InteropServices.GCHandle.FromIntPtr((nint)arg).Target!;
        list.Add((nint)o);
        return 0;
    }

    /// <summary>gc.get_referrers: tracked objects in generations 0-2 whose traversal visits <paramref name="target"/>.</summary>
    public List<nint> GetReferrers(PyObject* target)
    {
        var result = new List<nint>();
        foreach (int i in new[] { 0, 1, 2, 4 })
        {
            GcHead* head = _heads + i;
            for (GcHead* h = Next(head); h != head; h = Next(h))
            {
                PyObject* o = FromGc(h);
                if (o->Type->Traverse != null && o->Type->Traverse(this, o, &FindReferent, target) != 0)
                {
                    result.Add((nint)o);
                }
            }
        }

        return result;
    }

    private static int FindReferent(PyRuntime rt, PyObject* o, void* target) => o == target ? 1 : 0;

    /// <summary>gc.callbacks: the Python-level list of callables, called as cb(phase, info) (borrowed).</summary>
    public PyObject* GcCallbacksList { get; private set; }

    private void InitGcCallbacksList()
    {
        GcCallbacksList = NewList(0);
        if (GcCallbacksList == null)
        {
            throw new InvalidOperationException("Cannot create gc.callbacks: the heap cap is too small.");
        }
    }

    private void ReleaseGcCallbacksList()
    {
        if (GcCallbacksList != null)
        {
            PyObject* list = GcCallbacksList;
            GcCallbacksList = null;
            DecRef(list);
        }
    }

    /// <summary>
    /// invoke_gc_callback: the host callbacks, then each entry of gc.callbacks with
    /// (phase, {'generation': g, 'collected': m, 'uncollectable': n}); the info dict is built
    /// only when the list is not empty, and errors are unraisable.
    /// </summary>
    private void InvokeGcCallbacks(string phase, int generation, long collected, long uncollectable)
    {
        InvokeHostGcCallbacks(phase, generation, collected, uncollectable);
        PyObject* list = GcCallbacksList;
        if (list == null || ListSize(list) == 0)
        {
            return;
        }

        PyObject* info = BuildGcCallbackInfo(generation, collected, uncollectable);
        if (info == null)
        {
            WriteUnraisable(null, null);
            return;
        }

        PyObject** args = stackalloc PyObject*[2];
        for (nint i = 0; i < ListSize(list); i++)
        {
            PyObject* cb = ListItems(list)[i];
            IncRef(cb);
            // PyObject_CallFunction(cb, "sO", ...) is a vectorcall: no argument tuple.
            PyObject* phaseStr = NewStr(phase);
            PyObject* r = null;
            if (phaseStr != null)
            {
                args[0] = phaseStr;
                args[1] = info;
                r = VectorCall(cb, args, 2);
                DecRef(phaseStr);
            }
            if (r == null)
            {
                WriteUnraisable(null, cb);
            }
            else
            {
                DecRef(r);
            }

            DecRef(cb);
        }

        DecRef(info);
    }

    private PyObject* BuildGcCallbackInfo(int generation, long collected, long uncollectable)
    {
        PyObject* info = NewDict();
        if (info == null)
        {
            return null;
        }

        (string Key, long Value)[] items = [("generation", generation), ("collected", collected), ("uncollectable", uncollectable)];
        foreach ((string key, long value) in items)
        {
            PyObject* k = NewStr(key);
            PyObject* v = NewInt(value);
            bool ok = k != null && v != null && DictSetItem(info, k, v) == 0;
            XDecRef(k);
            XDecRef(v);
            if (!ok)
            {
                DecRef(info);
                return null;
            }
        }

        return info;
    }

    private void InvokeHostGcCallbacks(string phase, int generation, long collected, long uncollectable)
    {
        if (GcCallbacks.Count == 0)
        {
            return;
        }

        var info = new GcCallbackInfo(generation, collected, uncollectable);
        foreach (Action<string, GcCallbackInfo> callback in GcCallbacks.ToArray())
        {
            try
            {
                callback(phase, info);
            }
#pragma warning disable CA1031 // A host callback's failure is reported, like an unraisable error, and the collection goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Stderr.Write($"Exception ignored in: gc callback {callback.Method.Name}\n{e.GetType().Name}: {e.Message}\n");
            }
        }
    }

    /// <summary>
    /// Checks the collector's invariant: every tracked object is on exactly one generation
    /// list, the lists are well linked, no object carries collection-time flags.
    /// </summary>
    public void CheckGcInvariants()
    {
        var seen = new HashSet<nint>();
        for (int i = 0; i <= Generations + 1; i++)
        {
            GcHead* head = _heads + i;
            GcHead* prev = head;
            for (GcHead* h = Next(head); h != head; h = Next(h))
            {
                if (!seen.Add((nint)h))
                {
                    throw new InvalidOperationException($"GC invariant violated: object 0x{(nuint)FromGc(h):x} is on two lists");
                }

                if ((h->Next & NextMaskUnreachable) != 0 || (h->Prev & PrevMaskCollecting) != 0)
                {
                    throw new InvalidOperationException($"GC invariant violated: object 0x{(nuint)FromGc(h):x} has collection flags outside a collection");
                }

                if (Prev(h) != prev)
                {
                    throw new InvalidOperationException($"GC invariant violated: broken back link in generation {i}");
                }

                if (FromGc(h)->RefCount <= 0)
                {
                    throw new InvalidOperationException($"GC invariant violated: tracked object 0x{(nuint)FromGc(h):x} has refcount {FromGc(h)->RefCount}");
                }

                prev = h;
            }

            if ((GcHead*)head->Prev != prev)
            {
                throw new InvalidOperationException($"GC invariant violated: generation {i}'s tail link is wrong");
            }
        }
    }

    /// <summary>Checks the allocator's and the collector's invariants (tests enable it).</summary>
    [System.Diagnostics.Conditional("REFHEAP_CHECK_INVARIANTS")]
    public void AssertValid()
    {
        CheckGcInvariants();
        Allocator.CheckInvariants();
    }
}
