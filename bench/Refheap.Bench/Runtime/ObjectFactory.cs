using System;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Bench.Runtime;

/// <summary>
/// Builds the objects of CPython's baseline scripts through the runtime API, with the same
/// shapes: Obj(i, i) instances, {'a': i, 'b': i} dicts, (i, i) tuples, [i] lists.
/// Every method returns a new reference and throws on failure.
/// </summary>
public sealed unsafe class ObjectFactory : IDisposable
{
    private readonly PyRuntime _rt;
    private readonly PyTypeObject* _obj;
    private readonly PyObject* _keyA;
    private readonly PyObject* _keyB;

    public ObjectFactory(PyRuntime rt)
    {
        _rt = rt;
        _obj = rt.NewClass("Obj");
        _keyA = rt.NewStr("a");
        _keyB = rt.NewStr("b");
        if (_obj == null || _keyA == null || _keyB == null)
        {
            throw rt.TakeErrorAsException();
        }
    }

    public PyTypeObject* ObjClass => _obj;

    public PyObject* Number(long i) => Check(_rt.NewInt(i));

    /// <summary>Obj(a, b): an instance with two attributes.</summary>
    public PyObject* Instance(PyObject* a, PyObject* b)
    {
        PyObject* o = Check(_rt.NewInstance(_obj));
        if (!_rt.SetAttribute(o, "a", a) || !_rt.SetAttribute(o, "b", b))
        {
            throw _rt.TakeErrorAsException();
        }

        return o;
    }

    public PyObject* InstanceOfInts(long i)
    {
        PyObject* v = Number(i);
        PyObject* o = Instance(v, v);
        _rt.DecRef(v);
        return o;
    }

    /// <summary>{'a': a, 'b': b}.</summary>
    public PyObject* Dict(PyObject* a, PyObject* b)
    {
        PyObject* d = Check(_rt.NewDict());
        if (_rt.DictSetItem(d, _keyA, a) < 0 || _rt.DictSetItem(d, _keyB, b) < 0)
        {
            throw _rt.TakeErrorAsException();
        }

        return d;
    }

    /// <summary>(a, b).</summary>
    public PyObject* Tuple(PyObject* a, PyObject* b) => Check(_rt.NewTuple([(nint)a, (nint)b]));

    /// <summary>[a, b, c] (nulls are skipped).</summary>
    public PyObject* List(PyObject* a, PyObject* b = null, PyObject* c = null)
    {
        PyObject* l = Check(_rt.NewList(0));
        foreach (nint item in new[] { (nint)a, (nint)b, (nint)c })
        {
            if (item != 0 && !_rt.ListAppend(l, (PyObject*)item))
            {
                throw _rt.TakeErrorAsException();
            }
        }

        return l;
    }

    public void Append(PyObject* list, PyObject* item)
    {
        if (!_rt.ListAppend(list, item))
        {
            throw _rt.TakeErrorAsException();
        }
    }

    public void Dispose()
    {
        _rt.DecRef(_keyA);
        _rt.DecRef(_keyB);
        _rt.DecRef((PyObject*)_obj);
    }

    private PyObject* Check(PyObject* o) => o != null ? o : throw _rt.TakeErrorAsException();
}
