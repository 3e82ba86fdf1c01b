using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>
/// <c>format(value, spec)</c> for int, float and str (<c>__format__</c> of the built-in types), as CPython 3.11's
/// Python/formatter_unicode.c. Errors are <see cref="PythonLibException"/>s with CPython's class and message.
/// </summary>
public static class PyFormat
{
    /// <summary><c>int.__format__</c>: types <c>b c d o x X n</c> and none; <c>e E f F g G %</c> go through float.</summary>
    public static string FormatInt(BigInteger value, string spec, string typeName = "int")
    {
        FormatSpec f = FormatSpec.ParseForInt(spec, typeName);
        switch (f.Type)
        {
            case 'b' or 'c' or 'd' or 'o' or 'x' or 'X' or 'n':
                return FormatIntCore(value, f);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%':
                return FormatFloatCore(IntToDouble(value), f);
            default:
                throw FormatSpec.Error(FormatSpec.UnknownCodeMessage(f.Type, typeName));
        }
    }

    /// <summary><c>float.__format__</c>: types <c>e E f F g G n %</c> and none (repr-like, or 'g'-like with a precision).</summary>
    public static string FormatFloat(double value, string spec, string typeName = "float")
    {
        FormatSpec f = FormatSpec.ParseForFloat(spec, typeName);
        if (f.Type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%'))
        {
            throw FormatSpec.Error(FormatSpec.UnknownCodeMessage(f.Type, typeName));
        }

        return FormatFloatCore(value, f);
    }

    /// <summary><c>str.__format__</c>: type <c>s</c> (default); precision truncates; left aligned by default.</summary>
    public static string FormatStr(string value, string spec, string typeName = "str")
    {
        ArgumentNullException.ThrowIfNull(value);
        FormatSpec f = FormatSpec.ParseForStr(spec, typeName);
        if (f.Type != 's')
        {
            throw FormatSpec.Error(FormatSpec.UnknownCodeMessage(f.Type, typeName));
        }

        if (f.Sign != '\0')
        {
            throw FormatSpec.Error(f.Sign == ' '
                ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier");
        }

        if (f.NoNegativeZero)
        {
            throw FormatSpec.Error("Negative zero coercion (z) not allowed in string format specifier");
        }

        if (f.Alternate)
        {
            throw FormatSpec.Error("Alternate form (#) not allowed in string format specifier");
        }

        if (f.Align == '=')
        {
            throw FormatSpec.Error("'=' alignment not allowed in string format specifier");
        }

        int[] cps = FormatSpec.CodePoints(value);
        long length = cps.Length;
        string body = value;
        if (f.Precision >= 0 && length > f.Precision)
        {
            length = f.Precision;
            body = FromCodePoints(cps, 0, (int)length);
        }

        return Pad(body, length, f.Width, f.Align, f.Fill);
    }

    /// <summary>
    /// The nearest double to an int, ties to even (PyLong_AsDouble); OverflowError "int too large to convert to
    /// float" past the double range.
    /// </summary>
    public static double IntToDouble(BigInteger value)
    {
        BigInteger abs = BigInteger.Abs(value);
        long bits = (long)abs.GetBitLength();
        double result;
        if (bits <= 53)
        {
            result = (double)(long)abs;
        }
        else
        {
            int shift = (int)(bits - 53);
            BigInteger q = abs >> shift;
            BigInteger rem = abs - (q << shift);
            BigInteger half = BigInteger.One << (shift - 1);
            if (rem > half || (rem == half && !q.IsEven))
            {
                q += 1;
            }

            result = Math.ScaleB((double)(long)q, shift);
        }

        if (double.IsInfinity(result))
        {
            throw new PythonLibException(PythonErrorKind.OverflowError, "int too large to convert to float");
        }

        return value.Sign < 0 ? -result : result;
    }

    private static string FormatIntCore(BigInteger value, FormatSpec f)
    {
        if (f.Precision != -1)
        {
            throw FormatSpec.Error("Precision not allowed in integer format specifier");
        }

        if (f.NoNegativeZero)
        {
            throw FormatSpec.Error("Negative zero coercion (z) not allowed in integer format specifier");
        }

        if (f.Type == 'c')
        {
            if (f.Sign != '\0')
            {
                throw FormatSpec.Error("Sign not allowed with integer format specifier 'c'");
            }

            if (f.Alternate)
            {
                throw FormatSpec.Error("Alternate form (#) not allowed with integer format specifier 'c'");
            }

            if (value > long.MaxValue || value < long.MinValue)
            {
                throw new PythonLibException(PythonErrorKind.OverflowError, "Python int too large to convert to C long");
            }

            if (value.Sign < 0 || value > 0x10FFFF)
            {
                throw new PythonLibException(PythonErrorKind.OverflowError, "%c arg not in range(0x110000)");
            }

            // 'c' output counts as "remainder": never grouped, but '=' and zero fill still pad before it.
            return LayOutNumber('\0', string.Empty, string.Empty, false, FromCodePoint((int)value), f, '\0', 0);
        }

        int numberBase = f.Type switch { 'b' => 2, 'o' => 8, 'x' or 'X' => 16, _ => 10 };
        string digits = ToBase(BigInteger.Abs(value), numberBase);
        string prefix = f.Alternate ? numberBase switch { 2 => "0b", 8 => "0o", 16 => "0x", _ => string.Empty } : string.Empty;
        if (f.Type == 'X')
        {
            digits = digits.ToUpperInvariant();
            prefix = prefix.ToUpperInvariant();
        }

        char sep = f.Grouping;
        int groupSize = f.Grouping == '_' && numberBase != 10 ? 4 : 3;
        return LayOutNumber(value.Sign < 0 ? '-' : '\0', prefix, digits, false, string.Empty, f, sep, groupSize);
    }

    private static string FormatFloatCore(double value, FormatSpec f)
    {
        if (f.Precision > int.MaxValue)
        {
            throw FormatSpec.Error("precision too big");
        }

        int precision = (int)f.Precision;
        int defaultPrecision = 6;
        var flags = DoubleFormatFlags.None;
        if (f.Alternate)
        {
            flags |= DoubleFormatFlags.Alternate;
        }

        if (f.NoNegativeZero)
        {
            flags |= DoubleFormatFlags.NoNegativeZero;
        }

        char type = (char)f.Type;
        if (type == '\0')
        {
            flags |= DoubleFormatFlags.AddDot0;
            type = 'r';
            defaultPrecision = 0;
        }

        if (type == 'n')
        {
            type = 'g';
        }

        bool percent = false;
        if (type == '%')
        {
            type = 'f';
            value *= 100;
            percent = true;
        }

        if (precision < 0)
        {
            precision = defaultPrecision;
        }
        else if (type == 'r')
        {
            type = 'g';
        }

        string text = FloatFormatter.DoubleToString(value, type, precision, flags);
        if (percent)
        {
            text += "%";
        }

        char sign = '\0';
        int start = 0;
        if (text[0] == '-')
        {
            sign = '-';
            start = 1;
        }

        // parse_number: leading digits are grouped; a '.' and everything after it is the remainder.
        int pos = start;
        while (pos < text.Length && text[pos] is >= '0' and <= '9')
        {
            pos++;
        }

        string digits = text[start..pos];
        bool hasDecimal = pos < text.Length && text[pos] == '.';
        string remainder = text[(hasDecimal ? pos + 1 : pos)..];
        return LayOutNumber(sign, string.Empty, digits, hasDecimal, remainder, f, f.Grouping, 3);
    }

    /// <summary>
    /// calc_number_widths + fill_number: [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad], the digits
    /// zero-filled (and grouped) to the width when the fill is '0' with '=' alignment.
    /// </summary>
    private static string LayOutNumber(
        char signChar, string prefix, string digits, bool hasDecimal, string remainder, FormatSpec f, char sep, int groupSize)
    {
        char sign = f.Sign switch
        {
            '+' => signChar == '-' ? '-' : '+',
            ' ' => signChar == '-' ? '-' : ' ',
            _ => signChar,
        };
        int nSign = sign == '\0' ? 0 : 1;
        long remainderLength = FormatSpec.CodePoints(remainder).Length;
        long nonDigits = nSign + prefix.Length + (hasDecimal ? 1 : 0) + remainderLength;
        long minWidth = f.Fill == '0' && f.Align == '=' ? f.Width - nonDigits : 0;
        string grouped = digits.Length == 0 ? string.Empty : Group(digits, minWidth, sep, groupSize);
        long padding = f.Width - (nonDigits + grouped.Length);
        long left = 0;
        long middle = 0;
        long right = 0;
        if (padding > 0)
        {
            switch (f.Align)
            {
                case '<':
                    right = padding;
                    break;
                case '^':
                    left = padding / 2;
                    right = padding - left;
                    break;
                case '=':
                    middle = padding;
                    break;
                default:
                    left = padding;
                    break;
            }
        }

        string fill = FromCodePoint(f.Fill);
        var sb = new StringBuilder();
        Repeat(sb, fill, left);
        if (sign != '\0')
        {
            sb.Append(sign);
        }

        sb.Append(prefix);
        Repeat(sb, fill, middle);
        sb.Append(grouped);
        if (hasDecimal)
        {
            sb.Append('.');
        }

        sb.Append(remainder);
        Repeat(sb, fill, right);
        return sb.ToString();
    }

    /// <summary>
    /// _PyUnicode_InsertThousandsGrouping: groups from the right, padding with '0' digits up to
    /// <paramref name="minWidth"/> (separators included). sep '\0' means no grouping (one group).
    /// </summary>
    private static string Group(string digits, long minWidth, char sep, int groupSize)
    {
        var parts = new StringBuilder();
        long remaining = digits.Length;
        int digitsEnd = digits.Length;
        bool useSeparator = false;
        bool broken = false;
        if (sep != '\0')
        {
            while (true)
            {
                long len = Math.Min(groupSize, Math.Max(Math.Max(remaining, minWidth), 1));
                long zeros = Math.Max(0, len - remaining);
                long chars = Math.Max(0, Math.Min(remaining, len));
                Emit(parts, digits, ref digitsEnd, chars, zeros, useSeparator ? sep : '\0');
                useSeparator = true;
                remaining -= chars;
                minWidth -= len;
                if (remaining <= 0 && minWidth <= 0)
                {
                    broken = true;
                    break;
                }

                minWidth -= 1;
            }
        }

        if (!broken)
        {
            long len = Math.Max(Math.Max(remaining, minWidth), 1);
            long zeros = Math.Max(0, len - remaining);
            long chars = Math.Max(0, Math.Min(remaining, len));
            Emit(parts, digits, ref digitsEnd, chars, zeros, useSeparator ? sep : '\0');
        }

        return parts.ToString();
    }

    /// <summary>Prepends one group (written right to left): separator, then the digits, then leading zeros.</summary>
    private static void Emit(StringBuilder parts, string digits, ref int digitsEnd, long chars, long zeros, char sep)
    {
        if (sep != '\0')
        {
            parts.Insert(0, sep);
        }

        parts.Insert(0, digits.AsSpan((int)(digitsEnd - chars), (int)chars));
        digitsEnd -= (int)chars;
        if (zeros > 0)
        {
            parts.Insert(0, new string('0', (int)zeros));
        }
    }

    /// <summary>Pads a body of <paramref name="length"/> code points to the width (format_string_internal's layout).</summary>
    internal static string Pad(string body, long length, long width, char align, int fillCodePoint)
    {
        long padding = width - length;
        if (padding <= 0)
        {
            return body;
        }

        long left = align switch { '>' => padding, '^' => padding / 2, _ => 0 };
        string fill = FromCodePoint(fillCodePoint);
        var sb = new StringBuilder();
        Repeat(sb, fill, left);
        sb.Append(body);
        Repeat(sb, fill, padding - left);
        return sb.ToString();
    }

    /// <summary>Digits of a non-negative int in base 2, 8, 10 or 16 (lower case).</summary>
    internal static string ToBase(BigInteger abs, int numberBase)
    {
        if (numberBase == 10)
        {
            return ToDecimal(abs);
        }

        if (abs.IsZero)
        {
            return "0";
        }

        int bitsPerDigit = numberBase == 2 ? 1 : numberBase == 8 ? 3 : 4;
        byte[] bytes = abs.ToByteArray(isUnsigned: true, isBigEndian: false);
        long totalBits = (long)abs.GetBitLength();
        int count = (int)((totalBits + bitsPerDigit - 1) / bitsPerDigit);
        char[] chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            int value = 0;
            for (int b = 0; b < bitsPerDigit; b++)
            {
                long bit = ((long)i * bitsPerDigit) + b;
                if (bit < bytes.Length * 8L && ((bytes[bit >> 3] >> (int)(bit & 7)) & 1) != 0)
                {
                    value |= 1 << b;
                }
            }

            chars[count - 1 - i] = "0123456789abcdef"[value];
        }

        return new string(chars);
    }

    internal static string FromCodePoint(int cp) => cp is >= 0xD800 and <= 0xDFFF || cp < 0x10000
        ? ((char)cp).ToString()
        : char.ConvertFromUtf32(cp);

    internal static string FromCodePoints(int[] cps, int start, int count)
    {
        var sb = new StringBuilder(count);
        for (int i = start; i < start + count; i++)
        {
            AppendCodePoint(sb, cps[i]);
        }

        return sb.ToString();
    }

    /// <summary>Appends what <see cref="FromCodePoint"/> gives, without the intermediate string.</summary>
    internal static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF || cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
    }

    /// <summary>True when <paramref name="s"/> has no UTF-16 surrogates, so its chars are its code points.</summary>
    internal static bool IsBmpOnly(string s) => !s.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    internal static string ToDecimal(BigInteger abs) =>
        abs <= ulong.MaxValue ? ((ulong)abs).ToString(CultureInfo.InvariantCulture) : abs.ToString(CultureInfo.InvariantCulture);

    private static void Repeat(StringBuilder sb, string fill, long count)
    {
        for (long i = 0; i < count; i++)
        {
            sb.Append(fill);
        }
    }
}
