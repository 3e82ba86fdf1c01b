using System;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>
/// An owned reference for .NET hosts: releases the reference on <see cref="Dispose"/>
/// (use it with <c>using</c>). Default-valued handles are empty and dispose to nothing.
/// Copying the struct does not add a reference; dispose exactly one copy.
/// </summary>
public readonly unsafe struct PyRef : IDisposable, IEquatable<PyRef>
{
    private readonly PyRuntime? _runtime;
    private readonly nint _address;

    internal PyRef(PyRuntime runtime, PyObject* o)
    {
        _runtime = runtime;
        _address = (nint)o;
    }

    /// <summary>The raw object pointer, for code that works below the handle level.</summary>
    public PyObject* Address => (PyObject*)_address;

    public bool IsNull => _address == 0;

    /// <summary>tp_name of the object's type.</summary>
    public string TypeName => _runtime!.TypeName(Address);

    /// <summary>The current reference count.</summary>
    public nint RefCount => Address->RefCount;

    /// <summary>sys.getsizeof.</summary>
    public nint SizeOf => _runtime!.SizeOf(Address);

    /// <summary>A second owned reference to the same object.</summary>
    public PyRef NewReference()
    {
        PyRuntime.IncRef(Address);
        return new PyRef(_runtime!, Address);
    }

    public void Dispose()
    {
        if (_runtime != null && _address != 0)
        {
            _runtime.DecRef((PyObject*)_address);
        }
    }

    public bool Equals(PyRef other) => _address == other._address && ReferenceEquals(_runtime, other._runtime);

    public override bool Equals(object? obj) => obj is PyRef other && Equals(other);

    public override int GetHashCode() => _address.GetHashCode();

    public static bool operator ==(PyRef left, PyRef right) => left.Equals(right);

    public static bool operator !=(PyRef left, PyRef right) => !left.Equals(right);
}

public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Wraps a new reference returned by a runtime operation in a handle, or throws the
    /// pending Python error as <see cref="PyException"/> when it is null.
    /// </summary>
    public PyRef Own(PyObject* newReference)
    {
        if (newReference == null)
        {
            throw TakeErrorAsException();
        }

        return new PyRef(this, newReference);
    }

    /// <summary>Throws the pending Python error when <paramref name="ok"/> is false.</summary>
    public void Check(bool ok)
    {
        if (!ok)
        {
            throw TakeErrorAsException();
        }
    }

    /// <summary>A str handle.</summary>
    public PyRef Str(string text) => Own(NewStr(text));

    /// <summary>A list handle holding new references to the items.</summary>
    public PyRef List(params ReadOnlySpan<PyRef> items)
    {
        PyRef list = Own(NewList(0));
        foreach (PyRef item in items)
        {
            if (!ListAppend(list.Address, item.Address))
            {
                list.Dispose();
                throw TakeErrorAsException();
            }
        }

        return list;
    }

    /// <summary>A tuple handle holding new references to the items.</summary>
    public PyRef Tuple(params ReadOnlySpan<PyRef> items)
    {
        var pointers = new nint[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            pointers[i] = (nint)items[i].Address;
        }

        return Own(NewTuple(pointers));
    }

    /// <summary>A new instance of a class made with <see cref="NewClass"/>.</summary>
    public PyRef Instance(PyTypeObject* type) => Own(NewInstance(type));

    /// <summary>weakref.ref(target, callback).</summary>
    public PyRef WeakRef(PyRef target, PyRef callback = default) =>
        Own(NewWeakref(target.Address, callback.IsNull ? null : callback.Address));

    /// <summary>A callable that runs <paramref name="body"/>.</summary>
    public PyRef Function(ManagedCall body) => Own(NewFunction(body));

    /// <summary>obj.name = value.</summary>
    public void SetAttr(PyRef obj, string name, PyRef value) => Check(SetAttribute(obj.Address, name, value.Address));

    /// <summary>obj.name.</summary>
    public PyRef GetAttr(PyRef obj, string name) => Own(GetAttribute(obj.Address, name));
}
