using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The VM side of except* (3.11's ceval.c: CHECK_EG_MATCH with exception_group_match and
// check_except_star_type_valid; PREP_RERAISE_STAR with _PyExc_PrepReraiseStar). The compiler's
// lowering is described in Compiler/Compiler.ExceptStar.cs.
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// CHECK_EG_MATCH. <paramref name="slot"/>[0] is the clause's type (consumed), slot[-1] the
    /// exception. On a match slot[-1] becomes the unmatched rest (or None), slot[0] the match and
    /// sys.exc_info() the match; otherwise slot[0] is None. False with an error set.
    /// </summary>
    private bool ExceptStarMatch(PyObject** slot)
    {
        PyRuntime rt = Rt;
        PyObject* type = slot[0];
        PyObject* exc = slot[-1];
        int r = CheckExceptStarType(type);
        PyObject* match = null;
        PyObject* rest = null;
        if (r >= 0)
        {
            r = ExceptionGroupMatch(exc, type, out match, out rest);
        }

        rt.DecRef(type);
        if (r < 0)
        {
            return false;
        }

        if (match == rt.None)
        {
            slot[0] = match;
            rt.DecRef(rest);
            return true;
        }

        slot[-1] = rest;
        slot[0] = match;
        PyObject* old = ExcInfo[0];
        ExcInfo[0] = PyRuntime.NewRef(match);
        rt.XDecRef(old);
        rt.DecRef(exc);
        return true;
    }

    /// <summary>check_except_star_type_valid: exception classes only, and no exception group classes.</summary>
    private int CheckExceptStarType(PyObject* type)
    {
        PyRuntime rt = Rt;
        bool isTuple = type->Type == rt.TupleType;
        nint n = isTuple ? PyRuntime.TupleSize(type) : 1;
        for (nint i = 0; i < n; i++)
        {
            if (!IsExceptionClass(isTuple ? PyRuntime.TupleItems(type)[i] : type))
            {
                rt.SetError(rt.TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
                return -1;
            }
        }

        for (nint i = 0; i < n; i++)
        {
            var t = (PyTypeObject*)(isTuple ? PyRuntime.TupleItems(type)[i] : type);
            if (PyRuntime.IsSubtypeMro(t, BaseExceptionGroupType))
            {
                rt.SetError(rt.TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.");
                return -1;
            }
        }

        return 0;
    }

    /// <summary>exception_group_match: a whole match (a bare exception is wrapped in ExceptionGroup('', (exc,))), a split, or None.</summary>
    private int ExceptionGroupMatch(PyObject* exc, PyObject* type, out PyObject* match, out PyObject* rest)
    {
        PyRuntime rt = Rt;
        match = null;
        rest = null;
        if (exc == rt.None)
        {
            match = PyRuntime.NewRef(rt.None);
            rest = PyRuntime.NewRef(rt.None);
            return 0;
        }

        int m = ExceptionMatches(exc, type);
        if (m < 0)
        {
            return -1;
        }

        if (m > 0)
        {
            if (IsExceptionGroup(exc))
            {
                match = PyRuntime.NewRef(exc);
            }
            else
            {
                PyObject* wrapped = CreateExceptionGroup(exc);
                if (wrapped == null)
                {
                    return -1;
                }

                // 3.11 gives the wrapper no traceback of its own.
                match = wrapped;
            }

            rest = PyRuntime.NewRef(rt.None);
            return 0;
        }

        if (IsExceptionGroup(exc))
        {
            PyObject* split = GetAttr(exc, "split");
            PyObject* pair = split == null ? null : CallOneArg(split, type);
            rt.XDecRef(split);
            if (pair == null)
            {
                return -1;
            }

            if (pair->Type != rt.TupleType)
            {
                rt.SetError(rt.TypeErrorType, $"{rt.TypeName(exc)}.split must return a tuple, not {rt.TypeName(pair)}");
                rt.DecRef(pair);
                return -1;
            }

            if (PyRuntime.TupleSize(pair) != 2)
            {
                rt.SetError(rt.TypeErrorType, $"{rt.TypeName(exc)}.split must return a 2-tuple, got tuple of size {PyRuntime.TupleSize(pair)}");
                rt.DecRef(pair);
                return -1;
            }

            match = PyRuntime.NewRef(PyRuntime.TupleItems(pair)[0]);
            rest = PyRuntime.NewRef(PyRuntime.TupleItems(pair)[1]);
            rt.DecRef(pair);
            return 0;
        }

        match = PyRuntime.NewRef(rt.None);
        rest = PyRuntime.NewRef(rt.None);
        return 0;
    }

    /// <summary>_PyExc_CreateExceptionGroup("", [exc]) for one exception (a bare exception caught by except*).</summary>
    private PyObject* CreateExceptionGroup(PyObject* excsSequence)
    {
        PyRuntime rt = Rt;
        PyObject* excs;
        if (IsExceptionInstance(excsSequence))
        {
            excs = rt.NewTuple(1);
            if (excs == null)
            {
                return null;
            }

            PyRuntime.TupleItems(excs)[0] = PyRuntime.NewRef(excsSequence);
        }
        else
        {
            excs = PyRuntime.NewRef(excsSequence);
        }

        PyObject** a = stackalloc PyObject*[2];
        a[0] = rt.EmptyStr;
        a[1] = excs;
        PyObject* eg = TypeCall(BaseExceptionGroupType, a, 2, null);
        rt.DecRef(excs);
        return eg;
    }

    /// <summary>
    /// PREP_RERAISE_STAR: from the original exception and the list of what the clauses raised
    /// (and the unmatched rest), the exception to re-raise: None, a single exception, or
    /// ExceptionGroup('', [raised..., the re-raised part of orig]).
    /// </summary>
    private PyObject* PrepReraiseStar(PyObject* orig, PyObject* excs)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.ListSize(excs);
        if (n == 0)
        {
            return PyRuntime.NewRef(rt.None);
        }

        if (!IsExceptionGroup(orig))
        {
            // A bare exception was wrapped: only one clause can have run.
            return PyRuntime.NewRef(PyRuntime.ListItems(excs)[0]);
        }

        var raised = new List<nint>();
        var reraised = new List<nint>();
        foreach (nint e in ListSnapshot(excs))
        {
            if ((PyObject*)e == rt.None)
            {
                continue;
            }

            (SameExceptionMetadata((PyObject*)e, orig) ? reraised : raised).Add(e);
        }

        PyObject* reraisedEg = null;
        if (reraised.Count > 0)
        {
            var leaves = new HashSet<nint>();
            foreach (nint e in reraised)
            {
                CollectLeafIds((PyObject*)e, leaves);
            }

            if (SplitRecursive(orig, EgMatcher.InstanceIds, null, leaves, false, out reraisedEg, out _) < 0)
            {
                return null;
            }
        }

        if (reraisedEg != null)
        {
            raised.Add((nint)reraisedEg);
        }

        PyObject* result;
        if (raised.Count == 0)
        {
            result = PyRuntime.NewRef(rt.None);
        }
        else if (raised.Count == 1)
        {
            result = PyRuntime.NewRef((PyObject*)raised[0]);
        }
        else
        {
            PyObject* keep = rt.NewList(0);
            foreach (nint e in raised)
            {
                rt.ListAppend(keep, (PyObject*)e);
            }

            result = CreateExceptionGroup(keep);
            rt.DecRef(keep);
        }

        rt.XDecRef(reraisedEg);
        return result;
    }

    /// <summary>is_same_exception_metadata: a re-raise keeps the original's traceback, cause and context objects.</summary>
    private static bool SameExceptionMetadata(PyObject* a, PyObject* b)
    {
        var x = (PyBaseExceptionObject*)a;
        var y = (PyBaseExceptionObject*)b;
        return x->Traceback == y->Traceback && x->Cause == y->Cause && x->Context == y->Context;
    }

    private void CollectLeafIds(PyObject* e, HashSet<nint> leaves)
    {
        if (e == Rt.None)
        {
            return;
        }

        if (!IsExceptionGroup(e))
        {
            leaves.Add((nint)e);
            return;
        }

        PyObject* excs = Eg(e)->Excs;
        for (nint i = 0; excs != null && i < PyRuntime.TupleSize(excs); i++)
        {
            CollectLeafIds(PyRuntime.TupleItems(excs)[i], leaves);
        }
    }
}
