using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// weakref.proxy (Objects/weakrefobject.c, 3.11: PyWeakref_NewProxy, proxy_checkref,
// proxy_repr). A proxy is a PyWeakReference of type ProxyType, or CallableProxyType when the
// referent is callable. The callback-less proxy is shared, and sits in the referent's list
// right after the basic ref; proxies with callbacks go where refs with callbacks go.
public sealed unsafe partial class PyRuntime
{
    /// <summary>weakref.ProxyType.</summary>
    public PyTypeObject* WeakProxyType { get; private set; }

    /// <summary>weakref.CallableProxyType.</summary>
    public PyTypeObject* WeakCallableProxyType { get; private set; }

    private void InitWeakProxyTypes()
    {
        WeakProxyType = NewStaticType("weakref.ProxyType", sizeof(PyWeakReference), 0, TypeFlags.HaveGc, ObjectType);
        WeakCallableProxyType = NewStaticType("weakref.CallableProxyType", sizeof(PyWeakReference), 0, TypeFlags.HaveGc, ObjectType);
        foreach (PyTypeObject* t in new[] { (nint)WeakProxyType, (nint)WeakCallableProxyType })
        {
            t->Dealloc = &WeakrefDealloc;
            t->Traverse = &WeakrefTraverse;
            t->Clear = &WeakrefClear;
            t->Hash = &ProxyHash;
            t->Repr = &ProxyRepr;
        }

        WeakCallableProxyType->Call = &ProxyCall;
        WeakrefType->Repr = &WeakrefRepr;
    }

    /// <summary>PyWeakref_CheckProxy.</summary>
    public bool IsWeakProxy(PyObject* o) => o->Type == WeakProxyType || o->Type == WeakCallableProxyType;

    /// <summary>
    /// weakref.proxy(ob, callback): shares the basic proxy when there is no callback; a
    /// CallableProxyType when the referent is callable. TypeError when it cannot be weakly referenced.
    /// </summary>
    public PyObject* NewWeakProxy(PyObject* ob, PyObject* callback)
    {
        if (ob->Type->WeakListOffset == 0)
        {
            SetError(TypeErrorType, $"cannot create weak reference to '{TypeName(ob)}' object");
            return null;
        }

        if (callback == None)
        {
            callback = null;
        }

        PyWeakReference** list = WeakListPtr(ob);
        GetBasicRefs(*list, out _, out PyWeakReference* basicProxy);
        if (callback == null && basicProxy != null)
        {
            return NewRef((PyObject*)basicProxy);
        }

        PyTypeObject* type = ob->Type->Call != null ? WeakCallableProxyType : WeakProxyType;
        PyObject* o = NewWeakrefObject(type, ob, callback);
        if (o == null)
        {
            return null;
        }

        var wr = (PyWeakReference*)o;

        // The allocation may have collected: look at the list again.
        GetBasicRefs(*list, out PyWeakReference* basicRef, out basicProxy);
        PyWeakReference* prev;
        if (callback == null)
        {
            if (basicProxy != null)
            {
                DecRef(o);
                return NewRef((PyObject*)basicProxy);
            }

            prev = basicRef;
        }
        else
        {
            prev = basicProxy == null ? basicRef : basicProxy;
        }

        if (prev == null)
        {
            InsertHead(wr, list);
        }
        else
        {
            InsertAfter(wr, prev);
        }

        return o;
    }

    /// <summary>
    /// proxy_checkref: the referent (borrowed) of a live proxy, or null with
    /// ReferenceError("weakly-referenced object no longer exists").
    /// </summary>
    public PyObject* ProxyReferent(PyObject* proxy)
    {
        PyObject* referent = ((PyWeakReference*)proxy)->Referent;
        if (referent == None || referent->RefCount <= 0)
        {
            SetError(ReferenceErrorType, "weakly-referenced object no longer exists");
            return null;
        }

        return referent;
    }

    /// <summary>Proxies are unhashable (PyObject_HashNotImplemented).</summary>
    private static nint ProxyHash(PyRuntime rt, PyObject* o)
    {
        rt.SetError(rt.TypeErrorType, $"unhashable type: '{rt.TypeName(o)}'");
        return -1;
    }

    /// <summary>proxy_repr: "&lt;weakproxy at P to TYPE at R&gt;", TYPE NoneType once dead.</summary>
    private static PyObject* ProxyRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* referent = ((PyWeakReference*)o)->Referent;
        return rt.NewStr($"<weakproxy at 0x{(nuint)o:x} to {rt.TypeName(referent)} at 0x{(nuint)referent:x}>");
    }

    /// <summary>proxy_call: calls the referent.</summary>
    private static PyObject* ProxyCall(PyRuntime rt, PyObject* o, PyObject* args, PyObject* kwargs)
    {
        PyObject* referent = rt.ProxyReferent(o);
        return referent == null ? null : rt.Call(referent, args);
    }

    /// <summary>weakref_repr: "&lt;weakref at P; to 'TYPE' at R&gt;", or "&lt;weakref at P; dead&gt;".</summary>
    private static PyObject* WeakrefRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* referent = ((PyWeakReference*)o)->Referent;
        return referent == rt.None
            ? rt.NewStr($"<weakref at 0x{(nuint)o:x}; dead>")
            : rt.NewStr($"<weakref at 0x{(nuint)o:x}; to '{rt.TypeName(referent)}' at 0x{(nuint)referent:x}>");
    }
}
