using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>PyListObject (Include/cpython/listobject.h): 40 bytes; the items live in a separate PyMem block.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyListObject
{
    public PyVarObject Base;
    public PyObject** Items;
    public nint Allocated;
}

// list (Objects/listobject.c, 3.11): list_resize's growth policy, a free list of 80 list
// headers (the item arrays are freed), items released last to first.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyList_MAXFREELIST.</summary>
    public const int ListMaxFreeList = 80;

    private readonly nint[] _listFreeList = new nint[ListMaxFreeList];
    private int _listNumFree;

    public PyTypeObject* ListType { get; private set; }

    /// <summary>List headers waiting on the free list.</summary>
    public int ListFreeCount => _listNumFree;

    private void InitListType()
    {
        ListType = NewStaticType("list", sizeof(PyListObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.ListSubclass, ObjectType);
        ListType->Dealloc = &ListDealloc;
        ListType->Traverse = &ListTraverse;
        ListType->Clear = &ListClear;
        ListType->SizeOf = &ListSizeOf;
        ListType->Iter = &ListIter;
    }

    public static nint ListSize(PyObject* l) => ((PyVarObject*)l)->Size;

    public static PyObject** ListItems(PyObject* l) => ((PyListObject*)l)->Items;

    public static nint ListAllocated(PyObject* l) => ((PyListObject*)l)->Allocated;

    /// <summary>PyList_New: a tracked list of <paramref name="size"/> null items. Null with an error on failure.</summary>
    public PyObject* NewList(nint size)
    {
        if (size < 0)
        {
            SetError(SystemErrorType, "bad argument to internal function");
            return null;
        }

        PyObject* op;
        if (_listNumFree > 0)
        {
            _listNumFree--;
            op = (PyObject*)_listFreeList[_listNumFree];
            op->RefCount = 1;
        }
        else
        {
            op = NewGcObject(ListType, sizeof(PyListObject));
            if (op == null)
            {
                return null;
            }
        }

        var l = (PyListObject*)op;
        if (size <= 0)
        {
            l->Items = null;
        }
        else
        {
            l->Items = (PyObject**)Allocator.TryAllocate(size * 8);
            if (l->Items == null)
            {
                l->Base.Size = 0;
                l->Allocated = 0;
                DecRef(op);
                return NoMemory();
            }

            ClearItems(l->Items, size);
        }

        l->Base.Size = size;
        l->Allocated = size;
        Track(op);
        return op;
    }

    /// <summary>Nulls <paramref name="count"/> item slots: a few stores for a short list, memset for a long one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ClearItems(PyObject** items, nint count)
    {
        if (count <= 8)
        {
            for (nint i = 0; i < count; i++)
            {
                items[i] = null;
            }
        }
        else
        {
            new Span<nint>(items, (int)count).Clear();
        }
    }

    /// <summary>
    /// list_resize: no realloc while allocated/2 &lt;= newsize &lt;= allocated; otherwise
    /// (newsize + newsize/8 + 6) &amp; ~3, or (newsize + 3) &amp; ~3 when that is not enough.
    /// </summary>
    internal bool ListResize(PyObject* op, nint newSize)
    {
        var l = (PyListObject*)op;
        nint allocated = l->Allocated;
        if (allocated >= newSize && newSize >= (allocated >> 1))
        {
            l->Base.Size = newSize;
            return true;
        }

        nint newAllocated = (newSize + (newSize >> 3) + 6) & ~(nint)3;
        if (newSize - l->Base.Size > newAllocated - newSize)
        {
            newAllocated = (newSize + 3) & ~(nint)3;
        }

        if (newSize == 0)
        {
            newAllocated = 0;
        }

        PyObject** items;
        if (newAllocated == 0)
        {
            Allocator.Free(l->Items);
            items = null;
        }
        else
        {
            items = (PyObject**)Allocator.TryReallocate(l->Items, newAllocated * 8);
            if (items == null)
            {
                NoMemory();
                return false;
            }
        }

        l->Items = items;
        l->Base.Size = newSize;
        l->Allocated = newAllocated;
        return true;
    }

    /// <summary>PyList_Append (app1): takes a new reference to <paramref name="item"/>.</summary>
    public bool ListAppend(PyObject* list, PyObject* item)
    {
        nint n = ListSize(list);
        if (!ListResize(list, n + 1))
        {
            return false;
        }

        ListItems(list)[n] = NewRef(item);
        return true;
    }

    /// <summary>list_dealloc.</summary>
    private static void ListDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var l = (PyListObject*)o;
        if (l->Items != null)
        {
            // Items last to first: if a list item holds a reference to the next, it dies first.
            for (nint i = l->Base.Size - 1; i >= 0; i--)
            {
                rt.XDecRef(l->Items[i]);
            }

            rt.Allocator.Free(l->Items);
        }

        if (rt._listNumFree < ListMaxFreeList && o->Type == rt.ListType)
        {
            rt._listFreeList[rt._listNumFree++] = (nint)o;
        }
        else
        {
            rt.GcDel(o);
        }

        rt.TrashEnd();
    }

    /// <summary>list_traverse: last to first.</summary>
    private static int ListTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var l = (PyListObject*)o;
        for (nint i = l->Base.Size - 1; i >= 0; i--)
        {
            if (l->Items[i] != null)
            {
                int r = visit(rt, l->Items[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <summary>_list_clear.</summary>
    private static int ListClear(PyRuntime rt, PyObject* o)
    {
        var l = (PyListObject*)o;
        PyObject** items = l->Items;
        if (items != null)
        {
            nint i = l->Base.Size;
            l->Base.Size = 0;
            l->Items = null;
            l->Allocated = 0;
            while (--i >= 0)
            {
                rt.XDecRef(items[i]);
            }

            rt.Allocator.Free(items);
        }

        return 0;
    }

    /// <summary>list___sizeof__: 40 + 8 * allocated.</summary>
    private static nint ListSizeOf(PyRuntime rt, PyObject* o) => o->Type->BasicSize + (8 * ((PyListObject*)o)->Allocated);

    /// <summary>_PyList_ClearFreeList.</summary>
    private void ClearListFreeList()
    {
        while (_listNumFree > 0)
        {
            _listNumFree--;
            GcDel((PyObject*)_listFreeList[_listNumFree]);
            _listFreeList[_listNumFree] = 0;
        }
    }
}
