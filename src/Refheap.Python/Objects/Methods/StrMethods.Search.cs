using System;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// find, rfind, index, rindex, count, startswith, endswith, replace, partition, rpartition,
// removeprefix, removesuffix.
internal static unsafe partial class StrMethods
{
    /// <summary>The code points of a str argument, or TypeError "must be str, not T".</summary>
    private static int[]? StrArg(PyRuntime rt, PyObject* o)
    {
        if (!PyRuntime.IsStr(o))
        {
            rt.SetError(rt.TypeErrorType, $"must be str, not {rt.TypeName(o)}");
            return null;
        }

        return PyRuntime.StrCodePoints(o);
    }

    // The searches below read both strs where they lie, in the haystack's width (1, 2 or 4
    // bytes per code point, as PEP 393 stores them): a narrower needle is widened (it is
    // usually short), and a wider one cannot occur at all. Copying the haystack's code points
    // on every call made `s.startswith(p, i)` and `s.find(p, i)` loops quadratic.

    /// <summary>A str's code points in place, as <typeparamref name="TUnit"/> (its kind's width).</summary>
    private static ReadOnlySpan<TUnit> Units<TUnit>(PyObject* s)
        where TUnit : unmanaged =>
        new(PyRuntime.StrData(s), (int)PyRuntime.StrLength(s));

    /// <summary>A needle in the haystack's width: in place when the kinds match, else widened.</summary>
    private static ReadOnlySpan<TUnit> NeedleAs<TUnit>(PyObject* sub)
        where TUnit : unmanaged, System.Numerics.IBinaryInteger<TUnit>
    {
        if (PyRuntime.StrKind(sub) == sizeof(TUnit))
        {
            return Units<TUnit>(sub);
        }

        var wide = new TUnit[PyRuntime.StrLength(sub)];
        for (int i = 0; i < wide.Length; i++)
        {
            wide[i] = TUnit.CreateTruncating(PyRuntime.StrRead(sub, i));
        }

        return wide;
    }

    /// <summary>True when <paramref name="sub"/> holds a code point wider than any <paramref name="self"/> can hold.</summary>
    private static bool NeedleTooWide(PyObject* self, PyObject* sub) => PyRuntime.StrKind(sub) > PyRuntime.StrKind(self);

    /// <summary>str.find / rfind of a str argument (str_find_impl), without copies.</summary>
    internal static nint FindStr(PyObject* self, PyObject* sub, nint start, nint end, bool reverse)
    {
        if (NeedleTooWide(self, sub))
        {
            return -1;
        }

        return PyRuntime.StrKind(self) switch
        {
            1 => SeqOps.Find(Units<byte>(self), NeedleAs<byte>(sub), start, end, reverse),
            2 => SeqOps.Find(Units<ushort>(self), NeedleAs<ushort>(sub), start, end, reverse),
            _ => SeqOps.Find(Units<int>(self), NeedleAs<int>(sub), start, end, reverse),
        };
    }

    /// <summary>tailmatch (startswith / endswith) of one str, without copies.</summary>
    private static bool TailMatchStr(PyObject* self, PyObject* sub, nint start, nint end, bool atEnd)
    {
        if (NeedleTooWide(self, sub))
        {
            return false;
        }

        return PyRuntime.StrKind(self) switch
        {
            1 => SeqOps.TailMatch(Units<byte>(self), NeedleAs<byte>(sub), start, end, atEnd),
            2 => SeqOps.TailMatch(Units<ushort>(self), NeedleAs<ushort>(sub), start, end, atEnd),
            _ => SeqOps.TailMatch(Units<int>(self), NeedleAs<int>(sub), start, end, atEnd),
        };
    }

    /// <summary>str.count of a str argument, without copies.</summary>
    private static nint CountStr(PyObject* self, PyObject* sub, nint start, nint end)
    {
        if (NeedleTooWide(self, sub))
        {
            return 0;
        }

        return PyRuntime.StrKind(self) switch
        {
            1 => SeqOps.Count(Units<byte>(self), NeedleAs<byte>(sub), start, end),
            2 => SeqOps.Count(Units<ushort>(self), NeedleAs<ushort>(sub), start, end),
            _ => SeqOps.Count(Units<int>(self), NeedleAs<int>(sub), start, end),
        };
    }

    private static void AddFind(string name, bool reverse, bool raise)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, T, name, args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            PyObject* sub = args[0];
            if (!PyRuntime.IsStr(sub))
            {
                rt.SetError(rt.TypeErrorType, $"must be str, not {rt.TypeName(sub)}");
                return null;
            }

            nint i = FindStr(self, sub, start, end, reverse);
            if (i < 0 && raise)
            {
                rt.SetError(rt.ValueErrorType, "substring not found");
                return null;
            }

            return rt.NewInt(i);
        });
    }

    private static void AddTailMatch(string name, bool atEnd)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, T, name, args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            PyObject* arg = args[0];
            if (PyRuntime.IsSubtype(arg->Type, rt.TupleType))
            {
                for (nint i = 0; i < PyRuntime.TupleSize(arg); i++)
                {
                    PyObject* item = PyRuntime.TupleItems(arg)[i];
                    if (!PyRuntime.IsStr(item))
                    {
                        rt.SetError(rt.TypeErrorType, $"tuple for {name} must only contain str, not {rt.TypeName(item)}");
                        return null;
                    }

                    if (TailMatchStr(self, item, start, end, atEnd))
                    {
                        return rt.NewBool(true);
                    }
                }

                return rt.NewBool(false);
            }

            if (!PyRuntime.IsStr(arg))
            {
                rt.SetError(rt.TypeErrorType, $"{name} first arg must be str or a tuple of str, not {rt.TypeName(arg)}");
                return null;
            }

            return rt.NewBool(TailMatchStr(self, arg, start, end, atEnd));
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
        Add("count", (rt, self, args, n, kw) =>
        {
            if (!MethodArgs.SubStartEnd(rt, T, "count", args, n, kw, out nint start, out nint end))
            {
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"must be str, not {rt.TypeName(args[0])}");
                return null;
            }

            return rt.NewInt(CountStr(self, args[0], start, end));
        });
        Add("replace", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, T + ".replace", kw) || !ArgParse.Positional(rt, "replace", n, 2, 3))
            {
                return null;
            }

            for (int k = 0; k < 2; k++)
            {
                if (!PyRuntime.IsStr(args[k]))
                {
                    rt.SetError(rt.TypeErrorType, $"replace() argument {k + 1} must be str, not {rt.TypeName(args[k])}");
                    return null;
                }
            }

            nint count = -1;
            if (n > 2 && !MethodArgs.AsSsize(rt, args[2], out count))
            {
                return null;
            }

            // No occurrence (the common case of text.replace('\r\n', '\n') on a file's text):
            // self unchanged, without copying it into code points.
            if (PyRuntime.StrLength(args[0]) > 0 && count != 0 && DirectIndexOf(self, args[0]) == -1)
            {
                return Unchanged(rt, self);
            }

            int[]? r = SeqOps.Replace<int>(PyRuntime.StrCodePoints(self), PyRuntime.StrCodePoints(args[0]), PyRuntime.StrCodePoints(args[1]), count);
            return r == null ? Unchanged(rt, self) : New(rt, r);
        });
        AddPartition("partition", reverse: false);
        AddPartition("rpartition", reverse: true);
        AddAffix("removeprefix", atEnd: false);
        AddAffix("removesuffix", atEnd: true);
    }

    private static void AddPartition(string name, bool reverse)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!((n == 1 && kw == null) || ArgParse.OneArg(rt, T + "." + name, n, kw)))
            {
                return null;
            }

            PyObject* sep = args[0];
            if (!PyRuntime.IsStr(sep))
            {
                rt.SetError(rt.TypeErrorType, $"must be str, not {rt.TypeName(sep)}");
                return null;
            }

            nint sepLength = PyRuntime.StrLength(sep);
            if (sepLength == 0)
            {
                rt.SetError(rt.ValueErrorType, "empty separator");
                return null;
            }

            nint length = PyRuntime.StrLength(self);
            nint i = FindStr(self, sep, 0, length, reverse);
            PyObject* t = rt.NewTuple(3);
            if (t == null)
            {
                return null;
            }

            PyObject** items = PyRuntime.TupleItems(t);
            if (i < 0)
            {
                // stringlib's partition hands back the object itself (a str subclass included).
                items[reverse ? 2 : 0] = PyRuntime.NewRef(self);
                items[1] = PyRuntime.NewRef(rt.EmptyStr);
                items[reverse ? 0 : 2] = PyRuntime.NewRef(rt.EmptyStr);
            }
            else
            {
                items[0] = rt.StrSubstring(self, 0, i);
                items[1] = PyRuntime.NewRef(sep);
                items[2] = rt.StrSubstring(self, i + sepLength, length - i - sepLength);
            }

            return t;
        });
    }

    private static void AddAffix(string name, bool atEnd)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!((n == 1 && kw == null) || ArgParse.OneArg(rt, T + "." + name, n, kw)))
            {
                return null;
            }

            if (!PyRuntime.IsStr(args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"{name}() argument must be str, not {rt.TypeName(args[0])}");
                return null;
            }

            int[] s = PyRuntime.StrCodePoints(self);
            int[] a = PyRuntime.StrCodePoints(args[0]);
            if (a.Length == 0 || !SeqOps.TailMatch<int>(s, a, 0, s.Length, atEnd))
            {
                return Unchanged(rt, self);
            }

            return atEnd ? New(rt, s.AsSpan(0, s.Length - a.Length)) : New(rt, s.AsSpan(a.Length));
        });
    }
}
