using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The cycle collector, exactly as CPython 3.11 runs it (Modules/gcmodule.c:
// gc_collect_main and the functions it calls). Comments name the C function each step follows.
public sealed unsafe partial class PyRuntime
{
    private GcDebugFlags _gcDebug;

    /// <summary>Refheap profile: an old scan outgrew its budget, so the next look at generation 2 is a full collection.</summary>
    private bool _fullCollectionOwed;

    /// <summary>Old scans run while a full collection is owed; at <see cref="MaxScansOwing"/> it is paid whatever the growth.</summary>
    private int _scansSinceOwed;

    private const int MaxScansOwing = 256;

    /// <summary>Refheap profile: the generation-1 collections between two looks at generation 2.</summary>
    private const int OldScanEvery = 2;

    /// <summary>gc_collect_generations: the automatic trigger, with the 25% rule for generation 2.</summary>
    private long CollectGenerations()
    {
        for (int i = Generations - 1; i >= 0; i--)
        {
            // The Refheap profile looks at generation 2 (an old scan, usually) after every
            // third generation-1 collection instead of every eleventh: smaller, shorter scans.
            int threshold = TrackOldDecrements && i == Generations - 1 ? Math.Min(_threshold[i], OldScanEvery) : _threshold[i];
            if (_count[i] > threshold)
            {
                if (i == Generations - 1 && TrackOldDecrements)
                {
                    // Refheap profile: an old scan from the candidate roots. A scan cut short by
                    // its budget owes a full collection, paid once 3.11's amortisation rule allows
                    // it (enough new long-lived objects since the last one): without the rule, a
                    // program that keeps touching one huge container (appending to a list of
                    // millions) would pay a full collection every few generation-1 collections.
                    bool full = _fullCollectionOwed
                        && (_longLivedPending >= _longLivedTotal / 4 || ++_scansSinceOwed >= MaxScansOwing);
                    if (full)
                    {
                        _fullCollectionOwed = false;
                        _scansSinceOwed = 0;
                        ClearOversized();
                    }

                    return CollectWithCallback(i, oldScan: !full);
                }

                // Avoid quadratic behaviour on large heaps: a full collection only when
                // enough new objects reached generation 2 since the last one (issue #4074).
                if (i == Generations - 1 && _longLivedPending < _longLivedTotal / 4)
                {
                    continue;
                }

                return CollectWithCallback(i);
            }
        }

        return 0;
    }

    /// <summary>gc_collect_with_callback: "start" callbacks, the collection, "stop" callbacks.</summary>
    private long CollectWithCallback(int generation, bool oldScan = false)
    {
        InvokeGcCallbacks("start", generation, 0, 0);
        long result = CollectMain(generation, out long collected, out long uncollectable, nofail: false, oldScan);
        InvokeGcCallbacks("stop", generation, collected, uncollectable);
        return result;
    }

    /// <summary>
    /// gc_collect_main: returns collected + uncollectable. With <paramref name="oldScan"/> (the
    /// Refheap profile, reported as generation 2) the collected set is the young generations
    /// plus the old objects reachable from the candidate roots (PyRuntime.OldScan.cs).
    /// </summary>
    private long CollectMain(int generation, out long collected, out long uncollectable, bool nofail, bool oldScan = false)
    {
        long started = 0;
        if ((_gcDebug & GcDebugFlags.Stats) != 0)
        {
            Stderr.Write($"gc: collecting generation {generation}...\n");
            ShowStatsEachGeneration();
            started = Stopwatch.GetTimestamp();
        }

        // Update the counters: the next generation counts this collection.
        if (generation + 1 < Generations)
        {
            _count[generation + 1]++;
        }

        for (int i = 0; i <= generation; i++)
        {
            _count[i] = 0;
        }

        GcHead* young;
        GcHead* old;
        if (oldScan)
        {
            OldScans++;
            young = ScratchHead(ScratchScan);
            // A closure that outgrew the budget leaves old garbage unexamined: owe a full collection.
            _fullCollectionOwed |= !GatherOldScanSet(young);

            old = _heads + 2;
        }
        else
        {
            // Merge younger generations into the one being collected (and, for a full
            // collection, the Refheap profile's pending part of generation 2).
            for (int i = 0; i < generation; i++)
            {
                GcListMerge(_heads + i, _heads + generation);
            }

            if (generation == Generations - 1)
            {
                GcListMerge(PendingHead, _heads + generation);
                ForgetOldCandidates();
            }

            young = _heads + generation;
            old = generation < Generations - 1 ? _heads + generation + 1 : young;
            if (TrackOldDecrements && generation == Generations - 2)
            {
                // Refheap profile: promotions wait, unscanned, in generation 2's pending part.
                old = PendingHead;
            }
        }

        // deduce_unreachable, untrack_tuples and, in full collections, untrack_dicts
        // (PyRuntime.FusedPasses.cs fuses the walks). Survivors bound for generation 2 get the
        // Refheap profile's OLD flag.
        GcHead* unreachable = ScratchHead(ScratchUnreachable);
        nuint survivorFlag = TrackOldDecrements && (oldScan || generation >= Generations - 2) ? PrevMaskOld : 0;
        GcHead* direct = TrackOldDecrements && GcDirectPromotion && !oldScan && generation == Generations - 2 ? _heads + 2 : null;
        long survivors = GcReferencePasses
            ? ReferencePasses(young, unreachable, full: young == old, survivorFlag)
            : FusedPasses(young, unreachable, full: young == old, survivorFlag, direct);
        Debug.Assert(direct != null || survivors == GcListSize(young), "the fused passes miscounted the survivors");

        // Survivors move to the next generation, or stay in generation 2.
        if (young != old)
        {
            if (!oldScan && generation == Generations - 2)
            {
                _longLivedPending += survivors;
            }

            GcListMerge(young, old);
        }
        else
        {
            _longLivedPending = 0;
            _longLivedTotal = survivors;
        }

        // Objects with a legacy tp_del, and all they reach, are uncollectable.
        GcHead* finalizers = ScratchHead(ScratchFinalizers);
        GcListInit(finalizers);
        MoveLegacyFinalizers(unreachable, finalizers);
        MoveLegacyFinalizerReachable(finalizers);

        if ((_gcDebug & GcDebugFlags.Collectable) != 0)
        {
            for (GcHead* g = Next(unreachable); g != unreachable; g = Next(g))
            {
                DebugCycle("collectable", FromGc(g));
            }
        }

        // Clear weakrefs to the garbage and run the callbacks of the weakrefs that survive.
        long m = HandleWeakrefs(unreachable, old);

        // PEP 442: call tp_finalize once per object.
        FinalizeGarbage(unreachable);

        // Finalizers may have resurrected objects: recompute, and move the resurrected to old.
        GcHead* finalUnreachable = ScratchHead(ScratchFinalUnreachable);
        HandleResurrectedObjects(unreachable, finalUnreachable, old);

        m += GcListSize(finalUnreachable);
        DeleteGarbage(finalUnreachable, old);

        long n = 0;
        for (GcHead* g = Next(finalizers); g != finalizers; g = Next(g))
        {
            n++;
            if ((_gcDebug & GcDebugFlags.Uncollectable) != 0)
            {
                DebugCycle("uncollectable", FromGc(g));
            }
        }

        if ((_gcDebug & GcDebugFlags.Stats) != 0)
        {
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Stderr.Write(string.Create(CultureInfo.InvariantCulture,
                $"gc: done, {n + m} unreachable, {n} uncollectable, {seconds:F4}s elapsed\n"));
        }

        HandleLegacyFinalizers(finalizers, old);

        if (generation == Generations - 1 && !oldScan)
        {
            ClearFreeLists();
        }

        if (ErrorOccurred)
        {
            if (nofail)
            {
                ClearError();
            }
            else
            {
                WriteUnraisable("in garbage collection", null);
            }
        }

        collected = m;
        uncollectable = n;
        GcGenerationStats s = _stats[generation];
        _stats[generation] = new GcGenerationStats(s.Collections + 1, s.Collected + m, s.Uncollectable + n);
        return n + m;
    }

    private void ShowStatsEachGeneration()
    {
        Stderr.Write(string.Create(CultureInfo.InvariantCulture,
            $"gc: objects in each generation: {GcListSize(_heads)} {GcListSize(_heads + 1)} {GcListSize(_heads + 2) + GcListSize(PendingHead)}\n"));
        Stderr.Write(string.Create(CultureInfo.InvariantCulture,
            $"gc: objects in permanent generation: {GcListSize(PermanentHead)}\n"));
    }

    private void DebugCycle(string what, PyObject* o) =>
        Stderr.Write($"gc: {what} <{TypeName(o)} 0x{(nuint)o:x}>\n");

    /// <summary>deduce_unreachable: update_refs, subtract_refs, move_unreachable.</summary>
    private void DeduceUnreachable(GcHead* @base, GcHead* unreachable)
    {
        UpdateRefs(@base);
        SubtractRefs(@base);
        GcListInit(unreachable);
        MoveUnreachable(@base, unreachable);
    }

    /// <summary>update_refs: gc_refs = refcount, and the COLLECTING flag, for every object.</summary>
    private static void UpdateRefs(GcHead* containers)
    {
        for (GcHead* g = Next(containers); g != containers; g = Next(g))
        {
            PyObject* o = FromGc(g);
            Debug.Assert(o->RefCount > 0, "update_refs: an object in a generation has refcount 0");
            ResetRefs(g, o->RefCount);
        }
    }

    /// <summary>subtract_refs: subtract the references that come from inside the set.</summary>
    private void SubtractRefs(GcHead* containers)
    {
        var visitor = new DecrefVisitor(this);
        var ahead = new ListLookahead(containers);
        for (GcHead* g = Next(containers); g != containers; g = Next(g))
        {
            ahead.Step();
            visitor.SawMember = false;
            visitor.SawTracked = false;
            TraverseWith(FromGc(g), ref visitor);
            g->Prev |= WalkBits(visitor.SawMember, visitor.SawTracked);
        }
    }

    /// <summary>visit_decref.</summary>
    private static int VisitDecref(PyRuntime rt, PyObject* o, void* parent)
    {
        if (rt.IsGc(o))
        {
            GcHead* g = AsGc(o);
            if (IsCollecting(g))
            {
                DecRefs(g);
            }
        }

        return 0;
    }

    /// <summary>
    /// move_unreachable: one pass in list order. Objects with gc_refs &gt; 0 are reachable and
    /// make what they reference reachable; the rest move, tentatively, to <paramref name="unreachable"/>
    /// with their next pointer tagged.
    /// </summary>
    private void MoveUnreachable(GcHead* young, GcHead* unreachable)
    {
        GcHead* prev = young;
        GcHead* g = Next(young);
        while (g != young)
        {
            if (GetRefs(g) != 0)
            {
                var visitor = new ReachableVisitor(this, young);
                TraverseWith(FromGc(g), ref visitor);

                // Restore the prev pointer that update_refs overwrote; it is reachable now.
                SetPrev(g, prev);
                ClearCollecting(g);
                prev = g;
            }
            else
            {
                // Move g to the end of unreachable, tagging next pointers.
                prev->Next = g->Next;
                GcHead* last = (GcHead*)unreachable->Prev;
                last->Next = NextMaskUnreachable | (nuint)g;
                SetPrev(g, last);
                g->Next = NextMaskUnreachable | (nuint)unreachable;
                unreachable->Prev = (nuint)g;
            }

            g = (GcHead*)prev->Next;
        }

        // young->prev must be the last element.
        young->Prev = (nuint)prev;
        unreachable->Next &= ~NextMaskUnreachable;
    }

    /// <summary>visit_reachable: pull a tentatively unreachable object back to the tail of young.</summary>
    private static int VisitReachable(PyRuntime rt, PyObject* o, void* arg)
    {
        if (rt.IsGc(o))
        {
            Reach(AsGc(o), (GcHead*)arg);
        }

        return 0;
    }

    /// <summary>visit_reachable's work on a GC referent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reach(GcHead* g, GcHead* reachable)
    {
        nuint prevWord = g->Prev;
        if ((prevWord & PrevMaskCollecting) == 0)
        {
            // Not in the generation being collected, or already known reachable.
            return;
        }

        nuint next = g->Next;
        if ((next & NextMaskUnreachable) != 0)
        {
            GcHead* prev = Prev(g);
            var nextNode = (GcHead*)(next & ~NextMaskUnreachable);
            prev->Next = next;
            SetPrev(nextNode, prev);
            GcListAppend(g, reachable);
            SetRefs(g, 1);
        }
        else if ((prevWord >> PrevShift) == 0)
        {
            // Not yet visited by move_unreachable: it will be scanned later (keeping LEAF, CLASS_ONLY).
            g->Prev = (prevWord & (PrevFlags | PrevWalkBits)) | ((nuint)1 << PrevShift);
        }
    }

    /// <summary>_PyDict_MaybeUntrack, supplied by the dict implementation.</summary>
    partial void DictMaybeUntrack(PyObject* o);

    /// <summary>move_legacy_finalizers: untag every object; those with tp_del go to finalizers.</summary>
    private static void MoveLegacyFinalizers(GcHead* unreachable, GcHead* finalizers)
    {
        GcHead* g = Next(unreachable);
        while (g != unreachable)
        {
            PyObject* o = FromGc(g);
            Debug.Assert((g->Next & NextMaskUnreachable) != 0);
            g->Next &= ~NextMaskUnreachable;
            GcHead* next = (GcHead*)g->Next;
            if (o->Type->Del != null)
            {
                ClearCollecting(g);
                GcListMove(g, finalizers);
            }

            g = next;
        }
    }

    /// <summary>move_legacy_finalizer_reachable.</summary>
    private void MoveLegacyFinalizerReachable(GcHead* finalizers)
    {
        for (GcHead* g = Next(finalizers); g != finalizers; g = Next(g))
        {
            PyObject* o = FromGc(g);
            var traverse = o->Type->Traverse;
            if (traverse != null)
            {
                traverse(this, o, &VisitMove, finalizers);
            }
        }
    }

    /// <summary>visit_move.</summary>
    private static int VisitMove(PyRuntime rt, PyObject* o, void* arg)
    {
        if (rt.IsGc(o))
        {
            GcHead* g = AsGc(o);
            if (IsCollecting(g))
            {
                GcListMove(g, (GcHead*)arg);
                ClearCollecting(g);
            }
        }

        return 0;
    }

    /// <summary>finalize_garbage: tp_finalize at most once per object, ever (PEP 442).</summary>
    private void FinalizeGarbage(GcHead* collectable)
    {
        GcHead* seen = ScratchHead(ScratchSeen);
        GcListInit(seen);
        while (!GcListIsEmpty(collectable))
        {
            GcHead* g = Next(collectable);
            PyObject* o = FromGc(g);
            GcListMove(g, seen);
            var finalize = o->Type->Finalize;
            if (!IsFinalizedFlag(g) && finalize != null)
            {
                SetFinalizedFlag(g);
                IncRef(o);
                finalize(this, o);
                Debug.Assert(!ErrorOccurred, "a finalizer left an error set");
                DecRef(o);
            }
        }

        GcListMerge(seen, collectable);
    }

    /// <summary>
    /// handle_resurrected_objects: recompute unreachability inside the set; what is now
    /// referenced from outside moves to old with everything it reaches.
    /// </summary>
    private void HandleResurrectedObjects(GcHead* unreachable, GcHead* stillUnreachable, GcHead* old)
    {
        for (GcHead* g = Next(unreachable); g != unreachable; g = Next(g))
        {
            ClearCollecting(g);
        }

        DeduceUnreachable(unreachable, stillUnreachable);
        for (GcHead* g = Next(stillUnreachable); g != stillUnreachable; g = (GcHead*)(g->Next & ~NextMaskUnreachable))
        {
            g->Next &= ~NextMaskUnreachable;
        }

        MergeIntoOld(unreachable, old);
    }

    /// <summary>delete_garbage: tp_clear everything (or save it under DEBUG_SAVEALL).</summary>
    private void DeleteGarbage(GcHead* collectable, GcHead* old)
    {
        while (!GcListIsEmpty(collectable))
        {
            GcHead* g = Next(collectable);
            PyObject* o = FromGc(g);
            Debug.Assert(o->RefCount > 0, "delete_garbage: refcount 0");
            if ((_gcDebug & GcDebugFlags.SaveAll) != 0)
            {
                if (!ListAppend(Garbage, o))
                {
                    ClearError();
                }
            }
            else
            {
                var clear = o->Type->Clear;
                if (clear != null)
                {
                    IncRef(o);
                    clear(this, o);
                    if (ErrorOccurred)
                    {
                        WriteUnraisable("in tp_clear of", (PyObject*)o->Type);
                    }

                    DecRef(o);
                }
            }

            if (Next(collectable) == g)
            {
                // Still alive: move it; it may die later.
                ClearCollecting(g);
                MoveIntoOld(g, old);
            }
        }
    }

    /// <summary>handle_legacy_finalizers: objects with tp_del (all, under SAVEALL) go to gc.garbage.</summary>
    private void HandleLegacyFinalizers(GcHead* finalizers, GcHead* old)
    {
        for (GcHead* g = Next(finalizers); g != finalizers; g = Next(g))
        {
            PyObject* o = FromGc(g);
            if ((_gcDebug & GcDebugFlags.SaveAll) != 0 || o->Type->Del != null)
            {
                if (!ListAppend(Garbage, o))
                {
                    ClearError();
                    break;
                }
            }
        }

        MergeIntoOld(finalizers, old);
    }
}
