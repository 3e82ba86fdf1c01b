using System.Diagnostics;
using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Fused forms of 3.11's list passes (Modules/gcmodule.c: update_refs, subtract_refs,
// move_unreachable, untrack_tuples, untrack_dicts, gc_list_size). A pass over a large
// generation costs a cache miss per object whatever it does, so doing two passes' work in
// one walk is most of what there is to gain. Each fusion computes exactly what the separate
// passes compute; the argument is next to each.
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Tests only: run 3.11's passes one by one (PyRuntime.ReferencePasses.cs), so that a
    /// differential test can check that the fused passes change nothing observable.
    /// </summary>
    internal bool GcReferencePasses { get; set; }

    /// <summary>
    /// deduce_unreachable, then untrack_tuples, then (full collections) untrack_dicts, with
    /// their walks fused; returns gc_list_size(young) after them. Survivors get <paramref name="survivorFlag"/>.
    /// </summary>
    private long FusedPasses(GcHead* young, GcHead* unreachable, bool full, nuint survivorFlag, GcHead* direct)
    {
        if (full && GcListIsEmpty(PermanentHead))
        {
            UpdateAndSubtractRefsAllTracked(young);
        }
        else
        {
            UpdateRefs(young);
            SubtractRefs(young);
        }

        // Dicts are untracked lazily, and only in full collections (issue #14775).
        return MoveUnreachableUntracking(young, unreachable, survivorFlag, untrackDicts: full, direct);
    }

    /// <summary>
    /// update_refs and subtract_refs in one walk, for a full collection while the permanent
    /// generation is empty. Then every tracked object is in <paramref name="containers"/>, so
    /// "in the set" is "tracked", and an object's gc_refs can be initialised (to its refcount,
    /// with COLLECTING) when it is first met, as an element or as a referent, rather than in
    /// a pass of its own. No refcount changes in between, so every gc_refs ends as
    /// refcount minus the references from inside the set, exactly as after the two passes.
    /// Requires: no tracked or untracked object carries COLLECTING (the collector's invariant).
    /// </summary>
    private void UpdateAndSubtractRefsAllTracked(GcHead* containers)
    {
        Debug.Assert(GcListIsEmpty(PermanentHead), "the fused update_refs needs every tracked object in the set");
        var visitor = new LazyDecrefVisitor(this);
        var ahead = new ListLookahead(containers);
        for (GcHead* g = Next(containers); g != containers; g = Next(g))
        {
            ahead.Step();
            if ((g->Prev & PrevMaskCollecting) == 0)
            {
                InitRefs(g);
            }

            visitor.SawMember = false;
            TraverseWith(FromGc(g), ref visitor);
            g->Prev |= WalkBits(visitor.SawMember, visitor.SawMember);
        }
    }

    /// <summary>LEAF and CLASS_ONLY from what subtract_refs saw among an object's referents (its class apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint WalkBits(bool sawMember, bool sawTracked) =>
        (sawMember ? 0 : PrevMaskLeaf) | (sawTracked ? 0 : PrevMaskClassOnly);

    /// <summary>gc_reset_refs on first sight (see UpdateAndSubtractRefsAllTracked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InitRefs(GcHead* g)
    {
        PyObject* o = FromGc(g);
        Debug.Assert(o->RefCount > 0, "update_refs: an object in a generation has refcount 0");
        ResetRefs(g, o->RefCount);
    }

    /// <summary>visit_decref with update_refs done on first sight: every tracked referent is in the set.</summary>
    private struct LazyDecrefVisitor : IGcVisitor
    {
        private readonly PyRuntime _rt;

        public LazyDecrefVisitor(PyRuntime rt)
        {
            _rt = rt;
            SawMember = false;
        }

        /// <summary>A member of the set other than the object's class was visited (see DecrefVisitor).</summary>
        public bool SawMember;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(PyObject* o)
        {
            PyTypeObject* t = o->Type;
            if ((t->Flags & TypeFlags.HaveGc) != 0 && (t->IsGc == null || t->IsGc(_rt, o)) && Decref(AsGc(o)))
            {
                SawMember = true;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOwnType(PyTypeObject* t)
        {
            if (_rt.HeapTypeIsGc(t))
            {
                Decref(AsGc((PyObject*)t));
            }
        }

        // The visitor lives on the caller's stack for the whole traversal, so its address is stable.
        public void TraverseSlow(PyObject* o) =>
            o->Type->Traverse(_rt, o, &VisitLazyDecref, Unsafe.AsPointer(ref this));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Decref(GcHead* g)
        {
            if ((g->Prev & PrevMaskCollecting) == 0)
            {
                if (g->Next == 0)
                {
                    return false;
                }

                InitRefs(g);
            }

            DecRefs(g);
            return true;
        }
    }

    private static int VisitLazyDecref(PyRuntime rt, PyObject* o, void* arg)
    {
        Unsafe.AsRef<LazyDecrefVisitor>(arg).Visit(o);
        return 0;
    }

    /// <summary>
    /// move_unreachable followed by untrack_tuples and (with <paramref name="untrackDicts"/>)
    /// untrack_dicts, in one walk; gives each survivor the flag <paramref name="survivorFlag"/>
    /// (the Refheap profile's OLD, or 0) and returns gc_list_size(young) after them. With
    /// <paramref name="direct"/> (the Refheap profile's generation-1 collections), survivors
    /// that reference no tracked object but their class go there instead of staying in young
    /// (PyRuntime.OldScan.cs: PromoteDirectly), and are counted too.
    /// <para>
    /// Why untracking tuples here is the same as untrack_tuples afterwards: move_unreachable
    /// gives an object its final place in young at the moment it finds it reachable (later
    /// objects only ever go after it), so the order in which objects are found reachable is
    /// young's final order, the order untrack_tuples visits. _PyTuple_MaybeUntrack's answer
    /// depends only on the items' types and on whether item tuples are tracked; an item tuple
    /// in young has been untracked by then exactly when it was found reachable earlier, in
    /// both schedules, and nothing else changes tracking in between. An untracked tuple is no
    /// longer COLLECTING, so later visits skip it, as they skip any object already found reachable.
    /// </para>
    /// <para>
    /// Dicts: _PyDict_MaybeUntrack, run after every tuple, asks whether any value (and key, in
    /// a general table) may be tracked. Untracking a dict changes no other object's answer
    /// (a dict may always be tracked), so a dict's answer can be given as soon as it is final:
    /// at once when a referent is a GC non-tuple (keep) or when no referent may be tracked
    /// (untrack, in place like a tuple); a dict whose answer hangs on a tuple not yet found
    /// reachable waits, in young order, for the end of the walk.
    /// </para>
    /// </summary>
    private long MoveUnreachableUntracking(GcHead* young, GcHead* unreachable, nuint survivorFlag, bool untrackDicts, GcHead* direct)
    {
        GcListInit(unreachable);
        PyTypeObject* tupleType = TupleType;
        PyTypeObject* dictType = untrackDicts ? DictType : null;
        const nuint Keep = PrevMaskFinalized | PrevMaskOld | PrevMaskCandidate;
        long count = 0;
        _dictsToUntrackLater.Clear();
        GcHead* prev = young;
        GcHead* g = Next(young);
        var ahead = new ListLookahead(young);
        while (g != young)
        {
            ahead.Step();
            if (GetRefs(g) != 0)
            {
                PyObject* o = FromGc(g);
                PyTypeObject* t = o->Type;
                var visitor = new ReachableVisitor(this, young);
                if ((g->Prev & PrevMaskLeaf) == 0)
                {
                    TraverseWith(o, ref visitor);
                }
                else if ((t->Flags & TypeFlags.HeapType) != 0)
                {
                    // subtract_refs saw no member among its referents but its class: visiting
                    // the others would change nothing.
                    visitor.VisitOwnType(t);
                }

                bool untrack = false;
                if (t == tupleType)
                {
                    untrack = TupleUntrackable(o);
                }
                else if (t == dictType)
                {
                    MayBeTrackedAnswer answer = DictMayHoldTracked(o);
                    untrack = answer == MayBeTrackedAnswer.No;
                    if (answer == MayBeTrackedAnswer.NotYet)
                    {
                        _dictsToUntrackLater.Add((nint)o);
                    }
                }

                if (untrack)
                {
                    // At the object's final place. The next object's prev is set when the walk
                    // reaches it, so only prev->next moves.
                    prev->Next = g->Next;
                    g->Next = 0;
                    if ((g->Prev & PrevMaskCandidate) != 0)
                    {
                        ForgetCandidateBit(o);
                    }

                    g->Prev &= PrevMaskFinalized;
                }
                else if (direct != null && (g->Prev & PrevMaskClassOnly) != 0)
                {
                    prev->Next = g->Next;
                    PromoteDirectly(g, t, direct, (g->Prev & Keep) | survivorFlag);
                    count++;
                }
                else
                {
                    // Reachable: restore the prev pointer update_refs overwrote, drop COLLECTING.
                    g->Prev = (g->Prev & Keep) | survivorFlag | ((nuint)prev & PrevMask);
                    prev = g;
                    count++;
                }
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

        young->Prev = (nuint)prev;
        unreachable->Next &= ~NextMaskUnreachable;
        for (int i = 0; i < _dictsToUntrackLater.Count; i++)
        {
            nint d = _dictsToUntrackLater[i];
            DictMaybeUntrack((PyObject*)d);
            if (!IsTracked((PyObject*)d))
            {
                count--;
            }
        }

        _dictsToUntrackLater.Clear();
        return count;
    }

    /// <summary>Exact dicts whose untrack_dicts answer waits for the end of move_unreachable.</summary>
    private readonly NintList _dictsToUntrackLater = new();

    private enum MayBeTrackedAnswer
    {
        No,
        Yes,
        NotYet,
    }

    /// <summary>
    /// _PyDict_MaybeUntrack's question during the walk: may a value (or, in a general table, a
    /// key of a live entry) be tracked? NotYet when the only possible yes is a tuple still
    /// waiting to be found reachable (it may yet be untracked).
    /// </summary>
    private MayBeTrackedAnswer DictMayHoldTracked(PyObject* o)
    {
        PyDictKeysObject* keys = ((PyDictObject*)o)->Keys;
        nint n = keys->NEntries;
        var answer = MayBeTrackedAnswer.No;
        if (keys->Kind != (byte)DictKeysKind.General)
        {
            PyDictUnicodeEntry* entries = UnicodeEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                PyObject* v = entries[i].Value;
                if (v != null && Combine(ref answer, MayBeTrackedInWalk(v)))
                {
                    return MayBeTrackedAnswer.Yes;
                }
            }
        }
        else
        {
            PyDictKeyEntry* entries = GeneralEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                PyObject* v = entries[i].Value;
                if (v != null && (Combine(ref answer, MayBeTrackedInWalk(v)) || Combine(ref answer, MayBeTrackedInWalk(entries[i].Key))))
                {
                    return MayBeTrackedAnswer.Yes;
                }
            }
        }

        return answer;

        static bool Combine(ref MayBeTrackedAnswer answer, MayBeTrackedAnswer one)
        {
            if (one == MayBeTrackedAnswer.NotYet)
            {
                answer = MayBeTrackedAnswer.NotYet;
            }

            return one == MayBeTrackedAnswer.Yes;
        }
    }

    /// <summary>_PyObject_GC_MAY_BE_TRACKED, or NotYet for a tracked tuple the walk has not yet settled.</summary>
    private MayBeTrackedAnswer MayBeTrackedInWalk(PyObject* o)
    {
        if (!IsGc(o))
        {
            return MayBeTrackedAnswer.No;
        }

        if (o->Type != TupleType)
        {
            return MayBeTrackedAnswer.Yes;
        }

        GcHead* g = AsGc(o);
        if (g->Next == 0)
        {
            return MayBeTrackedAnswer.No;
        }

        return (g->Prev & PrevMaskCollecting) != 0 ? MayBeTrackedAnswer.NotYet : MayBeTrackedAnswer.Yes;
    }

    /// <summary>_PyTuple_MaybeUntrack's test: no item is null or may be tracked.</summary>
    private bool TupleUntrackable(PyObject* o)
    {
        PyObject** items = TupleItems(o);
        nint n = TupleSize(o);
        for (nint i = 0; i < n; i++)
        {
            PyObject* e = items[i];
            if (e == null || MayBeTracked(e))
            {
                return false;
            }
        }

        return true;
    }
}
