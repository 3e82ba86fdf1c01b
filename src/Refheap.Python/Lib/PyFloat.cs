using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>
/// float methods whose results .NET does not give directly: <c>round</c> (correctly rounded, CPython's
/// Objects/floatobject.c double_round via exact decimal digits), <c>round</c> of an int, <c>float.hex</c> and
/// <c>float.fromhex</c>, and the exact int conversion of a float.
/// </summary>
public static class PyFloat
{
    // Objects/floatobject.c, 3.11: NDIGITS_MAX = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103),
    // NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103).
    private const long NDigitsMax = 323;
    private const long NDigitsMin = -308;

    /// <summary>
    /// <c>round(x, ndigits)</c>: half-even on the exact binary value (round(2.675, 2) == 2.67), then the nearest
    /// double to that decimal. inf/nan round to themselves; OverflowError "rounded value too large to represent".
    /// </summary>
    public static double Round(double x, long ndigits)
    {
        if (!double.IsFinite(x))
        {
            return x;
        }

        if (ndigits > NDigitsMax)
        {
            return x;
        }

        if (ndigits < NDigitsMin)
        {
            return 0.0 * x;
        }

        if (x == 0.0)
        {
            return x;
        }

        (string digits, int decpt) = FloatFormatter.FixedDigits(Math.Abs(x), (int)ndigits);
        double rounded = digits.Length == 0
            ? 0.0
            : double.Parse(
                digits + "E" + (decpt - digits.Length).ToString(CultureInfo.InvariantCulture),
                NumberStyles.Float,
                CultureInfo.InvariantCulture);
        if (double.IsInfinity(rounded))
        {
            throw new PythonLibException(PythonErrorKind.OverflowError, "rounded value too large to represent");
        }

        return x < 0 ? -rounded : rounded;
    }

    /// <summary><c>round(x)</c> with no ndigits: the nearest int, ties to even.</summary>
    public static BigInteger RoundToInteger(double x) => ToInteger(Math.Round(x, MidpointRounding.ToEven));

    /// <summary>
    /// <c>int(x)</c> of an integral-valued or any float, truncating: OverflowError for inf, ValueError for nan
    /// (PyLong_FromDouble).
    /// </summary>
    public static BigInteger ToInteger(double x)
    {
        if (double.IsInfinity(x))
        {
            throw new PythonLibException(PythonErrorKind.OverflowError, "cannot convert float infinity to integer");
        }

        if (double.IsNaN(x))
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "cannot convert float NaN to integer");
        }

        double t = Math.Truncate(x);
        if (t == 0.0)
        {
            return BigInteger.Zero;
        }

        (BigInteger mantissa, int exponent) = FloatFormatter.Decompose(Math.Abs(t));
        BigInteger abs = exponent >= 0 ? mantissa << exponent : mantissa >> -exponent;
        return t < 0 ? -abs : abs;
    }

    /// <summary>
    /// <c>round(n, ndigits)</c> for an int: n itself for ndigits &gt;= 0, else the nearest multiple of
    /// 10**-ndigits, ties to even (Objects/longobject.c: long_round with _PyLong_DivmodNear).
    /// </summary>
    public static BigInteger RoundInt(BigInteger n, BigInteger ndigits)
    {
        if (ndigits.Sign >= 0)
        {
            return n;
        }

        // 10**k exceeds |n| * 2 once k passes n's digit count: the result is 0 without building 10**k.
        BigInteger k = -ndigits;
        if (k > (BigInteger)(n.IsZero ? 1 : (long)(n.GetBitLength() * 0.30103) + 2))
        {
            return BigInteger.Zero;
        }

        BigInteger pow = BigInteger.Pow(10, (int)k);
        BigInteger q = FloatFormatter.DivideRoundHalfEven(BigInteger.Abs(n), pow);
        return n.Sign < 0 ? -(q * pow) : q * pow;
    }

    /// <summary><c>float.hex()</c>: <c>[-]0x1.hhhhhhhhhhhhhp+e</c> (13 hex digits), subnormals as <c>0x0.…p-1022</c>.</summary>
    public static string Hex(double x)
    {
        if (!double.IsFinite(x))
        {
            return FloatFormatter.Repr(x);
        }

        if (x == 0.0)
        {
            return double.IsNegative(x) ? "-0x0.0p+0" : "0x0.0p+0";
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        int lead = biased == 0 ? 0 : 1;
        int exponent = biased == 0 ? -1022 : biased - 1023;
        var sb = new StringBuilder();
        if (x < 0)
        {
            sb.Append('-');
        }

        sb.Append("0x").Append(lead).Append('.').Append(fraction.ToString("x13", CultureInfo.InvariantCulture));
        sb.Append('p').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>
    /// <c>float.fromhex(s)</c>: optional whitespace and sign, <c>inf</c>/<c>infinity</c>/<c>nan</c>, or
    /// <c>[0x]h[.h][p±d]</c>, rounded half-even. ValueError "invalid hexadecimal floating-point string";
    /// OverflowError "hexadecimal value too large to represent as a float".
    /// </summary>
    public static double FromHex(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        ReadOnlySpan<char> t = s.AsSpan().Trim(" \t\n\r\f\v");
        bool negative = false;
        if (t.Length > 0 && (t[0] == '-' || t[0] == '+'))
        {
            negative = t[0] == '-';
            t = t[1..];
        }

        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (t.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            // CPython's NaN is the positive quiet NaN (.NET's double.NaN has the sign bit set); '-nan' sets the sign.
            return BitConverter.Int64BitsToDouble(negative ? unchecked((long)0xFFF8000000000000) : 0x7FF8000000000000);
        }

        if (t.Length >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        {
            t = t[2..];
        }

        BigInteger mantissa = BigInteger.Zero;
        long fractionDigits = 0;
        int digitCount = 0;
        int i = 0;
        bool seenDot = false;
        for (; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '.' && !seenDot)
            {
                seenDot = true;
                continue;
            }

            int v = HexValue(c);
            if (v < 0)
            {
                break;
            }

            mantissa = (mantissa << 4) | v;
            digitCount++;
            if (seenDot)
            {
                fractionDigits++;
            }
        }

        if (digitCount == 0)
        {
            throw Invalid();
        }

        long exponent = 0;
        if (i < t.Length && (t[i] == 'p' || t[i] == 'P'))
        {
            i++;
            bool expNegative = false;
            if (i < t.Length && (t[i] == '-' || t[i] == '+'))
            {
                expNegative = t[i] == '-';
                i++;
            }

            int start = i;
            while (i < t.Length && t[i] is >= '0' and <= '9')
            {
                // Saturate: anything past this bound overflows or underflows either way.
                exponent = Math.Min((exponent * 10) + (t[i] - '0'), 1L << 40);
                i++;
            }

            if (i == start)
            {
                throw Invalid();
            }

            if (expNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != t.Length)
        {
            throw Invalid();
        }

        double result = ScaleToDouble(mantissa, exponent - (4 * fractionDigits));
        return negative ? -result : result;
    }

    /// <summary>mantissa * 2**exponent rounded half-even to a double (subnormals included).</summary>
    private static double ScaleToDouble(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return 0.0;
        }

        long length = (long)mantissa.GetBitLength();
        if (length + exponent > 1025)
        {
            throw TooLarge();
        }

        if (length + exponent < -1080)
        {
            return 0.0;
        }

        // The unit in the last place of the result: 53 significant bits, never below 2**-1074.
        long ulp = Math.Max(exponent + length - 53, -1074);
        BigInteger q;
        if (ulp <= exponent)
        {
            q = mantissa << (int)(exponent - ulp);
        }
        else
        {
            int shift = (int)(ulp - exponent);
            q = mantissa >> shift;
            BigInteger rem = mantissa - (q << shift);
            BigInteger half = BigInteger.One << (shift - 1);
            if (rem > half || (rem == half && !q.IsEven))
            {
                q += 1;
            }
        }

        double result = Math.ScaleB((double)(long)q, (int)ulp);
        if (double.IsInfinity(result))
        {
            throw TooLarge();
        }

        return result;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static PythonLibException Invalid() =>
        new(PythonErrorKind.ValueError, "invalid hexadecimal floating-point string");

    private static PythonLibException TooLarge() =>
        new(PythonErrorKind.OverflowError, "hexadecimal value too large to represent as a float");
}
