using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// tp_subclasses (Objects/typeobject.c: add_subclass, remove_subclass, type___subclasses__):
// a base's dict from each subclass's address to a weak reference to it.
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// type_ready_add_subclasses / add_subclass: each base records the new class in its
    /// tp_subclasses dict as {address: weakref}, so every class has its basic weak reference
    /// (weakref.getweakrefcount(cls) is 1, as in CPython) and __subclasses__ reads the dict.
    /// </summary>
    private bool AddSubclass(PyTypeObject* t)
    {
        for (nint i = 0; i < TupleSize(t->Bases); i++)
        {
            var b = (PyTypeObject*)TupleItems(t->Bases)[i];
            if (b->Subclasses == null)
            {
                b->Subclasses = NewDict();
                if (b->Subclasses == null)
                {
                    return false;
                }
            }

            PyObject* key = NewInt((long)(nint)t);
            PyObject* wr = key == null ? null : NewWeakref((PyObject*)t, null);
            bool ok = wr != null && DictSetItem(b->Subclasses, key, wr) == 0;
            XDecRef(key);
            XDecRef(wr);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>remove_all_subclasses: a dying class leaves its bases' tp_subclasses (an emptied dict goes).</summary>
    internal void RemoveSubclass(PyTypeObject* t, PyObject* bases)
    {
        for (nint i = 0; bases != null && i < TupleSize(bases); i++)
        {
            var b = (PyTypeObject*)TupleItems(bases)[i];
            if (b->Subclasses == null)
            {
                continue;
            }

            PyObject* saved = FetchError();
            PyObject* key = NewInt((long)(nint)t);
            if (key == null || DictDelItem(b->Subclasses, key) < 0)
            {
                ClearError();
            }

            XDecRef(key);
            if (DictSize(b->Subclasses) == 0)
            {
                Clear(ref b->Subclasses);
            }

            if (saved != null)
            {
                SetErrorObject(saved);
            }
        }
    }

    /// <summary>type.__subclasses__(): the live classes of tp_subclasses, in the order they were made.</summary>
    public PyObject* SubclassList(PyTypeObject* type)
    {
        PyObject* list = NewList(0);
        if (list == null || type->Subclasses == null)
        {
            return list;
        }

        PyObject* refs = DictValues(type->Subclasses);
        if (refs == null)
        {
            DecRef(list);
            return null;
        }

        for (nint i = 0; i < ListSize(refs); i++)
        {
            PyObject* cls = WeakrefReferent(ListItems(refs)[i]);
            if (cls != null && cls != None && !ListAppend(list, cls))
            {
                DecRef(refs);
                DecRef(list);
                return null;
            }
        }

        DecRef(refs);
        return list;
    }
}
