using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>weakref.proxy, with the facts CPython 3.11 shows (Objects/weakrefobject.c).</summary>
public unsafe class WeakProxyTests
{
    [Fact]
    public void Proxies_are_shared_ordered_unhashable_and_raise_ReferenceError_once_dead()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("A");
        PyObject* a = rt.NewInstance(cls);
        var calls = new List<string>();
        PyObject* cb = rt.NewFunction((r, self, args) =>
        {
            calls.Add(r.TypeName(PyRuntime.TupleItems(args)[0]));
            return PyRuntime.NewRef(r.None);
        });

        PyObject* withCallback = rt.NewWeakProxy(a, cb);
        PyObject* p = rt.NewWeakProxy(a, null);
        PyObject* again = rt.NewWeakProxy(a, rt.None);
        PyObject* r = rt.NewWeakref(a, null);
        Assert.True(p == again);
        Assert.True(p != withCallback);
        Assert.Equal("weakref.ProxyType", rt.TypeName(p));
        Assert.Equal(80, rt.SizeOf(p));
        Assert.Equal(3, PyRuntime.WeakrefCount(a));

        // List order: the basic ref, the basic proxy, then those with callbacks.
        PyWeakReference* head = *(PyWeakReference**)((byte*)a + cls->WeakListOffset);
        Assert.True((PyObject*)head == r);
        Assert.True((PyObject*)head->Next == p);
        Assert.True((PyObject*)head->Next->Next == withCallback);

        Assert.Equal(-1, p->Type->Hash(rt, p));
        PyException e = rt.TakeErrorAsException();
        Assert.Equal("unhashable type: 'weakref.ProxyType'", e.PythonMessage);
        Assert.Equal($"<weakproxy at 0x{(nuint)p:x} to A at 0x{(nuint)a:x}>", rt.ReprString(p));
        Assert.Equal($"<weakref at 0x{(nuint)r:x}; to 'A' at 0x{(nuint)a:x}>", rt.ReprString(r));
        Assert.True(rt.ProxyReferent(p) == a);

        rt.DecRef(a);
        Assert.Equal(["weakref.ProxyType"], calls);
        Assert.True(rt.ProxyReferent(p) == null);
        PyException dead = rt.TakeErrorAsException();
        Assert.Equal("ReferenceError", dead.PythonType);
        Assert.Equal("weakly-referenced object no longer exists", dead.PythonMessage);
        Assert.Equal($"<weakproxy at 0x{(nuint)p:x} to NoneType at 0x{(nuint)rt.None:x}>", rt.ReprString(p));
        Assert.Equal($"<weakref at 0x{(nuint)r:x}; dead>", rt.ReprString(r));

        foreach (nint o in new[] { (nint)withCallback, (nint)p, (nint)again, (nint)r, (nint)cb })
        {
            rt.DecRef((PyObject*)o);
        }

        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_proxy_to_a_callable_is_a_CallableProxyType_that_calls_through()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* f = rt.NewFunction((r, self, args) => r.NewStr("called"));
        PyObject* p = rt.NewWeakProxy(f, null);
        Assert.Equal("weakref.CallableProxyType", rt.TypeName(p));
        using (PyRef result = rt.Own(rt.Call(p, rt.EmptyTuple)))
        {
            Assert.Equal("called", PyRuntime.StrToString(result.Address));
        }

        rt.DecRef(f);
        Assert.True(rt.Call(p, rt.EmptyTuple) == null);
        Assert.Equal("ReferenceError", rt.TakeErrorAsException().PythonType);
        rt.DecRef(p);

        using PyRef list = rt.List();
        Assert.True(rt.NewWeakProxy(list.Address, null) == null);
        Assert.Equal("cannot create weak reference to 'list' object", rt.TakeErrorAsException().PythonMessage);
        rt.AssertValid();
    }

    [Fact]
    public void A_proxy_inside_garbage_is_cleared_without_its_callback()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyTypeObject* cls = rt.NewClass("Node");
        var calls = 0;
        PyObject* cb = rt.NewFunction((r, self, args) =>
        {
            calls++;
            return PyRuntime.NewRef(r.None);
        });
        using (PyRef a = rt.Instance(cls))
        using (PyRef b = rt.Instance(cls))
        {
            rt.SetAttr(a, "other", b);
            rt.SetAttr(b, "other", a);

            // b holds a proxy to a with a callback: the proxy is garbage too, so no callback.
            using PyRef proxy = rt.Own(rt.NewWeakProxy(a.Address, cb));
            rt.SetAttr(b, "proxy", proxy);
        }

        Assert.Equal(3, rt.Collect());
        Assert.Equal(0, calls);
        rt.DecRef(cb);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
