using System.Globalization;
using System.Numerics;

namespace Refheap.Python.Syntax;

/// <summary>Values of numeric literals the tokenizer has already validated.</summary>
internal static class NumberParser
{
    public static object Parse(string text)
    {
        string s = text.Contains('_', System.StringComparison.Ordinal)
            ? text.Replace("_", "", System.StringComparison.Ordinal)
            : text;
        if (s.Length > 1 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
            BigInteger value = BigInteger.Zero;
            for (int i = 2; i < s.Length; i++)
            {
                char c = s[i];
                int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                value = (value * radix) + d;
            }
            return value;
        }
        if (s[^1] is 'j' or 'J')
        {
            return new Imaginary(ParseDouble(s[..^1]));
        }
        if (s.Contains('.', System.StringComparison.Ordinal) || s.Contains('e', System.StringComparison.Ordinal)
            || s.Contains('E', System.StringComparison.Ordinal))
        {
            return ParseDouble(s);
        }
        return BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static double ParseDouble(string s) =>
        double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
