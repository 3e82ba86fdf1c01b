using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// 3.11's passes one by one, as gc_collect_main runs them (Modules/gcmodule.c: deduce_unreachable,
// untrack_tuples, untrack_dicts, gc_list_size). The collector runs the fused forms
// (PyRuntime.FusedPasses.cs); these stay as the reference the differential tests compare
// them with (GcReferencePasses).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// The unfused sequence; returns gc_list_size(young) after it. It never promotes directly
    /// (the differential tests switch GcDirectPromotion off).
    /// </summary>
    private long ReferencePasses(GcHead* young, GcHead* unreachable, bool full, nuint survivorFlag)
    {
        DeduceUnreachable(young, unreachable);
        UntrackTuples(young);
        if (full)
        {
            UntrackDicts(young);
        }

        return survivorFlag != 0 ? MarkOld(young, old: true) : GcListSize(young);
    }

    /// <summary>untrack_tuples: _PyTuple_MaybeUntrack on every exact tuple still in young.</summary>
    private void UntrackTuples(GcHead* head)
    {
        GcHead* g = Next(head);
        while (g != head)
        {
            PyObject* o = FromGc(g);
            GcHead* next = Next(g);
            if (o->Type == TupleType)
            {
                TupleMaybeUntrack(o);
            }

            g = next;
        }
    }

    /// <summary>untrack_dicts: _PyDict_MaybeUntrack on every exact dict (full collections only).</summary>
    private void UntrackDicts(GcHead* head)
    {
        if (DictType == null)
        {
            return;
        }

        GcHead* g = Next(head);
        while (g != head)
        {
            PyObject* o = FromGc(g);
            GcHead* next = Next(g);
            if (o->Type == DictType)
            {
                DictMaybeUntrack(o);
            }

            g = next;
        }
    }
}
