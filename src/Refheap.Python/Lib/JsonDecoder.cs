using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>
/// The <c>json.loads</c> core as CPython 3.11's C scanner (Modules/_json.c: scan_once_unicode, scanstring_unicode,
/// _match_number_unicode) and Lib/json/decoder.py (BOM check, whitespace, "Extra data"), with the same messages
/// and code point positions.
/// </summary>
public sealed class JsonDecoder
{
    private readonly int[] _s;
    private readonly bool _strict;
    private readonly int _maxIntDigits;
    private readonly int _maxDepth;
    private int _depth;

    private JsonDecoder(int[] s, bool strict, int maxIntDigits, int maxDepth)
    {
        _s = s;
        _strict = strict;
        _maxIntDigits = maxIntDigits;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// <c>json.loads(s, strict=strict)</c>. <paramref name="maxIntDigits"/> is sys.get_int_max_str_digits()
    /// (0 for no limit); <paramref name="maxDepth"/> bounds nesting as the VM's recursion limit would (RecursionError).
    /// </summary>
    public static JsonValue Loads(string s, bool strict = true, int maxIntDigits = 4300, int maxDepth = 1000)
    {
        ArgumentNullException.ThrowIfNull(s);
        int[] doc = FormatSpec.CodePoints(s);
        if (doc.Length > 0 && doc[0] == 0xFEFF)
        {
            throw new JsonDecodeException("Unexpected UTF-8 BOM (decode using utf-8-sig)", doc, 0);
        }

        var decoder = new JsonDecoder(doc, strict, maxIntDigits, maxDepth);
        int idx = decoder.SkipWhitespace(0);
        (JsonValue value, int end) = decoder.RawDecode(idx);
        end = decoder.SkipWhitespace(end);
        if (end != doc.Length)
        {
            throw new JsonDecodeException("Extra data", doc, end);
        }

        return value;
    }

    /// <summary>
    /// <c>JSONDecoder.raw_decode(s, idx)</c>: one value starting exactly at <paramref name="index"/> (no leading
    /// whitespace skipped) and the code point index after it.
    /// </summary>
    public static (JsonValue Value, int End) RawDecode(string s, int index = 0, bool strict = true, int maxIntDigits = 4300, int maxDepth = 1000)
    {
        ArgumentNullException.ThrowIfNull(s);
        var decoder = new JsonDecoder(FormatSpec.CodePoints(s), strict, maxIntDigits, maxDepth);
        return decoder.RawDecode(index);
    }

    private (JsonValue Value, int End) RawDecode(int idx)
    {
        try
        {
            return ScanOnce(idx);
        }
        catch (StopScan stop)
        {
            throw new JsonDecodeException("Expecting value", _s, stop.Index);
        }
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\n' or '\r';

    private int SkipWhitespace(int idx)
    {
        while (idx < _s.Length && IsWhitespace(_s[idx]))
        {
            idx++;
        }

        return idx;
    }

    private bool Matches(int idx, string word)
    {
        if (idx + word.Length > _s.Length)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            if (_s[idx + i] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private (JsonValue Value, int End) ScanOnce(int idx)
    {
        if (idx >= _s.Length)
        {
            throw new StopScan(idx);
        }

        switch (_s[idx])
        {
            case '"':
                (string str, int end) = ScanString(idx + 1);
                return (new JsonString(str), end);
            case '{':
                return Nested(() => ParseObject(idx + 1));
            case '[':
                return Nested(() => ParseArray(idx + 1));
            case 'n' when Matches(idx, "null"):
                return (JsonLiteral.Null, idx + 4);
            case 't' when Matches(idx, "true"):
                return (JsonLiteral.True, idx + 4);
            case 'f' when Matches(idx, "false"):
                return (JsonLiteral.False, idx + 5);
            case 'N' when Matches(idx, "NaN"):
                return (new JsonConstant("NaN", double.NaN), idx + 3);
            case 'I' when Matches(idx, "Infinity"):
                return (new JsonConstant("Infinity", double.PositiveInfinity), idx + 8);
            case '-' when Matches(idx, "-Infinity"):
                return (new JsonConstant("-Infinity", double.NegativeInfinity), idx + 9);
            default:
                return MatchNumber(idx);
        }
    }

    private (JsonValue Value, int End) Nested(Func<(JsonValue, int)> parse)
    {
        if (++_depth > _maxDepth)
        {
            throw new PythonLibException(
                PythonErrorKind.RecursionError, "maximum recursion depth exceeded while decoding a JSON object from a unicode string");
        }

        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    private (JsonValue Value, int End) ParseObject(int idx)
    {
        int endIdx = _s.Length - 1;
        var members = new List<KeyValuePair<string, JsonValue>>();
        idx = SkipWhitespace(idx);
        if (idx > endIdx || _s[idx] != '}')
        {
            while (true)
            {
                if (idx > endIdx || _s[idx] != '"')
                {
                    throw new JsonDecodeException("Expecting property name enclosed in double quotes", _s, idx);
                }

                (string key, int next) = ScanString(idx + 1);
                idx = SkipWhitespace(next);
                if (idx > endIdx || _s[idx] != ':')
                {
                    throw new JsonDecodeException("Expecting ':' delimiter", _s, idx);
                }

                idx = SkipWhitespace(idx + 1);
                (JsonValue value, int afterValue) = ScanOnce(idx);
                members.Add(new KeyValuePair<string, JsonValue>(key, value));
                idx = SkipWhitespace(afterValue);
                if (idx <= endIdx && _s[idx] == '}')
                {
                    break;
                }

                if (idx > endIdx || _s[idx] != ',')
                {
                    throw new JsonDecodeException("Expecting ',' delimiter", _s, idx);
                }

                idx = SkipWhitespace(idx + 1);
            }
        }

        return (new JsonObject(members), idx + 1);
    }

    private (JsonValue Value, int End) ParseArray(int idx)
    {
        int endIdx = _s.Length - 1;
        var items = new List<JsonValue>();
        idx = SkipWhitespace(idx);
        if (idx > endIdx || _s[idx] != ']')
        {
            while (true)
            {
                (JsonValue value, int next) = ScanOnce(idx);
                items.Add(value);
                idx = SkipWhitespace(next);
                if (idx <= endIdx && _s[idx] == ']')
                {
                    break;
                }

                if (idx > endIdx || _s[idx] != ',')
                {
                    throw new JsonDecodeException("Expecting ',' delimiter", _s, idx);
                }

                idx = SkipWhitespace(idx + 1);
            }
        }

        return (new JsonArray(items), idx + 1);
    }

    /// <summary>_match_number_unicode: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? with backtracking before a bare 'e'.</summary>
    private (JsonValue Value, int End) MatchNumber(int start)
    {
        int endIdx = _s.Length - 1;
        int idx = start;
        if (_s[idx] == '-')
        {
            idx++;
            if (idx > endIdx)
            {
                throw new StopScan(start);
            }
        }

        if (_s[idx] is >= '1' and <= '9')
        {
            idx++;
            while (idx <= endIdx && IsDigit(_s[idx]))
            {
                idx++;
            }
        }
        else if (_s[idx] == '0')
        {
            idx++;
        }
        else
        {
            throw new StopScan(start);
        }

        bool isFloat = false;
        if (idx < endIdx && _s[idx] == '.' && IsDigit(_s[idx + 1]))
        {
            isFloat = true;
            idx += 2;
            while (idx <= endIdx && IsDigit(_s[idx]))
            {
                idx++;
            }
        }

        if (idx < endIdx && _s[idx] is 'e' or 'E')
        {
            int eStart = idx;
            idx++;
            if (idx < endIdx && _s[idx] is '-' or '+')
            {
                idx++;
            }

            while (idx <= endIdx && IsDigit(_s[idx]))
            {
                idx++;
            }

            if (IsDigit(_s[idx - 1]))
            {
                isFloat = true;
            }
            else
            {
                idx = eStart;
            }
        }

        var sb = new StringBuilder(idx - start);
        for (int i = start; i < idx; i++)
        {
            sb.Append((char)_s[i]);
        }

        string text = sb.ToString();
        if (isFloat)
        {
            return (new JsonFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text), idx);
        }

        int digits = text.Length - (text[0] == '-' ? 1 : 0);
        if (_maxIntDigits > 0 && digits > _maxIntDigits)
        {
            throw new PythonLibException(
                PythonErrorKind.ValueError,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Exceeds the limit ({_maxIntDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"));
        }

        return (new JsonInteger(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), text), idx);
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    /// <summary>scanstring_unicode: from just after the opening quote to just after the closing one.</summary>
    private (string Value, int End) ScanString(int end)
    {
        int begin = end - 1;
        int len = _s.Length;
        var sb = new StringBuilder();
        while (true)
        {
            int next;
            int c = 0;
            for (next = end; next < len; next++)
            {
                c = _s[next];
                if (c == '"' || c == '\\')
                {
                    break;
                }

                if (c <= 0x1F && _strict)
                {
                    throw new JsonDecodeException("Invalid control character at", _s, next);
                }
            }

            if (next >= len || (c != '"' && c != '\\'))
            {
                throw new JsonDecodeException("Unterminated string starting at", _s, begin);
            }

            for (int i = end; i < next; i++)
            {
                sb.Append(PyFormat.FromCodePoint(_s[i]));
            }

            next++;
            if (c == '"')
            {
                end = next;
                break;
            }

            if (next == len)
            {
                throw new JsonDecodeException("Unterminated string starting at", _s, begin);
            }

            c = _s[next];
            if (c != 'u')
            {
                end = next + 1;
                c = c switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => 0,
                };
                if (c == 0)
                {
                    throw new JsonDecodeException("Invalid \\escape", _s, end - 2);
                }
            }
            else
            {
                next++;
                end = next + 4;
                if (end >= len)
                {
                    throw new JsonDecodeException("Invalid \\uXXXX escape", _s, next - 1);
                }

                c = ReadHex4(next, end);
                next = end;
                if (c is >= 0xD800 and <= 0xDBFF && end + 6 < len && _s[next++] == '\\' && _s[next++] == 'u')
                {
                    end += 6;
                    int c2 = ReadHex4(next, end);
                    if (c2 is >= 0xDC00 and <= 0xDFFF)
                    {
                        c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                    }
                    else
                    {
                        end -= 6;
                    }
                }
            }

            sb.Append(PyFormat.FromCodePoint(c));
        }

        return (sb.ToString(), end);
    }

    private int ReadHex4(int from, int end)
    {
        int value = 0;
        for (int i = from; i < end; i++)
        {
            int d = _s[i];
            int v = d switch
            {
                >= '0' and <= '9' => d - '0',
                >= 'a' and <= 'f' => d - 'a' + 10,
                >= 'A' and <= 'F' => d - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                throw new JsonDecodeException("Invalid \\uXXXX escape", _s, end - 5);
            }

            value = (value << 4) | v;
        }

        return value;
    }

    /// <summary>The scanner's StopIteration(idx): no value starts at idx.</summary>
    private sealed class StopScan(int index) : Exception
    {
        public int Index { get; } = index;
    }
}
