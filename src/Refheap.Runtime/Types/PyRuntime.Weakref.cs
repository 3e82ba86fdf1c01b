using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>PyWeakReference (Include/cpython/weakrefobject.h, 3.11): 64 bytes, a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyWeakReference
{
    public PyObject Base;

    /// <summary>wr_object: the referent, or None once cleared.</summary>
    public PyObject* Referent;

    /// <summary>wr_callback, or null.</summary>
    public PyObject* Callback;

    /// <summary>The referent's hash, -1 until computed.</summary>
    public nint Hash;

    public PyWeakReference* Prev;
    public PyWeakReference* Next;
    public void* Vectorcall;
}

// Weak references (Objects/weakrefobject.c, 3.11). Each weakly referenceable object has a
// list head at tp_weaklistoffset. List order: the basic ref (exact type, no callback) if
// any, then the basic proxy if any, then refs with callbacks, newest first.
public sealed unsafe partial class PyRuntime
{
    /// <summary>weakref.ReferenceType.</summary>
    public PyTypeObject* WeakrefType { get; private set; }

    private void InitWeakrefTypes()
    {
        WeakrefType = NewStaticType("weakref.ReferenceType", sizeof(PyWeakReference), 0, TypeFlags.HaveGc | TypeFlags.BaseType, ObjectType);
        WeakrefType->Dealloc = &WeakrefDealloc;
        WeakrefType->Traverse = &WeakrefTraverse;
        WeakrefType->Clear = &WeakrefClear;
        WeakrefType->Call = &WeakrefCall;
    }

    /// <summary>_PyObject_GET_WEAKREFS_LISTPTR.</summary>
    private static PyWeakReference** WeakListPtr(PyObject* o) => (PyWeakReference**)((byte*)o + o->Type->WeakListOffset);

    /// <summary>PyWeakref_Check: a ref (or subclass) or a proxy.</summary>
    public bool IsWeakref(PyObject* o) => IsSubtype(o->Type, WeakrefType) || IsWeakProxy(o);

    /// <summary>
    /// weakref.ref(ob, callback): shares the basic ref when there is no callback. A None
    /// callback means none. TypeError when the type cannot be weakly referenced.
    /// </summary>
    public PyObject* NewWeakref(PyObject* ob, PyObject* callback)
    {
        if (ob->Type->WeakListOffset == 0)
        {
            SetError(TypeErrorType, $"cannot create weak reference to '{TypeName(ob)}' object");
            return null;
        }

        if (callback == None)
        {
            callback = null;
        }

        PyWeakReference** list = WeakListPtr(ob);
        GetBasicRefs(*list, out PyWeakReference* basicRef, out _);
        if (callback == null && basicRef != null)
        {
            return NewRef((PyObject*)basicRef);
        }

        PyObject* o = NewWeakrefObject(WeakrefType, ob, callback);
        if (o == null)
        {
            return null;
        }

        var wr = (PyWeakReference*)o;

        // The allocation may have collected: look at the list again.
        GetBasicRefs(*list, out basicRef, out PyWeakReference* basicProxy);
        if (callback == null)
        {
            if (basicRef == null)
            {
                InsertHead(wr, list);
            }
            else
            {
                DecRef(o);
                return NewRef((PyObject*)basicRef);
            }
        }
        else
        {
            PyWeakReference* prev = basicProxy == null ? basicRef : basicProxy;
            if (prev == null)
            {
                InsertHead(wr, list);
            }
            else
            {
                InsertAfter(wr, prev);
            }
        }

        return o;
    }

    /// <summary>
    /// weakref___new__ for a subclass of ref (Objects/weakrefobject.c, 3.11): never shared; the
    /// new ref goes after the basic ref and proxy, like a ref with a callback.
    /// </summary>
    public PyObject* NewWeakrefSubtype(PyTypeObject* type, PyObject* ob, PyObject* callback)
    {
        if (type == WeakrefType)
        {
            return NewWeakref(ob, callback);
        }

        if (ob->Type->WeakListOffset == 0)
        {
            SetError(TypeErrorType, $"cannot create weak reference to '{TypeName(ob)}' object");
            return null;
        }

        if (callback == None)
        {
            callback = null;
        }

        PyObject* o = NewInstance(type);
        if (o == null)
        {
            return null;
        }

        var wr = (PyWeakReference*)o;
        wr->Hash = -1;
        wr->Referent = ob;
        wr->Callback = callback;
        XIncRef(callback);
        PyWeakReference** list = WeakListPtr(ob);
        GetBasicRefs(*list, out PyWeakReference* basicRef, out PyWeakReference* basicProxy);
        PyWeakReference* prev = basicProxy == null ? basicRef : basicProxy;
        if (prev == null)
        {
            InsertHead(wr, list);
        }
        else
        {
            InsertAfter(wr, prev);
        }

        return o;
    }

    /// <summary>new_weakref + init_weakref: a tracked weakref of <paramref name="type"/>, not yet in the referent's list.</summary>
    private PyObject* NewWeakrefObject(PyTypeObject* type, PyObject* ob, PyObject* callback)
    {
        PyObject* o = NewGcObject(type, sizeof(PyWeakReference));
        if (o == null)
        {
            return null;
        }

        var wr = (PyWeakReference*)o;
        wr->Hash = -1;
        wr->Referent = ob;
        wr->Prev = null;
        wr->Next = null;
        wr->Callback = callback;
        XIncRef(callback);
        wr->Vectorcall = null;
        Track(o);
        return o;
    }

    /// <summary>PyWeakref_GetObject: the referent (borrowed) or None.</summary>
    public static PyObject* WeakrefReferent(PyObject* wr) => ((PyWeakReference*)wr)->Referent;

    /// <summary>_PyWeakref_GetWeakrefCount of an object.</summary>
    public static nint WeakrefCount(PyObject* ob)
    {
        if (ob->Type->WeakListOffset == 0)
        {
            return 0;
        }

        nint n = 0;
        for (PyWeakReference* w = *WeakListPtr(ob); w != null; w = w->Next)
        {
            n++;
        }

        return n;
    }

    private void GetBasicRefs(PyWeakReference* head, out PyWeakReference* basicRef, out PyWeakReference* basicProxy)
    {
        basicRef = null;
        basicProxy = null;
        if (head != null && head->Callback == null)
        {
            if (head->Base.Type == WeakrefType)
            {
                basicRef = head;
                head = head->Next;
            }

            if (head != null && head->Callback == null && IsWeakProxy((PyObject*)head))
            {
                basicProxy = head;
            }
        }
    }

    private static void InsertHead(PyWeakReference* wr, PyWeakReference** list)
    {
        PyWeakReference* next = *list;
        wr->Prev = null;
        wr->Next = next;
        if (next != null)
        {
            next->Prev = wr;
        }

        *list = wr;
    }

    private static void InsertAfter(PyWeakReference* wr, PyWeakReference* prev)
    {
        wr->Prev = prev;
        wr->Next = prev->Next;
        if (prev->Next != null)
        {
            prev->Next->Prev = wr;
        }

        prev->Next = wr;
    }

    /// <summary>clear_weakref: unlink from the referent's list, point at None, drop the callback.</summary>
    private void ClearWeakref(PyWeakReference* wr)
    {
        PyObject* callback = wr->Callback;
        if (wr->Referent != None)
        {
            PyWeakReference** list = WeakListPtr(wr->Referent);
            if (*list == wr)
            {
                *list = wr->Next;
            }

            wr->Referent = None;
            if (wr->Prev != null)
            {
                wr->Prev->Next = wr->Next;
            }

            if (wr->Next != null)
            {
                wr->Next->Prev = wr->Prev;
            }

            wr->Prev = null;
            wr->Next = null;
        }

        if (callback != null)
        {
            wr->Callback = null;
            DecRef(callback);
        }
    }

    /// <summary>_PyWeakref_ClearRef: clear, but keep the callback pointer.</summary>
    internal void ClearWeakrefKeepCallback(PyWeakReference* wr)
    {
        PyObject* callback = wr->Callback;
        wr->Callback = null;
        ClearWeakref(wr);
        wr->Callback = callback;
    }

    /// <summary>
    /// PyObject_ClearWeakRefs, from a dying object's tp_dealloc: basic refs die silently,
    /// then the callbacks run in list order (so newest first), each with its weakref.
    /// </summary>
    public void ClearWeakRefs(PyObject* o)
    {
        if (o->Type->WeakListOffset == 0)
        {
            return;
        }

        PyWeakReference** list = WeakListPtr(o);
        if (*list != null && (*list)->Callback == null)
        {
            ClearWeakref(*list);
            if (*list != null && (*list)->Callback == null)
            {
                ClearWeakref(*list);
            }
        }

        if (*list == null)
        {
            return;
        }

        PyWeakReference* current = *list;
        nint count = 0;
        for (PyWeakReference* w = current; w != null; w = w->Next)
        {
            count++;
        }

        PyObject* saved = FetchError();
        if (count == 1)
        {
            PyObject* callback = current->Callback;
            current->Callback = null;
            ClearWeakref(current);
            if (callback != null)
            {
                if (current->Base.RefCount > 0)
                {
                    HandleCallback(current, callback);
                }

                DecRef(callback);
            }
        }
        else
        {
            PyObject* tuple = NewTuple(count * 2);
            if (tuple == null)
            {
                XDecRef(saved);
                return;
            }

            PyObject** items = TupleItems(tuple);
            for (nint i = 0; i < count; i++)
            {
                PyWeakReference* next = current->Next;
                if (current->Base.RefCount > 0)
                {
                    IncRef((PyObject*)current);
                    items[i * 2] = (PyObject*)current;
                    items[(i * 2) + 1] = current->Callback;
                }
                else
                {
                    DecRef(current->Callback);
                }

                current->Callback = null;
                ClearWeakref(current);
                current = next;
            }

            for (nint i = 0; i < count; i++)
            {
                PyObject* callback = items[(i * 2) + 1];
                if (callback != null)
                {
                    HandleCallback((PyWeakReference*)items[i * 2], callback);
                }
            }

            DecRef(tuple);
        }

        if (saved != null)
        {
            SetErrorObject(saved);
        }
    }

    /// <summary>handle_callback: errors are unraisable.</summary>
    private void HandleCallback(PyWeakReference* wr, PyObject* callback)
    {
        PyObject* result = CallOneArg(callback, (PyObject*)wr);
        if (result == null)
        {
            WriteUnraisable(null, callback);
        }
        else
        {
            DecRef(result);
        }
    }

    private static void WeakrefDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        rt.ClearWeakref((PyWeakReference*)o);
        rt.GcDel(o);
    }

    private static int WeakrefTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* cb = ((PyWeakReference*)o)->Callback;
        return cb != null ? visit(rt, cb, arg) : 0;
    }

    private static int WeakrefClear(PyRuntime rt, PyObject* o)
    {
        rt.ClearWeakref((PyWeakReference*)o);
        return 0;
    }

    /// <summary>wr(): the referent or None, as a new reference.</summary>
    private static PyObject* WeakrefCall(PyRuntime rt, PyObject* o, PyObject* args, PyObject* kwargs)
    {
        if (args != null && TupleSize(args) != 0)
        {
            rt.SetError(rt.TypeErrorType, $"weakref() takes exactly 0 arguments ({TupleSize(args)} given)");
            return null;
        }

        return NewRef(((PyWeakReference*)o)->Referent);
    }

    /// <summary>handle_weakrefs (gcmodule.c): clear all weakrefs to the garbage, then call the surviving ones' callbacks.</summary>
    private long HandleWeakrefs(GcHead* unreachable, GcHead* old)
    {
        GcHead* wrcbToCall = ScratchHead(ScratchWeakrefCallbacks);
        GcListInit(wrcbToCall);
        long numFreed = 0;
        GcHead* next;
        for (GcHead* g = Next(unreachable); g != unreachable; g = next)
        {
            PyObject* op = FromGc(g);
            next = Next(g);
            if (IsWeakref(op))
            {
                // A weakref that is itself garbage is cleared; its callback never runs (bpo-38006).
                ClearWeakrefKeepCallback((PyWeakReference*)op);
            }

            if (op->Type->WeakListOffset == 0)
            {
                continue;
            }

            PyWeakReference** list = WeakListPtr(op);
            for (PyWeakReference* wr = *list; wr != null; wr = *list)
            {
                ClearWeakrefKeepCallback(wr);
                if (wr->Callback == null)
                {
                    continue;
                }

                GcHead* wrGc = AsGc((PyObject*)wr);
                if (IsCollecting(wrGc))
                {
                    // The weakref is trash too: no callback.
                    continue;
                }

                IncRef((PyObject*)wr);
                GcListMove(wrGc, wrcbToCall);
            }
        }

        while (!GcListIsEmpty(wrcbToCall))
        {
            GcHead* g = Next(wrcbToCall);
            PyObject* op = FromGc(g);
            var wr = (PyWeakReference*)op;
            PyObject* result = CallOneArg(wr->Callback, op);
            if (result == null)
            {
                WriteUnraisable(null, wr->Callback);
            }
            else
            {
                DecRef(result);
            }

            DecRef(op);
            if (Next(wrcbToCall) == g)
            {
                MoveIntoOld(g, old);
            }
            else
            {
                numFreed++;
            }
        }

        return numFreed;
    }
}
