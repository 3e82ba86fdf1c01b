using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int's type object and layout, and bool (Objects/boolobject.c). The int implementation
// (small-int cache, arithmetic, conversions) builds on these.
public sealed unsafe partial class PyRuntime
{
    public PyTypeObject* IntType { get; private set; }

    public PyTypeObject* BoolType { get; private set; }

    /// <summary>The True singleton (borrowed).</summary>
    public PyObject* True { get; private set; }

    /// <summary>The False singleton (borrowed).</summary>
    public PyObject* False { get; private set; }

    private void InitIntAndBoolTypes()
    {
        IntType = NewStaticType("int", PyLongObject.HeaderSize, 4, TypeFlags.BaseType | TypeFlags.LongSubclass, ObjectType);
        IntType->SizeOf = &LongSizeOf;
        IntType->Dealloc = &ObjectDealloc;
        BoolType = NewStaticType("bool", PyLongObject.HeaderSize, 4, TypeFlags.LongSubclass, IntType);
        BoolType->Dealloc = &NoneDealloc;
    }

    private void InitBoolSingletons()
    {
        // Like None, True and False start at refcount 1 and are counted normally (3.11).
        False = NewObject(BoolType, PyLongObject.HeaderSize + 4);
        True = NewObject(BoolType, PyLongObject.HeaderSize + 4);
        if (False == null || True == null)
        {
            throw new System.InvalidOperationException("Cannot create True and False: the heap cap is too small.");
        }

        ((PyLongObject*)False)->Base.Size = 0;
        ((PyLongObject*)False)->Digit0 = 0;
        ((PyLongObject*)True)->Base.Size = 1;
        ((PyLongObject*)True)->Digit0 = 1;
    }

    private void ReleaseBoolSingletons()
    {
        FreeSingleton(True);
        True = null;
        FreeSingleton(False);
        False = null;
    }

    /// <summary>PyBool_FromLong: a new reference to True or False.</summary>
    public PyObject* NewBool(bool value) => NewRef(value ? True : False);

    /// <summary>int___sizeof__: 24 + 4 * max(1, |ob_size|).</summary>
    private static nint LongSizeOf(PyRuntime rt, PyObject* o)
    {
        nint digits = ((PyVarObject*)o)->Size;
        if (digits < 0)
        {
            digits = -digits;
        }

        return PyLongObject.HeaderSize + (4 * (digits < 1 ? 1 : digits));
    }
}
