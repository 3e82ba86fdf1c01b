using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int conversions (Objects/longobject.c, 3.11): to float with correct rounding
// (PyLong_AsDouble, long_true_divide), and from text (PyLong_FromUnicodeObject,
// PyLong_FromString).
public sealed unsafe partial class PyRuntime
{
    private const int DoubleMantissaBits = 53;
    private const int DoubleMinUlpExponent = -1074;

    /// <summary>PyLong_AsDouble: correctly rounded (half to even); OverflowError "int too large to convert to float".</summary>
    public bool TryIntToDouble(PyObject* o, out double value)
    {
        if (TryIntToLong(o, out long v) && v > -(1L << DoubleMantissaBits) && v < 1L << DoubleMantissaBits)
        {
            value = v;
            return true;
        }

        BigInteger x = IntToBigInteger(o);
        if (TryRoundRatio(BigInteger.Abs(x), BigInteger.One, out value))
        {
            value = x.Sign < 0 ? -value : value;
            return true;
        }

        SetError(OverflowErrorType, "int too large to convert to float");
        return false;
    }

    /// <summary>long_true_divide (a / b): the correctly rounded quotient as a float.</summary>
    public PyObject* IntTrueDivide(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "division by zero");
            return null;
        }

        const long exact = 1L << DoubleMantissaBits;
        if (TryIntToLong(a, out long x) && TryIntToLong(b, out long y) && x > -exact && x < exact && y > -exact && y < exact)
        {
            // Both exactly representable: one IEEE division rounds correctly.
            return NewFloat(x / (double)y);
        }

        BigInteger p = IntToBigInteger(a);
        BigInteger q = IntToBigInteger(b);
        bool negative = (p.Sign < 0) ^ (q.Sign < 0);
        if (!TryRoundRatio(BigInteger.Abs(p), BigInteger.Abs(q), out double r))
        {
            SetError(OverflowErrorType, "integer division result too large for a float");
            return null;
        }

        return NewFloat(negative ? -r : r);
    }

    /// <summary>
    /// num / den (num &gt;= 0, den &gt; 0) rounded once, half to even, to a double, subnormals
    /// included. False when the rounded value is 2**1024 or more.
    /// </summary>
    private static bool TryRoundRatio(BigInteger num, BigInteger den, out double result)
    {
        result = 0.0;
        if (num.IsZero)
        {
            return true;
        }

        long diff = (long)num.GetBitLength() - (long)den.GetBitLength();
        if (diff > 1026)
        {
            return false;
        }

        if (diff < -1100)
        {
            return true;
        }

        // q = floor(num / den / 2**e) has 56 or 57 bits; the remainder is the sticky bit.
        long e = diff - 56;
        BigInteger n = e >= 0 ? num : num << (int)-e;
        BigInteger d = e >= 0 ? den << (int)e : den;
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger rem);
        long top = (long)q.GetBitLength() - 1 + e;
        long ulp = Math.Max(top - (DoubleMantissaBits - 1), DoubleMinUlpExponent);
        int drop = (int)(ulp - e);
        BigInteger mant = q >> drop;
        BigInteger rest = q - (mant << drop);
        BigInteger half = BigInteger.One << (drop - 1);
        int c = rest.CompareTo(half);
        if (c > 0 || (c == 0 && (!rem.IsZero || !mant.IsEven)))
        {
            mant += 1;
        }

        result = Math.ScaleB((double)(long)mant, (int)ulp);
        return !double.IsInfinity(result);
    }

    /// <summary>
    /// int(text, base) (PyLong_FromUnicodeObject): base 0 or 2..36, surrounding whitespace, a
    /// sign, single underscores between digits, Unicode decimal digits. ValueError
    /// "invalid literal for int() with base N: 'text'" otherwise.
    /// </summary>
    public PyObject* IntFromString(string text, int numberBase = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((numberBase != 0 && numberBase < 2) || numberBase > 36)
        {
            SetError(ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
            return null;
        }

        string ascii = TransformDecimalAndSpaceToAscii(text);
        PyObject* r = ParseIntAscii(ascii, numberBase, out bool invalid);
        if (r == null && invalid)
        {
            SetInvalidIntLiteral(text, numberBase);
        }

        return r;
    }

    /// <summary>_PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces to ' ', decimal digits to '0'..'9', others to '?'.</summary>
    private static string TransformDecimalAndSpaceToAscii(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch < 128)
            {
                sb.Append(ch);
                continue;
            }

            int digit = CharUnicodeInfo.GetDecimalDigitValue(text, i);
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }

            sb.Append(digit >= 0 ? (char)('0' + digit) : char.IsWhiteSpace(ch) ? ' ' : '?');
        }

        return sb.ToString();
    }

    private void SetInvalidIntLiteral(string text, int numberBase)
    {
        // "%.200R": the repr, cut to 200 code points.
        PyObject* s = NewStr(text);
        string repr = "''";
        if (s != null)
        {
            PyObject* r = StrRepr(s);
            DecRef(s);
            if (r != null)
            {
                repr = StrToString(r);
                DecRef(r);
            }
        }

        ClearError();
        int cut = 0;
        for (int cps = 0; cut < repr.Length && cps < 200; cps++)
        {
            cut += char.IsSurrogatePair(repr, cut) ? 2 : 1;
        }

        SetError(ValueErrorType, $"invalid literal for int() with base {numberBase}: {repr[..cut]}");
    }

    private static bool IsCSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    private static int DigitValue(char c) =>
        c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'z' ? c - 'a' + 10
        : c >= 'A' && c <= 'Z' ? c - 'A' + 10
        : 37;

    /// <summary>PyLong_FromString over the transformed text; <paramref name="invalid"/> says "report an invalid literal".</summary>
    private PyObject* ParseIntAscii(string s, int numberBase, out bool invalid)
    {
        invalid = true;
        int i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        int sign = 1;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            sign = s[i] == '-' ? -1 : 1;
            i++;
        }

        bool errorIfNonZero = false;
        char next = i + 1 < s.Length ? char.ToLowerInvariant(s[i + 1]) : '\0';
        if (numberBase == 0)
        {
            numberBase = i >= s.Length || s[i] != '0' ? 10
                : next == 'x' ? 16 : next == 'o' ? 8 : next == 'b' ? 2 : 10;
            errorIfNonZero = numberBase == 10 && i < s.Length && s[i] == '0';
        }

        if (i < s.Length && s[i] == '0'
            && ((numberBase == 16 && next == 'x') || (numberBase == 8 && next == 'o') || (numberBase == 2 && next == 'b')))
        {
            i += 2;
            if (i < s.Length && s[i] == '_')
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '_')
        {
            return null;
        }

        // Digits, with single underscores between them.
        var digits = new StringBuilder();
        char prev = '\0';
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (prev == '_')
                {
                    return null;
                }
            }
            else if (DigitValue(c) < numberBase)
            {
                digits.Append(c);
            }
            else
            {
                break;
            }

            prev = c;
        }

        if (prev == '_' || digits.Length == 0)
        {
            return null;
        }

        bool binaryBase = (numberBase & (numberBase - 1)) == 0;
        if (!binaryBase && digits.Length > IntMaxStrDigitsThreshold && _intMaxStrDigits > 0 && digits.Length > _intMaxStrDigits)
        {
            invalid = false;
            SetError(ValueErrorType, $"Exceeds the limit ({_intMaxStrDigits} digits) for integer string conversion: value has {digits.Length} digits; use sys.set_int_max_str_digits() to increase the limit");
            return null;
        }

        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        if (i != s.Length)
        {
            return null;
        }

        BigInteger value = DigitsToBigInteger(digits.ToString(), numberBase);
        if (errorIfNonZero && !value.IsZero)
        {
            return null;
        }

        invalid = false;

        // PyLong_FromString allocates for the longest value of that many digits (leading
        // zeros included): digits * log(base) / log(2**30) + 1 digits, or for bases 2, 4, 8,
        // 16 and 32 exactly digits * bits-per-digit, rounded up to whole 30-bit digits.
        double fsize = binaryBase
            ? Math.Ceiling(digits.Length * (double)BitOperations.Log2((uint)numberBase) / PyLongObject.Shift)
            : (digits.Length * (Math.Log(numberBase) / Math.Log(1 << PyLongObject.Shift))) + 1.0;
        return IntFromBigInteger(sign < 0 ? -value : value, (nint)Math.Min(fsize, MaxIntDigits));
    }

    private static BigInteger DigitsToBigInteger(string digits, int numberBase)
    {
        if (numberBase == 10)
        {
            return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        // Horner's rule over chunks that fit in a long.
        int chunk = 1;
        long chunkScale = numberBase;
        while (chunkScale <= long.MaxValue / numberBase / numberBase)
        {
            chunkScale *= numberBase;
            chunk++;
        }

        BigInteger value = BigInteger.Zero;
        for (int start = 0; start < digits.Length; start += chunk)
        {
            int len = Math.Min(chunk, digits.Length - start);
            long part = 0;
            long scale = 1;
            for (int k = 0; k < len; k++)
            {
                part = (part * numberBase) + DigitValue(digits[start + k]);
                scale *= numberBase;
            }

            value = (value * scale) + part;
        }

        return value;
    }
}
