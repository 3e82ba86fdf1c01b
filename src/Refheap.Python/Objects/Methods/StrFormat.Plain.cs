using System;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// The common case of str.format without the general renderer: a latin-1 format whose fields
// are all `{}` or `{N}` (one numbering style) with an empty spec or [[fill]align][width]
// (align one of < > ^, width without a leading zero), each taking an exact int that fits in 64
// bits or an exact latin-1 str, and no keywords. The output is written as latin-1 bytes and
// made as _PyUnicodeWriter_Finish makes it (unicode_result_ready: the empty and one-char
// latin-1 strs shared), or is the format str or the argument itself where CPython's writer
// keeps a str it was given whole. Anything else, including every error, goes the general way, which gives
// the same text for these cases; nothing here runs user code.
internal sealed unsafe partial class StrFormat
{
    private const int PlainMaxOutput = 1024;

    /// <summary>True with the result (or null and a MemoryError) when the plain path applies.</summary>
    private static bool TryPlain(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, out PyObject* result)
    {
        result = null;
        if (self->Type != rt.StrType || PyRuntime.StrKind(self) != 1)
        {
            return false;
        }

        byte* f = PyRuntime.StrData(self);
        int n = (int)PyRuntime.StrLength(self);
        byte* output = stackalloc byte[PlainMaxOutput];
        byte* digits = stackalloc byte[PyRuntime.DecimalMaxLength];
        int k = 0;
        int numbering = 0; // 0: undecided, 1: automatic, 2: manual (MarkupIterator's auto_number)
        nint next = 0;
        int i = 0;
        while (i < n)
        {
            byte c = f[i++];
            if (c == '}')
            {
                if (i >= n || f[i] != '}' || k >= PlainMaxOutput)
                {
                    return false;
                }

                output[k++] = (byte)'}';
                i++;
                continue;
            }

            if (c != '{')
            {
                if (k >= PlainMaxOutput)
                {
                    return false;
                }

                output[k++] = c;
                continue;
            }

            if (i >= n)
            {
                return false;
            }

            if (f[i] == '{')
            {
                if (k >= PlainMaxOutput)
                {
                    return false;
                }

                output[k++] = (byte)'{';
                i++;
                continue;
            }

            // The field: an optional single-digit index, an optional ':' spec, then '}'.
            nint index;
            if (f[i] is >= (byte)'0' and <= (byte)'9' && i + 1 < n && f[i + 1] is (byte)':' or (byte)'}')
            {
                if (numbering == 1)
                {
                    return false;
                }

                numbering = 2;
                index = f[i] - '0';
                i++;
            }
            else
            {
                if (numbering == 2)
                {
                    return false;
                }

                numbering = 1;
                index = next++;
            }

            byte fill = (byte)' ';
            byte align = 0;
            int width = 0;
            if (f[i] == ':')
            {
                i++;
                int specStart = i;
                while (i < n && f[i] != '}')
                {
                    if (f[i] == '{')
                    {
                        return false;
                    }

                    i++;
                }

                if (i >= n || !ParsePlainSpec(f + specStart, i - specStart, ref fill, ref align, ref width))
                {
                    return false;
                }
            }
            else if (f[i] != '}')
            {
                return false;
            }

            i++;
            if (index >= nargs)
            {
                return false;
            }

            PyObject* v = args[index];
            byte* text;
            int length;
            if (v->Type == rt.IntType && PyRuntime.TryIntToLong(v, out long value))
            {
                length = PyRuntime.WriteDecimal(value, digits);
                text = digits;
                align = align == 0 ? (byte)'>' : align;
            }
            else if (v->Type == rt.StrType && PyRuntime.StrKind(v) == 1)
            {
                text = PyRuntime.StrData(v);
                length = (int)PyRuntime.StrLength(v);
                align = align == 0 ? (byte)'<' : align;
            }
            else
            {
                return false;
            }

            int pad = width > length ? width - length : 0;
            if (k == 0 && i == n && pad == 0 && length > 0 && v->Type == rt.StrType)
            {
                // do_markup turns overallocation off for the last piece, so a str written whole
                // into the still empty writer is kept, not copied: the result is the argument.
                result = PyRuntime.NewRef(v);
                return true;
            }

            if (PlainMaxOutput - k < length + pad)
            {
                return false;
            }

            int left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
            new Span<byte>(output + k, left).Fill(fill);
            k += left;
            Buffer.MemoryCopy(text, output + k, length, length);
            k += length;
            new Span<byte>(output + k, pad - left).Fill(fill);
            k += pad - left;
        }

        // A format without fields or braces is one literal, the whole str, written last into
        // the empty writer: the result is the format str itself.
        result = k == n && numbering == 0 && new ReadOnlySpan<byte>(f, n).IndexOfAny((byte)'{', (byte)'}') < 0
            ? PyRuntime.NewRef(self)
            : rt.NewStrFromLatin1(new ReadOnlySpan<byte>(output, k));
        return true;
    }

    /// <summary>
    /// A spec of [[fill]align][width] only (align '&lt;', '&gt;' or '^'; width of at most four
    /// digits, not starting with '0', which would be the zero-padding flag); false for anything else.
    /// </summary>
    private static bool ParsePlainSpec(byte* spec, int length, ref byte fill, ref byte align, ref int width)
    {
        int i = 0;
        if (length >= 2 && spec[1] is (byte)'<' or (byte)'>' or (byte)'^')
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (length >= 1 && spec[0] is (byte)'<' or (byte)'>' or (byte)'^')
        {
            align = spec[0];
            i = 1;
        }

        if (length - i > 4 || (i < length && spec[i] == '0'))
        {
            return false;
        }

        for (; i < length; i++)
        {
            if (spec[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            width = (width * 10) + (spec[i] - '0');
        }

        return true;
    }
}
