using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// weakref.proxy's forwarding slots (Objects/weakrefobject.c, 3.11: proxy_getattr,
/// proxy_setattr, proxy_richcompare, proxy_str, proxy_iter, proxy_iternext). Each checks that
/// the referent is alive (ReferenceError otherwise) and applies the operation to it. The
/// operators, len, item access, bool and containment are forwarded by the interpreter
/// (Interpreter.WeakProxy.cs).
/// </summary>
internal static unsafe class WeakProxySlots
{
    public static void Install(PyRuntime rt)
    {
        foreach (PyTypeObject* t in new[] { (nint)rt.WeakProxyType, (nint)rt.WeakCallableProxyType })
        {
            t->GetAttr = &ProxyGetAttr;
            t->SetAttr = &ProxySetAttr;
            t->RichCompare = &ProxyRichCompare;
            t->Str = &ProxyStr;
            t->Iter = &ProxyIter;
            t->IterNext = &ProxyIterNext;
        }
    }

    /// <summary>UNWRAP: a live proxy's referent (borrowed), any other object itself; null with ReferenceError for a dead proxy.</summary>
    public static PyObject* Unwrap(PyRuntime rt, PyObject* o) => rt.IsWeakProxy(o) ? rt.ProxyReferent(o) : o;

    private static PyObject* ProxyGetAttr(PyRuntime rt, PyObject* proxy, PyObject* name)
    {
        PyObject* o = rt.ProxyReferent(proxy);
        if (o == null)
        {
            return null;
        }

        PyRuntime.IncRef(o);
        PyObject* r = Interpreter.Of(rt).GetAttr(o, name);
        rt.DecRef(o);
        return r;
    }

    private static int ProxySetAttr(PyRuntime rt, PyObject* proxy, PyObject* name, PyObject* value)
    {
        PyObject* o = rt.ProxyReferent(proxy);
        if (o == null)
        {
            return -1;
        }

        PyRuntime.IncRef(o);
        int r = Interpreter.Of(rt).SetAttr(o, name, value);
        rt.DecRef(o);
        return r;
    }

    private static PyObject* ProxyRichCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        PyObject* x = Unwrap(rt, a);
        PyObject* y = x == null ? null : Unwrap(rt, b);
        if (y == null)
        {
            return null;
        }

        PyRuntime.IncRef(x);
        PyRuntime.IncRef(y);
        PyObject* r = rt.ObjectRichCompare(x, y, op);
        rt.DecRef(x);
        rt.DecRef(y);
        return r;
    }

    private static PyObject* ProxyStr(PyRuntime rt, PyObject* proxy)
    {
        PyObject* o = rt.ProxyReferent(proxy);
        if (o == null)
        {
            return null;
        }

        PyRuntime.IncRef(o);
        PyObject* r = Interpreter.Of(rt).ToStr(o);
        rt.DecRef(o);
        return r;
    }

    private static PyObject* ProxyIter(PyRuntime rt, PyObject* proxy)
    {
        PyObject* o = rt.ProxyReferent(proxy);
        if (o == null)
        {
            return null;
        }

        PyRuntime.IncRef(o);
        PyObject* r = Interpreter.Of(rt).GetIter(o);
        rt.DecRef(o);
        return r;
    }

    private static PyObject* ProxyIterNext(PyRuntime rt, PyObject* proxy)
    {
        PyObject* o = rt.ProxyReferent(proxy);
        if (o == null)
        {
            return null;
        }

        if (o->Type->IterNext == null)
        {
            rt.SetError(rt.TypeErrorType, $"Weakref proxy referenced a non-iterator '{rt.TypeName(o)}' object");
            return null;
        }

        PyRuntime.IncRef(o);
        PyObject* r = rt.IterNext(o);
        rt.DecRef(o);
        return r;
    }
}
