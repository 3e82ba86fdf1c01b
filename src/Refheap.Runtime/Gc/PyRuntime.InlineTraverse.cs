using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The collector's hot loops visit every reference of every object twice (subtract_refs and
// move_unreachable). For lists, tuples, dicts and instances of classes, most of any heap, the
// traversal is done here inline, with the visitor a struct the JIT specialises, instead of
// two indirect calls per reference; the visiting order is exactly the types' tp_traverse
// order. Everything else goes through its Traverse slot with the matching static visitor.
public sealed unsafe partial class PyRuntime
{
    private interface IGcVisitor
    {
        /// <summary>Visits one non-null referent.</summary>
        public void Visit(PyObject* o);

        /// <summary>
        /// Visits the class at the end of subtype_traverse (a heap type: PyObject_IS_GC is
        /// cheaper to answer for it, see HeapTypeIsGc).
        /// </summary>
        public void VisitOwnType(PyTypeObject* t);

        /// <summary>Calls the type's Traverse slot with the equivalent static visitor.</summary>
        public void TraverseSlow(PyObject* o);
    }

    /// <summary>PyObject_IS_GC of a heap type, without the indirect call when the metatype is type itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HeapTypeIsGc(PyTypeObject* t)
    {
        PyTypeObject* meta = t->Header.Base.Type;
        // type's tp_is_gc says yes for every heap type.
        return meta == TypeType || ((meta->Flags & TypeFlags.HaveGc) != 0 && (meta->IsGc == null || meta->IsGc(this, (PyObject*)t)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TraverseWith<TVisitor>(PyObject* o, ref TVisitor visitor)
        where TVisitor : struct, IGcVisitor
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0 && BuiltinBase(t) == ObjectType)
        {
            // subtype_traverse: each class's slots (most derived first), inline values (or
            // the dict), then the class.
            for (PyTypeObject* c = t; (c->Flags & TypeFlags.HeapType) != 0; c = c->Base)
            {
                nint slots = ((PyVarObject*)c)->Size;
                for (nint i = 0; i < slots; i++)
                {
                    VisitIfNotNull(*(PyObject**)((byte*)o + c->MembersOffset + (8 * i)), ref visitor);
                }
            }

            if ((t->Flags & TypeFlags.ManagedDict) != 0)
            {
                PyObject** values = *ValuesPointer(o);
                if (values != null)
                {
                    int n = t->SharedKeysCount;
                    for (int i = 0; i < n; i++)
                    {
                        VisitIfNotNull(values[i], ref visitor);
                    }
                }

                VisitIfNotNull(*ManagedDictPointer(o), ref visitor);
            }

            visitor.VisitOwnType(t);
        }
        else if (t == ListType)
        {
            var l = (PyListObject*)o;
            VisitItems(l->Items, l->Base.Size, ref visitor);
        }
        else if (t == TupleType)
        {
            VisitItems(TupleItems(o), TupleSize(o), ref visitor);
        }
        else if (t == DictType)
        {
            VisitDictEntries(((PyDictObject*)o)->Keys, ref visitor);
        }
        else if (t->Traverse != null)
        {
            visitor.TraverseSlow(o);
        }
    }

    /// <summary>
    /// list_traverse, tupletraverse: the items from last to first. Long arrays are the big
    /// heap's hubs, whose referents are anywhere: each referent's header is fetched
    /// <see cref="PrefetchDistance"/> items ahead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VisitItems<TVisitor>(PyObject** items, nint n, ref TVisitor visitor)
        where TVisitor : struct, IGcVisitor
    {
        nint i = n - 1;
        if (n > PrefetchDistance && Sse.IsSupported)
        {
            for (; i >= PrefetchDistance; i--)
            {
                PrefetchHeader(items[i - PrefetchDistance]);
                VisitIfNotNull(items[i], ref visitor);
            }
        }

        for (; i >= 0; i--)
        {
            VisitIfNotNull(items[i], ref visitor);
        }
    }

    private const int PrefetchDistance = 8;

    /// <summary>Asks for the cache line of an object's GC head and header (a hint; null is harmless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchHeader(PyObject* o) => Sse.Prefetch0((byte*)o - 8);

    /// <summary>
    /// Runs ahead of a walk along a GC list, asking for each node's cache line a fixed number
    /// of nodes early, so that the walk finds heads and headers in cache. A hint only: it
    /// follows next pointers (untagged) and stops at the list head or at an untracked node;
    /// when the walk moves nodes it may wander, which costs nothing but useless prefetches.
    /// </summary>
    private struct ListLookahead
    {
        private const int Distance = 6;
        private readonly GcHead* _head;
        private GcHead* _node;

        public ListLookahead(GcHead* head)
        {
            _head = head;
            _node = head;
            for (int i = 0; i < Distance; i++)
            {
                Step();
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step()
        {
            nuint next = _node->Next & ~NextMaskUnreachable;
            _node = next == 0 ? _head : (GcHead*)next;
            if (_node != _head && Sse.IsSupported)
            {
                Sse.Prefetch0(_node);
            }
        }
    }

    /// <summary>dict_traverse (exact dicts): values, and keys too in a general table, in entry order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void VisitDictEntries<TVisitor>(PyDictKeysObject* keys, ref TVisitor visitor)
        where TVisitor : struct, IGcVisitor
    {
        nint n = keys->NEntries;
        if (keys->Kind != (byte)DictKeysKind.General)
        {
            PyDictUnicodeEntry* entries = UnicodeEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                VisitIfNotNull(entries[i].Value, ref visitor);
            }
        }
        else
        {
            PyDictKeyEntry* entries = GeneralEntries(keys);
            for (nint i = 0; i < n; i++)
            {
                if (entries[i].Value != null)
                {
                    visitor.Visit(entries[i].Value);
                    visitor.Visit(entries[i].Key);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VisitIfNotNull<TVisitor>(PyObject* o, ref TVisitor visitor)
        where TVisitor : struct, IGcVisitor
    {
        if (o != null)
        {
            visitor.Visit(o);
        }
    }

    /// <summary>
    /// visit_decref. <see cref="SawMember"/> records whether the traversed object referenced
    /// any member of the set other than its own class: when it did not, move_unreachable
    /// need not traverse it again (PrevMaskLeaf).
    /// </summary>
    private struct DecrefVisitor : IGcVisitor
    {
        private readonly PyRuntime _rt;

        public DecrefVisitor(PyRuntime rt)
        {
            _rt = rt;
            SawMember = false;
            SawTracked = false;
        }

        public bool SawMember;

        /// <summary>A tracked object other than the traversed object's class was visited.</summary>
        public bool SawTracked;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(PyObject* o)
        {
            PyTypeObject* t = o->Type;
            if ((t->Flags & TypeFlags.HaveGc) != 0 && (t->IsGc == null || t->IsGc(_rt, o)))
            {
                GcHead* g = AsGc(o);
                if (IsCollecting(g))
                {
                    DecRefs(g);
                    SawMember = true;
                    SawTracked = true;
                }
                else if (g->Next != 0)
                {
                    SawTracked = true;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOwnType(PyTypeObject* t)
        {
            if (_rt.HeapTypeIsGc(t))
            {
                GcHead* g = AsGc((PyObject*)t);
                if (IsCollecting(g))
                {
                    DecRefs(g);
                }
            }
        }

        // The visitor lives on the caller's stack for the whole traversal, so its address is stable.
        public void TraverseSlow(PyObject* o) =>
            o->Type->Traverse(_rt, o, &VisitDecrefNoting, Unsafe.AsPointer(ref this));
    }

    private static int VisitDecrefNoting(PyRuntime rt, PyObject* o, void* arg)
    {
        Unsafe.AsRef<DecrefVisitor>(arg).Visit(o);
        return 0;
    }

    /// <summary>visit_reachable, inline.</summary>
    private readonly struct ReachableVisitor : IGcVisitor
    {
        private readonly PyRuntime _rt;
        private readonly GcHead* _young;

        public ReachableVisitor(PyRuntime rt, GcHead* young)
        {
            _rt = rt;
            _young = young;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(PyObject* o)
        {
            PyTypeObject* t = o->Type;
            if ((t->Flags & TypeFlags.HaveGc) != 0 && (t->IsGc == null || t->IsGc(_rt, o)))
            {
                Reach(AsGc(o), _young);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void VisitOwnType(PyTypeObject* t)
        {
            if (_rt.HeapTypeIsGc(t))
            {
                Reach(AsGc((PyObject*)t), _young);
            }
        }

        public void TraverseSlow(PyObject* o) => o->Type->Traverse(_rt, o, &VisitReachable, _young);
    }
}
