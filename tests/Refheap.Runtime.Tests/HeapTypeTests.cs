using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Classes with bases at the runtime level: C3 MRO (and its 3.11 error text), subclasses of
/// builtins sized as CPython sizes them, materialised instance dicts. The figures were printed
/// by python3 (3.11): `class L(list): pass; sys.getsizeof(L())` and so on.
/// </summary>
public unsafe class HeapTypeTests
{
    private static PyTypeObject* Subclass(PyRuntime rt, string name, params PyTypeObject*[] bases)
    {
        PyObject* tuple = rt.NewTuple(bases.Length);
        for (int i = 0; i < bases.Length; i++)
        {
            PyRuntime.TupleItems(tuple)[i] = PyRuntime.NewRef((PyObject*)bases[i]);
        }

        PyObject* ns = rt.NewDict();
        PyTypeObject* t = rt.NewHeapType(rt.TypeType, name, tuple, ns, null);
        rt.DecRef(ns);
        rt.DecRef(tuple);
        return t;
    }

    [Fact]
    public void A_diamond_gets_the_C3_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* a = Subclass(rt, "A", rt.ObjectType);
        PyTypeObject* b = Subclass(rt, "B", a);
        PyTypeObject* c = Subclass(rt, "C", a);
        PyTypeObject* d = Subclass(rt, "Dd", b, c);
        Assert.True(d != null);
        var names = new System.Collections.Generic.List<string>();
        for (nint i = 0; i < PyRuntime.TupleSize(d->Mro); i++)
        {
            names.Add(rt.InfoOf((PyTypeObject*)PyRuntime.TupleItems(d->Mro)[i]).Name);
        }

        Assert.Equal(["Dd", "B", "C", "A", "object"], names);
        foreach (nint k in new[] { (nint)d, (nint)c, (nint)b, (nint)a })
        {
            rt.DecRef((PyObject*)k);
        }

        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void An_inconsistent_order_is_a_TypeError_with_3_11s_text_and_the_heap_stays_valid()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* a = Subclass(rt, "A", rt.ObjectType);
        PyTypeObject* b = Subclass(rt, "B", a);
        PyTypeObject* x = Subclass(rt, "X", a, b);
        Assert.True(x == null);
        Assert.True(rt.ErrorMatches(rt.TypeErrorType));
        PyObject* exc = rt.FetchError();
        Assert.Equal("Cannot create a consistent method resolution\norder (MRO) for bases A, B", rt.ExceptionMessage(exc));
        rt.DecRef(exc);
        rt.DecRef((PyObject*)b);
        rt.DecRef((PyObject*)a);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Theory]
    [InlineData("list", 80)]
    [InlineData("float", 64)]
    [InlineData("Exception", 96)]
    [InlineData("object", 56)]
    public void Subclasses_of_builtins_have_CPythons_sizes(string baseName, int size)
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* bt = baseName switch
        {
            "list" => rt.ListType,
            "float" => rt.FloatType,
            "Exception" => rt.ExceptionType,
            _ => rt.ObjectType,
        };
        PyTypeObject* sub = Subclass(rt, "Sub", bt);
        PyObject* o = rt.NewInstance(sub);
        Assert.Equal(size, rt.SizeOf(o));
        rt.DecRef(o);
        rt.DecRef((PyObject*)sub);
        rt.Collect();
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Forty_attributes_materialise_a_dict_that_keeps_every_value_and_frees_cleanly()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Wide");
        PyObject* o = rt.NewInstance(cls);
        for (int i = 0; i < 40; i++)
        {
            PyObject* v = rt.NewInt(i * 7);
            Assert.True(rt.SetAttribute(o, "a" + i, v));
            rt.DecRef(v);
        }

        Assert.True(*rt.InstanceDictPointer(o) != null);
        for (int i = 0; i < 40; i++)
        {
            PyObject* v = rt.GetAttribute(o, "a" + i);
            Assert.Equal($"{i * 7}", rt.ReprString(v));
            rt.DecRef(v);
        }

        rt.AssertValid();
        rt.DecRef(o);
        rt.DecRef((PyObject*)cls);
        rt.Collect();
        t.AssertNoLeaks();
    }
}
