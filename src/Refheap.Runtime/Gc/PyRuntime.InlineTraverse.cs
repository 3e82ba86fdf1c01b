using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The collector's hot loops visit every reference of every object twice (subtract_refs and
// move_unreachable). For lists, tuples and instances of classes, most of any heap, the
// traversal is done here inline, with the visitor a struct the JIT specialises, instead of
// two indirect calls per reference; the visiting order is exactly the types' tp_traverse
// order. Everything else goes through its Traverse slot with the matching static visitor.
public sealed unsafe partial class PyRuntime
{
    private interface IGcVisitor
    {
        /// <summary>Visits one non-null referent.</summary>
        public void Visit(PyObject* o);

        /// <summary>Calls the type's Traverse slot with the equivalent static visitor.</summary>
        public void TraverseSlow(PyObject* o);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TraverseWith<TVisitor>(PyObject* o, ref TVisitor visitor)
        where TVisitor : struct, IGcVisitor
    {
        PyTypeObject* t = o->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            // subtype_traverse: slots, inline values (or the dict), then the class.
            nint slots = ((PyVarObject*)t)->Size;
            for (nint i = 0; i < slots; i++)
            {
                VisitIfNotNull(*(PyObject**)((byte*)o + 16 + (8 * i)), ref visitor);
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

            visitor.Visit((PyObject*)t);
        }
        else if (t == ListType)
        {
            var l = (PyListObject*)o;
            for (nint i = l->Base.Size - 1; i >= 0; i--)
            {
                VisitIfNotNull(l->Items[i], ref visitor);
            }
        }
        else if (t == TupleType)
        {
            PyObject** items = TupleItems(o);
            for (nint i = TupleSize(o) - 1; i >= 0; i--)
            {
                VisitIfNotNull(items[i], ref visitor);
            }
        }
        else if (t->Traverse != null)
        {
            visitor.TraverseSlow(o);
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

    /// <summary>visit_decref.</summary>
    private readonly struct DecrefVisitor : IGcVisitor
    {
        private readonly PyRuntime _rt;

        public DecrefVisitor(PyRuntime rt) => _rt = rt;

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
                }
            }
        }

        public void TraverseSlow(PyObject* o) => o->Type->Traverse(_rt, o, &VisitDecref, null);
    }

    /// <summary>visit_reachable.</summary>
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
        public void Visit(PyObject* o) => VisitReachable(_rt, o, _young);

        public void TraverseSlow(PyObject* o) => o->Type->Traverse(_rt, o, &VisitReachable, _young);
    }
}
