using System.Text;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// repr() and the recursion guard (Objects/object.c: PyObject_Repr, Py_ReprEnter,
// Python/ceval.c: _Py_CheckRecursiveCall; 3.11), with the reprs of the core containers.
public sealed unsafe partial class PyRuntime
{
    private readonly NintSet _reprInProgress = new();
    /// <summary>The recursion depth (tstate->recursion_remaining counted up); the eval loop's inlined frames change it directly.</summary>
    internal int _recursionDepth;

    /// <summary>
    /// Py_EnterRecursiveCall: false with RecursionError("maximum recursion depth exceeded" +
    /// <paramref name="where"/>) once the depth passes <see cref="RecursionLimit"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool EnterRecursiveCall(string where)
    {
        if (++_recursionDepth > RecursionLimit)
        {
            return RecursionTooDeep(where);
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool RecursionTooDeep(string where)
    {
        _recursionDepth--;
        SetError(RecursionErrorType, "maximum recursion depth exceeded" + where);
        return false;
    }

    /// <summary>Py_LeaveRecursiveCall.</summary>
    public void LeaveRecursiveCall() => _recursionDepth--;

    /// <summary>PyObject_Repr: a new str reference, or null with an error set.</summary>
    public PyObject* Repr(PyObject* o)
    {
        if (o->Type->Repr == null)
        {
            return NewStr($"<{TypeName(o)} object at 0x{(nuint)o:x}>");
        }

        if (!EnterRecursiveCall(" while getting the repr of an object"))
        {
            return null;
        }

        PyObject* r = o->Type->Repr(this, o);
        LeaveRecursiveCall();
        return r;
    }

    private void InitCoreReprs()
    {
        NoneType->Repr = &NoneRepr;
        NotImplementedType->Repr = &NotImplementedRepr;
        ListType->Repr = &ListRepr;
        TupleType->Repr = &TupleRepr;
        BaseExceptionType->Repr = &ExceptionRepr;
        foreach (TypeInfo info in _types)
        {
            if (IsSubtype(info.Type, BaseExceptionType))
            {
                info.Type->Repr = &ExceptionRepr;
            }
        }
    }

    private static PyObject* NoneRepr(PyRuntime rt, PyObject* o) => rt.NewStr("None");

    private static PyObject* NotImplementedRepr(PyRuntime rt, PyObject* o) => rt.NewStr("NotImplemented");

    /// <summary>list_repr: "[...]" for a list already being printed.</summary>
    private static PyObject* ListRepr(PyRuntime rt, PyObject* o)
    {
        if (ListSize(o) == 0)
        {
            return rt.NewStr("[]");
        }

        return rt.SequenceRepr(o, "[", "]", ListItems(o), ListSize(o), "[...]");
    }

    /// <summary>tuplerepr: "(x,)" for one item.</summary>
    private static PyObject* TupleRepr(PyRuntime rt, PyObject* o)
    {
        nint n = TupleSize(o);
        if (n == 0)
        {
            return rt.NewStr("()");
        }

        return rt.SequenceRepr(o, "(", n == 1 ? ",)" : ")", TupleItems(o), n, "(...)");
    }

    private PyObject* SequenceRepr(PyObject* o, string open, string close, PyObject** items, nint count, string recursive)
    {
        if (!_reprInProgress.Add((nint)o))
        {
            return NewStr(recursive);
        }

        var sb = new StringBuilder(open);
        bool ok = true;
        for (nint i = 0; i < count && ok; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            PyObject* r = Repr(items[i]);
            if (r == null)
            {
                ok = false;
                break;
            }

            sb.Append(StrToString(r));
            DecRef(r);
        }

        _reprInProgress.Remove((nint)o);
        return ok ? NewStr(sb.Append(close).ToString()) : null;
    }

    /// <summary>BaseException_repr: NAME(arg) for one argument, NAME(args...) otherwise.</summary>
    private static PyObject* ExceptionRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* args = ((PyBaseExceptionObject*)o)->Args;
        PyObject* inner;
        if (args != null && TupleSize(args) == 1)
        {
            inner = rt.Repr(TupleItems(args)[0]);
            if (inner == null)
            {
                return null;
            }

            string text = $"{rt.TypeName(o)}({StrToString(inner)})";
            rt.DecRef(inner);
            return rt.NewStr(text);
        }

        inner = rt.Repr(args != null ? args : rt._emptyTuple);
        if (inner == null)
        {
            return null;
        }

        string all = rt.TypeName(o) + StrToString(inner);
        rt.DecRef(inner);
        return rt.NewStr(all);
    }
}
