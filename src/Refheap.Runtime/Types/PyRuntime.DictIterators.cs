using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// dict iterators and views (Objects/dictobject.c, 3.11): dict_keyiterator,
// dict_valueiterator, dict_itemiterator (dictiterobject, 56 bytes + GC head) and dict_keys,
// dict_values, dict_items (_PyDictViewObject, 24 bytes + GC head). All GC, tracked at
// creation. The reversed dict iterators are not implemented. Every dict here is combined
// (ma_values is always null), so only the combined-table walk of dictiter_iternext* exists.
public sealed unsafe partial class PyRuntime
{
    private enum DictIterKind
    {
        Keys,
        Values,
        Items,
    }

    public PyTypeObject* DictKeyIterType { get; private set; }

    public PyTypeObject* DictValueIterType { get; private set; }

    public PyTypeObject* DictItemIterType { get; private set; }

    public PyTypeObject* DictKeysType { get; private set; }

    public PyTypeObject* DictValuesType { get; private set; }

    public PyTypeObject* DictItemsType { get; private set; }

    private void InitDictIterTypes()
    {
        DictKeyIterType = NewDictIterType("dict_keyiterator");
        DictValueIterType = NewDictIterType("dict_valueiterator");
        DictItemIterType = NewDictIterType("dict_itemiterator");
        DictKeysType = NewDictViewType("dict_keys", &DictKeysIter);
        DictValuesType = NewDictViewType("dict_values", &DictValuesIter);
        DictItemsType = NewDictViewType("dict_items", &DictItemsIter);
    }

    private PyTypeObject* NewDictIterType(string name)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PyDictIterObject), 0, TypeFlags.HaveGc, ObjectType);
        t->Dealloc = &DictIterDealloc;
        t->Traverse = &DictIterTraverse;
        t->Iter = &SelfIter;
        t->IterNext = &DictIterNextSlot;
        return t;
    }

    private PyTypeObject* NewDictViewType(string name, delegate*<PyRuntime, PyObject*, PyObject*> iter)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PyDictViewObject), 0, TypeFlags.HaveGc, ObjectType);
        t->Dealloc = &DictViewDealloc;
        t->Traverse = &DictViewTraverse;
        t->Iter = iter;
        return t;
    }

    /// <summary>dict.keys() (dictkeys_new): a tracked dict_keys view. Null with SystemError for a non-dict.</summary>
    public PyObject* DictKeysView(PyObject* dict) => NewDictView(DictKeysType, dict);

    /// <summary>dict.values() (dictvalues_new).</summary>
    public PyObject* DictValuesView(PyObject* dict) => NewDictView(DictValuesType, dict);

    /// <summary>dict.items() (dictitems_new).</summary>
    public PyObject* DictItemsView(PyObject* dict) => NewDictView(DictItemsType, dict);

    /// <summary>True for dict_keys, dict_values and dict_items.</summary>
    public bool IsDictView(PyObject* o) =>
        o->Type == DictKeysType || o->Type == DictValuesType || o->Type == DictItemsType;

    /// <summary>dictview_len: the dict's length (0 without a dict).</summary>
    public nint DictViewLength(PyObject* view)
    {
        PyObject* d = ((PyDictViewObject*)view)->Dict;
        return d == null ? 0 : ((PyDictObject*)d)->Used;
    }

    /// <summary>The dict a view looks at (borrowed).</summary>
    public static PyObject* DictViewDict(PyObject* view) => ((PyDictViewObject*)view)->Dict;

    /// <summary>dict_iter (tp_iter of dict): a key iterator.</summary>
    private static PyObject* DictIter(PyRuntime rt, PyObject* o) => rt.NewDictIter(rt.DictKeyIterType, o);

    /// <summary>dictkeys_iter (tp_iter of dict_keys).</summary>
    private static PyObject* DictKeysIter(PyRuntime rt, PyObject* o) =>
        rt.NewDictIter(rt.DictKeyIterType, ((PyDictViewObject*)o)->Dict);

    /// <summary>dictvalues_iter (tp_iter of dict_values).</summary>
    private static PyObject* DictValuesIter(PyRuntime rt, PyObject* o) =>
        rt.NewDictIter(rt.DictValueIterType, ((PyDictViewObject*)o)->Dict);

    /// <summary>dictitems_iter (tp_iter of dict_items).</summary>
    private static PyObject* DictItemsIter(PyRuntime rt, PyObject* o) =>
        rt.NewDictIter(rt.DictItemIterType, ((PyDictViewObject*)o)->Dict);

    private static PyObject* DictIterNextSlot(PyRuntime rt, PyObject* o) => rt.DictIterNext((PyDictIterObject*)o);

    /// <summary>_PyDictView_New: PyObject_GC_New, dv_dict = a new reference, _PyObject_GC_TRACK.</summary>
    private PyObject* NewDictView(PyTypeObject* type, PyObject* dict)
    {
        if (dict == null || !IsDict(dict))
        {
            BadInternalCall();
            return null;
        }

        PyObject* o = NewGcObject(type, sizeof(PyDictViewObject));
        if (o == null)
        {
            return null;
        }

        ((PyDictViewObject*)o)->Dict = NewRef(dict);
        Track(o);
        return o;
    }

    /// <summary>dictview_dealloc.</summary>
    private static void DictViewDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        PyObject* d = ((PyDictViewObject*)o)->Dict;
        ((PyDictViewObject*)o)->Dict = null;
        rt.XDecRef(d);
        rt.GcDel(o);
    }

    /// <summary>dictview_traverse: Py_VISIT(dv_dict).</summary>
    private static int DictViewTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* d = ((PyDictViewObject*)o)->Dict;
        return d != null ? visit(rt, d, arg) : 0;
    }

    /// <summary>
    /// dictiter_new (forward iterators): PyObject_GC_New, di_dict = a new reference,
    /// di_used = len = ma_used, di_pos = 0; an item iterator then makes its result tuple
    /// (None, None) with PyTuple_Pack (a second counted, tracked allocation); then the
    /// iterator is tracked.
    /// </summary>
    private PyObject* NewDictIter(PyTypeObject* type, PyObject* dict)
    {
        PyObject* o = NewGcObject(type, sizeof(PyDictIterObject));
        if (o == null)
        {
            return null;
        }

        var di = (PyDictIterObject*)o;
        var mp = (PyDictObject*)dict;
        di->Dict = NewRef(dict);
        di->Used = mp->Used;
        di->Len = mp->Used;
        di->Pos = 0;
        di->Result = null;
        if (type == DictItemIterType)
        {
            di->Result = NewTuple((nint)None, (nint)None);
            if (di->Result == null)
            {
                // The object is untracked here, as in dictiter_new's failure path (Py_DECREF(di)).
                DecRef(o);
                return null;
            }
        }

        Track(o);
        return o;
    }

    /// <summary>
    /// dictiter_iternextkey / dictiter_iternextvalue / dictiter_iternextitem (combined
    /// tables): RuntimeError "dictionary changed size during iteration" when ma_used moved
    /// (di_used = -1, the dict is kept); the next live entry at or after di_pos;
    /// RuntimeError "dictionary keys changed during iteration" when one more entry turns up
    /// than len allows (the dict is dropped); the dict is dropped at the end.
    /// </summary>
    private PyObject* DictIterNext(PyDictIterObject* di)
    {
        PyObject* d = di->Dict;
        if (d == null)
        {
            return null;
        }

        var mp = (PyDictObject*)d;
        if (di->Used != mp->Used)
        {
            SetError(RuntimeErrorType, "dictionary changed size during iteration");
            di->Used = -1;
            return null;
        }

        nint i = di->Pos;
        PyDictKeysObject* k = mp->Keys;
        nint n = k->NEntries;
        PyObject* key;
        PyObject* value;
        if (IsUnicodeKeys(k))
        {
            PyDictUnicodeEntry* ep = UnicodeEntries(k) + i;
            while (i < n && ep->Value == null)
            {
                ep++;
                i++;
            }

            if (i >= n)
            {
                return DictIterFail(di);
            }

            key = ep->Key;
            value = ep->Value;
        }
        else
        {
            PyDictKeyEntry* ep = GeneralEntries(k) + i;
            while (i < n && ep->Value == null)
            {
                ep++;
                i++;
            }

            if (i >= n)
            {
                return DictIterFail(di);
            }

            key = ep->Key;
            value = ep->Value;
        }

        // We found an element, but did not expect it.
        if (di->Len == 0)
        {
            SetError(RuntimeErrorType, "dictionary keys changed during iteration");
            return DictIterFail(di);
        }

        di->Pos = i + 1;
        di->Len--;
        PyTypeObject* t = di->Base.Type;
        if (t == DictKeyIterType)
        {
            return NewRef(key);
        }

        if (t == DictValueIterType)
        {
            return NewRef(value);
        }

        return DictIterItem(di, key, value);
    }

    /// <summary>
    /// The tail of dictiter_iternextitem: when the iterator holds the only reference to its
    /// result tuple, refill it (new references in, then the old key and value released) and
    /// re-track it if a collection untracked it (bpo-42536); otherwise a new 2-tuple.
    /// </summary>
    private PyObject* DictIterItem(PyDictIterObject* di, PyObject* key, PyObject* value)
    {
        IncRef(key);
        IncRef(value);
        PyObject* result = di->Result;
        if (result->RefCount == 1)
        {
            PyObject** items = TupleItems(result);
            PyObject* oldKey = items[0];
            PyObject* oldValue = items[1];
            items[0] = key;
            items[1] = value;
            IncRef(result);
            DecRef(oldKey);
            DecRef(oldValue);
            if (!IsTracked(result))
            {
                Track(result);
            }

            return result;
        }

        result = NewTuple(2);
        if (result == null)
        {
            // 3.11 leaks key and value here; this runtime releases them.
            DecRef(key);
            DecRef(value);
            return null;
        }

        TupleItems(result)[0] = key;
        TupleItems(result)[1] = value;
        return result;
    }

    /// <summary>The fail: label of dictiter_iternext*: drop the dict (di_dict = NULL) and return NULL.</summary>
    private PyObject* DictIterFail(PyDictIterObject* di)
    {
        PyObject* d = di->Dict;
        di->Dict = null;
        DecRef(d);
        return null;
    }

    /// <summary>dictiter_dealloc: untrack, release di_dict and di_result, PyObject_GC_Del.</summary>
    private static void DictIterDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        var di = (PyDictIterObject*)o;
        PyObject* d = di->Dict;
        PyObject* result = di->Result;
        di->Dict = null;
        di->Result = null;
        rt.XDecRef(d);
        rt.XDecRef(result);
        rt.GcDel(o);
    }

    /// <summary>dictiter_traverse: Py_VISIT(di_dict), Py_VISIT(di_result).</summary>
    private static int DictIterTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var di = (PyDictIterObject*)o;
        if (di->Dict != null)
        {
            int r = visit(rt, di->Dict, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return di->Result != null ? visit(rt, di->Result, arg) : 0;
    }
}
