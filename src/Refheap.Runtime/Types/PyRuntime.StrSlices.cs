using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// str building straight from other strs' data (no code point arrays): substrings, join of
// exact strs, and ASCII case mapping. Each result is what NewStrFromCodePoints makes of the
// same code points: '' and the one-character latin-1 singletons shared, otherwise a new str
// in the narrowest kind for its largest code point.
public sealed unsafe partial class PyRuntime
{
    /// <summary>The largest code point of s[start:start + length].</summary>
    private static int StrRangeMax(PyObject* s, nint start, nint length)
    {
        if ((((PyAsciiObject*)s)->State & StateAscii) != 0)
        {
            return 0;
        }

        byte* d = StrData(s);
        int max = 0;
        switch (StrKind(s))
        {
            case 1:
                foreach (byte c in new ReadOnlySpan<byte>(d + start, (int)length))
                {
                    max = Math.Max(max, c);
                }

                break;
            case 2:
                foreach (ushort c in new ReadOnlySpan<ushort>((ushort*)d + start, (int)length))
                {
                    max = Math.Max(max, c);
                }

                break;
            default:
                foreach (uint c in new ReadOnlySpan<uint>((uint*)d + start, (int)length))
                {
                    max = Math.Max(max, (int)c);
                }

                break;
        }

        return max;
    }

    /// <summary>
    /// A str of the code points s[start:start + length] (in range), as NewStrFromCodePoints
    /// would make it. Null with MemoryError on failure.
    /// </summary>
    public PyObject* StrSubstring(PyObject* s, nint start, nint length)
    {
        if (length == 0)
        {
            return NewRef(_emptyStr);
        }

        int max = StrRangeMax(s, start, length);
        if (length == 1 && max < 256)
        {
            return OneCharStr(StrRead(s, start));
        }

        int kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
        PyObject* o = AllocStr(length, kind, ascii: max < 128);
        if (o == null)
        {
            return null;
        }

        CopyRange(s, start, length, o, 0);
        return o;
    }

    /// <summary>Copies the code points s[start:start + length] into <paramref name="to"/> at <paramref name="at"/> (which holds them).</summary>
    private static void CopyRange(PyObject* from, nint start, nint length, PyObject* to, nint at)
    {
        int fromKind = StrKind(from);
        int toKind = StrKind(to);
        byte* src = StrData(from) + (start * fromKind);
        byte* dst = StrData(to) + (at * toKind);
        if (fromKind == toKind)
        {
            Buffer.MemoryCopy(src, dst, length * toKind, length * toKind);
            return;
        }

        for (nint i = 0; i < length; i++)
        {
            int c = fromKind == 1 ? src[i] : fromKind == 2 ? ((ushort*)src)[i] : (int)((uint*)src)[i];
            WriteCodePoint(dst, toKind, (int)i, c);
        }
    }

    /// <summary>
    /// sep.join(items) for an exact str separator and <paramref name="count"/> &gt;= 2 exact str
    /// items (the caller checks), or null with MemoryError. Strs are kept in their narrowest
    /// kind, so the kinds give the largest code point.
    /// </summary>
    public PyObject* StrJoinExact(PyObject* sep, PyObject** items, nint count)
    {
        nint sepLength = StrLength(sep);
        long total = sepLength * (long)(count - 1);
        int max = sepLength > 0 ? StrMaxChar(sep) : 0;
        for (nint i = 0; i < count; i++)
        {
            total += StrLength(items[i]);
            if (StrLength(items[i]) > 0)
            {
                max = Math.Max(max, StrMaxChar(items[i]));
            }
        }

        if (total > int.MaxValue / 4)
        {
            return NoMemory();
        }

        if (total == 0)
        {
            return NewRef(_emptyStr);
        }

        if (total == 1)
        {
            for (nint i = 0; i < count; i++)
            {
                if (StrLength(items[i]) == 1)
                {
                    return max < 256 ? OneCharStr(StrRead(items[i], 0)) : StrSubstring(items[i], 0, 1);
                }
            }

            return max < 256 ? OneCharStr(StrRead(sep, 0)) : StrSubstring(sep, 0, 1);
        }

        int kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
        PyObject* o = AllocStr((nint)total, kind, ascii: max < 128);
        if (o == null)
        {
            return null;
        }

        nint at = 0;
        for (nint i = 0; i < count; i++)
        {
            if (i > 0 && sepLength > 0)
            {
                CopyRange(sep, 0, sepLength, o, at);
                at += sepLength;
            }

            nint n = StrLength(items[i]);
            CopyRange(items[i], 0, n, o, at);
            at += n;
        }

        return o;
    }

    /// <summary>
    /// str.lower() (upper: str.upper()) of a str whose ASCII flag is set: only A-Z (a-z)
    /// change (unicodeobject.c: ascii_upper_or_lower, 3.11). The result is always a new str
    /// (PyUnicode_New), even of one character; only the empty str is shared.
    /// </summary>
    public PyObject* StrAsciiCase(PyObject* s, bool upper)
    {
        nint n = StrLength(s);
        byte* d = StrData(s);
        if (n == 0)
        {
            return NewRef(_emptyStr);
        }

        PyObject* o = AllocStr(n, 1, ascii: true);
        if (o == null)
        {
            return null;
        }

        byte* z = (byte*)o + sizeof(PyAsciiObject);
        byte from = upper ? (byte)'a' : (byte)'A';
        int delta = upper ? -32 : 32;
        for (nint i = 0; i < n; i++)
        {
            byte c = d[i];
            z[i] = (uint)(c - from) < 26 ? (byte)(c + delta) : c;
        }

        return o;
    }

    /// <summary>
    /// s * n for a latin-1 (kind 1) str and 0 &lt;= n with len(s) * n in range, as
    /// NewStrFromCodePoints makes the repeated code points.
    /// </summary>
    public PyObject* StrRepeatLatin1(PyObject* s, long n)
    {
        nint length = StrLength(s);
        nint total = (nint)(length * n);
        if (total == 0)
        {
            return NewRef(_emptyStr);
        }

        if (total == 1)
        {
            return OneCharStr(StrData(s)[0]);
        }

        int max = StrRangeMax(s, 0, length);
        PyObject* o = AllocStr(total, 1, ascii: max < 128);
        if (o == null)
        {
            return null;
        }

        byte* src = StrData(s);
        byte* dst = StrData(o);
        if (length == 1)
        {
            new Span<byte>(dst, (int)total).Fill(src[0]);
            return o;
        }

        for (long i = 0; i < n; i++)
        {
            Buffer.MemoryCopy(src, dst + (i * length), length, length);
        }

        return o;
    }

    /// <summary>A str of ASCII bytes (all below 128), as NewStrFromCodePoints makes it.</summary>
    public PyObject* NewStrFromAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length <= 1)
        {
            return ascii.Length == 0 ? NewRef(_emptyStr) : OneCharStr(ascii[0]);
        }

        PyObject* o = AllocStr(ascii.Length, 1, ascii: true);
        if (o != null)
        {
            ascii.CopyTo(new Span<byte>(StrData(o), ascii.Length));
        }

        return o;
    }

    /// <summary>A str of latin-1 bytes (code points below 256), as NewStrFromCodePoints makes it.</summary>
    public PyObject* NewStrFromLatin1(ReadOnlySpan<byte> latin1)
    {
        if (latin1.Length <= 1 || !latin1.ContainsAnyInRange((byte)128, (byte)255))
        {
            return NewStrFromAscii(latin1);
        }

        PyObject* o = AllocStr(latin1.Length, 1, ascii: false);
        if (o != null)
        {
            latin1.CopyTo(new Span<byte>(StrData(o), latin1.Length));
        }

        return o;
    }

    /// <summary>True when the str's ASCII flag is set (every code point below 128).</summary>
    public static bool StrIsAscii(PyObject* s) => (((PyAsciiObject*)s)->State & StateAscii) != 0;
}
