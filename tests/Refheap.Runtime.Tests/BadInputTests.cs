using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>Bad input gives the right Python exception, and the heap stays valid afterwards.</summary>
public unsafe class BadInputTests
{
    [Fact]
    public void Running_out_under_the_cap_raises_MemoryError_and_the_heap_stays_valid()
    {
        using var t = new TestRuntime(maxBytes: 8L << 20);
        PyRuntime rt = t.Runtime;
        PyObject* holder = rt.NewList(0);
        PyObject* failedAt = null;
        for (int i = 0; i < 10_000_000; i++)
        {
            PyObject* item = rt.NewList(0);
            if (item == null)
            {
                failedAt = holder;
                break;
            }

            bool ok = rt.ListAppend(holder, item);
            rt.DecRef(item);
            if (!ok)
            {
                failedAt = holder;
                break;
            }
        }

        Assert.True(failedAt != null, "the cap was never reached");
        Assert.True(rt.ErrorMatches(rt.MemoryErrorType));
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("MemoryError", e.PythonType);
        rt.AssertValid();

        // Freeing makes room again.
        rt.DecRef(holder);
        rt.AssertValid();
        using (PyRef l = rt.List())
        {
            Assert.False(l.IsNull);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Host_calls_surface_Python_errors_as_PyException()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyRef list = rt.List();
        PyException e = Assert.Throws<PyException>(() => rt.WeakRef(list));
        Assert.Equal("TypeError", e.PythonType);
        Assert.Equal("cannot create weak reference to 'list' object", e.PythonMessage);
        Assert.False(rt.ErrorOccurred);

        PyTypeObject* cls = rt.NewClass("C", ["x"]);
        using (PyRef c = rt.Instance(cls))
        {
            PyException missing = Assert.Throws<PyException>(() => rt.GetAttr(c, "x"));
            Assert.Equal("AttributeError", missing.PythonType);
            Assert.Equal("'C' object has no attribute 'x'", missing.PythonMessage);
            PyException noDict = Assert.Throws<PyException>(() => rt.SetAttr(c, "y", list));
            Assert.Equal("'C' object has no attribute 'y'", noDict.PythonMessage);
        }

        PyException notCallable = Assert.Throws<PyException>(() => rt.Own(rt.Call(list.Address, rt.EmptyTuple)));
        Assert.Equal("'list' object is not callable", notCallable.PythonMessage);
        list.Dispose();
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Errors_raised_in_a_weakref_callback_are_unraisable_and_do_not_propagate()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Target");
        var calls = new List<string>();
        using PyRef callback = rt.Function((r, self, args) =>
        {
            calls.Add("cb");
            r.SetError(r.ValueErrorType, "boom");
            return null;
        });
        PyRef target = rt.Instance(cls);
        using PyRef wr = rt.WeakRef(target, callback);
        target.Dispose();
        Assert.Equal(["cb"], calls);
        Assert.False(rt.ErrorOccurred);
        Assert.Contains("ValueError: boom", t.Stderr.ToString(), System.StringComparison.Ordinal);
        Assert.True(PyRuntime.WeakrefReferent(wr.Address) == rt.None);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
    }

    [Fact]
    public void Repr_past_the_recursion_limit_raises_RecursionError_and_self_reference_prints_ellipsis()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* nested = rt.NewList(0);
        for (int i = 0; i < 5000; i++)
        {
            PyObject* outer = rt.NewList(0);
            rt.ListAppend(outer, nested);
            rt.DecRef(nested);
            nested = outer;
        }

        PyException e = Assert.Throws<PyException>(() => rt.Own(rt.Repr(nested)));
        Assert.Equal("RecursionError", e.PythonType);
        Assert.Equal("maximum recursion depth exceeded while getting the repr of an object", e.PythonMessage);
        rt.DecRef(nested);

        using (PyRef self = rt.List())
        {
            rt.ListAppend(self.Address, self.Address);
            rt.ListAppend(self.Address, rt.None);
            using PyRef r = rt.Own(rt.Repr(self.Address));
            Assert.Equal("[[...], None]", PyRuntime.StrToString(r.Address));
            PyRuntime.ListItems(self.Address)[0] = rt.None;
            PyRuntime.IncRef(rt.None);
            rt.DecRef(self.Address);
        }

        using (PyRef one = rt.Tuple(rt.Own(PyRuntime.NewRef(rt.None))))
        using (PyRef r = rt.Own(rt.Repr(one.Address)))
        {
            Assert.Equal("(None,)", PyRuntime.StrToString(r.Address));
        }

        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void More_attribute_names_than_the_shared_keys_hold_move_the_instance_to_a_dict()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Wide");
        using (PyRef o = rt.Instance(cls))
        {
            for (int i = 0; i < 40; i++)
            {
                rt.SetAttr(o, "a" + i, o);
            }

            // The class's cached keys took the first names it could (the usable entries run
            // out one early: one was taken by the instance itself); the rest forced a dict.
            PyObject* dict = *PyRuntime.ManagedDictPointer(o.Address);
            Assert.True(dict != null, "the instance has a materialised dict");
            Assert.Equal(40, rt.DictSize(dict));
            for (int i = 0; i < 40; i++)
            {
                using PyRef v = rt.GetAttr(o, "a" + i);
                Assert.True(o.Address == v.Address, "attribute a" + i);
            }

            // The instance refers to itself through its dict: a cycle for the collector.
        }

        // The instance, its dict, the class, the class's dict and its MRO tuple (which holds
        // the class); the bases tuple (object,) holds no tracked object and is untracked.
        rt.DecRef((PyObject*)cls);
        Assert.Equal(5, rt.Collect());
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
