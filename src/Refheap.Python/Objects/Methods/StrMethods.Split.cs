using System;
using System.Collections.Generic;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// split, rsplit, splitlines, join, strip, lstrip, rstrip, expandtabs.
internal static unsafe partial class StrMethods
{
    /// <summary>split/rsplit's list of pieces, preallocated as stringlib does.</summary>
    private static PyObject* SplitList(PyRuntime rt, PyObject* self, int[] s, List<(int Start, int Length)> parts, nint maxsplit)
    {
        // Nothing split off an exact str: the list holds self itself (as in SplitDirect).
        bool selfIsOnlyPiece = parts.Count == 1 && parts[0].Start == 0 && parts[0].Length == s.Length && self->Type == rt.StrType;
        return SplitLists.Build(rt, parts.Count, maxsplit, i => selfIsOnlyPiece
            ? PyRuntime.NewRef(self)
            : New(rt, s.AsSpan(parts[i].Start, parts[i].Length)));
    }

    private static void AddSplit(string name, bool reverse)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[2];
            if (!ArgParse.Parse(rt, name, args, n, kw, ["sep", "maxsplit"], 0, a))
            {
                return null;
            }

            nint maxsplit = -1;
            if (a[1] != null && !MethodArgs.AsSsize(rt, a[1], out maxsplit))
            {
                return null;
            }

            PyObject* sepObj = a[0] == null || a[0] == rt.None ? null : a[0];
            if (sepObj != null && !PyRuntime.IsStr(sepObj))
            {
                rt.SetError(rt.TypeErrorType, $"must be str or None, not {rt.TypeName(sepObj)}");
                return null;
            }

            // PyUnicode_Split: a str shorter than the separator is the only item of a list of
            // exactly one, whatever its type (no preallocation).
            if (sepObj != null && PyRuntime.StrLength(sepObj) > 0 && PyRuntime.StrLength(self) < PyRuntime.StrLength(sepObj))
            {
                PyObject* one = rt.NewList(1);
                if (one != null)
                {
                    PyRuntime.ListItems(one)[0] = PyRuntime.NewRef(self);
                }

                return one;
            }

            if (sepObj == null || (PyRuntime.StrLength(sepObj) > 0 && PyRuntime.StrKind(sepObj) <= PyRuntime.StrKind(self)))
            {
                return SplitDirect(rt, self, sepObj, maxsplit, reverse);
            }

            int[] s = PyRuntime.StrCodePoints(self);
            int[] sep = PyRuntime.StrCodePoints(a[0]);
            if (sep.Length == 0)
            {
                rt.SetError(rt.ValueErrorType, "empty separator");
                return null;
            }

            return SplitList(rt, self, s, SeqOps.Split<int>(s, sep, maxsplit, reverse), maxsplit);
        });
    }

    private static void AddStrip(string name, bool left, bool right)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!(kw == null || ArgParse.NoKeywords(rt, T + "." + name, kw)) || !ArgParse.Positional(rt, name, n, 0, 1))
            {
                return null;
            }

            PyObject* chars = n == 0 || args[0] == rt.None ? null : args[0];
            if (chars != null && !PyRuntime.IsStr(chars))
            {
                rt.SetError(rt.TypeErrorType, $"{name} arg must be None or str");
                return null;
            }

            (nint start, nint end) = StripRange(self, chars, left, right);
            if (start == 0 && end == PyRuntime.StrLength(self))
            {
                return Unchanged(rt, self);
            }

            return rt.StrSubstring(self, start, end - start);
        });
    }

    private static void RegisterSplit()
    {
        AddSplit("split", reverse: false);
        AddSplit("rsplit", reverse: true);
        AddStrip("strip", left: true, right: true);
        AddStrip("lstrip", left: true, right: false);
        AddStrip("rstrip", left: false, right: true);
        Add("splitlines", (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[1];
            if (!ArgParse.Parse(rt, "splitlines", args, n, kw, ["keepends"], 0, a))
            {
                return null;
            }

            nint keep = 0;
            if (a[0] != null && !MethodArgs.AsSsize(rt, a[0], out keep, "int"))
            {
                return null;
            }

            int[] s = PyRuntime.StrCodePoints(self);
            List<(int Start, int Length)> lines = SeqOps.SplitLines<int>(s, UnicodeTables.IsLineBreak, c => c == '\r', c => c == '\n', keep != 0);

            // stringlib splitlines: an empty list grown by appends; an exact str without any
            // line break is its own only line.
            PyObject* list = rt.NewList(0);
            for (int i = 0; list != null && i < lines.Count; i++)
            {
                bool whole = lines[i].Start == 0 && lines[i].Length == s.Length;
                PyObject* piece = whole && self->Type == rt.StrType
                    ? PyRuntime.NewRef(self)
                    : New(rt, s.AsSpan(lines[i].Start, lines[i].Length));
                bool ok = piece != null && rt.ListAppend(list, piece);
                rt.XDecRef(piece);
                if (!ok)
                {
                    rt.DecRef(list);
                    list = null;
                }
            }

            return list;
        });
        Add("expandtabs", (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[1];
            if (!ArgParse.Parse(rt, "expandtabs", args, n, kw, ["tabsize"], 0, a))
            {
                return null;
            }

            nint tabsize = 8;
            if (a[0] != null && !MethodArgs.AsSsize(rt, a[0], out tabsize, "int"))
            {
                return null;
            }

            int[] s = PyRuntime.StrCodePoints(self);
            if (Array.IndexOf(s, '\t') < 0)
            {
                return Unchanged(rt, self);
            }

            return New(rt, SeqOps.ExpandTabs<int>(s, tabsize, ' ', c => c));
        });
        Add("join", (rt, self, args, n, kw) => ArgParse.OneArg(rt, T + ".join", n, kw) ? Join(rt, self, args[0]) : null);
    }

    /// <summary>sep.join(iterable).</summary>
    internal static PyObject* Join(PyRuntime rt, PyObject* sep, PyObject* iterable)
    {
        Interpreter interp = Interpreter.Of(rt);
        PyObject* seq;
        if (PyRuntime.IsSubtype(iterable->Type, rt.ListType) || PyRuntime.IsSubtype(iterable->Type, rt.TupleType))
        {
            seq = PyRuntime.NewRef(iterable);
        }
        else
        {
            PyObject* it = interp.GetIter(iterable);
            if (it == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, "can only join an iterable");
                }

                return null;
            }

            rt.DecRef(it);
            seq = interp.SequenceToList(iterable);
            if (seq == null)
            {
                return null;
            }
        }

        bool isList = PyRuntime.IsSubtype(seq->Type, rt.ListType);
        nint count = ((PyVarObject*)seq)->Size;
        PyObject** items = isList ? PyRuntime.ListItems(seq) : PyRuntime.TupleItems(seq);
        if (count == 1 && items[0]->Type == rt.StrType)
        {
            PyObject* only = PyRuntime.NewRef(items[0]);
            rt.DecRef(seq);
            return only;
        }

        if (count >= 2 && sep->Type == rt.StrType && AllExactStrs(rt, items, count))
        {
            PyObject* joined = rt.StrJoinExact(sep, items, count);
            rt.DecRef(seq);
            return joined;
        }

        int[] sepCps = PyRuntime.StrCodePoints(sep);
        var output = new List<int>();
        for (nint i = 0; i < count; i++)
        {
            PyObject* item = items[i];
            if (!PyRuntime.IsStr(item))
            {
                rt.SetError(rt.TypeErrorType, $"sequence item {i}: expected str instance, {rt.TypeName(item)} found");
                rt.DecRef(seq);
                return null;
            }

            if (i > 0)
            {
                output.AddRange(sepCps);
            }

            nint len = PyRuntime.StrLength(item);
            for (nint k = 0; k < len; k++)
            {
                output.Add(PyRuntime.StrRead(item, k));
            }
        }

        rt.DecRef(seq);
        return New(rt, output);
    }
}
