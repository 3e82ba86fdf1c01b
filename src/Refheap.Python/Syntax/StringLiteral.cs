using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>One string token taken apart: prefix flags, quotes, body.</summary>
internal sealed class StringLiteral
{
    public StringLiteral(Token token)
    {
        Token = token;
        string text = token.Text;
        int q = 0;
        while (text[q] != '\'' && text[q] != '"')
        {
            char c = char.ToLowerInvariant(text[q]);
            IsRaw |= c == 'r';
            IsBytes |= c == 'b';
            IsFString |= c == 'f';
            IsUnicode |= text[q] == 'u';
            q++;
        }
        int quoteSize = text.Length - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q] ? 3 : 1;
        BodyStart = q + quoteSize;
        Body = text[BodyStart..^quoteSize];
    }

    public Token Token { get; }

    public bool IsRaw { get; }

    public bool IsBytes { get; }

    public bool IsFString { get; }

    public bool IsUnicode { get; }

    /// <summary>The text between the quotes.</summary>
    public string Body { get; }

    /// <summary>Index of the body in the token's text.</summary>
    public int BodyStart { get; }
}

/// <summary>Escape sequences of str and bytes literals (Objects/unicodeobject.c
/// _PyUnicode_DecodeUnicodeEscapeInternal and Objects/bytesobject.c, 3.11). Unknown escapes
/// stay as they are (3.11 only warns: the DeprecationWarning is not emitted). \N{...} knows a
/// small table of names and reports any other name as unknown.</summary>
internal static class Escapes
{
    private static readonly Dictionary<string, int> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SPACE"] = 0x20, ["NO-BREAK SPACE"] = 0xA0, ["BULLET"] = 0x2022, ["EM DASH"] = 0x2014,
        ["EN DASH"] = 0x2013, ["HORIZONTAL ELLIPSIS"] = 0x2026, ["EURO SIGN"] = 0x20AC, ["DEGREE SIGN"] = 0xB0,
        ["COPYRIGHT SIGN"] = 0xA9, ["REGISTERED SIGN"] = 0xAE, ["POUND SIGN"] = 0xA3, ["YEN SIGN"] = 0xA5,
        ["SECTION SIGN"] = 0xA7, ["MICRO SIGN"] = 0xB5, ["PILCROW SIGN"] = 0xB6, ["MIDDLE DOT"] = 0xB7,
        ["GREEK SMALL LETTER ALPHA"] = 0x3B1, ["GREEK SMALL LETTER BETA"] = 0x3B2,
        ["GREEK SMALL LETTER PI"] = 0x3C0, ["GREEK CAPITAL LETTER OMEGA"] = 0x3A9,
        ["GREEK SMALL LETTER LAMDA"] = 0x3BB, ["GREEK SMALL LETTER MU"] = 0x3BC,
        ["LATIN SMALL LETTER E WITH ACUTE"] = 0xE9, ["LATIN CAPITAL LETTER E WITH ACUTE"] = 0xC9,
        ["LATIN SMALL LETTER A WITH GRAVE"] = 0xE0, ["LATIN SMALL LETTER SHARP S"] = 0xDF,
        ["LATIN SMALL LETTER U WITH DIAERESIS"] = 0xFC, ["LATIN SMALL LETTER O WITH DIAERESIS"] = 0xF6,
        ["LATIN SMALL LETTER A WITH DIAERESIS"] = 0xE4, ["LATIN SMALL LETTER N WITH TILDE"] = 0xF1,
        ["LATIN SMALL LETTER C WITH CEDILLA"] = 0xE7, ["SNOWMAN"] = 0x2603, ["BLACK STAR"] = 0x2605,
        ["WHITE SMILING FACE"] = 0x263A, ["CHECK MARK"] = 0x2713, ["HEAVY CHECK MARK"] = 0x2714,
        ["BALLOT X"] = 0x2717, ["RIGHTWARDS ARROW"] = 0x2192, ["LEFTWARDS ARROW"] = 0x2190,
        ["UPWARDS ARROW"] = 0x2191, ["DOWNWARDS ARROW"] = 0x2193, ["INFINITY"] = 0x221E,
        ["NOT EQUAL TO"] = 0x2260, ["LESS-THAN OR EQUAL TO"] = 0x2264, ["GREATER-THAN OR EQUAL TO"] = 0x2265,
        ["MULTIPLICATION SIGN"] = 0xD7, ["DIVISION SIGN"] = 0xF7, ["PLUS-MINUS SIGN"] = 0xB1,
        ["GRINNING FACE"] = 0x1F600, ["PILE OF POO"] = 0x1F4A9, ["SNAKE"] = 0x1F40D,
        ["THUMBS UP SIGN"] = 0x1F44D, ["HEAVY BLACK HEART"] = 0x2764, ["ZERO WIDTH SPACE"] = 0x200B,
        ["ZERO WIDTH JOINER"] = 0x200D, ["BYTE ORDER MARK"] = 0xFEFF, ["ZERO WIDTH NO-BREAK SPACE"] = 0xFEFF,
        ["REPLACEMENT CHARACTER"] = 0xFFFD, ["NULL"] = 0, ["LINE FEED"] = 10, ["CARRIAGE RETURN"] = 13,
        ["CHARACTER TABULATION"] = 9, ["ESCAPE"] = 0x1B, ["DELETE"] = 0x7F, ["LATIN CAPITAL LETTER A"] = 0x41,
        ["LATIN SMALL LETTER A"] = 0x61, ["DIGIT ZERO"] = 0x30, ["QUOTATION MARK"] = 0x22,
        ["APOSTROPHE"] = 0x27, ["REVERSE SOLIDUS"] = 0x5C, ["EM SPACE"] = 0x2003, ["EN SPACE"] = 0x2002,
    };

    /// <summary>Decodes a str body; returns an error message ("(unicode error) ...") or null.</summary>
    public static string? DecodeStr(string body, StringBuilder sb)
    {
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            int start = i;
            char e = body[i + 1];
            i += 2;
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < body.Length && body[i] is >= '0' and <= '7'; k++)
                        {
                            v = (v * 8) + (body[i++] - '0');
                        }
                        sb.Append((char)v);
                        break;
                    }
                case 'x' or 'u' or 'U':
                    {
                        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        int v = 0;
                        int k = 0;
                        for (; k < digits && i < body.Length && Uri.IsHexDigit(body[i]); k++)
                        {
                            v = (v * 16) + Convert.ToInt32(body[i++].ToString(), 16);
                        }
                        if (k < digits)
                        {
                            string what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                : "truncated \\UXXXXXXXX escape";
                            return $"(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{i - 1}: {what}";
                        }
                        if (v > 0x10FFFF)
                        {
                            return $"(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{i - 1}: illegal Unicode character";
                        }
                        AppendCodePoint(sb, v);
                        break;
                    }
                case 'N':
                    {
                        int close = i < body.Length && body[i] == '{' ? body.IndexOf('}', i) : -1;
                        if (close < 0)
                        {
                            return $"(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{Math.Min(i, body.Length - 1)}: malformed \\N character escape";
                        }
                        string name = body[(i + 1)..close];
                        if (!s_names.TryGetValue(name, out int cp))
                        {
                            return $"(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{close}: unknown Unicode character name";
                        }
                        AppendCodePoint(sb, cp);
                        i = close + 1;
                        break;
                    }
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }
        return null;
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
    }

    /// <summary>Decodes a bytes body; returns an error message or null.</summary>
    public static string? DecodeBytes(string body, bool raw, List<byte> bytes)
    {
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] >= 128)
            {
                return "bytes can only contain ASCII literal characters";
            }
        }
        if (raw)
        {
            foreach (char c in body)
            {
                bytes.Add((byte)c);
            }
            return null;
        }
        int j = 0;
        while (j < body.Length)
        {
            char c = body[j];
            if (c != '\\' || j + 1 >= body.Length)
            {
                bytes.Add((byte)c);
                j++;
                continue;
            }
            int start = j;
            char e = body[j + 1];
            j += 2;
            switch (e)
            {
                case '\n': break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int v = e - '0';
                        for (int k = 0; k < 2 && j < body.Length && body[j] is >= '0' and <= '7'; k++)
                        {
                            v = (v * 8) + (body[j++] - '0');
                        }
                        bytes.Add((byte)(v & 0xFF));
                        break;
                    }
                case 'x':
                    if (j + 1 < body.Length && Uri.IsHexDigit(body[j]) && Uri.IsHexDigit(body[j + 1]))
                    {
                        bytes.Add(byte.Parse(body.AsSpan(j, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        j += 2;
                        break;
                    }
                    return $"(value error) invalid \\x escape at position {start}";
                default:
                    bytes.Add((byte)'\\');
                    bytes.Add((byte)e);
                    break;
            }
        }
        return null;
    }
}
