using System;
using System.Collections.Generic;
using System.Text;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// The slots of the builtin containers that the runtime leaves empty: list and tuple
/// comparison, tuple hashing, the reprs of dict, set, frozenset and the dict views, view,
/// range and slice comparison, range hashing. Installed once per interpreter at start-up.
/// </summary>
internal static unsafe partial class TypeSlots
{
    private const ulong XxPrime1 = 11400714785074694791UL;
    private const ulong XxPrime2 = 14029467366897019727UL;
    private const ulong XxPrime5 = 2870177450012600261UL;

    [ThreadStatic]
    private static HashSet<nint>? s_reprActive;

    private static HashSet<nint> ReprActive => s_reprActive ??= new HashSet<nint>();

    /// <summary>Sets the slots on this interpreter's builtin types and fills the dict views' type dicts.</summary>
    public static void Install(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        rt.ListType->RichCompare = &SequenceRichCompare;
        rt.TupleType->RichCompare = &SequenceRichCompare;
        rt.TupleType->Hash = &TupleHash;
        rt.DictType->Repr = &DictRepr;
        rt.SetType->Repr = &SetRepr;
        rt.FrozenSetType->Repr = &SetRepr;
        rt.DictKeysType->Repr = &ViewRepr;
        rt.DictValuesType->Repr = &ViewRepr;
        rt.DictItemsType->Repr = &ViewRepr;
        rt.DictKeysType->RichCompare = &ViewRichCompare;
        rt.DictItemsType->RichCompare = &ViewRichCompare;
        rt.DictKeysType->Hash = null;
        rt.DictItemsType->Hash = null;
        rt.RangeType->RichCompare = &RangeRichCompare;
        rt.RangeType->Hash = &RangeHash;
        rt.SliceType->RichCompare = &SliceRichCompare;
        InstallDefaultHash(rt);
        if (rt.TypeType->Repr == null)
        {
            rt.TypeType->Repr = &TypeRepr;
        }

        RangeIterator.Install(rt);
        WeakrefMethods.Install(rt);
        DictViewMethods.FillViewDicts(interp);
    }

    /// <summary>
    /// object's tp_hash (_Py_HashPointer), which the runtime leaves empty: set on object and
    /// on every static type so far without a hash, except the ones CPython makes unhashable.
    /// Types created later inherit it from object.
    /// </summary>
    private static void InstallDefaultHash(PyRuntime rt)
    {
        rt.ObjectType->Hash = &PointerHash;
        var unhashable = new NintSet();
        unhashable.Add((nint)rt.ListType);
        unhashable.Add((nint)rt.DictType);
        unhashable.Add((nint)rt.SetType);
        unhashable.Add((nint)rt.ByteArrayType);
        unhashable.Add((nint)rt.SliceType);
        unhashable.Add((nint)rt.DictKeysType);
        unhashable.Add((nint)rt.DictItemsType);
        unhashable.Add((nint)rt.CellType);

        foreach (TypeInfo info in rt.Types)
        {
            PyTypeObject* t = info.Type;
            if (t->Hash == null && (t->Flags & TypeFlags.HeapType) == 0 && !unhashable.Contains((nint)t))
            {
                t->Hash = &PointerHash;
            }
        }
    }

    private static PyObject* TypeRepr(PyRuntime rt, PyObject* o) => Interpreter.Of(rt).TypeRepr((PyTypeObject*)o);

    private static nint PointerHash(PyRuntime rt, PyObject* o) => PyRuntime.HashPointer(o);

    /// <summary>list_richcompare and tuplerichcompare: the first differing item decides, else the lengths.</summary>
    private static PyObject* SequenceRichCompare(PyRuntime rt, PyObject* v, PyObject* w, CompareOp op)
    {
        bool isList = PyRuntime.IsSubtype(v->Type, rt.ListType);
        PyTypeObject* kind = isList ? rt.ListType : rt.TupleType;
        if (!PyRuntime.IsSubtype(v->Type, kind) || !PyRuntime.IsSubtype(w->Type, kind))
        {
            return MethodSupport.NotImplemented(rt);
        }

        nint vn = ((PyVarObject*)v)->Size;
        nint wn = ((PyVarObject*)w)->Size;
        if (isList && vn != wn && (op == CompareOp.Eq || op == CompareOp.Ne))
        {
            return rt.NewBool(op == CompareOp.Ne);
        }

        nint i;
        for (i = 0; i < ((PyVarObject*)v)->Size && i < ((PyVarObject*)w)->Size; i++)
        {
            PyObject* a = isList ? PyRuntime.ListItems(v)[i] : PyRuntime.TupleItems(v)[i];
            PyObject* b = isList ? PyRuntime.ListItems(w)[i] : PyRuntime.TupleItems(w)[i];
            if (a == b)
            {
                continue;
            }

            PyRuntime.IncRef(a);
            PyRuntime.IncRef(b);
            int k = rt.ObjectRichCompareBool(a, b, CompareOp.Eq);
            rt.DecRef(a);
            rt.DecRef(b);
            if (k < 0)
            {
                return null;
            }

            if (k == 0)
            {
                break;
            }
        }

        vn = ((PyVarObject*)v)->Size;
        wn = ((PyVarObject*)w)->Size;
        if (i >= vn || i >= wn)
        {
            bool r = op switch
            {
                CompareOp.Lt => vn < wn,
                CompareOp.Le => vn <= wn,
                CompareOp.Eq => vn == wn,
                CompareOp.Ne => vn != wn,
                CompareOp.Gt => vn > wn,
                _ => vn >= wn,
            };
            return rt.NewBool(r);
        }

        if (op == CompareOp.Eq)
        {
            return PyRuntime.NewRef(rt.False);
        }

        if (op == CompareOp.Ne)
        {
            return PyRuntime.NewRef(rt.True);
        }

        PyObject* x = isList ? PyRuntime.ListItems(v)[i] : PyRuntime.TupleItems(v)[i];
        PyObject* y = isList ? PyRuntime.ListItems(w)[i] : PyRuntime.TupleItems(w)[i];
        PyRuntime.IncRef(x);
        PyRuntime.IncRef(y);
        PyObject* res = rt.ObjectRichCompare(x, y, op);
        rt.DecRef(x);
        rt.DecRef(y);
        return res;
    }

    /// <summary>tuplehash (3.11): the xxHash-style mix of the items' hashes.</summary>
    private static nint TupleHash(PyRuntime rt, PyObject* o)
    {
        nint n = PyRuntime.TupleSize(o);
        ulong acc = XxPrime5;
        for (nint i = 0; i < n; i++)
        {
            nint h = rt.ObjectHash(PyRuntime.TupleItems(o)[i]);
            if (h == -1)
            {
                return -1;
            }

            acc = MixLane(acc, h);
        }

        return FinishHash(acc, n);
    }

    internal static ulong MixLane(ulong acc, nint lane)
    {
        acc += (ulong)lane * XxPrime2;
        acc = (acc << 31) | (acc >> 33);
        return acc * XxPrime1;
    }

    internal static nint FinishHash(ulong acc, nint length)
    {
        acc += (ulong)length ^ (XxPrime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (nint)acc;
    }

    /// <summary>Runs <paramref name="body"/> unless <paramref name="o"/>'s repr is already in progress.</summary>
    private static PyObject* Guarded(PyRuntime rt, PyObject* o, string recursive, Func<StringBuilder, bool> body, string open, string close)
    {
        if (!ReprActive.Add((nint)o))
        {
            return rt.NewStr(recursive);
        }

        var sb = new StringBuilder(open);
        bool ok;
        try
        {
            ok = body(sb);
        }
        finally
        {
            ReprActive.Remove((nint)o);
        }

        return ok ? rt.NewStr(sb.Append(close).ToString()) : null;
    }

    private static bool AppendRepr(PyRuntime rt, StringBuilder sb, PyObject* o)
    {
        PyObject* r = Interpreter.Of(rt).ToRepr(o);
        if (r == null)
        {
            return false;
        }

        sb.Append(PyRuntime.StrToString(r));
        rt.DecRef(r);
        return true;
    }

    /// <summary>dict_repr: {k: v, ...}, {...} when recursive.</summary>
    private static PyObject* DictRepr(PyRuntime rt, PyObject* o)
    {
        if (rt.DictSize(o) == 0)
        {
            return rt.NewStr("{}");
        }

        nint addr = (nint)o;
        return Guarded(rt, o, "{...}", sb =>
        {
            var d = (PyObject*)addr;
            nint pos = 0;
            bool first = true;
            while (rt.DictNext(d, ref pos, out PyObject* key, out PyObject* value))
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                PyRuntime.IncRef(key);
                PyRuntime.IncRef(value);
                bool ok = AppendRepr(rt, sb, key) && sb.Append(": ") != null && AppendRepr(rt, sb, value);
                rt.DecRef(key);
                rt.DecRef(value);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }, "{", "}");
    }

    /// <summary>set_repr: {a, b}, set(), frozenset({a}), NAME({...}) for subclasses, NAME(...) when recursive.</summary>
    private static PyObject* SetRepr(PyRuntime rt, PyObject* o)
    {
        string name = rt.TypeName(o);
        if (rt.SetSize(o) == 0)
        {
            return rt.NewStr(name + "()");
        }

        bool plain = o->Type == rt.SetType;
        nint addr = (nint)o;
        return Guarded(rt, o, name + "(...)", sb =>
        {
            var s = (PyObject*)addr;
            nint pos = 0;
            bool first = true;
            while (rt.SetNext(s, ref pos, out PyObject* key, out _))
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                PyRuntime.IncRef(key);
                bool ok = AppendRepr(rt, sb, key);
                rt.DecRef(key);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }, plain ? "{" : name + "({", plain ? "}" : "})");
    }

    /// <summary>dictview_repr: NAME([items]), ... when recursive.</summary>
    private static PyObject* ViewRepr(PyRuntime rt, PyObject* o)
    {
        string name = rt.TypeName(o);
        nint addr = (nint)o;
        return Guarded(rt, o, "...", sb =>
        {
            Interpreter interp = Interpreter.Of(rt);
            PyObject* list = interp.SequenceToList((PyObject*)addr);
            if (list == null)
            {
                return false;
            }

            bool ok = AppendRepr(rt, sb, list);
            rt.DecRef(list);
            return ok;
        }, name + "(", ")");
    }
}
