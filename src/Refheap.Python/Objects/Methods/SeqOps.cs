using System;
using System.Collections.Generic;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// The searching, splitting and replacing algorithms shared by str (over code points) and
/// bytes/bytearray (over bytes), with Python's index conventions.
/// </summary>
internal static class SeqOps
{
    /// <summary>The slice-style adjustment of find/count/startswith's start and end.</summary>
    public static void Adjust(ref nint start, ref nint end, nint length)
    {
        if (end > length)
        {
            end = length;
        }
        else if (end < 0)
        {
            end += length;
            if (end < 0)
            {
                end = 0;
            }
        }

        if (start < 0)
        {
            start += length;
            if (start < 0)
            {
                start = 0;
            }
        }
    }

    /// <summary>The index of the first (or last) occurrence of needle in hay[start:end], or -1.</summary>
    public static nint Find<T>(ReadOnlySpan<T> hay, ReadOnlySpan<T> needle, nint start, nint end, bool reverse)
        where T : IEquatable<T>
    {
        Adjust(ref start, ref end, hay.Length);
        if (end - start < needle.Length)
        {
            return -1;
        }

        ReadOnlySpan<T> window = hay[(int)start..(int)end];
        int i = reverse ? window.LastIndexOf(needle) : window.IndexOf(needle);
        if (needle.Length == 0)
        {
            i = reverse ? window.Length : 0;
        }

        return i < 0 ? -1 : start + i;
    }

    /// <summary>Non-overlapping occurrences of needle in hay[start:end].</summary>
    public static nint Count<T>(ReadOnlySpan<T> hay, ReadOnlySpan<T> needle, nint start, nint end, nint max = -1)
        where T : IEquatable<T>
    {
        Adjust(ref start, ref end, hay.Length);
        if (max < 0)
        {
            max = nint.MaxValue;
        }

        if (end - start < needle.Length)
        {
            return 0;
        }

        if (needle.Length == 0)
        {
            return Math.Min(end - start + 1, max);
        }

        ReadOnlySpan<T> window = hay[(int)start..(int)end];
        nint count = 0;
        while (count < max)
        {
            int i = window.IndexOf(needle);
            if (i < 0)
            {
                break;
            }

            count++;
            window = window[(i + needle.Length)..];
        }

        return count;
    }

    /// <summary>startswith/endswith of one candidate over hay[start:end].</summary>
    public static bool TailMatch<T>(ReadOnlySpan<T> hay, ReadOnlySpan<T> part, nint start, nint end, bool atEnd)
        where T : IEquatable<T>
    {
        Adjust(ref start, ref end, hay.Length);
        end -= part.Length;
        if (end < start)
        {
            return false;
        }

        nint at = atEnd ? end : start;
        return hay.Slice((int)at, part.Length).SequenceEqual(part);
    }

    /// <summary>split(sep, maxsplit) as (start, length) pieces; rsplit when <paramref name="reverse"/>.</summary>
    public static List<(int Start, int Length)> Split<T>(ReadOnlySpan<T> s, ReadOnlySpan<T> sep, nint maxsplit, bool reverse)
        where T : IEquatable<T>
    {
        var parts = new List<(int, int)>();
        if (maxsplit < 0)
        {
            maxsplit = nint.MaxValue;
        }

        if (!reverse)
        {
            int pos = 0;
            while (maxsplit > 0)
            {
                int i = s[pos..].IndexOf(sep);
                if (i < 0)
                {
                    break;
                }

                parts.Add((pos, i));
                pos += i + sep.Length;
                maxsplit--;
            }

            parts.Add((pos, s.Length - pos));
            return parts;
        }

        int endPos = s.Length;
        while (maxsplit > 0)
        {
            int i = s[..endPos].LastIndexOf(sep);
            if (i < 0)
            {
                break;
            }

            parts.Add((i + sep.Length, endPos - i - sep.Length));
            endPos = i;
            maxsplit--;
        }

        parts.Add((0, endPos));
        parts.Reverse();
        return parts;
    }

    /// <summary>split() on runs of whitespace (leading and trailing whitespace ignored).</summary>
    public static List<(int Start, int Length)> SplitWhitespace<T>(ReadOnlySpan<T> s, Func<T, bool> isSpace, nint maxsplit, bool reverse)
    {
        var parts = new List<(int, int)>();
        if (maxsplit < 0)
        {
            maxsplit = nint.MaxValue;
        }

        if (!reverse)
        {
            int i = 0;
            int n = s.Length;
            while (true)
            {
                while (i < n && isSpace(s[i]))
                {
                    i++;
                }

                if (i == n)
                {
                    break;
                }

                if (maxsplit == 0)
                {
                    parts.Add((i, n - i));
                    break;
                }

                int j = i;
                while (j < n && !isSpace(s[j]))
                {
                    j++;
                }

                parts.Add((i, j - i));
                maxsplit--;
                i = j;
            }

            return parts;
        }

        int k = s.Length - 1;
        while (true)
        {
            while (k >= 0 && isSpace(s[k]))
            {
                k--;
            }

            if (k < 0)
            {
                break;
            }

            if (maxsplit == 0)
            {
                parts.Add((0, k + 1));
                break;
            }

            int j = k;
            while (j >= 0 && !isSpace(s[j]))
            {
                j--;
            }

            parts.Add((j + 1, k - j));
            maxsplit--;
            k = j;
        }

        parts.Reverse();
        return parts;
    }

    /// <summary>replace(old, new, count); null when nothing changes.</summary>
    public static T[]? Replace<T>(ReadOnlySpan<T> s, ReadOnlySpan<T> old, ReadOnlySpan<T> replacement, nint count)
        where T : IEquatable<T>
    {
        if (count < 0)
        {
            count = nint.MaxValue;
        }

        nint found = Count(s, old, 0, s.Length, count);
        if (found == 0)
        {
            return null;
        }

        var output = new List<T>(s.Length + (int)Math.Min(found * (replacement.Length - old.Length), int.MaxValue / 2));
        if (old.Length == 0)
        {
            int i = 0;
            for (nint k = 0; k < found; k++)
            {
                output.AddRange(replacement);
                if (i < s.Length)
                {
                    output.Add(s[i++]);
                }
            }

            output.AddRange(s[i..]);
            return output.ToArray();
        }

        int pos = 0;
        for (nint k = 0; k < found; k++)
        {
            int i = s[pos..].IndexOf(old);
            output.AddRange(s.Slice(pos, i));
            output.AddRange(replacement);
            pos += i + old.Length;
        }

        output.AddRange(s[pos..]);
        return output.ToArray();
    }

    /// <summary>The (start, end) left by strip: characters in the set (or matching the predicate) removed from the chosen ends.</summary>
    public static (int Start, int End) Strip<T>(ReadOnlySpan<T> s, Func<T, bool> strip, bool left, bool right)
    {
        int i = 0;
        int j = s.Length;
        if (left)
        {
            while (i < j && strip(s[i]))
            {
                i++;
            }
        }

        if (right)
        {
            while (j > i && strip(s[j - 1]))
            {
                j--;
            }
        }

        return (i, j);
    }

    /// <summary>splitlines: (start, length) of each line, with or without its line break.</summary>
    public static List<(int Start, int Length)> SplitLines<T>(ReadOnlySpan<T> s, Func<T, bool> isBreak, Func<T, bool> isCr, Func<T, bool> isLf, bool keepEnds)
    {
        var parts = new List<(int, int)>();
        int i = 0;
        int n = s.Length;
        while (i < n)
        {
            int j = i;
            while (j < n && !isBreak(s[j]))
            {
                j++;
            }

            int eol = j;
            if (j < n)
            {
                j += isCr(s[j]) && j + 1 < n && isLf(s[j + 1]) ? 2 : 1;
                if (keepEnds)
                {
                    eol = j;
                }
            }

            parts.Add((i, eol - i));
            i = j;
        }

        return parts;
    }

    /// <summary>expandtabs over code points or bytes: tabs to the next multiple of tabsize; \r and \n reset the column.</summary>
    public static List<T> ExpandTabs<T>(ReadOnlySpan<T> s, nint tabsize, T space, Func<T, int> value)
    {
        var output = new List<T>(s.Length);
        long column = 0;
        foreach (T c in s)
        {
            int v = value(c);
            if (v == '\t')
            {
                if (tabsize > 0)
                {
                    long pad = tabsize - (column % tabsize);
                    column += pad;
                    for (long k = 0; k < pad; k++)
                    {
                        output.Add(space);
                    }
                }
            }
            else
            {
                output.Add(c);
                column = v == '\n' || v == '\r' ? 0 : column + 1;
            }
        }

        return output;
    }
}
