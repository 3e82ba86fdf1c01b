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
        if (sep == null && !reverse && PyRuntime.StrKind(self) == 1)
        {
            return SplitWhitespaceLatin1(rt, self, maxsplit);
        }

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
    // Latin-1 whitespace as str.isspace() sees it: \t \n \v \f \r, \x1c-\x1f, ' ' (bits of
    // LatinSpaceLow), then \x85 and \xa0.
    private const ulong LatinSpaceLow = 0x1_F000_3E00UL;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLatin1Space(byte c) => c < 64 ? ((LatinSpaceLow >> c) & 1) != 0 : c is 0x85 or 0xA0;

    /// <summary>
    /// str.split() on whitespace of a latin-1 str (stringlib split_whitespace, 3.11): the pieces
    /// go straight into the list (SplitLists' preallocation, appends past it), made as
    /// _PyUnicode_FromASCII / _PyUnicode_FromUCS1 make them (one-char strs shared); a str
    /// with no whitespace at all is its own only piece when exact.
    /// </summary>
    private static PyObject* SplitWhitespaceLatin1(PyRuntime rt, PyObject* self, nint maxsplit)
    {
        byte* d = PyRuntime.StrData(self);
        nint n = PyRuntime.StrLength(self);
        bool ascii = PyRuntime.StrIsAscii(self);
        nint prealloc = maxsplit < 0 || maxsplit >= SplitLists.MaxPrealloc ? SplitLists.MaxPrealloc : maxsplit + 1;
        if (maxsplit < 0)
        {
            maxsplit = nint.MaxValue;
        }

        PyObject* list = rt.NewList(prealloc);
        if (list == null)
        {
            return null;
        }

        var v = (PyVarObject*)list;
        v->Size = 0;
        nint count = 0;
        nint i = 0;
        while (true)
        {
            while (i < n && IsLatin1Space(d[i]))
            {
                i++;
            }

            if (i == n)
            {
                break;
            }

            nint j = i;
            if (maxsplit == 0)
            {
                j = n;
            }
            else
            {
                while (j < n && !IsLatin1Space(d[j]))
                {
                    j++;
                }
            }

            PyObject* piece;
            if (i == 0 && j == n && maxsplit != 0 && self->Type == rt.StrType)
            {
                piece = PyRuntime.NewRef(self);
            }
            else
            {
                var span = new ReadOnlySpan<byte>(d + i, (int)(j - i));
                piece = ascii ? rt.NewStrFromAscii(span) : rt.NewStrFromLatin1(span);
                if (piece == null)
                {
                    rt.DecRef(list);
                    return null;
                }
            }

            if (count >= prealloc && !rt.ListResize(list, count + 1))
            {
                rt.DecRef(piece);
                rt.DecRef(list);
                return null;
            }

            PyRuntime.ListItems(list)[count] = piece;
            v->Size = ++count;
            if (maxsplit == 0)
            {
                break;
            }

            maxsplit--;
            i = j;
        }

        return list;
    }
}
