using System;
using System.Collections.Generic;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// find, rfind, index, rindex, count, startswith, endswith, replace, partition, rpartition,
// removeprefix, removesuffix, split, rsplit, strip, lstrip, rstrip, splitlines, join.
internal static unsafe partial class BytesMethods
{
    /// <summary>The sub argument of find/count/index/in: an int in range(256) or a bytes-like object.</summary>
    internal static byte[]? SubArg(PyRuntime rt, PyObject* o)
    {
        if (IsBytesLike(rt, o))
        {
            return Interpreter.BytesOf(o);
        }

        PyObject* idx = Interpreter.Of(rt).TryIndex(o);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"argument should be integer or bytes-like object, not '{rt.TypeName(o)}'");
            }

            return null;
        }

        System.Numerics.BigInteger b = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        if (b < 0 || b > 255)
        {
            rt.SetError(rt.ValueErrorType, "byte must be in range(0, 256)");
            return null;
        }

        return [(byte)b];
    }

    private static void AddFind(string name, bool reverse, bool raise)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, t, name, args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            byte[]? sub = SubArg(rt, args[0]);
            if (sub == null)
            {
                return null;
            }

            nint i = SeqOps.Find<byte>(Interpreter.BytesView(self), sub, start, end, reverse);
            if (i < 0 && raise)
            {
                rt.SetError(rt.ValueErrorType, "subsection not found");
                return null;
            }

            return rt.NewInt(i);
        });
    }

    private static void AddTailMatch(string name, bool atEnd)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, t, name, args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            PyObject* arg = args[0];
            if (PyRuntime.IsSubtype(arg->Type, rt.TupleType))
            {
                // Each part converted, then matched (a later bad part is not reached once one
                // matches, as in CPython); self is read in place after each conversion.
                for (nint i = 0; i < PyRuntime.TupleSize(arg); i++)
                {
                    byte[]? part = BytesArg(rt, PyRuntime.TupleItems(arg)[i]);
                    if (part == null)
                    {
                        return null;
                    }

                    if (SeqOps.TailMatch<byte>(Interpreter.BytesView(self), part, start, end, atEnd))
                    {
                        return rt.NewBool(true);
                    }
                }

                return rt.NewBool(false);
            }

            if (!IsBytesLike(rt, arg))
            {
                rt.SetError(rt.TypeErrorType, $"{name} first arg must be bytes or a tuple of bytes, not {rt.TypeName(arg)}");
                return null;
            }

            return rt.NewBool(SeqOps.TailMatch<byte>(Interpreter.BytesView(self), Interpreter.BytesView(arg), start, end, atEnd));
        });
    }

    private static void RegisterSearch()
    {
        AddFind("find", reverse: false, raise: false);
        AddFind("rfind", reverse: true, raise: false);
        AddFind("index", reverse: false, raise: true);
        AddFind("rindex", reverse: true, raise: true);
        AddTailMatch("startswith", atEnd: false);
        AddTailMatch("endswith", atEnd: true);
        Add("count", t => (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, t, "count", args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            byte[]? sub = SubArg(rt, args[0]);
            return sub == null ? null : rt.NewInt(SeqOps.Count<byte>(Interpreter.BytesView(self), sub, start, end));
        });
        Add("replace", t => (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, t + ".replace", kw) || !ArgParse.Positional(rt, "replace", n, 2, 3))
            {
                return null;
            }

            byte[]? old = BytesArg(rt, args[0]);
            byte[]? replacement = old == null ? null : BytesArg(rt, args[1]);
            if (replacement == null)
            {
                return null;
            }

            nint count = -1;
            if (n > 2 && !MethodArgs.AsSsize(rt, args[2], out count))
            {
                return null;
            }

            byte[]? r = SeqOps.Replace<byte>(Interpreter.BytesOf(self), old!, replacement, count);
            return r == null ? Unchanged(rt, self) : Make(rt, self, r);
        });
        AddPartition("partition", reverse: false);
        AddPartition("rpartition", reverse: true);
        AddAffix("removeprefix", atEnd: false);
        AddAffix("removesuffix", atEnd: true);
    }

    private static void AddPartition(string name, bool reverse)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!((n == 1 && kw == null) || ArgParse.OneArg(rt, t + "." + name, n, kw)))
            {
                return null;
            }

            byte[]? sep = BytesArg(rt, args[0]);
            if (sep == null)
            {
                return null;
            }

            if (sep.Length == 0)
            {
                rt.SetError(rt.ValueErrorType, "empty separator");
                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            nint i = SeqOps.Find<byte>(s, sep, 0, s.Length, reverse);
            PyObject* tuple = rt.NewTuple(3);
            PyObject** items = PyRuntime.TupleItems(tuple);
            if (i < 0)
            {
                items[reverse ? 2 : 0] = Unchanged(rt, self);
                items[1] = Make(rt, self, default(ReadOnlySpan<byte>));
                items[reverse ? 0 : 2] = Make(rt, self, default(ReadOnlySpan<byte>));
            }
            else
            {
                items[0] = Make(rt, self, s.AsSpan(0, (int)i));
                items[1] = rt.IsByteArray(self) || args[0]->Type != rt.BytesType ? Make(rt, self, sep) : PyRuntime.NewRef(args[0]);
                items[2] = Make(rt, self, s.AsSpan((int)i + sep.Length));
            }

            return tuple;
        });
    }

    private static void AddAffix(string name, bool atEnd)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!((n == 1 && kw == null) || ArgParse.OneArg(rt, t + "." + name, n, kw)))
            {
                return null;
            }

            byte[]? a = BytesArg(rt, args[0]);
            if (a == null)
            {
                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            if (a.Length == 0 || !SeqOps.TailMatch<byte>(s, a, 0, s.Length, atEnd))
            {
                return Unchanged(rt, self);
            }

            return atEnd ? Make(rt, self, s.AsSpan(0, s.Length - a.Length)) : Make(rt, self, s.AsSpan(a.Length));
        });
    }

    private static PyObject* PieceList(PyRuntime rt, PyObject* self, byte[] s, List<(int Start, int Length)> parts)
    {
        PyObject* list = rt.NewList(parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            PyRuntime.ListItems(list)[i] = Make(rt, self, s.AsSpan(parts[i].Start, parts[i].Length));
        }

        return list;
    }

    /// <summary>split/rsplit's list of pieces, preallocated as stringlib does.</summary>
    private static PyObject* SplitList(PyRuntime rt, PyObject* self, byte[] s, List<(int Start, int Length)> parts, nint maxsplit) =>
        SplitLists.Build(rt, parts.Count, maxsplit, i => Make(rt, self, s.AsSpan(parts[i].Start, parts[i].Length)));

    private static void AddSplit(string name, bool reverse)
    {
        Add(name, t => (rt, self, args, n, kw) =>
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

            byte[] s = Interpreter.BytesOf(self);
            if (a[0] == null || a[0] == rt.None)
            {
                return SplitList(rt, self, s, SeqOps.SplitWhitespace<byte>(s, IsSpace, maxsplit, reverse), maxsplit);
            }

            byte[]? sep = BytesArg(rt, a[0]);
            if (sep == null)
            {
                return null;
            }

            if (sep.Length == 0)
            {
                rt.SetError(rt.ValueErrorType, "empty separator");
                return null;
            }

            return SplitList(rt, self, s, SeqOps.Split<byte>(s, sep, maxsplit, reverse), maxsplit);
        });
    }

    private static void AddStrip(string name, bool left, bool right)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!(kw == null || ArgParse.NoKeywords(rt, t + "." + name, kw)) || !ArgParse.Positional(rt, name, n, 0, 1))
            {
                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            (int start, int end) range;
            if (n == 0 || args[0] == rt.None)
            {
                range = SeqOps.Strip<byte>(s, IsSpace, left, right);
            }
            else
            {
                byte[]? chars = BytesArg(rt, args[0]);
                if (chars == null)
                {
                    return null;
                }

                range = SeqOps.Strip<byte>(s, b => Array.IndexOf(chars, b) >= 0, left, right);
            }

            if (range.start == 0 && range.end == s.Length)
            {
                return Unchanged(rt, self);
            }

            return Make(rt, self, s.AsSpan(range.start, range.end - range.start));
        });
    }

    private static void RegisterSplit()
    {
        AddSplit("split", reverse: false);
        AddSplit("rsplit", reverse: true);
        AddStrip("strip", left: true, right: true);
        AddStrip("lstrip", left: true, right: false);
        AddStrip("rstrip", left: false, right: true);
        Add("splitlines", t => (rt, self, args, n, kw) =>
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

            byte[] s = Interpreter.BytesOf(self);
            return PieceList(rt, self, s, SeqOps.SplitLines<byte>(s, b => b == '\n' || b == '\r', b => b == '\r', b => b == '\n', keep != 0));
        });
        Add("join", t => (rt, self, args, n, kw) => ArgParse.OneArg(rt, t + ".join", n, kw) ? Join(rt, self, args[0]) : null);
    }

    private static PyObject* Join(PyRuntime rt, PyObject* self, PyObject* iterable)
    {
        Interpreter interp = Interpreter.Of(rt);
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
        PyObject* seq = interp.SequenceToList(iterable);
        if (seq == null)
        {
            return null;
        }

        byte[] sep = Interpreter.BytesOf(self);
        var output = new List<byte>();
        nint count = ((PyVarObject*)seq)->Size;
        for (nint i = 0; i < count; i++)
        {
            PyObject* item = PyRuntime.ListItems(seq)[i];
            if (!IsBytesLike(rt, item))
            {
                rt.SetError(rt.TypeErrorType, $"sequence item {i}: expected a bytes-like object, {rt.TypeName(item)} found");
                rt.DecRef(seq);
                return null;
            }

            if (i > 0)
            {
                output.AddRange(sep);
            }

            output.AddRange(Interpreter.BytesOf(item));
        }

        rt.DecRef(seq);
        return Make(rt, self, output);
    }
}
