using System;
using System.Collections.Generic;
using System.Globalization;

namespace Refheap.Python.Lib;

/// <summary>
/// A parsed format-spec mini-language string (<c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>)
/// as CPython 3.11's parse_internal_render_format_spec (Python/formatter_unicode.c) reads it. Code points, not
/// UTF-16 units: the fill may be any character, including an astral one.
/// </summary>
public sealed class FormatSpec
{
    private FormatSpec()
    {
    }

    /// <summary>The fill code point (a space unless given, '0' with the '0' flag).</summary>
    public int Fill { get; private set; } = ' ';

    /// <summary><c>&lt; &gt; = ^</c>, or the object kind's default when not given.</summary>
    public char Align { get; private set; }

    /// <summary>Whether an alignment was written.</summary>
    public bool AlignSpecified { get; private set; }

    /// <summary><c>+ - ' '</c>, or '\0' when not given.</summary>
    public char Sign { get; private set; }

    /// <summary>The 3.11 <c>z</c> flag: coerce negative zero to positive zero.</summary>
    public bool NoNegativeZero { get; private set; }

    /// <summary>The <c>#</c> flag.</summary>
    public bool Alternate { get; private set; }

    /// <summary>The minimum width, or -1.</summary>
    public long Width { get; private set; } = -1;

    /// <summary><c>,</c> or <c>_</c>, or '\0' for no grouping.</summary>
    public char Grouping { get; private set; }

    /// <summary>The precision, or -1.</summary>
    public long Precision { get; private set; } = -1;

    /// <summary>The presentation type code point, or the object kind's default ('\0' for float's "none").</summary>
    public int Type { get; private set; }

    /// <summary>Parses a spec for an int (default type 'd', right aligned).</summary>
    public static FormatSpec ParseForInt(string spec, string typeName = "int") => Parse(spec, 'd', '>', typeName);

    /// <summary>Parses a spec for a float (default type "none", right aligned).</summary>
    public static FormatSpec ParseForFloat(string spec, string typeName = "float") => Parse(spec, '\0', '>', typeName);

    /// <summary>Parses a spec for a str (default type 's', left aligned).</summary>
    public static FormatSpec ParseForStr(string spec, string typeName = "str") => Parse(spec, 's', '<', typeName);

    /// <summary>
    /// Parses <paramref name="spec"/> with the object kind's default type and alignment; <paramref name="typeName"/>
    /// is the Python type named in "Invalid format specifier" messages. Errors are ValueErrors with 3.11's texts.
    /// </summary>
    public static FormatSpec Parse(string spec, int defaultType, char defaultAlign, string typeName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int[] s = CodePoints(spec);
        var f = new FormatSpec { Type = defaultType, Align = defaultAlign };
        int pos = 0;
        int end = s.Length;
        bool fillSpecified = false;
        if (end - pos >= 2 && IsAlign(s[pos + 1]))
        {
            f.Fill = s[pos];
            f.Align = (char)s[pos + 1];
            f.AlignSpecified = true;
            fillSpecified = true;
            pos += 2;
        }
        else if (end - pos >= 1 && IsAlign(s[pos]))
        {
            f.Align = (char)s[pos];
            f.AlignSpecified = true;
            pos++;
        }

        if (end - pos >= 1 && s[pos] is '+' or '-' or ' ')
        {
            f.Sign = (char)s[pos];
            pos++;
        }

        if (end - pos >= 1 && s[pos] == 'z')
        {
            f.NoNegativeZero = true;
            pos++;
        }

        if (end - pos >= 1 && s[pos] == '#')
        {
            f.Alternate = true;
            pos++;
        }

        // The '0' flag: zero fill unless a fill was given; '=' alignment only if the kind aligns right by
        // default (3.10+, bpo-27772: strings keep their left alignment).
        if (!fillSpecified && end - pos >= 1 && s[pos] == '0')
        {
            f.Fill = '0';
            if (!f.AlignSpecified && defaultAlign == '>')
            {
                f.Align = '=';
            }

            pos++;
        }

        f.Width = ReadInteger(s, ref pos);
        if (end - pos >= 1 && s[pos] == ',')
        {
            f.Grouping = ',';
            pos++;
        }

        if (end - pos >= 1 && s[pos] == '_')
        {
            if (f.Grouping != '\0')
            {
                throw Error("Cannot specify both ',' and '_'.");
            }

            f.Grouping = '_';
            pos++;
        }

        if (end - pos >= 1 && s[pos] == ',' && f.Grouping == '_')
        {
            throw Error("Cannot specify both ',' and '_'.");
        }

        if (end - pos >= 1 && s[pos] == '.')
        {
            pos++;
            f.Precision = ReadInteger(s, ref pos);
            if (f.Precision < 0)
            {
                throw Error("Format specifier missing precision");
            }
        }

        if (end - pos > 1)
        {
            throw Error($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        }

        if (end - pos == 1)
        {
            f.Type = s[pos];
        }

        if (f.Grouping != '\0')
        {
            bool ok = f.Type is 'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F' or '\0'
                || (f.Grouping == '_' && f.Type is 'b' or 'o' or 'x' or 'X');
            if (!ok)
            {
                throw Error($"Cannot specify '{f.Grouping}' with {QuoteCode(f.Type)}.");
            }
        }

        return f;
    }

    /// <summary>The message for an unknown presentation type: "Unknown format code 'x' for object of type 'T'".</summary>
    public static string UnknownCodeMessage(int type, string typeName) =>
        $"Unknown format code {QuoteCode(type)} for object of type '{typeName}'";

    /// <summary>A type code as CPython quotes it in messages: 'c' for printable ASCII, else '\x..' in hex.</summary>
    internal static string QuoteCode(int type) => type > 32 && type < 128
        ? $"'{(char)type}'"
        : $"'\\x{type.ToString("x", CultureInfo.InvariantCulture)}'";

    internal static PythonLibException Error(string message) => new(PythonErrorKind.ValueError, message);

    /// <summary>The code points of a UTF-16 string; a lone surrogate counts as one code point, as in Python.</summary>
    internal static int[] CodePoints(string s)
    {
        if (PyFormat.IsBmpOnly(s))
        {
            var cps = new int[s.Length];
            for (int i = 0; i < cps.Length; i++)
            {
                cps[i] = s[i];
            }

            return cps;
        }

        var list = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                list.Add(s[i]);
            }
        }

        return list.ToArray();
    }

    /// <summary>Py_UNICODE_TODECIMAL: any Unicode decimal digit counts, not only ASCII.</summary>
    private static int DecimalValue(int codePoint) => codePoint < 0x80
        ? (codePoint is >= '0' and <= '9' ? codePoint - '0' : -1)
        : codePoint is >= 0xD800 and <= 0xDFFF
            ? -1
            : CharUnicodeInfo.GetDecimalDigitValue(char.ConvertFromUtf32(codePoint), 0);

    private static bool IsAlign(int c) => c is '<' or '>' or '=' or '^';

    /// <summary>get_integer: decimal digits as a Py_ssize_t, -1 when there are none.</summary>
    private static long ReadInteger(int[] s, ref int pos)
    {
        long value = -1;
        while (pos < s.Length && DecimalValue(s[pos]) is int digit and >= 0)
        {
            if (value < 0)
            {
                value = 0;
            }

            if (value > (long.MaxValue - digit) / 10)
            {
                throw Error("Too many decimal digits in format string");
            }

            value = (value * 10) + digit;
            pos++;
        }

        return value;
    }
}
