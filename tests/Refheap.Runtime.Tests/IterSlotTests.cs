using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// tp_iter and tp_iternext: which builtin types have them, PyObject_SelfIter on the
/// iterators, their inheritance by static subtypes (inherit_slots), and the errors of
/// GetIter and IterNext for types without them.
/// </summary>
public unsafe class IterSlotTests
{
    private static PyTypeObject*[] IterableTypes(PyRuntime rt) =>
    [
        rt.ListType, rt.TupleType, rt.StrType, rt.BytesType, rt.ByteArrayType, rt.SetType,
        rt.FrozenSetType, rt.DictType, rt.DictKeysType, rt.DictValuesType, rt.DictItemsType,
    ];

    private static PyTypeObject*[] IteratorTypes(PyRuntime rt) =>
    [
        rt.ListIterType, rt.ListRevIterType, rt.TupleIterType, rt.StrAsciiIterType, rt.StrIterType,
        rt.BytesIterType, rt.ByteArrayIterType, rt.SetIterType, rt.DictKeyIterType,
        rt.DictValueIterType, rt.DictItemIterType,
    ];

    /// <summary>One instance of each iterable type (new references).</summary>
    private static List<nint> Iterables(PyRuntime rt, PyObject* dict)
    {
        PyObject* one = rt.Must(rt.NewInt(1));
        var objects = new List<nint>
        {
            (nint)rt.ListOf(one),
            (nint)rt.TupleOf(one),
            (nint)rt.StrObj("abc"),
            (nint)rt.StrObj("\u00e9t\u00e9"),
            (nint)rt.Must(rt.NewBytes([1, 2])),
            (nint)rt.Must(rt.NewByteArray([3])),
            (nint)rt.Must(rt.NewSet((nint)one)),
            (nint)rt.Must(rt.NewFrozenSet((nint)one)),
            (nint)PyRuntime.NewRef(dict),
            (nint)rt.Must(rt.DictKeysView(dict)),
            (nint)rt.Must(rt.DictValuesView(dict)),
            (nint)rt.Must(rt.DictItemsView(dict)),
        };
        rt.DecRef(one);
        return objects;
    }

    private static PyObject* NewDictWithOneItem(PyRuntime rt)
    {
        PyObject* d = rt.Must(rt.NewDict());
        PyObject* k = rt.StrObj("k");
        PyObject* v = rt.Must(rt.NewInt(7));
        Assert.Equal(0, rt.DictSetItem(d, k, v));
        rt.Del(k, v);
        return d;
    }

    private static PyObject* ReturnsNone(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(rt.None);

    [Fact]
    public void The_type_object_fits_below_tp_weaklist()
    {
        Assert.True(sizeof(PyTypeObject) <= 368, $"sizeof(PyTypeObject) = {sizeof(PyTypeObject)}");

        // Static types are allocated sizeof(PyTypeObject) of 3.11 (408 bytes), with tp_weaklist at 368.
        using var t = new TestRuntime();
        Assert.Equal(408, PyRuntime.StaticTypeSize);
        Assert.Equal(368, t.Runtime.TypeType->WeakListOffset);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Iterable_types_have_tp_iter_and_no_tp_iternext()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (PyTypeObject* type in IterableTypes(rt))
        {
            string name = rt.InfoOf(type).Name;
            Assert.True(type->Iter != null, $"{name} has tp_iter");
            Assert.True(type->IterNext == null, $"{name} has no tp_iternext");
            Assert.False(rt.IsIteratorType(type), name);
        }

        foreach (PyTypeObject* type in new[] { rt.ObjectType, rt.IntType, rt.NoneType, rt.TypeType, rt.FloatType })
        {
            Assert.True(type->Iter == null && type->IterNext == null, rt.InfoOf(type).Name);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Iterator_types_have_tp_iternext_and_tp_iter()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (PyTypeObject* type in IteratorTypes(rt))
        {
            string name = rt.InfoOf(type).Name;
            Assert.True(type->IterNext != null, $"{name} has tp_iternext");
            Assert.True(type->Iter != null, $"{name} has tp_iter (PyObject_SelfIter, checked on instances below)");
            Assert.True(rt.IsIteratorType(type), name);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Each_iterable_makes_an_iterator_whose_tp_iter_returns_itself()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* d = NewDictWithOneItem(rt);
        List<nint> iterables = Iterables(rt, d);
        var seen = new HashSet<nint>();
        foreach (nint p in iterables)
        {
            var o = (PyObject*)p;
            PyObject* it = rt.Must(o->Type->Iter(rt, o));
            Assert.True(rt.IsIteratorType(it->Type), rt.TypeName(it));
            seen.Add((nint)it->Type);

            nint before = it->RefCount;
            PyObject* self = rt.Must(it->Type->Iter(rt, it));
            Assert.True(self == it);
            Assert.Equal(before + 1, it->RefCount);
            rt.DecRef(self);

            PyObject* viaGetIter = rt.Must(rt.GetIter(it));
            Assert.True(viaGetIter == it);
            Assert.Equal(before + 1, it->RefCount);
            rt.DecRef(viaGetIter);

            PyObject* first = rt.Must(rt.IterNext(it));
            rt.DecRef(first);
            rt.DecRef(it);
        }

        PyObject* l = (PyObject*)iterables[0];
        PyObject* rev = rt.Must(rt.ListReversed(l));
        seen.Add((nint)rev->Type);
        PyObject* revSelf = rt.Must(rt.GetIter(rev));
        Assert.True(revSelf == rev);
        rt.Del(revSelf, rev);

        // Both str iterators, both bytes iterators, set_iterator (set and frozenset), the three dict iterators.
        Assert.Equal(IteratorTypes(rt).Length, seen.Count);
        foreach (nint p in iterables)
        {
            rt.DecRef((PyObject*)p);
        }

        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Types_without_the_slots_give_the_TypeErrors()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* plain = rt.NewStaticType("Plain", 16, 0, TypeFlags.None, rt.ObjectType);
        Assert.True(plain->Iter == null && plain->IterNext == null);
        PyObject* o = rt.Must(rt.NewObject(plain, 16));

        Assert.True(rt.GetIter(o) == null);
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("'Plain' object is not iterable", e.PythonMessage);

        Assert.True(rt.IterNext(o) == null);
        e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("'Plain' object is not an iterator", e.PythonMessage);
        rt.DecRef(o);

        // A class (heap type) inherits nothing from object, which has neither slot.
        PyTypeObject* cls = rt.NewClass("C");
        Assert.True(cls->Iter == null && cls->IterNext == null);
        PyObject* c = rt.Must(rt.NewInstance(cls));
        Assert.True(rt.GetIter(c) == null);
        Assert.Equal("'C' object is not iterable", rt.TakeErrorAsException().PythonMessage);
        Assert.True(rt.IterNext(c) == null);
        Assert.Equal("'C' object is not an iterator", rt.TakeErrorAsException().PythonMessage);
        rt.DecRef(c);
        rt.DelClass(cls);

        // An iterable (not an iterator): IterNext refuses it too.
        PyObject* s = rt.StrObj("xy");
        Assert.True(rt.IterNext(s) == null);
        Assert.Equal("'str' object is not an iterator", rt.TakeErrorAsException().PythonMessage);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void GetIter_rejects_a_tp_iter_result_that_is_not_an_iterator()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* bad = rt.NewStaticType("BadIterable", 16, 0, TypeFlags.None, rt.ObjectType);
        bad->Iter = &ReturnsNone;
        PyObject* o = rt.Must(rt.NewObject(bad, 16));
        nint noneRefs = rt.None->RefCount;

        Assert.True(rt.GetIter(o) == null);
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("iter() returned non-iterator of type 'NoneType'", e.PythonMessage);
        Assert.Equal(noneRefs, rt.None->RefCount);
        rt.DecRef(o);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Static_subtypes_inherit_tp_iter_and_tp_iternext()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* myList = rt.NewStaticType("MyList", rt.ListType->BasicSize, 0,
            TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.ListSubclass, rt.ListType);
        Assert.Equal((nint)rt.ListType->Iter, (nint)myList->Iter);
        Assert.True(myList->IterNext == null);

        PyTypeObject* myIter = rt.NewStaticType("MyListIterator", rt.ListIterType->BasicSize, 0, TypeFlags.HaveGc, rt.ListIterType);
        Assert.Equal((nint)rt.ListIterType->Iter, (nint)myIter->Iter);
        Assert.Equal((nint)rt.ListIterType->IterNext, (nint)myIter->IterNext);
        Assert.True(rt.IsIteratorType(myIter));

        // Dispatch goes through the subtype's inherited slot: a list_iterator over the items.
        PyObject* one = rt.Must(rt.NewInt(1));
        PyObject* l = rt.ListOf(one);
        l->Type = myList;
        PyObject* it = rt.Must(rt.GetIter(l));
        l->Type = rt.ListType;
        Assert.True(it->Type == rt.ListIterType);
        PyObject* x = rt.Must(rt.IterNext(it));
        Assert.True(x == one);
        Assert.True(rt.IterNext(it) == null && !rt.ErrorOccurred);
        rt.Del(x, it, l, one);
        t.AssertNoLeaks();
    }
}
