using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Keys for dict and set tests, made in one runtime. <see cref="MakeInt"/> objects belong to a
/// test-only, non-GC static type with CPython 3.11's int hash and value equality, so tables
/// of them lay out as CPython's tables of ints do (the runtime's own int type is being
/// written elsewhere). <see cref="NewHashableClass"/> makes a class whose instances hash by
/// identity, as object's do in CPython: GC keys for general tables.
/// </summary>
public sealed unsafe class TestKeys
{
    /// <summary>_PyHASH_MODULUS: 2^61 - 1.</summary>
    private const ulong HashModulus = (1UL << 61) - 1;

    private readonly PyRuntime _rt;

    public TestKeys(PyRuntime runtime)
    {
        _rt = runtime;
        IntType = runtime.NewStaticType("int", 24, 0, TypeFlags.None, runtime.ObjectType);
        IntType->Hash = &IntHash;
        IntType->RichCompare = &IntRichCompare;
    }

    public PyTypeObject* IntType { get; }

    /// <summary>A new reference to a new test int.</summary>
    public PyObject* MakeInt(long value)
    {
        PyObject* o = _rt.NewObject(IntType, 24);
        if (o == null)
        {
            throw _rt.TakeErrorAsException();
        }

        *(long*)((byte*)o + 16) = value;
        return o;
    }

    /// <summary>A new reference to a new str.</summary>
    public PyObject* MakeStr(string value)
    {
        PyObject* o = _rt.NewStr(value);
        if (o == null)
        {
            throw _rt.TakeErrorAsException();
        }

        return o;
    }

    /// <summary>A key from a recorded spec: a long makes a test int, a string a str.</summary>
    public PyObject* FromSpec(object spec) => spec switch
    {
        long l => MakeInt(l),
        string s => MakeStr(s),
        _ => throw new ArgumentException($"bad key spec {spec}", nameof(spec)),
    };

    public bool IsInt(PyObject* o) => o->Type == IntType;

    public static long IntValue(PyObject* o) => *(long*)((byte*)o + 16);

    /// <summary>The spec of a key object (long for a test int, string for a str).</summary>
    public object SpecOf(PyObject* o) => IsInt(o) ? IntValue(o) : PyRuntime.StrToString(o);

    /// <summary>CPython 3.11's hash of an int that fits in 64 bits (long_hash).</summary>
    public static long CPythonIntHash(long v)
    {
        ulong magnitude = v >= 0 ? (ulong)v : (ulong)(-(v + 1)) + 1;
        long h = (long)(magnitude % HashModulus);
        if (v < 0)
        {
            h = -h;
        }

        return h == -1 ? -2 : h;
    }

    /// <summary>A class whose instances are hashable by identity (_Py_HashPointer) and equal only to themselves.</summary>
    public PyTypeObject* NewHashableClass(string name)
    {
        PyTypeObject* cls = _rt.NewClass(name);
        cls->Hash = &PointerHash;
        return cls;
    }

    private static nint IntHash(PyRuntime rt, PyObject* o) => (nint)CPythonIntHash(IntValue(o));

    private static PyObject* IntRichCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        if (b->Type != a->Type)
        {
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        int c = IntValue(a).CompareTo(IntValue(b));
        bool r = op switch
        {
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        };
        return rt.NewBool(r);
    }

    /// <summary>_Py_HashPointer: the address rotated right by 4 bits.</summary>
    private static nint PointerHash(PyRuntime rt, PyObject* o)
    {
        nuint p = (nuint)o;
        nint h = (nint)((p >> 4) | (p << 60));
        return h == -1 ? -2 : h;
    }
}

/// <summary>Reading a dict or a set back as specs, in iteration order.</summary>
public static unsafe class ContainerReader
{
    public static List<object> DictKeys(PyRuntime rt, TestKeys keys, PyObject* d)
    {
        var result = new List<object>();
        nint pos = 0;
        while (rt.DictNext(d, ref pos, out PyObject* k, out _))
        {
            result.Add(keys.SpecOf(k));
        }

        return result;
    }

    public static List<object> SetKeys(PyRuntime rt, TestKeys keys, PyObject* s)
    {
        var result = new List<object>();
        nint pos = 0;
        while (rt.SetNext(s, ref pos, out PyObject* k, out _))
        {
            result.Add(keys.SpecOf(k));
        }

        return result;
    }
}
