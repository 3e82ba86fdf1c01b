using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class CoreTests
{
    [Fact]
    public void Sizes_match_CPython_3_11()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        Assert.Equal(16, rt.SizeOf(rt.None));
        Assert.Equal(28, rt.SizeOf(rt.True));
        Assert.Equal(28, rt.SizeOf(rt.False));
        Assert.Equal(424, rt.SizeOf((PyObject*)rt.IntType));
        foreach ((string text, int size) in new[] { ("", 49), ("a", 50), ("abc", 52), ("é", 74), ("€", 76), ("😀", 80) })
        {
            using PyRef s = rt.Str(text);
            Assert.Equal(size, s.SizeOf);
        }

        Assert.Equal(40, rt.SizeOf(rt.EmptyTuple));
        using (PyRef t1 = rt.Tuple(rt.Own(PyRuntime.NewRef(rt.None))))
        {
            Assert.Equal(48, t1.SizeOf);
        }

        using (PyRef l = rt.List())
        {
            Assert.Equal(56, l.SizeOf);
        }

        PyTypeObject* cls = rt.NewClass("E");
        using (PyRef e = rt.Instance(cls))
        {
            Assert.Equal(56, e.SizeOf);
            using PyRef w = rt.WeakRef(e);
            Assert.Equal(80, w.SizeOf);
        }

        PyTypeObject* slots = rt.NewClass("S", ["a", "b"]);
        using (PyRef s = rt.Instance(slots))
        {
            Assert.Equal(48, s.SizeOf);
        }

        PyTypeObject* empty = rt.NewClass("S0", []);
        using (PyRef s = rt.Instance(empty))
        {
            Assert.Equal(32, s.SizeOf);
        }

        PyObject* exc = rt.NewException(rt.ValueErrorType, "x");
        Assert.Equal(88, rt.SizeOf(exc));
        rt.DecRef(exc);
        rt.DecRef((PyObject*)cls);
        rt.DecRef((PyObject*)slots);
        rt.DecRef((PyObject*)empty);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void List_growth_follows_list_resize()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        using PyRef l = rt.List();
        var changes = new List<(long, long)>();
        long last = 0;
        for (int n = 1; n <= 200; n++)
        {
            Assert.True(rt.ListAppend(l.Address, rt.None));
            long cap = PyRuntime.ListAllocated(l.Address);
            if (cap != last)
            {
                changes.Add((n, cap));
                last = cap;
            }
        }

        // Measured on CPython 3.11 (reference doc §6).
        Assert.Equal(new (long, long)[] { (1, 4), (5, 8), (9, 16), (17, 24), (25, 32), (33, 40), (41, 52), (53, 64), (65, 76), (77, 92), (93, 108), (109, 128), (129, 148), (149, 172), (173, 200) }, changes);
    }

    [Fact]
    public void A_cycle_of_two_instances_is_collected_and_counted_as_two()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("A");
        rt.Collect();
        using (PyRef a = rt.Instance(cls))
        using (PyRef b = rt.Instance(cls))
        {
            rt.SetAttr(a, "other", b);
            rt.SetAttr(b, "other", a);
        }

        Assert.Equal(2, rt.Collect());
        Assert.Equal(0, rt.Collect());
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_million_deep_nested_list_frees_without_overflowing_the_stack()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* outer = rt.NewList(0);
        for (int i = 0; i < 1_000_000; i++)
        {
            PyObject* next = rt.NewList(0);
            rt.ListAppend(next, outer);
            rt.DecRef(outer);
            outer = next;
        }

        rt.DecRef(outer);
        Assert.True(rt.MaxTrashNesting <= PyRuntime.TrashUnwindLevel + 1);
        t.AssertNoLeaks();
    }
}
