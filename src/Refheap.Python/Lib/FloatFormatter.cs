using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>Options of <see cref="FloatFormatter.DoubleToString"/> (CPython's Py_DTSF_* flags).</summary>
[Flags]
public enum DoubleFormatFlags
{
    None = 0,

    /// <summary>Py_DTSF_SIGN: always write a sign.</summary>
    Sign = 1,

    /// <summary>Py_DTSF_ADD_DOT_0: an integral result without exponent gets ".0".</summary>
    AddDot0 = 2,

    /// <summary>Py_DTSF_ALT: '#': keep the decimal point and, for 'g', trailing zeros.</summary>
    Alternate = 4,

    /// <summary>Py_DTSF_NO_NEG_0: 'z': a result that rounds to zero loses its minus sign.</summary>
    NoNegativeZero = 8,
}

/// <summary>
/// Double to text as CPython 3.11's PyOS_double_to_string (Python/pystrtod.c: format_float_short): correctly
/// rounded digits (round-half-even on the exact binary value, like dtoa modes 2 and 3), shortest round-trip digits
/// for repr (mode 0), and CPython's layout rules. Also <c>repr(float)</c>.
/// </summary>
public static class FloatFormatter
{
    /// <summary><c>repr(x)</c> and <c>str(x)</c> of a float: shortest round-trip digits, exponent from 1e16 and below 1e-4.</summary>
    public static string Repr(double value) => DoubleToString(value, 'r', 0, DoubleFormatFlags.AddDot0);

    /// <summary>
    /// PyOS_double_to_string: <paramref name="code"/> is one of <c>e E f F g G r</c>; <paramref name="precision"/>
    /// is digits after the point for e/f, significant digits for g (0 means 1), ignored for r.
    /// Infinities and NaNs are <c>inf</c>/<c>nan</c> (upper case for E F G); a NaN never gets a sign.
    /// </summary>
    public static string DoubleToString(double value, char code, int precision, DoubleFormatFlags flags)
    {
        bool upper = code is 'E' or 'F' or 'G';
        char lower = char.ToLowerInvariant(code);
        if (lower is not ('e' or 'f' or 'g' or 'r'))
        {
            throw new ArgumentException($"bad format code '{code}'", nameof(code));
        }

        bool negative = double.IsNegative(value) && !double.IsNaN(value);
        var sb = new StringBuilder();
        if (!double.IsFinite(value))
        {
            if (double.IsNaN(value))
            {
                sb.Append(upper ? "NAN" : "nan");
                return sb.ToString();
            }

            sb.Append(negative ? "-" : (flags & DoubleFormatFlags.Sign) != 0 ? "+" : string.Empty);
            sb.Append(upper ? "INF" : "inf");
            return sb.ToString();
        }

        bool alt = (flags & DoubleFormatFlags.Alternate) != 0;
        bool addDot0 = (flags & DoubleFormatFlags.AddDot0) != 0;
        double abs = Math.Abs(value);
        string digits;
        int decpt;
        // PyOS_double_to_string: 'e' asks dtoa for precision + 1 digits, 'g' for at least one.
        if (lower == 'e')
        {
            precision++;
        }
        else if (lower == 'g' && precision == 0)
        {
            precision = 1;
        }

        if (abs == 0.0)
        {
            digits = "0";
            decpt = 1;
        }
        else if (lower == 'r')
        {
            (digits, decpt) = ShortestDigits(abs);
        }
        else if (lower == 'f')
        {
            (digits, decpt) = FixedDigits(abs, precision);
        }
        else
        {
            (digits, decpt) = SignificantDigits(abs, precision);
        }

        if (negative && (flags & DoubleFormatFlags.NoNegativeZero) != 0 && digits.AsSpan().TrimStart('0').Length == 0)
        {
            negative = false;
        }

        // format_float_short: pick exponent or not, then lay the digit string out as a slice of a virtual
        // zero-padded digit string.
        int digitsLength = digits.Length;
        int vdigitsEnd = digitsLength;
        bool useExp = false;
        switch (lower)
        {
            case 'e':
                useExp = true;
                vdigitsEnd = precision;
                break;
            case 'f':
                vdigitsEnd = decpt + precision;
                break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision))
                {
                    useExp = true;
                }

                if (alt)
                {
                    vdigitsEnd = precision;
                }

                break;
            default:
                if (decpt <= -4 || decpt > 16)
                {
                    useExp = true;
                }

                break;
        }

        int exp = 0;
        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }

        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        vdigitsEnd = !useExp && addDot0 ? Math.Max(vdigitsEnd, decpt + 1) : Math.Max(vdigitsEnd, decpt);

        if (negative)
        {
            sb.Append('-');
        }
        else if ((flags & DoubleFormatFlags.Sign) != 0)
        {
            sb.Append('+');
        }

        if (decpt <= 0)
        {
            sb.Append('0', decpt - vdigitsStart).Append('.').Append('0', -decpt);
        }
        else
        {
            sb.Append('0', -vdigitsStart);
        }

        if (decpt > 0 && decpt <= digitsLength)
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digitsLength - decpt);
        }
        else
        {
            sb.Append(digits);
        }

        if (digitsLength < decpt)
        {
            sb.Append('0', decpt - digitsLength).Append('.').Append('0', vdigitsEnd - decpt);
        }
        else
        {
            sb.Append('0', vdigitsEnd - digitsLength);
        }

        if (sb[^1] == '.' && !alt)
        {
            sb.Length--;
        }

        if (useExp)
        {
            sb.Append(upper ? 'E' : 'e').Append(exp < 0 ? '-' : '+');
            int absExp = Math.Abs(exp);
            if (absExp < 10)
            {
                sb.Append('0');
            }

            sb.Append(absExp.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Shortest digits that round-trip (dtoa mode 0) of a positive finite double: the digit string without
    /// trailing zeros and the decimal point position (value = 0.DIGITS * 10**decpt).
    /// </summary>
    public static (string Digits, int DecimalPoint) ShortestDigits(double positive)
    {
        // .NET Core 3.0+ "R" is the shortest round-trip string (nearest of the shortest candidates).
        string r = positive.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        int exponent = 0;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        int dot = r.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot >= 0 ? r[..dot] : r;
        string digits = dot >= 0 ? intPart + r[(dot + 1)..] : r;
        return Normalize(digits, intPart.Length + exponent);
    }

    /// <summary>dtoa mode 3: correctly rounded to <paramref name="ndigits"/> places after the point (may be negative).</summary>
    public static (string Digits, int DecimalPoint) FixedDigits(double positive, int ndigits)
    {
        // A double has at most 1074 digits after the point; more asked-for places only add zeros.
        int places = Math.Min(ndigits, 1100);
        BigInteger n = RoundScaled(positive, places);
        if (n.IsZero)
        {
            return (string.Empty, -ndigits);
        }

        string digits = n.ToString(CultureInfo.InvariantCulture);
        return Normalize(digits, digits.Length - places);
    }

    /// <summary>dtoa mode 2: correctly rounded to <paramref name="ndigits"/> &gt;= 1 significant digits.</summary>
    public static (string Digits, int DecimalPoint) SignificantDigits(double positive, int ndigits)
    {
        // A double has at most 767 significant digits; more only add zeros.
        int count = Math.Min(ndigits, 800);
        int k = FloorLog10(positive);
        BigInteger n = RoundScaled(positive, count - 1 - k);
        if (n == BigInteger.Pow(10, count))
        {
            // Rounded up to the next power of ten.
            return ("1", k + 2);
        }

        return Normalize(n.ToString(CultureInfo.InvariantCulture), k + 1);
    }

    /// <summary>The exact floor(log10(x)) of a positive finite double.</summary>
    internal static int FloorLog10(double positive)
    {
        (BigInteger mantissa, int exponent) = Decompose(positive);
        int k = (int)Math.Floor(Math.Log10(positive));
        while (ComparePow10(mantissa, exponent, k) < 0)
        {
            k--;
        }

        while (ComparePow10(mantissa, exponent, k + 1) >= 0)
        {
            k++;
        }

        return k;
    }

    /// <summary>Compares mantissa * 2**exponent with 10**k exactly.</summary>
    private static int ComparePow10(BigInteger mantissa, int exponent, int k)
    {
        BigInteger left = mantissa;
        BigInteger right = BigInteger.One;
        if (exponent >= 0)
        {
            left <<= exponent;
        }
        else
        {
            right <<= -exponent;
        }

        if (k >= 0)
        {
            right *= BigInteger.Pow(10, k);
        }
        else
        {
            left *= BigInteger.Pow(10, -k);
        }

        return left.CompareTo(right);
    }

    /// <summary>round-half-even(value * 10**scale) computed exactly.</summary>
    internal static BigInteger RoundScaled(double positive, int scale)
    {
        (BigInteger mantissa, int exponent) = Decompose(positive);
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (scale >= 0)
        {
            num *= BigInteger.Pow(10, scale);
        }
        else
        {
            den *= BigInteger.Pow(10, -scale);
        }

        if (exponent >= 0)
        {
            num <<= exponent;
        }
        else
        {
            den <<= -exponent;
        }

        return DivideRoundHalfEven(num, den);
    }

    /// <summary>num / den rounded half to even, for num &gt;= 0 and den &gt; 0.</summary>
    internal static BigInteger DivideRoundHalfEven(BigInteger num, BigInteger den)
    {
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        int c = (r << 1).CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }

    /// <summary>A finite nonzero |x| as mantissa * 2**exponent with an integer mantissa.</summary>
    internal static (BigInteger Mantissa, int Exponent) Decompose(double positive)
    {
        long bits = BitConverter.DoubleToInt64Bits(positive) & long.MaxValue;
        int biased = (int)(bits >> 52);
        long fraction = bits & ((1L << 52) - 1);
        return biased == 0 ? (fraction, -1074) : (fraction | (1L << 52), biased - 1075);
    }

    private static (string Digits, int DecimalPoint) Normalize(string digits, int decpt)
    {
        int start = 0;
        while (start < digits.Length - 1 && digits[start] == '0')
        {
            start++;
            decpt--;
        }

        int end = digits.Length;
        while (end > start + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        return (digits[start..end], decpt);
    }
}
