using System;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The Python operations the fact scripts use, spelled over the runtime's raw API so that a
/// mirrored test reads like its script. Every method that returns an object returns a new
/// reference; arguments are borrowed unless the name says "Steal".
/// </summary>
internal static unsafe class PyOps
{
    /// <summary>A str.</summary>
    public static PyObject* StrObj(this PyRuntime rt, string text) => rt.Must(rt.NewStr(text));

    /// <summary>A new reference to None (what a finalizer or callback returns).</summary>
    public static PyObject* NoneRef(this PyRuntime rt) => PyRuntime.NewRef(rt.None);

    /// <summary>Throws the pending Python error as a .NET exception when the result is null.</summary>
    public static PyObject* Must(this PyRuntime rt, PyObject* result)
    {
        if (result == null)
        {
            throw rt.TakeErrorAsException();
        }

        return result;
    }

    /// <summary>[None] * n.</summary>
    public static PyObject* NoneList(this PyRuntime rt, int n)
    {
        PyObject* l = rt.Must(rt.NewList(n));
        for (int i = 0; i < n; i++)
        {
            PyRuntime.ListItems(l)[i] = PyRuntime.NewRef(rt.None);
        }

        return l;
    }

    /// <summary>[items...] (new references to the items).</summary>
    public static PyObject* ListOf(this PyRuntime rt, params PyObject*[] items)
    {
        PyObject* l = rt.Must(rt.NewList(0));
        foreach (PyObject* item in items)
        {
            rt.Check(rt.ListAppend(l, item));
        }

        return l;
    }

    /// <summary>(items...) (new references to the items).</summary>
    public static PyObject* TupleOf(this PyRuntime rt, params PyObject*[] items)
    {
        var addresses = new nint[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            addresses[i] = (nint)items[i];
        }

        return rt.Must(rt.NewTuple(addresses));
    }

    /// <summary>list.append(item).</summary>
    public static void Append(this PyRuntime rt, PyObject* list, PyObject* item) => rt.Check(rt.ListAppend(list, item));

    /// <summary>list[i] = value, stealing the reference to value.</summary>
    public static void ListSetSteal(this PyRuntime rt, PyObject* list, int i, PyObject* value)
    {
        if (i < 0 || i >= PyRuntime.ListSize(list))
        {
            throw new ArgumentOutOfRangeException(nameof(i));
        }

        PyObject* old = PyRuntime.ListItems(list)[i];
        PyRuntime.ListItems(list)[i] = value;
        rt.XDecRef(old);
    }

    /// <summary>list[i] (borrowed).</summary>
    public static PyObject* ListGet(PyObject* list, int i) => PyRuntime.ListItems(list)[i];

    /// <summary>list.clear() / del list[:], through the list's tp_clear.</summary>
    public static void ListClear(this PyRuntime rt, PyObject* list) => list->Type->Clear(rt, list);

    /// <summary>obj.name = value.</summary>
    public static void Set(this PyRuntime rt, PyObject* obj, string name, PyObject* value) =>
        rt.Check(rt.SetAttribute(obj, name, value));

    /// <summary>obj.name = "text".</summary>
    public static void SetStr(this PyRuntime rt, PyObject* obj, string name, string text)
    {
        PyObject* s = rt.StrObj(text);
        rt.Set(obj, name, s);
        rt.DecRef(s);
    }

    /// <summary>obj.name, borrowed (the owner keeps it alive).</summary>
    public static PyObject* Get(this PyRuntime rt, PyObject* obj, string name)
    {
        PyObject* v = rt.Must(rt.GetAttribute(obj, name));
        rt.DecRef(v);
        return v;
    }

    /// <summary>obj.name as a .NET string (the attribute must be a str).</summary>
    public static string GetStr(this PyRuntime rt, PyObject* obj, string name) => PyRuntime.StrToString(rt.Get(obj, name));

    /// <summary>An instance of <paramref name="cls"/> whose "name" attribute is <paramref name="name"/>.</summary>
    public static PyObject* Named(this PyRuntime rt, PyTypeObject* cls, string name)
    {
        PyObject* o = rt.Must(rt.NewInstance(cls));
        rt.SetStr(o, "name", name);
        return o;
    }

    /// <summary>A function object (a weakref callback) running <paramref name="body"/> with the weakref.</summary>
    public static PyObject* Callback(this PyRuntime rt, Action<nint> body) =>
        rt.Must(rt.NewFunction((r, self, args) =>
        {
            body((nint)PyRuntime.TupleItems(args)[0]);
            return PyRuntime.NewRef(r.None);
        }));

    /// <summary>Sets a __del__ on the class that runs <paramref name="body"/> with self.</summary>
    public static void SetDel(this PyRuntime rt, PyTypeObject* cls, Action<nint> body) =>
        rt.SetFinalizer(cls, (r, self, args) =>
        {
            body((nint)self);
            return PyRuntime.NewRef(r.None);
        });

    /// <summary>weakref.ref(target, callback); null callback means none.</summary>
    public static PyObject* Ref(this PyRuntime rt, PyObject* target, PyObject* callback = null) =>
        rt.Must(rt.NewWeakref(target, callback));

    /// <summary>wr() is None.</summary>
    public static bool IsDead(this PyRuntime rt, PyObject* weakref) => PyRuntime.WeakrefReferent(weakref) == rt.None;

    /// <summary>gc.get_count()[0].</summary>
    public static int Count0(this PyRuntime rt) => rt.GetCount().Item1;

    /// <summary>Drops one reference to each object (Python's del of the names).</summary>
    public static void Del(this PyRuntime rt, params PyObject*[] objects)
    {
        foreach (PyObject* o in objects)
        {
            rt.DecRef(o);
        }
    }

    /// <summary>Drops the reference to a class made with NewClass.</summary>
    public static void DelClass(this PyRuntime rt, params PyTypeObject*[] classes)
    {
        foreach (PyTypeObject* c in classes)
        {
            rt.DecRef((PyObject*)c);
        }
    }

    /// <summary>True when <paramref name="o"/> (by identity) is among <paramref name="objects"/>.</summary>
    public static bool ContainsObject(System.Collections.Generic.List<nint> objects, PyObject* o) => objects.Contains((nint)o);
}
