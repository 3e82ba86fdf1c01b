using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>
/// The scalar encodings of <c>json.dumps</c> (Modules/_json.c, 3.11: c_encode_basestring(_ascii),
/// encoder_encode_float; Lib/json/encoder.py): strings with their quotes, floats, ints.
/// </summary>
public static class JsonEncoder
{
    /// <summary>
    /// A JSON string literal for <paramref name="s"/>. ensure_ascii: everything outside printable ASCII becomes
    /// <c>\uXXXX</c> (lower-case hex; astral characters as surrogate pairs). Otherwise only '"', '\\' and control
    /// characters below 0x20 are escaped. Both use \" \\ \n \r \t \b \f where they exist.
    /// </summary>
    public static string EncodeString(string s, bool ensureAscii = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (char c in s)
        {
            // UTF-16 code units are exactly the \uXXXX units Python writes (astral code points split into a pair).
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || (ensureAscii && c >= 0x7F))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A float in JSON: <c>float.__repr__</c>, or <c>NaN</c>/<c>Infinity</c>/<c>-Infinity</c>; with allow_nan
    /// False those raise ValueError "Out of range float values are not JSON compliant".
    /// </summary>
    public static string EncodeFloat(double value, bool allowNan = true)
    {
        if (double.IsFinite(value))
        {
            return FloatFormatter.Repr(value);
        }

        if (!allowNan)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "Out of range float values are not JSON compliant");
        }

        return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }

    /// <summary>An int in JSON: its decimal <c>int.__repr__</c>.</summary>
    public static string EncodeInt(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
