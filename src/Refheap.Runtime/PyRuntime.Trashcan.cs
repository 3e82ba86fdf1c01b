using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The trashcan (Objects/object.c, 3.11: _PyTrash_begin, _PyTrash_end,
// _PyTrash_thread_deposit_object, _PyTrash_thread_destroy_chain). Container deallocators
// bracket their work with TrashBegin/TrashEnd; past 50 nested deallocations, objects are
// parked on a chain (linked through the pointer bits of their GC head's prev field, the
// flag bits kept, so FINALIZED survives) and destroyed when the
// nesting unwinds, so freeing a 10^6-deep structure never overflows the stack.
public sealed unsafe partial class PyRuntime
{
    /// <summary>_PyTrash_UNWIND_LEVEL.</summary>
    public const int TrashUnwindLevel = 50;

    private int _trashDeleteNesting;
    private PyObject* _trashDeleteLater;

    // The object subtype_dealloc is handing to its builtin base's deallocator. CPython's
    // Py_TRASHCAN_BEGIN(op, dealloc) applies only when op's type's tp_dealloc is that very
    // function, so a base deallocator (list_dealloc for a list subclass) never parks the
    // object a second time: subtype_dealloc already went through the trashcan for it.
    private PyObject* _trashBaseDealloc;

    /// <summary>Deepest dealloc nesting seen (for tests of the trashcan).</summary>
    internal int MaxTrashNesting { get; private set; }

    /// <summary>
    /// Py_TRASHCAN_BEGIN: returns true when the object was parked and the caller must return
    /// at once. The object must be an untracked GC object with refcount 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrashBegin(PyObject* o)
    {
        if (_trashDeleteNesting >= TrashUnwindLevel && o != _trashBaseDealloc)
        {
            TrashDeposit(o);
            return true;
        }

        _trashDeleteNesting++;
        if (_trashDeleteNesting > MaxTrashNesting)
        {
            MaxTrashNesting = _trashDeleteNesting;
        }

        return false;
    }

    /// <summary>_PyTrash_thread_deposit_object: park the object on the chain.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TrashDeposit(PyObject* o)
    {
        GcHead* g = AsGc(o);
        System.Diagnostics.Debug.Assert(g->Next == 0, "trashcan: a tracked object was deposited");

        // _PyGCHead_SET_PREV: the flag bits (FINALIZED) stay.
        SetPrev(g, (GcHead*)_trashDeleteLater);
        _trashDeleteLater = o;
    }

    /// <summary>Py_TRASHCAN_END.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void TrashEnd()
    {
        _trashDeleteNesting--;
        if (_trashDeleteLater != null && _trashDeleteNesting <= 0)
        {
            DestroyTrashChain();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DestroyTrashChain()
    {
        while (_trashDeleteLater != null)
        {
            PyObject* o = _trashDeleteLater;
            _trashDeleteLater = (PyObject*)Prev(AsGc(o));
            AsGc(o)->Prev &= PrevMaskFinalized;
            System.Diagnostics.Debug.Assert(o->RefCount == 0);
            _trashDeleteNesting++;
            o->Type->Dealloc(this, o);
            _trashDeleteNesting--;
        }
    }
}
