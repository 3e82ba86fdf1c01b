using System;
using System.Globalization;
using System.Text;

namespace Refheap.Runtime;

// repr(float) as ASCII bytes in a caller's buffer (Python/pystrtod.c: PyOS_double_to_string
// with 'r', 3.11), so that repr(), str() and '%r' of a float make no managed strings.
public sealed unsafe partial class PyRuntime
{
    /// <summary>The most bytes <see cref="FormatFloatRepr(double, Span{byte})"/> writes ('-1.2345678901234567e-308' is 24).</summary>
    public const int FloatReprMaxLength = 32;

    /// <summary>
    /// repr(float) (PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)): the shortest
    /// round-tripping digits; exponent form when the decimal point position is at most -4 or
    /// more than 16 ('1e+16', '1e-05'), else positional with '.0' for integral values.
    /// </summary>
    public static string FormatFloatRepr(double x)
    {
        Span<byte> text = stackalloc byte[FloatReprMaxLength];
        return Encoding.ASCII.GetString(text[..FormatFloatRepr(x, text)]);
    }

    /// <summary>repr(float) written to <paramref name="dest"/> (at least <see cref="FloatReprMaxLength"/> bytes); the length written.</summary>
    public static int FormatFloatRepr(double x, Span<byte> dest)
    {
        if (double.IsNaN(x))
        {
            return Put(dest, 0, "nan"u8);
        }

        if (double.IsInfinity(x))
        {
            return Put(dest, 0, x > 0 ? "inf"u8 : "-inf"u8);
        }

        Span<byte> digits = stackalloc byte[FloatReprMaxLength];
        int count = ShortestDigits(x, digits, out int decpt);
        digits = digits[..count];
        int k = 0;
        if (double.IsNegative(x))
        {
            dest[k++] = (byte)'-';
        }

        if (decpt <= -4 || decpt > 16)
        {
            dest[k++] = digits[0];
            if (count > 1)
            {
                dest[k++] = (byte)'.';
                k = Put(dest, k, digits[1..]);
            }

            int exp = decpt - 1;
            dest[k++] = (byte)'e';
            dest[k++] = exp < 0 ? (byte)'-' : (byte)'+';
            exp = Math.Abs(exp);
            if (exp >= 100)
            {
                dest[k++] = (byte)('0' + (exp / 100));
            }

            dest[k++] = (byte)('0' + (exp / 10 % 10));
            dest[k++] = (byte)('0' + (exp % 10));
        }
        else if (decpt <= 0)
        {
            k = Put(dest, k, "0."u8);
            dest.Slice(k, -decpt).Fill((byte)'0');
            k = Put(dest, k - decpt, digits);
        }
        else if (decpt < count)
        {
            k = Put(dest, k, digits[..decpt]);
            dest[k++] = (byte)'.';
            k = Put(dest, k, digits[decpt..]);
        }
        else
        {
            k = Put(dest, k, digits);
            dest.Slice(k, decpt - count).Fill((byte)'0');
            k = Put(dest, k + decpt - count, ".0"u8);
        }

        return k;
    }

    private static int Put(Span<byte> dest, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(dest[at..]);
        return at + text.Length;
    }

    /// <summary>
    /// The shortest digit string that round-trips (what _Py_dg_dtoa mode 0 gives), written to
    /// <paramref name="digits"/>, and the decimal point position: x = 0.DIGITS * 10**decpt.
    /// Taken from .NET's round-trip formatting, which since .NET Core 3.0 is the shortest
    /// correctly rounded one. Returns the digit count.
    /// </summary>
    private static int ShortestDigits(double x, Span<byte> digits, out int decpt)
    {
        Span<byte> r = stackalloc byte[FloatReprMaxLength];
        Math.Abs(x).TryFormat(r, out int written, "R", CultureInfo.InvariantCulture);
        r = r[..written];
        int ePos = r.IndexOf((byte)'E');
        int exp10 = 0;
        if (ePos >= 0)
        {
            bool negative = r[ePos + 1] == '-';
            for (int i = ePos + (r[ePos + 1] is (byte)'-' or (byte)'+' ? 2 : 1); i < r.Length; i++)
            {
                exp10 = (exp10 * 10) + (r[i] - '0');
            }

            exp10 = negative ? -exp10 : exp10;
            r = r[..ePos];
        }

        int dot = r.IndexOf((byte)'.');
        int count = 0;
        foreach (byte c in r)
        {
            if (c != '.')
            {
                digits[count++] = c;
            }
        }

        decpt = (dot < 0 ? r.Length : dot) + exp10;
        int lead = 0;
        while (lead < count - 1 && digits[lead] == '0')
        {
            lead++;
        }

        int end = count;
        while (end > lead + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        digits[lead..end].CopyTo(digits);
        count = end - lead;
        decpt -= lead;
        if (count == 1 && digits[0] == '0')
        {
            decpt = 1;
        }

        return count;
    }
}
