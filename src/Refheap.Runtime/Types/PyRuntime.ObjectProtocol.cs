using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The parts of the object protocol that hashing containers need (Objects/object.c, 3.11):
// PyObject_Hash, PyObject_RichCompare(Bool), PyObject_IsTrue.
public sealed unsafe partial class PyRuntime
{

    /// <summary>
    /// PyObject_Hash: tp_hash, or TypeError "unhashable type: 'NAME'" when the type has none
    /// (PyObject_HashNotImplemented). -1 with the error set on failure.
    /// </summary>
    public nint ObjectHash(PyObject* o)
    {
        var hash = o->Type->Hash;
        if (hash == null)
        {
            SetError(TypeErrorType, $"unhashable type: '{TypeName(o)}'");
            return -1;
        }

        return hash(this, o);
    }

    /// <summary>The hash a dict or set uses for a key: a str's cached hash, else PyObject_Hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal nint KeyHash(PyObject* key)
    {
        if (key->Type == StrType)
        {
            nint cached = ((PyAsciiObject*)key)->Hash;
            if (cached != -1)
            {
                return cached;
            }
        }

        return ObjectHash(key);
    }

    /// <summary>
    /// PyObject_RichCompare (do_richcompare): the reflected operation first when the right
    /// operand's type is a proper subtype of the left's, then the left's slot, then the
    /// right's; without an answer, identity for == and !=, else TypeError. A new
    /// reference, or null with an error set.
    /// </summary>
    public PyObject* ObjectRichCompare(PyObject* v, PyObject* w, CompareOp op)
    {
        // One recursion depth with repr and, later, Python calls (Py_EnterRecursiveCall).
        if (!EnterRecursiveCall(" in comparison"))
        {
            return null;
        }

        PyObject* res = DoRichCompare(v, w, op);
        LeaveRecursiveCall();
        return res;
    }

    /// <summary>
    /// PyObject_RichCompareBool: identity implies equality for == and !=; otherwise the
    /// truth of the rich comparison. 1, 0, or -1 with an error set.
    /// </summary>
    public int ObjectRichCompareBool(PyObject* v, PyObject* w, CompareOp op)
    {
        if (v == w)
        {
            if (op == CompareOp.Eq)
            {
                return 1;
            }

            if (op == CompareOp.Ne)
            {
                return 0;
            }
        }

        PyObject* res = ObjectRichCompare(v, w, op);
        if (res == null)
        {
            return -1;
        }

        int ok = res == True ? 1 : res == False ? 0 : ObjectIsTrue(res);
        DecRef(res);
        return ok;
    }

    /// <summary>
    /// PyObject_IsTrue for the types this runtime has: False, None, zero ints and empty str,
    /// tuple, list, dict, set and frozenset are false; everything else is true (objects
    /// without __bool__ or __len__).
    /// </summary>
    public int ObjectIsTrue(PyObject* o)
    {
        if (o == True)
        {
            return 1;
        }

        if (o == False || o == None)
        {
            return 0;
        }

        PyTypeObject* t = o->Type;
        if (IsSubtype(t, IntType) || IsSubtype(t, TupleType) || IsSubtype(t, ListType))
        {
            return ((PyVarObject*)o)->Size != 0 ? 1 : 0;
        }

        if (IsSubtype(t, StrType))
        {
            return StrLength(o) != 0 ? 1 : 0;
        }

        if (IsSubtype(t, DictType))
        {
            return ((PyDictObject*)o)->Used != 0 ? 1 : 0;
        }

        if (IsAnySet(o))
        {
            return ((PySetObject*)o)->Used != 0 ? 1 : 0;
        }

        return 1;
    }

    private PyObject* DoRichCompare(PyObject* v, PyObject* w, CompareOp op)
    {
        PyTypeObject* vt = v->Type;
        PyTypeObject* wt = w->Type;
        bool checkedReverse = false;
        if (vt != wt && IsSubtype(wt, vt) && wt->RichCompare != null)
        {
            checkedReverse = true;
            PyObject* res = wt->RichCompare(this, w, v, SwappedOp(op));
            if (res != NotImplemented)
            {
                return res;
            }

            DecRef(res);
        }

        if (vt->RichCompare != null)
        {
            PyObject* res = vt->RichCompare(this, v, w, op);
            if (res != NotImplemented)
            {
                return res;
            }

            DecRef(res);
        }

        if (!checkedReverse && wt->RichCompare != null)
        {
            PyObject* res = wt->RichCompare(this, w, v, SwappedOp(op));
            if (res != NotImplemented)
            {
                return res;
            }

            DecRef(res);
        }

        switch (op)
        {
            case CompareOp.Eq:
                return NewBool(v == w);
            case CompareOp.Ne:
                return NewBool(v != w);
            default:
                string[] symbols = ["<", "<=", "==", "!=", ">", ">="];
                SetError(TypeErrorType, $"'{symbols[(int)op]}' not supported between instances of '{TypeName(v)}' and '{TypeName(w)}'");
                return null;
        }
    }

    /// <summary>_Py_SwappedOp.</summary>
    private static CompareOp SwappedOp(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };
}
