using System;
using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// split/rsplit, strip and join working on the strs' own data (latin-1, UCS-2 or UCS-4 code
// units) instead of code point arrays; the pieces are made by PyRuntime.StrSubstring, which
// gives what the code point paths give.
internal static unsafe partial class StrMethods
{
    private static bool AllExactStrs(PyRuntime rt, PyObject** items, nint count)
    {
        for (nint i = 0; i < count; i++)
        {
            if (items[i]->Type != rt.StrType)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The index of the first occurrence of a non-empty <paramref name="sub"/> in <paramref name="s"/>
    /// when both are latin-1 strs, or -1 when sub cannot occur (its kind is wider than s's: strs
    /// are kept in their narrowest kind); -2 when only a code point search can tell.
    /// </summary>
    private static nint DirectIndexOf(PyObject* s, PyObject* sub)
    {
        int kind = PyRuntime.StrKind(s);
        int subKind = PyRuntime.StrKind(sub);
        if (subKind > kind)
        {
            return -1;
        }

        if (kind != 1)
        {
            return -2;
        }

        var hay = new ReadOnlySpan<byte>(PyRuntime.StrData(s), (int)PyRuntime.StrLength(s));
        var needle = new ReadOnlySpan<byte>(PyRuntime.StrData(sub), (int)PyRuntime.StrLength(sub));
        return needle.Length == 1 ? hay.IndexOf(needle[0]) : hay.IndexOf(needle);
    }

    /// <summary>strip/lstrip/rstrip's remaining range: whitespace (chars null) or the code points of chars removed.</summary>
    private static (nint Start, nint End) StripRange(PyObject* self, PyObject* chars, bool left, bool right)
    {
        nint i = 0;
        nint j = PyRuntime.StrLength(self);
        int[]? set = chars == null || PyRuntime.StrLength(chars) <= 1 ? null : PyRuntime.StrCodePoints(chars);
        int single = chars != null && PyRuntime.StrLength(chars) == 1 ? PyRuntime.StrRead(chars, 0) : -1;
        bool emptySet = chars != null && PyRuntime.StrLength(chars) == 0;
        if (emptySet)
        {
            return (i, j);
        }

        if (left)
        {
            while (i < j && Strips(PyRuntime.StrRead(self, i), chars == null, single, set))
            {
                i++;
            }
        }

        if (right)
        {
            while (j > i && Strips(PyRuntime.StrRead(self, j - 1), chars == null, single, set))
            {
                j--;
            }
        }

        return (i, j);
    }

    private static bool Strips(int c, bool whitespace, int single, int[]? set) =>
        whitespace ? UnicodeTables.IsSpace(c) : set == null ? c == single : Array.IndexOf(set, c) >= 0;

    /// <summary>split/rsplit on whitespace (sep null) or on a non-empty sep whose kind is not wider than self's.</summary>
    private static PyObject* SplitDirect(PyRuntime rt, PyObject* self, PyObject* sep, nint maxsplit, bool reverse)
    {
        byte* d = PyRuntime.StrData(self);
        int n = (int)PyRuntime.StrLength(self);
        List<(int Start, int Length)> parts = PyRuntime.StrKind(self) switch
        {
            1 => SplitUnits(new ReadOnlySpan<byte>(d, n), sep, static c => UnicodeTables.IsSpace(c), static c => (byte)c, maxsplit, reverse),
            2 => SplitUnits(new ReadOnlySpan<ushort>(d, n), sep, static c => UnicodeTables.IsSpace(c), static c => (ushort)c, maxsplit, reverse),
            _ => SplitUnits(new ReadOnlySpan<uint>(d, n), sep, static c => UnicodeTables.IsSpace((int)c), static c => (uint)c, maxsplit, reverse),
        };
        // stringlib: when nothing was split off an exact str (no separator found, maxsplit 0,
        // or on whitespace a single token spanning the whole str), the list holds self itself.
        bool selfIsOnlyPiece = parts.Count == 1 && parts[0].Start == 0 && parts[0].Length == n && self->Type == rt.StrType
            && (sep != null || maxsplit != 0);
        return SplitLists.Build(rt, parts.Count, maxsplit, i => selfIsOnlyPiece
            ? PyRuntime.NewRef(self)
            : rt.StrSubstring(self, parts[i].Start, parts[i].Length));
    }

    private static List<(int Start, int Length)> SplitUnits<TUnit>(
        ReadOnlySpan<TUnit> s, PyObject* sep, Func<TUnit, bool> isSpace, Func<int, TUnit> unit, nint maxsplit, bool reverse)
        where TUnit : unmanaged, IEquatable<TUnit>
    {
        if (sep == null)
        {
            return SeqOps.SplitWhitespace(s, isSpace, maxsplit, reverse);
        }

        int m = (int)PyRuntime.StrLength(sep);
        Span<TUnit> sepUnits = m <= 64 ? stackalloc TUnit[m] : new TUnit[m];
        for (int i = 0; i < m; i++)
        {
            sepUnits[i] = unit(PyRuntime.StrRead(sep, i));
        }

        return SeqOps.Split<TUnit>(s, sepUnits, maxsplit, reverse);
    }
}
