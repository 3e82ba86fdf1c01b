using System.Collections.Generic;
using System.Runtime.InteropServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

/// <summary>PyBaseExceptionGroupObject (Include/cpython/pyerrors.h, 3.11): the exception header, msg, excs (88 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBaseExceptionGroupObject
{
    public PyBaseExceptionObject Base;
    public PyObject* Msg;
    public PyObject* Excs;
}

// Exception groups (PEP 654, 3.11's Objects/exceptions.c and the except* helpers of ceval.c):
// BaseExceptionGroup is a builtin type whose instances keep msg and excs in their struct;
// ExceptionGroup is, as in CPython, a heap type (BaseExceptionGroup, Exception) made at
// start-up. split/subgroup derive new groups that copy the original's traceback, cause,
// context and notes; CHECK_EG_MATCH and PREP_RERAISE_STAR implement except*.
internal sealed unsafe partial class Interpreter
{
    private enum EgMatcher
    {
        ByType,
        Predicate,
        InstanceIds,
    }

    public PyTypeObject* BaseExceptionGroupType { get; private set; }

    public PyTypeObject* ExceptionGroupType { get; private set; }

    public bool IsExceptionGroup(PyObject* o) =>
        BaseExceptionGroupType != null && PyRuntime.IsSubtypeMro(o->Type, BaseExceptionGroupType);

    private static PyBaseExceptionGroupObject* Eg(PyObject* o) => (PyBaseExceptionGroupObject*)o;

    private void InitBaseExceptionGroupType(PyTypeObject* t)
    {
        BaseExceptionGroupType = t;
        t->Dealloc = &ExceptionGroupDealloc;
        t->Traverse = &ExceptionGroupTraverse;
        t->Clear = &ExceptionGroupClear;
    }

    /// <summary>PyErr_NewException("ExceptionGroup", (BaseExceptionGroup, Exception)): a heap type in builtins.</summary>
    private void InitExceptionGroupType()
    {
        PyRuntime rt = Rt;
        PyObject* bases = rt.NewTuple((nint)BaseExceptionGroupType, (nint)rt.ExceptionType);
        PyObject* dict = rt.NewDict();
        rt.DictSetItem(dict, Str("__module__"), Str("builtins"));
        PyObject** args = stackalloc PyObject*[3];
        args[0] = Str("ExceptionGroup");
        args[1] = bases;
        args[2] = dict;
        PyObject* eg = TypeCall(rt.TypeType, args, 3, null);
        rt.DecRef(bases);
        rt.DecRef(dict);
        if (eg == null)
        {
            throw new System.InvalidOperationException("cannot create ExceptionGroup: " + rt.ExceptionMessage(rt.FetchError()));
        }

        ExceptionGroupType = (PyTypeObject*)eg;
        rt.DictSetItem(Builtins, Str("ExceptionGroup"), eg);
        rt.DictSetItem(BaseExceptionGroupType->Dict, Str("__doc__"), Str("A combination of multiple unrelated exceptions."));
        rt.TypeModified(BaseExceptionGroupType);
    }

    private static void ExceptionGroupDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        rt.Clear(ref Eg(o)->Msg);
        rt.Clear(ref Eg(o)->Excs);
        rt.BaseExceptionType->Dealloc(rt, o);
    }

    private static int ExceptionGroupTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyBaseExceptionGroupObject* e = Eg(o);
        int r = e->Msg == null ? 0 : visit(rt, e->Msg, arg);
        if (r == 0 && e->Excs != null)
        {
            r = visit(rt, e->Excs, arg);
        }

        return r != 0 ? r : rt.BaseExceptionType->Traverse(rt, o, visit, arg);
    }

    private static int ExceptionGroupClear(PyRuntime rt, PyObject* o)
    {
        rt.Clear(ref Eg(o)->Msg);
        rt.Clear(ref Eg(o)->Excs);
        return rt.BaseExceptionType->Clear(rt, o);
    }

    /// <summary>PySequence_Check: has __getitem__ and is not a dict.</summary>
    public bool SequenceCheck(PyObject* o) =>
        IsSequence(o) || (!PyRuntime.IsSubtype(o->Type, Rt.DictType) && Rt.LookupType(o->Type, Str("__getitem__")) != null);

    /// <summary>BaseExceptionGroup.__new__(cls, message, exceptions) with 3.11's checks and class selection.</summary>
    public PyObject* ExceptionGroupNew(PyTypeObject* type, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        if (kwnames != null && PyRuntime.TupleSize(kwnames) > 0)
        {
            rt.SetError(rt.TypeErrorType, $"{rt.InfoOf(type).Name}() takes no keyword arguments");
            return null;
        }

        if (nargs != 2)
        {
            rt.SetError(rt.TypeErrorType, $"BaseExceptionGroup.__new__() takes exactly 2 arguments ({nargs} given)");
            return null;
        }

        PyObject* message = args[0];
        if (!PyRuntime.IsStr(message))
        {
            rt.SetError(rt.TypeErrorType, $"BaseExceptionGroup.__new__() argument 1 must be str, not {rt.TypeName(message)}");
            return null;
        }

        if (!SequenceCheck(args[1]))
        {
            rt.SetError(rt.TypeErrorType, "second argument (exceptions) must be a sequence");
            return null;
        }

        PyObject* excs = SequenceToTuple(args[1]);
        if (excs == null)
        {
            return null;
        }

        nint n = PyRuntime.TupleSize(excs);
        if (n == 0)
        {
            rt.DecRef(excs);
            rt.SetError(rt.ValueErrorType, "second argument (exceptions) must be a non-empty sequence");
            return null;
        }

        bool nestedBase = false;
        for (nint i = 0; i < n; i++)
        {
            PyObject* e = PyRuntime.TupleItems(excs)[i];
            if (!IsExceptionInstance(e))
            {
                rt.DecRef(excs);
                rt.SetError(rt.ValueErrorType, $"Item {i} of second argument (exceptions) is not an exception");
                return null;
            }

            nestedBase |= !PyRuntime.IsSubtypeMro(e->Type, rt.ExceptionType);
        }

        PyTypeObject* cls = type;
        if (cls == ExceptionGroupType)
        {
            if (nestedBase)
            {
                rt.DecRef(excs);
                rt.SetError(rt.TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup");
                return null;
            }
        }
        else if (cls == BaseExceptionGroupType)
        {
            if (!nestedBase)
            {
                cls = ExceptionGroupType;
            }
        }
        else if (nestedBase && PyRuntime.IsSubtypeMro(cls, rt.ExceptionType))
        {
            rt.DecRef(excs);
            rt.SetError(rt.TypeErrorType, $"Cannot nest BaseExceptions in '{rt.InfoOf(cls).Name}'");
            return null;
        }

        PyObject* o = rt.NewGcObject(cls, cls->BasicSize);
        if (o == null)
        {
            rt.DecRef(excs);
            return null;
        }

        new System.Span<byte>((byte*)o + sizeof(PyObject), (int)(cls->BasicSize - sizeof(PyObject))).Clear();
        PyObject* argsTuple = rt.NewTuple((nint)args[0], (nint)args[1]);
        ((PyBaseExceptionObject*)o)->Args = argsTuple;
        Eg(o)->Msg = PyRuntime.NewRef(message);
        Eg(o)->Excs = excs;
        rt.Track(o);
        return o;
    }

    /// <summary>BaseExceptionGroup.__str__: "msg (N sub-exception[s])".</summary>
    public PyObject* ExceptionGroupStr(PyObject* self)
    {
        PyBaseExceptionGroupObject* e = Eg(self);
        string? msg = e->Msg == null ? "" : StrOf(e->Msg);
        if (msg == null)
        {
            return null;
        }

        nint n = e->Excs == null ? 0 : PyRuntime.TupleSize(e->Excs);
        return Rt.NewStr($"{msg} ({n} sub-exception{(n > 1 ? "s" : "")})");
    }

    public PyObject* ExceptionGroupMessage(PyObject* self) => PyRuntime.NewRef(OrNone(Eg(self)->Msg));

    public PyObject* ExceptionGroupExceptions(PyObject* self) => PyRuntime.NewRef(OrNone(Eg(self)->Excs));

    private PyObject* OrNone(PyObject* o) => o == null ? Rt.None : o;

    /// <summary>derive(excs): BaseExceptionGroup(self.message, excs).</summary>
    public PyObject* ExceptionGroupDerive(PyObject* self, PyObject* excs)
    {
        PyObject** a = stackalloc PyObject*[2];
        a[0] = OrNone(Eg(self)->Msg);
        a[1] = excs;
        return TypeCall(BaseExceptionGroupType, a, 2, null);
    }

    private bool GetMatcherType(PyObject* value, out EgMatcher kind)
    {
        PyRuntime rt = Rt;
        kind = EgMatcher.ByType;
        if (IsExceptionClass(value))
        {
            return true;
        }

        if (!PyRuntime.IsSubtype(value->Type, rt.TypeType) && IsCallable(value))
        {
            kind = EgMatcher.Predicate;
            return true;
        }

        if (value->Type == rt.TupleType)
        {
            bool ok = true;
            for (nint i = 0; i < PyRuntime.TupleSize(value); i++)
            {
                ok &= IsExceptionClass(PyRuntime.TupleItems(value)[i]);
            }

            if (ok)
            {
                return true;
            }
        }

        rt.SetError(rt.TypeErrorType, "expected a function, exception type or tuple of exception types");
        return false;
    }

    /// <summary>split(matcher) (withRest) or subgroup(matcher).</summary>
    public PyObject* ExceptionGroupSplit(PyObject* self, PyObject* matcher, bool withRest)
    {
        PyRuntime rt = Rt;
        if (!GetMatcherType(matcher, out EgMatcher kind))
        {
            return null;
        }

        if (SplitRecursive(self, kind, matcher, null, withRest, out PyObject* match, out PyObject* rest) < 0)
        {
            return null;
        }

        if (!withRest)
        {
            return match == null ? PyRuntime.NewRef(rt.None) : match;
        }

        PyObject* pair = rt.NewTuple((nint)OrNone(match), (nint)OrNone(rest));
        rt.XDecRef(match);
        rt.XDecRef(rest);
        return pair;
    }

    private int SplitCheckMatch(PyObject* exc, EgMatcher kind, PyObject* matcher, HashSet<nint>? ids)
    {
        switch (kind)
        {
            case EgMatcher.ByType:
                return ExceptionMatches(exc, matcher);
            case EgMatcher.Predicate:
                PyObject* r = CallOneArg(matcher, exc);
                if (r == null)
                {
                    return -1;
                }

                int t = IsTrue(r);
                Rt.DecRef(r);
                return t;
            default:
                return ids!.Contains((nint)exc) ? 1 : 0;
        }
    }

    /// <summary>exceptiongroup_split_recursive: match and rest are new references or null (nothing).</summary>
    private int SplitRecursive(PyObject* exc, EgMatcher kind, PyObject* matcher, HashSet<nint>? ids, bool withRest, out PyObject* match, out PyObject* rest)
    {
        PyRuntime rt = Rt;
        match = null;
        rest = null;
        int m = SplitCheckMatch(exc, kind, matcher, ids);
        if (m < 0)
        {
            return -1;
        }

        if (m > 0)
        {
            match = PyRuntime.NewRef(exc);
            return 0;
        }

        if (!IsExceptionGroup(exc))
        {
            if (withRest)
            {
                rest = PyRuntime.NewRef(exc);
            }

            return 0;
        }

        PyObject* excs = Eg(exc)->Excs;
        PyObject* matchList = rt.NewList(0);
        PyObject* restList = withRest ? rt.NewList(0) : null;
        int result = 0;
        for (nint i = 0; excs != null && i < PyRuntime.TupleSize(excs); i++)
        {
            if (!rt.EnterRecursiveCall(" in exceptiongroup_split_recursive"))
            {
                result = -1;
                break;
            }

            int r = SplitRecursive(PyRuntime.TupleItems(excs)[i], kind, matcher, ids, withRest, out PyObject* em, out PyObject* er);
            rt.LeaveRecursiveCall();
            if (r < 0)
            {
                result = -1;
                break;
            }

            if (em != null)
            {
                rt.ListAppend(matchList, em);
                rt.DecRef(em);
            }

            if (er != null)
            {
                rt.ListAppend(restList, er);
                rt.DecRef(er);
            }
        }

        if (result == 0)
        {
            result = Subset(exc, matchList, out match);
        }

        if (result == 0 && withRest)
        {
            result = Subset(exc, restList, out rest);
        }

        rt.DecRef(matchList);
        rt.XDecRef(restList);
        if (result < 0)
        {
            rt.XDecRef(match);
            rt.XDecRef(rest);
            match = null;
            rest = null;
        }

        return result;
    }

    /// <summary>exceptiongroup_subset: orig.derive(excs) with orig's traceback, context, cause and a copy of its notes.</summary>
    private int Subset(PyObject* orig, PyObject* excs, out PyObject* result)
    {
        PyRuntime rt = Rt;
        result = null;
        if (PyRuntime.ListSize(excs) == 0)
        {
            return 0;
        }

        PyObject* derive = GetAttr(orig, "derive");
        if (derive == null)
        {
            return -1;
        }

        PyObject* eg = CallOneArg(derive, excs);
        rt.DecRef(derive);
        if (eg == null)
        {
            return -1;
        }

        if (!IsExceptionGroup(eg))
        {
            rt.DecRef(eg);
            rt.SetError(rt.TypeErrorType, "derive must return an instance of BaseExceptionGroup");
            return -1;
        }

        var o = (PyBaseExceptionObject*)orig;
        var e = (PyBaseExceptionObject*)eg;
        if (o->Traceback != null)
        {
            Replace(ref e->Traceback, o->Traceback);
        }

        Replace(ref e->Context, o->Context);
        Replace(ref e->Cause, o->Cause);
        e->SuppressContext = 1;
        PyObject* notes = GetAttrOrNull(orig, Str("__notes__"));
        if (notes == null && rt.ErrorOccurred)
        {
            rt.DecRef(eg);
            return -1;
        }

        if (notes != null)
        {
            int r = 0;
            if (SequenceCheck(notes))
            {
                PyObject* copy = SequenceToList(notes);
                r = copy == null ? -1 : SetAttr(eg, Str("__notes__"), copy);
                rt.XDecRef(copy);
            }

            rt.DecRef(notes);
            if (r < 0)
            {
                rt.DecRef(eg);
                return -1;
            }
        }

        result = eg;
        return 0;
    }

    private void Replace(ref PyObject* field, PyObject* value)
    {
        PyObject* old = field;
        field = value == null ? null : PyRuntime.NewRef(value);
        Rt.XDecRef(old);
    }
}
