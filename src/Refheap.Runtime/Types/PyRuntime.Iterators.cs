using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The builtin iterators of 3.11 for list, tuple, str, bytes, bytearray and set/frozenset
// (Objects/listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c, bytearrayobject.c,
// setobject.c), and the iteration entry points. Iteration goes through the type slots, as
// in 3.11: the iterables' tp_iter makes an iterator, every iterator type has tp_iternext and
// a tp_iter returning itself (PyObject_SelfIter). The dict iterators and views are in
// PyRuntime.DictIterators.cs; layouts in IterObjects.cs.
//
// Every iterator is a GC object, tracked at creation, whose only references are its
// container (and, for dict_itemiterator, its result tuple). None has tp_clear, as in 3.11:
// a cycle through an iterator is broken by its container's tp_clear. Exhaustion drops the
// container (it_seq = NULL), as the *_next functions of 3.11 do.
public sealed unsafe partial class PyRuntime
{
    public PyTypeObject* ListIterType { get; private set; }

    public PyTypeObject* ListRevIterType { get; private set; }

    public PyTypeObject* TupleIterType { get; private set; }

    /// <summary>str_ascii_iterator (_PyUnicodeASCIIIter_Type): iter() of a compact ASCII str.</summary>
    public PyTypeObject* StrAsciiIterType { get; private set; }

    /// <summary>str_iterator (PyUnicodeIter_Type): iter() of any other str.</summary>
    public PyTypeObject* StrIterType { get; private set; }

    public PyTypeObject* BytesIterType { get; private set; }

    public PyTypeObject* ByteArrayIterType { get; private set; }

    public PyTypeObject* SetIterType { get; private set; }

    /// <summary>Creates the iterator and dict view types (InitCoreTypes, after InitDictTypes).</summary>
    private void InitIterTypes()
    {
        ListIterType = NewSeqIterType("list_iterator", &ListIterNextSlot);
        ListRevIterType = NewSeqIterType("list_reverseiterator", &ListRevIterNextSlot);
        TupleIterType = NewSeqIterType("tuple_iterator", &TupleIterNextSlot);
        StrAsciiIterType = NewSeqIterType("str_ascii_iterator", &StrIterNextSlot);
        StrIterType = NewSeqIterType("str_iterator", &StrIterNextSlot);
        BytesIterType = NewSeqIterType("bytes_iterator", &BytesIterNextSlot);
        ByteArrayIterType = NewSeqIterType("bytearray_iterator", &BytesIterNextSlot);

        SetIterType = NewStaticType("set_iterator", sizeof(PySetIterObject), 0, TypeFlags.HaveGc, ObjectType);
        SetIterType->Dealloc = &SetIterDealloc;
        SetIterType->Traverse = &SetIterTraverse;
        SetIterType->Iter = &SelfIter;
        SetIterType->IterNext = &SetIterNextSlot;

        InitDictIterTypes();
    }

    private PyTypeObject* NewSeqIterType(string name, delegate*<PyRuntime, PyObject*, PyObject*> iterNext)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PySeqIterObject), 0, TypeFlags.HaveGc, ObjectType);
        t->Dealloc = &SeqIterDealloc;
        t->Traverse = &SeqIterTraverse;
        t->Iter = &SelfIter;
        t->IterNext = iterNext;
        return t;
    }

    /// <summary>
    /// PyObject_GetIter: the type's tp_iter (list, tuple, str, bytes, bytearray, set,
    /// frozenset, dict (its keys) and the dict views make a new iterator; an iterator returns
    /// itself). A new reference, or null with TypeError "'X' object is not iterable" for a type
    /// without tp_iter, or "iter() returned non-iterator of type 'Y'" when tp_iter gave an
    /// object without tp_iternext.
    /// </summary>
    public PyObject* GetIter(PyObject* o)
    {
        delegate*<PyRuntime, PyObject*, PyObject*> iter = o->Type->Iter;
        if (iter == null)
        {
            SetError(TypeErrorType, $"'{TypeName(o)}' object is not iterable");
            return null;
        }

        PyObject* res = iter(this, o);
        if (res != null && !IsIteratorType(res->Type))
        {
            SetError(TypeErrorType, $"iter() returned non-iterator of type '{TypeName(res)}'");
            DecRef(res);
            return null;
        }

        return res;
    }

    /// <summary>
    /// The type's tp_iternext: the next item (a new reference); null without an error at
    /// exhaustion (the C way of saying StopIteration); null with an error set on failure
    /// (RuntimeError for a set or dict that changed during iteration). TypeError
    /// "'X' object is not an iterator" for a type without tp_iternext.
    /// </summary>
    public PyObject* IterNext(PyObject* it)
    {
        delegate*<PyRuntime, PyObject*, PyObject*> next = it->Type->IterNext;
        if (next == null)
        {
            SetError(TypeErrorType, $"'{TypeName(it)}' object is not an iterator");
            return null;
        }

        return next(this, it);
    }

    /// <summary>PyIter_Check: the type has tp_iternext.</summary>
    public bool IsIteratorType(PyTypeObject* t) => t != null && t->IterNext != null;

    /// <summary>PyObject_SelfIter: the tp_iter of every iterator type.</summary>
    private static PyObject* SelfIter(PyRuntime rt, PyObject* o) => NewRef(o);

    /// <summary>list_iter (tp_iter of list).</summary>
    private static PyObject* ListIter(PyRuntime rt, PyObject* o) => rt.NewSeqIter(rt.ListIterType, o, 0);

    /// <summary>tuple_iter (tp_iter of tuple).</summary>
    private static PyObject* TupleIter(PyRuntime rt, PyObject* o) => rt.NewSeqIter(rt.TupleIterType, o, 0);

    /// <summary>unicode_iter: the ASCII iterator for a compact ASCII str (every str here is compact).</summary>
    private static PyObject* StrIter(PyRuntime rt, PyObject* o)
    {
        bool ascii = (((PyAsciiObject*)o)->State & StateAscii) != 0;
        return rt.NewSeqIter(ascii ? rt.StrAsciiIterType : rt.StrIterType, o, 0);
    }

    /// <summary>bytes_iter (tp_iter of bytes).</summary>
    private static PyObject* BytesIter(PyRuntime rt, PyObject* o) => rt.NewSeqIter(rt.BytesIterType, o, 0);

    /// <summary>bytearray_iter (tp_iter of bytearray).</summary>
    private static PyObject* ByteArrayIter(PyRuntime rt, PyObject* o) => rt.NewSeqIter(rt.ByteArrayIterType, o, 0);

    /// <summary>set_iter (tp_iter of set and frozenset).</summary>
    private static PyObject* SetIter(PyRuntime rt, PyObject* o) => rt.NewSetIter(o);

    private static PyObject* ListIterNextSlot(PyRuntime rt, PyObject* o) => rt.ListIterNext((PySeqIterObject*)o);

    private static PyObject* ListRevIterNextSlot(PyRuntime rt, PyObject* o) => rt.ListRevIterNext((PySeqIterObject*)o);

    private static PyObject* TupleIterNextSlot(PyRuntime rt, PyObject* o) => rt.TupleIterNext((PySeqIterObject*)o);

    private static PyObject* StrIterNextSlot(PyRuntime rt, PyObject* o) => rt.StrIterNext((PySeqIterObject*)o);

    private static PyObject* BytesIterNextSlot(PyRuntime rt, PyObject* o) => rt.BytesIterNext((PySeqIterObject*)o);

    private static PyObject* SetIterNextSlot(PyRuntime rt, PyObject* o) => rt.SetIterNext((PySetIterObject*)o);

    /// <summary>
    /// list.__reversed__ (list___reversed___impl): a list_reverseiterator starting at the
    /// last item.
    /// </summary>
    public PyObject* ListReversed(PyObject* list)
    {
        if (!IsSubtype(list->Type, ListType))
        {
            BadInternalCall();
            return null;
        }

        return NewSeqIter(ListRevIterType, list, ListSize(list) - 1);
    }

    /// <summary>
    /// The __length_hint__ of a builtin iterator (listiter_len, tupleiter_len, setiter_len,
    /// dictiter_len, ...): the items still to come, 0 once exhausted.
    /// </summary>
    public nint IterLengthHint(PyObject* it)
    {
        PyTypeObject* t = it->Type;
        if (t == SetIterType)
        {
            var si = (PySetIterObject*)it;
            return si->Set != null && si->Used == ((PySetObject*)si->Set)->Used ? si->Len : 0;
        }

        if (t == DictKeyIterType || t == DictValueIterType || t == DictItemIterType)
        {
            var di = (PyDictIterObject*)it;
            return di->Dict != null && di->Used == ((PyDictObject*)di->Dict)->Used ? di->Len : 0;
        }

        var si2 = (PySeqIterObject*)it;
        if (si2->Seq == null)
        {
            return 0;
        }

        if (t == ListRevIterType)
        {
            return si2->Index >= 0 && si2->Index < ListSize(si2->Seq) ? si2->Index + 1 : 0;
        }

        nint size = t == StrAsciiIterType || t == StrIterType ? StrLength(si2->Seq) : ((PyVarObject*)si2->Seq)->Size;
        nint left = size - si2->Index;
        return left > 0 ? left : 0;
    }

    /// <summary>
    /// list_iter / tuple_iter / unicode_iter / bytes_iter / bytearray_iter /
    /// list___reversed___impl: PyObject_GC_New, it_index, it_seq = a new reference, then
    /// _PyObject_GC_TRACK.
    /// </summary>
    private PyObject* NewSeqIter(PyTypeObject* type, PyObject* seq, nint index)
    {
        PyObject* o = NewGcObject(type, sizeof(PySeqIterObject));
        if (o == null)
        {
            return null;
        }

        var it = (PySeqIterObject*)o;
        it->Index = index;
        it->Seq = NewRef(seq);
        Track(o);
        return o;
    }

    /// <summary>listiter_next for an object of <see cref="ListIterType"/> (the eval loop's FOR_ITER_LIST).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject* ListIterNextItem(PyObject* it) => ListIterNext((PySeqIterObject*)it);

    /// <summary>listiter_next.</summary>
    private PyObject* ListIterNext(PySeqIterObject* it)
    {
        PyObject* seq = it->Seq;
        if (seq == null)
        {
            return null;
        }

        if (it->Index < ListSize(seq))
        {
            return NewRef(ListItems(seq)[it->Index++]);
        }

        it->Seq = null;
        DecRef(seq);
        return null;
    }

    /// <summary>listreviter_next: counts down; at the end (or when the list shrank below the index) drops the list.</summary>
    private PyObject* ListRevIterNext(PySeqIterObject* it)
    {
        PyObject* seq = it->Seq;
        if (seq == null)
        {
            return null;
        }

        nint index = it->Index;
        if (index >= 0 && index < ListSize(seq))
        {
            it->Index--;
            return NewRef(ListItems(seq)[index]);
        }

        it->Index = -1;
        it->Seq = null;
        DecRef(seq);
        return null;
    }

    /// <summary>tupleiter_next.</summary>
    private PyObject* TupleIterNext(PySeqIterObject* it)
    {
        PyObject* seq = it->Seq;
        if (seq == null)
        {
            return null;
        }

        if (it->Index < TupleSize(seq))
        {
            return NewRef(TupleItems(seq)[it->Index++]);
        }

        it->Seq = null;
        DecRef(seq);
        return null;
    }

    /// <summary>
    /// unicode_ascii_iter_next and unicodeiter_next: the one-character str of the next code
    /// point (the cached singleton below 256, as unicode_char gives it; a new str above).
    /// </summary>
    private PyObject* StrIterNext(PySeqIterObject* it)
    {
        PyObject* seq = it->Seq;
        if (seq == null)
        {
            return null;
        }

        if (it->Index < StrLength(seq))
        {
            int cp = StrRead(seq, it->Index++);
            return NewStrFromCodePoints([cp]);
        }

        it->Seq = null;
        DecRef(seq);
        return null;
    }

    /// <summary>striter_next (bytes) and bytearrayiter_next: small ints from _PyLong_FromUnsignedChar.</summary>
    private PyObject* BytesIterNext(PySeqIterObject* it)
    {
        PyObject* seq = it->Seq;
        if (seq == null)
        {
            return null;
        }

        bool isBytes = it->Base.Type == BytesIterType;
        nint size = ((PyVarObject*)seq)->Size;
        if (it->Index < size)
        {
            byte b = isBytes ? BytesData(seq)[it->Index] : ((PyByteArrayObject*)seq)->Start[it->Index];
            it->Index++;
            return NewInt(b);
        }

        it->Seq = null;
        DecRef(seq);
        return null;
    }

    /// <summary>listiter_dealloc and its siblings: untrack, release the sequence, PyObject_GC_Del.</summary>
    private static void SeqIterDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        PyObject* seq = ((PySeqIterObject*)o)->Seq;
        ((PySeqIterObject*)o)->Seq = null;
        rt.XDecRef(seq);
        rt.GcDel(o);
    }

    /// <summary>listiter_traverse and its siblings: Py_VISIT(it_seq).</summary>
    private static int SeqIterTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* seq = ((PySeqIterObject*)o)->Seq;
        return seq != null ? visit(rt, seq, arg) : 0;
    }

    /// <summary>set_iter: si_used = len = so->used, si_pos = 0, tracked.</summary>
    private PyObject* NewSetIter(PyObject* set)
    {
        PyObject* o = NewGcObject(SetIterType, sizeof(PySetIterObject));
        if (o == null)
        {
            return null;
        }

        var si = (PySetIterObject*)o;
        si->Set = NewRef(set);
        si->Used = ((PySetObject*)set)->Used;
        si->Pos = 0;
        si->Len = ((PySetObject*)set)->Used;
        Track(o);
        return o;
    }

    /// <summary>
    /// setiter_iternext: RuntimeError "Set changed size during iteration" when the set's used
    /// count moved (the iterator keeps the set and fails again after that: si_used = -1);
    /// otherwise the next active slot in table order; at the end the set is dropped.
    /// </summary>
    private PyObject* SetIterNext(PySetIterObject* si)
    {
        PyObject* set = si->Set;
        if (set == null)
        {
            return null;
        }

        var so = (PySetObject*)set;
        if (si->Used != so->Used)
        {
            SetError(RuntimeErrorType, "Set changed size during iteration");
            si->Used = -1;
            return null;
        }

        nint i = si->Pos;
        nint mask = so->Mask;
        SetEntry* entry = so->Table;
        PyObject* dummy = SetDummy;
        while (i <= mask && (entry[i].Key == null || entry[i].Key == dummy))
        {
            i++;
        }

        si->Pos = i + 1;
        if (i > mask)
        {
            si->Set = null;
            DecRef(set);
            return null;
        }

        si->Len--;
        return NewRef(entry[i].Key);
    }

    /// <summary>setiter_dealloc.</summary>
    private static void SetIterDealloc(PyRuntime rt, PyObject* o)
    {
        rt.UntrackForDealloc(o);
        PyObject* set = ((PySetIterObject*)o)->Set;
        ((PySetIterObject*)o)->Set = null;
        rt.XDecRef(set);
        rt.GcDel(o);
    }

    /// <summary>setiter_traverse: Py_VISIT(si_set).</summary>
    private static int SetIterTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* set = ((PySetIterObject*)o)->Set;
        return set != null ? visit(rt, set, arg) : 0;
    }
}
