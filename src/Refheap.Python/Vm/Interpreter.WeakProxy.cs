using Refheap.Python.Compiler;
using Refheap.Python.Objects.Methods;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// weakref.proxy's number, mapping and sequence slots (Objects/weakrefobject.c, 3.11: the
// WRAP_BINARY / WRAP_UNARY proxies, proxy_length, proxy_getitem, proxy_setitem, proxy_bool,
// proxy_contains): unwrap the proxy operands (ReferenceError when dead) and apply the operation
// to the referents. An in-place operation that returns the referent itself returns the proxy.
internal sealed unsafe partial class Interpreter
{
    /// <summary>A new reference to a live proxy's referent, or null with ReferenceError.</summary>
    private PyObject* ProxyTarget(PyObject* proxy)
    {
        PyObject* o = Rt.ProxyReferent(proxy);
        return o == null ? null : PyRuntime.NewRef(o);
    }

    private PyObject* ProxyBinary(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        PyObject* x = WeakProxySlots.Unwrap(rt, a);
        PyObject* y = x == null ? null : WeakProxySlots.Unwrap(rt, b);
        if (y == null)
        {
            return null;
        }

        PyRuntime.IncRef(x);
        PyRuntime.IncRef(y);
        PyObject* r = BinaryOp(x, y, op);
        if (r != null && r == x && x != a && (op & BinaryOps.InPlace) != 0)
        {
            rt.DecRef(r);
            r = PyRuntime.NewRef(a);
        }

        rt.DecRef(x);
        rt.DecRef(y);
        return r;
    }

    private PyObject* ProxyUnary(PyObject* proxy, OpCode op)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return null;
        }

        PyObject* r = UnaryOp(o, op);
        Rt.DecRef(o);
        return r;
    }

    private PyObject* ProxyGetItem(PyObject* proxy, PyObject* key)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return null;
        }

        PyObject* r = GetItem(o, key);
        Rt.DecRef(o);
        return r;
    }

    private int ProxySetItem(PyObject* proxy, PyObject* key, PyObject* value)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return -1;
        }

        int r = SetItem(o, key, value);
        Rt.DecRef(o);
        return r;
    }

    private nint ProxyLength(PyObject* proxy)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return -1;
        }

        nint r = Length(o);
        Rt.DecRef(o);
        return r;
    }

    private int ProxyIsTrue(PyObject* proxy)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return -1;
        }

        int r = IsTrue(o);
        Rt.DecRef(o);
        return r;
    }

    private int ProxyContains(PyObject* proxy, PyObject* item)
    {
        PyObject* o = ProxyTarget(proxy);
        if (o == null)
        {
            return -1;
        }

        int r = Contains(o, item);
        Rt.DecRef(o);
        return r;
    }
}
