using System;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>PyBaseExceptionObject (Include/cpython/pyerrors.h, 3.11): 72 bytes, a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyBaseExceptionObject
{
    public PyObject Base;
    public PyObject* Dict;
    public PyObject* Args;
    public PyObject* Notes;
    public PyObject* Traceback;
    public PyObject* Context;
    public PyObject* Cause;
    public byte SuppressContext;
}

// The exception types the runtime itself raises (Objects/exceptions.c), with 3.11's names
// and hierarchy. The interpreter adds the rest.
public sealed unsafe partial class PyRuntime
{
    public PyTypeObject* BaseExceptionType { get; private set; }

    public PyTypeObject* ExceptionType { get; private set; }

    public PyTypeObject* TypeErrorType { get; private set; }

    public PyTypeObject* ValueErrorType { get; private set; }

    public PyTypeObject* LookupErrorType { get; private set; }

    public PyTypeObject* KeyErrorType { get; private set; }

    public PyTypeObject* IndexErrorType { get; private set; }

    public PyTypeObject* MemoryErrorType { get; private set; }

    public PyTypeObject* RuntimeErrorType { get; private set; }

    public PyTypeObject* RecursionErrorType { get; private set; }

    public PyTypeObject* NotImplementedErrorType { get; private set; }

    public PyTypeObject* ReferenceErrorType { get; private set; }

    public PyTypeObject* SystemErrorType { get; private set; }

    public PyTypeObject* AttributeErrorType { get; private set; }

    public PyTypeObject* ArithmeticErrorType { get; private set; }

    public PyTypeObject* ZeroDivisionErrorType { get; private set; }

    public PyTypeObject* OverflowErrorType { get; private set; }

    public PyTypeObject* StopIterationType { get; private set; }

    private void InitExceptionTypes()
    {
        BaseExceptionType = ExceptionClass("BaseException", ObjectType);
        BaseExceptionType->Flags |= TypeFlags.BaseExceptionSubclass;
        BaseExceptionType->Dealloc = &ExceptionDealloc;
        BaseExceptionType->Traverse = &ExceptionTraverse;
        BaseExceptionType->Clear = &ExceptionClear;
        ExceptionType = ExceptionClass("Exception", BaseExceptionType);
        TypeErrorType = ExceptionClass("TypeError", ExceptionType);
        ValueErrorType = ExceptionClass("ValueError", ExceptionType);
        LookupErrorType = ExceptionClass("LookupError", ExceptionType);
        KeyErrorType = ExceptionClass("KeyError", LookupErrorType);
        IndexErrorType = ExceptionClass("IndexError", LookupErrorType);
        MemoryErrorType = ExceptionClass("MemoryError", ExceptionType);
        RuntimeErrorType = ExceptionClass("RuntimeError", ExceptionType);
        RecursionErrorType = ExceptionClass("RecursionError", RuntimeErrorType);
        NotImplementedErrorType = ExceptionClass("NotImplementedError", RuntimeErrorType);
        ReferenceErrorType = ExceptionClass("ReferenceError", ExceptionType);
        SystemErrorType = ExceptionClass("SystemError", ExceptionType);
        AttributeErrorType = ExceptionClass("AttributeError", ExceptionType);
        ArithmeticErrorType = ExceptionClass("ArithmeticError", ExceptionType);
        ZeroDivisionErrorType = ExceptionClass("ZeroDivisionError", ArithmeticErrorType);
        OverflowErrorType = ExceptionClass("OverflowError", ArithmeticErrorType);
        StopIterationType = ExceptionClass("StopIteration", ExceptionType);
    }

    /// <summary>Makes another builtin exception class (the interpreter's NameError, OSError, ...).</summary>
    public PyTypeObject* NewExceptionType(string name, PyTypeObject* baseType) => ExceptionClass(name, baseType);

    private PyTypeObject* ExceptionClass(string name, PyTypeObject* baseType)
    {
        PyTypeObject* t = NewStaticType(name, sizeof(PyBaseExceptionObject), 0,
            TypeFlags.HaveGc | TypeFlags.BaseType | TypeFlags.BaseExceptionSubclass, baseType);
        t->DictOffset = 16;
        if (baseType != ObjectType)
        {
            t->Traverse = baseType->Traverse;
            t->Clear = baseType->Clear;
        }

        return t;
    }

    /// <summary>A new, tracked exception instance with args (message,), or () for an empty message.</summary>
    public PyObject* NewException(PyTypeObject* type, string message)
    {
        PyObject* args;
        if (message.Length == 0)
        {
            args = NewRef(_emptyTuple);
        }
        else
        {
            PyObject* text = NewStr(message);
            if (text == null)
            {
                return null;
            }

            args = NewTuple(1);
            if (args == null)
            {
                DecRef(text);
                return null;
            }

            TupleItems(args)[0] = text;
        }

        PyObject* o = NewGcObject(type, type->BasicSize);
        if (o == null)
        {
            DecRef(args);
            return null;
        }

        var e = (PyBaseExceptionObject*)o;
        new Span<byte>(o, (int)type->BasicSize).Clear();
        e->Base.RefCount = 1;
        e->Base.Type = type;
        e->Args = args;
        Track(o);
        return o;
    }

    /// <summary>str(exc) for the common cases: '' for no args, the str of a single str arg.</summary>
    public string ExceptionMessage(PyObject* exc)
    {
        PyObject* args = ((PyBaseExceptionObject*)exc)->Args;
        if (args == null || TupleSize(args) == 0)
        {
            return "";
        }

        PyObject* first = TupleItems(args)[0];
        return TupleSize(args) == 1 && IsSubtype(first->Type, StrType) ? StrToString(first) : ReprString(args);
    }

    private static void ExceptionDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        ExceptionClear(rt, o);
        rt.GcDel(o);
        rt.TrashEnd();
    }

    /// <summary>BaseException_traverse: dict, args, notes, traceback, context, cause.</summary>
    private static int ExceptionTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var e = (PyBaseExceptionObject*)o;
        PyObject** fields = stackalloc PyObject*[] { e->Dict, e->Args, e->Notes, e->Traceback, e->Context, e->Cause };
        for (int i = 0; i < 6; i++)
        {
            if (fields[i] != null)
            {
                int r = visit(rt, fields[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    private static int ExceptionClear(PyRuntime rt, PyObject* o)
    {
        var e = (PyBaseExceptionObject*)o;
        rt.Clear(ref e->Dict);
        rt.Clear(ref e->Args);
        rt.Clear(ref e->Notes);
        rt.Clear(ref e->Traceback);
        rt.Clear(ref e->Context);
        rt.Clear(ref e->Cause);
        return 0;
    }
}
