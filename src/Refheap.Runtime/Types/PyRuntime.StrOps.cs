using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// str operations beyond the core (Objects/unicodeobject.c, 3.11): building from code points,
// concatenation (PyUnicode_Concat), repr (unicode_repr) with str.isprintable as 3.11 has it
// (Unicode 14.0.0), and str() of a str.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyUnicode_Check.</summary>
    public static bool IsStr(PyObject* o) => (o->Type->Flags & TypeFlags.UnicodeSubclass) != 0;

    /// <summary>
    /// A str of the given code points (0..0x10FFFF, lone surrogates allowed), in the narrowest
    /// kind, with the '' and one-character singletons as PyUnicode_FromKindAndData returns them.
    /// </summary>
    public PyObject* NewStrFromCodePoints(ReadOnlySpan<int> codePoints) => NewStrFromCodePoints(codePoints, shareOneChar: true);

    /// <summary>
    /// A str of the code points; with <paramref name="shareOneChar"/> false a one-character
    /// latin-1 result is a new object, not the shared one (PyUnicode_New, as the case
    /// conversions build their results).
    /// </summary>
    public PyObject* NewStrFromCodePoints(ReadOnlySpan<int> codePoints, bool shareOneChar)
    {
        int max = 0;
        foreach (int cp in codePoints)
        {
            if ((uint)cp > 0x10FFFF)
            {
                SetError(ValueErrorType, "character U+" + ((uint)cp).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + " is not in range [U+0000; U+10ffff]");
                return null;
            }

            max = Math.Max(max, cp);
        }

        if (codePoints.Length == 0)
        {
            return NewRef(_emptyStr);
        }

        if (codePoints.Length == 1 && max < 256 && shareOneChar)
        {
            return OneCharStr(max);
        }

        int kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
        PyObject* o = AllocStr(codePoints.Length, kind, ascii: max < 128);
        if (o == null)
        {
            return null;
        }

        byte* data = StrData(o);
        for (int i = 0; i < codePoints.Length; i++)
        {
            WriteCodePoint(data, kind, i, codePoints[i]);
        }

        return o;
    }

    /// <summary>
    /// PyUnicode_New + copy for ASCII text: a fresh object even for one character (only the
    /// empty string is shared), as the formatting functions (long_to_decimal_string, ...) make.
    /// </summary>
    private PyObject* NewAsciiStrUncached(string text)
    {
        if (text.Length == 0)
        {
            return NewRef(_emptyStr);
        }

        PyObject* o = AllocStr(text.Length, 1, ascii: true);
        if (o == null)
        {
            return null;
        }

        byte* data = StrData(o);
        for (int i = 0; i < text.Length; i++)
        {
            data[i] = (byte)text[i];
        }

        return o;
    }

    /// <summary>The code points of a str.</summary>
    public static int[] StrCodePoints(PyObject* s)
    {
        var cps = new int[StrLength(s)];
        byte* d = StrData(s);
        switch (StrKind(s))
        {
            case 1:
                for (int i = 0; i < cps.Length; i++)
                {
                    cps[i] = d[i];
                }

                break;
            case 2:
                for (int i = 0; i < cps.Length; i++)
                {
                    cps[i] = ((ushort*)d)[i];
                }

                break;
            default:
                new ReadOnlySpan<int>(d, cps.Length).CopyTo(cps);
                break;
        }

        return cps;
    }

    private static int StrMaxChar(PyObject* s)
    {
        var a = (PyAsciiObject*)s;
        if ((a->State & StateAscii) != 0)
        {
            return 127;
        }

        int kind = StrKind(s);
        if (kind == 1)
        {
            return 255;
        }

        return kind == 2 ? 65535 : 0x10FFFF;
    }

    /// <summary>
    /// PyUnicode_Concat (a + b). An empty side returns the other operand itself (exact str).
    /// TypeError 'can only concatenate str (not "T") to str'.
    /// </summary>
    public PyObject* StrConcat(PyObject* a, PyObject* b)
    {
        if (!IsStr(a))
        {
            SetError(TypeErrorType, $"must be str, not {TypeName(a)}");
            return null;
        }

        if (!IsStr(b))
        {
            SetError(TypeErrorType, $"can only concatenate str (not \"{TypeName(b)}\") to str");
            return null;
        }

        if (a == _emptyStr)
        {
            return StrStr(b);
        }

        if (b == _emptyStr)
        {
            return StrStr(a);
        }

        nint la = StrLength(a);
        nint lb = StrLength(b);
        if (la > nint.MaxValue - lb || la + lb > int.MaxValue)
        {
            SetError(OverflowErrorType, "strings are too large to concat");
            return null;
        }

        // The narrowest kind that holds both (3.11 compares PyUnicode_MAX_CHAR_VALUE).
        int maxChar = Math.Max(StrMaxChar(a), StrMaxChar(b));
        int kind = maxChar < 256 ? 1 : maxChar < 65536 ? 2 : 4;
        PyObject* o = AllocStr(la + lb, kind, ascii: maxChar < 128);
        if (o == null)
        {
            return null;
        }

        CopyCodePoints(a, o, 0);
        CopyCodePoints(b, o, (int)la);
        return o;
    }

    /// <summary>
    /// PyUnicode_Append(*pLeft, right) for exact strs, as BINARY_OP_INPLACE_ADD_UNICODE calls
    /// it: *pLeft (an owned reference) becomes left + right. When left is modifiable (only
    /// reference, hash not computed, not interned, exact str) and right fits its kind (and
    /// not latin-1 onto ASCII), left is resized in place (resize_compact: PyObject_Realloc);
    /// otherwise a new str replaces it. False with an error set and *pLeft null on failure.
    /// </summary>
    public bool StrAppend(PyObject** pLeft, PyObject* right)
    {
        PyObject* left = *pLeft;
        if (left == _emptyStr)
        {
            DecRef(left);
            *pLeft = NewRef(right);
            return true;
        }

        if (right == _emptyStr)
        {
            return true;
        }

        nint la = StrLength(left);
        nint lb = StrLength(right);
        var a = (PyAsciiObject*)left;
        bool modifiable = left->RefCount == 1 && a->Hash == -1 && (a->State & StateInternedMask) == 0 && left->Type == StrType;
        bool rightAscii = (((PyAsciiObject*)right)->State & StateAscii) != 0;
        if (!modifiable || right->Type != StrType || StrKind(right) > StrKind(left) || ((a->State & StateAscii) != 0 && !rightAscii)
            || la > int.MaxValue - lb)
        {
            PyObject* res = StrConcat(left, right);
            DecRef(left);
            *pLeft = res;
            return res != null;
        }

        int kind = StrKind(left);
        nint header = (a->State & StateAscii) != 0 ? sizeof(PyAsciiObject) : sizeof(PyCompactUnicodeObject);
        PyObject* resized = ResizeObject(left, header + ((la + lb + 1) * kind));
        if (resized == null)
        {
            DecRef(left);
            *pLeft = null;
            return false;
        }

        ((PyAsciiObject*)resized)->Length = la + lb;
        CopyCodePoints(right, resized, (int)la);
        new Span<byte>(StrData(resized) + ((la + lb) * kind), kind).Clear();
        *pLeft = resized;
        return true;
    }

    private static void CopyCodePoints(PyObject* from, PyObject* to, int at)
    {
        int fromKind = StrKind(from);
        int toKind = StrKind(to);
        nint n = StrLength(from);
        if (fromKind == toKind)
        {
            Buffer.MemoryCopy(StrData(from), StrData(to) + (at * toKind), n * toKind, n * toKind);
            return;
        }

        byte* data = StrData(to);
        for (int i = 0; i < n; i++)
        {
            WriteCodePoint(data, toKind, at + i, StrRead(from, i));
        }
    }

    /// <summary>PyObject_Str of a str: the object itself when exact, else an exact copy.</summary>
    public PyObject* StrStr(PyObject* s)
    {
        if (s->Type == StrType)
        {
            return NewRef(s);
        }

        return NewStrFromCodePoints(StrCodePoints(s));
    }

    /// <summary>Py_UNICODE_ISPRINTABLE (str.isprintable) for one code point, per Unicode 14.0.0.</summary>
    public static bool IsPrintable(int codePoint)
    {
        if (codePoint < 0x7F)
        {
            return codePoint >= 0x20;
        }

        ReadOnlySpan<int> toggles = UnicodePrintable.Toggles;
        int i = toggles.BinarySearch(codePoint);
        int count = i >= 0 ? i + 1 : ~i;
        return (count & 1) == 0;
    }

    /// <summary>
    /// unicode_repr: single quotes unless the text has ' and no " (then double quotes); the
    /// chosen quote and \ are escaped; \t \n \r; other characters below space and 0x7f as \xNN;
    /// non-ASCII characters that are not printable as \xNN, \uNNNN or \UNNNNNNNN.
    /// </summary>
    public PyObject* StrRepr(PyObject* s)
    {
        nint n = StrLength(s);
        bool squote = false;
        bool dquote = false;
        for (nint i = 0; i < n; i++)
        {
            int c = StrRead(s, i);
            squote |= c == '\'';
            dquote |= c == '"';
        }

        int quote = squote && !dquote ? '"' : '\'';
        var output = new System.Collections.Generic.List<int>((int)n + 2) { quote };
        for (nint i = 0; i < n; i++)
        {
            int c = StrRead(s, i);
            if (c == quote || c == '\\')
            {
                output.Add('\\');
                output.Add(c);
            }
            else if (c == '\t' || c == '\n' || c == '\r')
            {
                output.Add('\\');
                output.Add(c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
            }
            else if (c < ' ' || c == 0x7F)
            {
                AppendHexEscape(output, 'x', c, 2);
            }
            else if (c < 0x7F || IsPrintable(c))
            {
                output.Add(c);
            }
            else if (c <= 0xFF)
            {
                AppendHexEscape(output, 'x', c, 2);
            }
            else if (c <= 0xFFFF)
            {
                AppendHexEscape(output, 'u', c, 4);
            }
            else
            {
                AppendHexEscape(output, 'U', c, 8);
            }
        }

        output.Add(quote);
        return NewStrFromCodePoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output));
    }

    private static void AppendHexEscape(System.Collections.Generic.List<int> output, char letter, int c, int width)
    {
        output.Add('\\');
        output.Add(letter);
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4)
        {
            output.Add(HexDigit((c >> shift) & 15));
        }
    }

    private static PyObject* StrReprSlot(PyRuntime rt, PyObject* o) => rt.StrRepr(o);
}
