using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The builtin iterators of 3.11 for list, tuple, str, bytes, bytearray and set/frozenset
// (Objects/listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c, bytearrayobject.c,
// setobject.c), and the iteration entry points. PyTypeObject has no tp_iter/tp_iternext
// slots here, so GetIter and IterNext dispatch on the type instead. The dict iterators and
// views are in PyRuntime.DictIterators.cs; layouts in IterObjects.cs.
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

    /// <summary>
    /// Creates the iterator and dict view types; idempotent. The runtime's InitCoreTypes
    /// should call it once (after InitDictTypes); until then GetIter and the view
    /// constructors call it themselves.
    /// </summary>
    public void InitIterTypes()
    {
        if (ListIterType != null)
        {
            return;
        }

        ListIterType = NewSeqIterType("list_iterator");
        ListRevIterType = NewSeqIterType("list_reverseiterator");
        TupleIterType = NewSeqIterType("tuple_iterator");
        StrAsciiIterType = NewSeqIterType("str_ascii_iterator");
        StrIterType = NewSeqIterType("str_iterator");
        BytesIterType = NewSeqIterType("bytes_iterator");
        ByteArrayIterType = NewSeqIterType("bytearray_iterator");

        SetIterType = NewStaticType("set_iterator", sizeof(PySetIterObject), 0, TypeFlags.HaveGc, ObjectType);
        SetIterType->Dealloc = &SetIterDealloc;
        SetIterType->Traverse = &SetIterTraverse;

        InitDictIterTypes();
    }

    private PyTypeObject* NewSeqIterType(string name)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PySeqIterObject), 0, TypeFlags.HaveGc, ObjectType);
        t->Dealloc = &SeqIterDealloc;
        t->Traverse = &SeqIterTraverse;
        return t;
    }

    /// <summary>
    /// PyObject_GetIter for the builtin iterables: list, tuple, str, bytes, bytearray,
    /// set, frozenset, dict (its keys) and the dict views; an iterator returns itself
    /// (PyObject_SelfIter). A new reference, or null with TypeError "'X' object is not iterable".
    /// </summary>
    public PyObject* GetIter(PyObject* o)
    {
        InitIterTypes();
        PyTypeObject* t = o->Type;
        if (IsIteratorType(t))
        {
            return NewRef(o);
        }

        if (IsSubtype(t, ListType))
        {
            return NewSeqIter(ListIterType, o, 0);
        }

        if (IsSubtype(t, TupleType))
        {
            return NewSeqIter(TupleIterType, o, 0);
        }

        if (IsSubtype(t, StrType))
        {
            // unicode_iter: the ASCII iterator for a compact ASCII str (every str here is compact).
            bool ascii = (((PyAsciiObject*)o)->State & StateAscii) != 0;
            return NewSeqIter(ascii ? StrAsciiIterType : StrIterType, o, 0);
        }

        if (IsSubtype(t, BytesType))
        {
            return NewSeqIter(BytesIterType, o, 0);
        }

        if (IsSubtype(t, ByteArrayType))
        {
            return NewSeqIter(ByteArrayIterType, o, 0);
        }

        if (IsSubtype(t, SetType) || IsSubtype(t, FrozenSetType))
        {
            return NewSetIter(o);
        }

        if (IsSubtype(t, DictType))
        {
            return NewDictIter(DictKeyIterType, o);
        }

        if (t == DictKeysType)
        {
            return NewDictIter(DictKeyIterType, ((PyDictViewObject*)o)->Dict);
        }

        if (t == DictValuesType)
        {
            return NewDictIter(DictValueIterType, ((PyDictViewObject*)o)->Dict);
        }

        if (t == DictItemsType)
        {
            return NewDictIter(DictItemIterType, ((PyDictViewObject*)o)->Dict);
        }

        SetError(TypeErrorType, $"'{TypeName(o)}' object is not iterable");
        return null;
    }

    /// <summary>
    /// tp_iternext of the builtin iterators: the next item (a new reference); null without
    /// an error at exhaustion (the C way of saying StopIteration); null with an error set on
    /// failure (RuntimeError for a set or dict that changed during iteration). TypeError
    /// "'X' object is not an iterator" for anything else.
    /// </summary>
    public PyObject* IterNext(PyObject* it)
    {
        PyTypeObject* t = it->Type;
        if (t == ListIterType)
        {
            return ListIterNext((PySeqIterObject*)it);
        }

        if (t == TupleIterType)
        {
            return TupleIterNext((PySeqIterObject*)it);
        }

        if (t == DictKeyIterType || t == DictValueIterType || t == DictItemIterType)
        {
            return DictIterNext((PyDictIterObject*)it);
        }

        if (t == SetIterType)
        {
            return SetIterNext((PySetIterObject*)it);
        }

        if (t == StrAsciiIterType || t == StrIterType)
        {
            return StrIterNext((PySeqIterObject*)it);
        }

        if (t == BytesIterType || t == ByteArrayIterType)
        {
            return BytesIterNext((PySeqIterObject*)it);
        }

        if (t == ListRevIterType)
        {
            return ListRevIterNext((PySeqIterObject*)it);
        }

        SetError(TypeErrorType, $"'{TypeName(it)}' object is not an iterator");
        return null;
    }

    /// <summary>True for the iterator types of this file and PyRuntime.DictIterators.cs.</summary>
    public bool IsIteratorType(PyTypeObject* t) =>
        t != null && ListIterType != null &&
        (t == ListIterType || t == ListRevIterType || t == TupleIterType || t == StrAsciiIterType ||
         t == StrIterType || t == BytesIterType || t == ByteArrayIterType || t == SetIterType ||
         t == DictKeyIterType || t == DictValueIterType || t == DictItemIterType);

    /// <summary>
    /// list.__reversed__ (list___reversed___impl): a list_reverseiterator starting at the
    /// last item.
    /// </summary>
    public PyObject* ListReversed(PyObject* list)
    {
        InitIterTypes();
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
