using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Memory.Platform;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The collector's state and its list primitives (Modules/gcmodule.c, 3.11: gc_list_*,
// _PyObject_GC_TRACK/UNTRACK, the _gc_prev flag bits).
// Invariant: every tracked object is on exactly one of the five lists (generations 0-2, the
// permanent generation, and the Refheap profile's pending part of generation 2); an
// untracked GC object has Next == 0. The low four bits of Prev are flags: FINALIZED and
// COLLECTING as in 3.11, and the Refheap profile's OLD and CANDIDATE (PyRuntime.OldScan.cs);
// during a collection bits 4-5 are LEAF and CLASS_ONLY and gc_refs sit above them.
public sealed unsafe partial class PyRuntime
{
    /// <summary>NUM_GENERATIONS.</summary>
    public const int Generations = 3;

    internal const nuint PrevMaskFinalized = 1;        // _PyGC_PREV_MASK_FINALIZED
    internal const nuint PrevMaskCollecting = 2;       // _PyGC_PREV_MASK_COLLECTING
    internal const nuint PrevMaskOld = 4;              // Refheap: the object lives in generation 2
    internal const nuint PrevMaskCandidate = 8;        // Refheap: the object is in the candidate set
    internal const nuint PrevFlags = 15;

    // Refheap, during a collection only (bits 4 and 5 are a prev pointer's bits otherwise):
    // subtract_refs found no member of the set among the object's referents, its class apart
    // (LEAF: move_unreachable does not traverse it again, PyRuntime.FusedPasses.cs), or no
    // tracked object at all but its class (CLASS_ONLY: the Refheap profile promotes it
    // straight into generation 2, PyRuntime.OldScan.cs).
    internal const nuint PrevMaskLeaf = 16;
    internal const nuint PrevMaskClassOnly = 32;
    internal const nuint PrevWalkBits = PrevMaskLeaf | PrevMaskClassOnly;
    internal const int PrevShift = 6;                  // _PyGC_PREV_SHIFT is 2; four more bits here

    /// <summary>
    /// _PyGC_PREV_MASK. A property, not a static readonly field: ReadyToRun code reads a
    /// static field through a call for the class's statics, on every list operation.
    /// </summary>
    internal static nuint PrevMask
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ~PrevFlags;
    }

    internal const nuint NextMaskUnreachable = 1;      // NEXT_MASK_UNREACHABLE

    // Heads of generations 0, 1, 2, the permanent generation (index 3), and the Refheap
    // profile's pending part of generation 2 (index 4: promoted, not yet scanned).
    private GcHead* _heads;
    private readonly int[] _threshold = [700, 10, 10];
    private readonly int[] _count = new int[Generations];
    private readonly GcGenerationStats[] _stats = new GcGenerationStats[Generations];
    private bool _gcEnabled = true;
    private bool _collecting;
    private long _longLivedTotal;
    private long _longLivedPending;

    private void InitGc()
    {
        // One block: the list heads, then the dict and set statics (PyRuntime.Dict.cs).
        nuint headBytes = (nuint)(HeadCount * sizeof(GcHead));
        _heads = (GcHead*)NativeHeap.AlignedAlloc(headBytes + DictStaticsBytes, 16);
        for (int i = 0; i < HeadCount; i++)
        {
            GcListInit(_heads + i);
        }

        _dictStatics = (byte*)_heads + headBytes;
        NativeMemory.Clear(_dictStatics, DictStaticsBytes);

        TrackOldDecrements = Options.Profile == Refheap.Memory.AllocatorProfile.Refheap;
    }

    private void FreeGcHeads()
    {
        NativeHeap.AlignedFree(_heads);
        _heads = null;
        _dictStatics = null;
    }

    // The lists a collection builds for itself. Their heads live beside the generations'
    // (16-byte aligned: the low four bits of a prev pointer are flags), not on the stack.
    private const int ScratchUnreachable = 5;
    private const int ScratchFinalizers = 6;
    private const int ScratchFinalUnreachable = 7;
    private const int ScratchScan = 8;
    private const int ScratchSeen = 9;
    private const int ScratchWeakrefCallbacks = 10;
    private const int HeadCount = 11;
    private const int DictStaticsBytes = 64;

    /// <summary>A scratch list head of the running collection (collections never nest).</summary>
    private GcHead* ScratchHead(int index)
    {
        GcHead* head = _heads + index;
        GcListInit(head);
        return head;
    }

    internal GcHead* GenerationHead(int generation) => _heads + generation;

    internal GcHead* PermanentHead => _heads + 3;

    /// <summary>Refheap profile: promoted objects not yet scanned by an old-generation scan (part of generation 2).</summary>
    internal GcHead* PendingHead => _heads + 4;

    /// <summary>PyObject_IS_GC: the type has HAVE_GC and, if it has tp_is_gc, that says yes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsGc(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        return (t->Flags & TypeFlags.HaveGc) != 0 && (t->IsGc == null || t->IsGc(this, o));
    }

    /// <summary>_PyObject_GC_IS_TRACKED.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTracked(PyObject* o) => AsGc(o)->Next != 0;

    /// <summary>PyObject_GC_Track: append to the tail of generation 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Track(PyObject* o)
    {
        GcHead* g = AsGc(o);
        System.Diagnostics.Debug.Assert(g->Next == 0, "object already tracked");
        GcHead* gen0 = _heads;
        GcHead* last = (GcHead*)gen0->Prev;
        SetPrev(g, last);
        last->Next = (nuint)g;
        g->Next = (nuint)gen0;
        gen0->Prev = (nuint)g;
    }

    /// <summary>PyObject_GC_UnTrack: a no-op for an untracked object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Untrack(PyObject* o)
    {
        GcHead* g = AsGc(o);
        if (g->Next != 0)
        {
            GcListRemove(g);
            if ((g->Prev & PrevMaskCandidate) != 0)
            {
                ForgetCandidateBit(o);
            }

            // _PyObject_GC_UNTRACK keeps only the FINALIZED bit: an object that dies inside a
            // collection must not carry COLLECTING onto a free list.
            g->Prev &= PrevMaskFinalized;
        }
    }

    /// <summary>_PyObject_GC_Link: count the allocation, maybe collect (3.11 collects synchronously here).</summary>
    private void GcLink()
    {
        _count[0]++;
        if (_count[0] > _threshold[0] && _gcEnabled && _threshold[0] != 0 && !_collecting && !ErrorOccurred)
        {
            _collecting = true;
            try
            {
                CollectGenerations();
            }
            finally
            {
                _collecting = false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GcHead* Prev(GcHead* g) => (GcHead*)(g->Prev & PrevMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GcHead* Next(GcHead* g) => (GcHead*)g->Next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPrev(GcHead* g, GcHead* prev) => g->Prev = (g->Prev & ~PrevMask) | ((nuint)prev & PrevMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint GetRefs(GcHead* g) => (nint)(g->Prev >> PrevShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetRefs(GcHead* g, nint refs) => g->Prev = (g->Prev & ~PrevMask) | ((nuint)refs << PrevShift);

    /// <summary>gc_reset_refs: keep FINALIZED (and OLD, CANDIDATE), set COLLECTING and the refcount.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ResetRefs(GcHead* g, nint refs) =>
        g->Prev = (g->Prev & (PrevMaskFinalized | PrevMaskOld | PrevMaskCandidate)) | PrevMaskCollecting | ((nuint)refs << PrevShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DecRefs(GcHead* g) => g->Prev -= (nuint)1 << PrevShift;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCollecting(GcHead* g) => (g->Prev & PrevMaskCollecting) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearCollecting(GcHead* g) => g->Prev &= ~PrevMaskCollecting;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsFinalizedFlag(GcHead* g) => (g->Prev & PrevMaskFinalized) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SetFinalizedFlag(GcHead* g) => g->Prev |= PrevMaskFinalized;

    private static void GcListInit(GcHead* list)
    {
        list->Prev = (nuint)list;
        list->Next = (nuint)list;
    }

    private static bool GcListIsEmpty(GcHead* list) => list->Next == (nuint)list;

    /// <summary>gc_list_append: keeps the node's flag bits.</summary>
    private static void GcListAppend(GcHead* node, GcHead* list)
    {
        GcHead* last = (GcHead*)list->Prev;
        SetPrev(node, last);
        last->Next = (nuint)node;
        node->Next = (nuint)list;
        list->Prev = (nuint)node;
    }

    /// <summary>gc_list_remove: unlink and mark untracked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GcListRemove(GcHead* node)
    {
        GcHead* prev = Prev(node);
        GcHead* next = Next(node);
        prev->Next = (nuint)next;
        SetPrev(next, prev);
        node->Next = 0;
    }

    /// <summary>gc_list_move: unlink from the current list, append to another.</summary>
    private static void GcListMove(GcHead* node, GcHead* list)
    {
        GcHead* fromPrev = Prev(node);
        GcHead* fromNext = Next(node);
        fromPrev->Next = (nuint)fromNext;
        SetPrev(fromNext, fromPrev);
        GcHead* toPrev = (GcHead*)list->Prev;
        SetPrev(node, toPrev);
        toPrev->Next = (nuint)node;
        node->Next = (nuint)list;
        list->Prev = (nuint)node;
    }

    /// <summary>gc_list_merge: append <paramref name="from"/> to <paramref name="to"/>, leaving from empty.</summary>
    private static void GcListMerge(GcHead* from, GcHead* to)
    {
        if (!GcListIsEmpty(from))
        {
            GcHead* toTail = (GcHead*)to->Prev;
            GcHead* fromHead = Next(from);
            GcHead* fromTail = (GcHead*)from->Prev;
            toTail->Next = (nuint)fromHead;
            SetPrev(fromHead, toTail);
            fromTail->Next = (nuint)to;
            to->Prev = (nuint)fromTail;
        }

        GcListInit(from);
    }

    private static long GcListSize(GcHead* list)
    {
        long n = 0;
        for (GcHead* g = Next(list); g != list; g = Next(g))
        {
            n++;
        }

        return n;
    }
}
