using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The Refheap profile's old-generation scans: cycle collection from candidate roots
// (after Bacon and Rajan's "Recycler"), in place of most automatic full collections.
//
// An unreachable cycle in generation 2 became unreachable when its last reference from
// outside was dropped: a decrement of one of its members that left the count above zero.
// So the scan starts from (a) generation-2 objects decremented to a non-zero count since
// the last scan (the "candidates"), and (b) the objects promoted into generation 2 since
// then (a cycle that spans young and old objects is missed by the young collections, and
// its young member arrives here). It collects the set of generation-2 objects reachable
// from those seeds, everything else acting as external roots, exactly as an older
// generation does for a younger one: sound by the same argument. The set is capped; a
// truncated scan asks for a full collection. Every path into generation 2 marks objects
// OLD, so decrements of any old object are seen; gc.collect() stays a full collection.
public sealed unsafe partial class PyRuntime
{
    /// <summary>Refheap profile: the most objects one old-generation scan examines.</summary>
    public const int OldScanBudget = 100_000;

    private readonly NintSet _oldCandidates = new();
    internal bool TrackOldDecrements;

    /// <summary>Refheap profile: old-generation scans run so far (reported as generation-2 collections).</summary>
    public long OldScans { get; private set; }

    /// <summary>Refheap profile: old scans cut short by <see cref="OldScanBudget"/> (each owes a full collection).</summary>
    public long OldScansTruncated { get; private set; }

    /// <summary>A decrement left <paramref name="o"/> alive: remember it if it is an old GC object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void NoteOldDecrement(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.HaveGc) == 0 || (t->IsGc != null && !t->IsGc(this, o)))
        {
            return;
        }

        GcHead* g = AsGc(o);
        if ((g->Prev & (PrevMaskOld | PrevMaskCandidate)) == PrevMaskOld && g->Next != 0)
        {
            AddOldCandidate(o, g);
        }
    }

    /// <summary>
    /// Roots whose closure outgrew an old scan's budget: they are not candidates again until the
    /// full collection their truncated scan owed has run (it examines everything anyway), so a
    /// program that keeps touching one huge container does not pay a cut-short scan each time.
    /// Members carry the CANDIDATE bit without being in the candidate set, so a decrement of
    /// one is turned away by the bit test alone (a set lookup per decrement was a cache miss
    /// once a truncated scan had put thousands of roots here); an object that is untracked or
    /// freed with the bit leaves whichever set holds it (<see cref="ForgetCandidateBit"/>), so
    /// the set never holds a dead address.
    /// </summary>
    private readonly NintSet _oversized = new();

    /// <summary>Refheap profile: objects in the oversized set; for tests.</summary>
    internal int OversizedCount => _oversized.Count;

    /// <summary>Makes a tracked old object oversized: in the set, CANDIDATE bit set.</summary>
    private void AddOversized(nint o)
    {
        _oversized.Add(o);
        AsGc((PyObject*)o)->Prev |= PrevMaskCandidate;
    }

    /// <summary>Empties the oversized set, clearing its members' CANDIDATE bits (they are all alive and tracked).</summary>
    private void ClearOversized()
    {
        foreach (nint o in _oversized)
        {
            AsGc((PyObject*)o)->Prev &= ~PrevMaskCandidate;
        }

        _oversized.Clear();
    }

    /// <summary>An object with the CANDIDATE bit is being untracked or freed: drop it from the candidate or the oversized set.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void ForgetCandidateBit(PyObject* o)
    {
        if (!_oldCandidates.Remove((nint)o))
        {
            _oversized.Remove((nint)o);
        }
    }

    /// <summary>Containers with more items than an old scan's budget allows to visit.</summary>
    private const int HugeContainerItems = 50_000;

    private bool IsHugeContainer(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        if (t == ListType || t == TupleType)
        {
            return ((PyVarObject*)o)->Size > HugeContainerItems;
        }

        if (t == DictType)
        {
            return DictSize(o) > HugeContainerItems;
        }

        return (t == SetType || t == FrozenSetType) && SetSize(o) > HugeContainerItems;
    }

    /// <summary>Makes <paramref name="o"/> a candidate (callers tested the bit: it is not one, nor oversized).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddOldCandidate(PyObject* o, GcHead* g)
    {
        g->Prev |= PrevMaskCandidate;
        _oldCandidates.Add((nint)o);
    }

    /// <summary>
    /// Refheap profile: whether generation-1 collections promote survivors that reference no
    /// tracked object but their class straight into generation 2 (PromoteDirectly). On by
    /// default; the differential tests of the fused passes switch it off.
    /// </summary>
    internal bool GcDirectPromotion { get; set; } = true;

    /// <summary>
    /// Refheap profile, in a generation-1 collection's move_unreachable: appends a survivor
    /// whose only tracked referent is its class (CLASS_ONLY) to generation 2 itself, with the
    /// flags <paramref name="flags"/> (OLD among them), instead of to the pending part, and
    /// makes the class a candidate of the next old scan.
    /// <para>
    /// Why nothing is lost: pending objects are scanned because a garbage cycle that became
    /// unreachable while one of its members was young shows no old decrement; it is found
    /// when that member arrives, because the scan's closure from it gathers the cycle. A cycle
    /// through an object that references nothing tracked but its class passes through the
    /// class, so the closure from the class gathers the same cycle. Objects young at the scan
    /// are in every scan's set anyway. Later changes to the object are decrements or
    /// promotions of others, seen as before.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PromoteDirectly(GcHead* g, PyTypeObject* t, GcHead* gen2, nuint flags)
    {
        GcHead* last = (GcHead*)gen2->Prev;
        g->Prev = flags | (nuint)last;
        last->Next = (nuint)g;
        g->Next = (nuint)gen2;
        gen2->Prev = (nuint)g;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            GcHead* c = AsGc((PyObject*)t);
            if ((c->Prev & (PrevMaskOld | PrevMaskCandidate)) == PrevMaskOld && c->Next != 0)
            {
                AddOldCandidate((PyObject*)t, c);
            }
        }
    }

    /// <summary>Refheap profile: objects in generation 2's pending part (promoted, not yet scanned); for tests.</summary>
    internal long PendingObjectCount => GcListSize(PendingHead);

    /// <summary>Whether <paramref name="o"/> is a candidate of the next old scan; for tests.</summary>
    internal static bool IsOldCandidate(PyObject* o) => (AsGc(o)->Prev & PrevMaskCandidate) != 0;

    /// <summary>Sets (or clears) the OLD bit on every object of a list.</summary>
    private static long MarkOld(GcHead* list, bool old)
    {
        long n = 0;
        for (GcHead* g = Next(list); g != list; g = Next(g))
        {
            if (old)
            {
                g->Prev |= PrevMaskOld;
            }
            else
            {
                g->Prev &= ~PrevMaskOld;
            }

            n++;
        }

        return n;
    }

    /// <summary>gc_list_move into the older generation, marking the object OLD when that is generation 2.</summary>
    private void MoveIntoOld(GcHead* g, GcHead* old)
    {
        GcListMove(g, old);
        if (TrackOldDecrements && old == _heads + 2)
        {
            g->Prev |= PrevMaskOld;
        }
    }

    /// <summary>gc_list_merge into the older generation, marking the objects OLD when that is generation 2.</summary>
    private void MergeIntoOld(GcHead* list, GcHead* old)
    {
        if (TrackOldDecrements && old == _heads + 2)
        {
            MarkOld(list, old: true);
        }

        GcListMerge(list, old);
    }

    /// <summary>Drops every candidate (their bits too): a full collection or a freeze supersedes them.</summary>
    private void ForgetOldCandidates()
    {
        foreach (nint o in _oldCandidates)
        {
            AsGc((PyObject*)o)->Prev &= ~PrevMaskCandidate;
        }

        _oldCandidates.Clear();
    }

    /// <summary>
    /// Builds the scan set into <paramref name="scan"/>: the young generations, the pending
    /// (promoted, unscanned) objects, the candidates, and the old objects reachable from them,
    /// up to the budget. Every member is marked COLLECTING. Returns false when the budget cut
    /// the closure short.
    /// </summary>
    private bool GatherOldScanSet(GcHead* scan)
    {
        GcListInit(scan);
        GcListMerge(_heads, scan);
        GcListMerge(_heads + 1, scan);
        GcListMerge(PendingHead, scan);
        long size = 0;
        for (GcHead* g = Next(scan); g != scan; g = Next(g))
        {
            g->Prev |= PrevMaskCollecting;
            size++;
        }

        var roots = new NintList(_oldCandidates.Count);
        foreach (nint c in _oldCandidates)
        {
            GcHead* g = AsGc((PyObject*)c);
            g->Prev &= ~PrevMaskCandidate;
            if (g->Next != 0 && (g->Prev & (PrevMaskOld | PrevMaskCollecting)) == PrevMaskOld)
            {
                if (IsHugeContainer((PyObject*)c))
                {
                    // Scanning it would cost its whole size each time it is touched (a list
                    // being appended to). Leave it out: the scan stays correct (what it holds
                    // counts as referenced from outside), and the owed full collection looks.
                    AddOversized(c);
                    _fullCollectionOwed = true;
                    continue;
                }

                GcListMove(g, scan);
                g->Prev |= PrevMaskCollecting;
                size++;
                roots.Add(c);
            }
        }

        _oldCandidates.Clear();
        var visitor = new OldClosureVisitor(this, scan, OldScanBudget - size);
        for (GcHead* g = Next(scan); g != scan; g = Next(g))
        {
            TraverseWith(FromGc(g), ref visitor);
        }

        for (GcHead* g = Next(scan); g != scan; g = Next(g))
        {
            g->Prev &= ~PrevMaskCollecting;
        }

        if (visitor.Truncated)
        {
            OldScansTruncated++;
            foreach (nint r in roots)
            {
                AddOversized(r);
            }
        }

        return !visitor.Truncated;
    }

    /// <summary>Pulls every old, tracked, not yet gathered GC referent into the scan set, within the budget.</summary>
    private struct OldClosureVisitor : IGcVisitor
    {
        private readonly PyRuntime _rt;
        private readonly GcHead* _scan;
        private long _room;

        public OldClosureVisitor(PyRuntime rt, GcHead* scan, long room)
        {
            _rt = rt;
            _scan = scan;
            _room = room;
        }

        public bool Truncated { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(PyObject* o)
        {
            PyTypeObject* t = o->Type;
            if ((t->Flags & TypeFlags.HaveGc) == 0 || (t->IsGc != null && !t->IsGc(_rt, o)))
            {
                return;
            }

            GcHead* g = AsGc(o);
            if (g->Next == 0 || (g->Prev & (PrevMaskOld | PrevMaskCollecting)) != PrevMaskOld)
            {
                return;
            }

            if (_room <= 0)
            {
                Truncated = true;
                return;
            }

            _room--;
            GcListMove(g, _scan);
            g->Prev |= PrevMaskCollecting;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOwnType(PyTypeObject* t) => Visit((PyObject*)t);

        // The visitor lives on the caller's stack for the whole traversal, so its address is stable.
        public void TraverseSlow(PyObject* o) =>
            o->Type->Traverse(_rt, o, &VisitOldClosure, Unsafe.AsPointer(ref this));
    }

    private static int VisitOldClosure(PyRuntime rt, PyObject* o, void* arg)
    {
        Unsafe.AsRef<OldClosureVisitor>(arg).Visit(o);
        return 0;
    }
}
