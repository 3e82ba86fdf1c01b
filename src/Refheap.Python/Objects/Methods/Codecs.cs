using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// str.encode and bytes.decode for the codecs programs use most (utf-8, ascii, latin-1,
/// utf-16, utf-32) with the standard error handlers and CPython's messages.
/// </summary>
internal static unsafe class Codecs
{
    /// <summary>The codec's canonical name, or null if unknown.</summary>
    private static string? Normalize(string encoding)
    {
        string e = encoding.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return e switch
        {
            "utf-8" or "utf8" or "u8" or "utf" or "cp65001" => "utf-8",
            "utf-8-sig" => "utf-8-sig",
            "ascii" or "us-ascii" or "646" or "us" => "ascii",
            "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "8859" or "cp819" or "l1" or "latin" or "iso-ir-100" => "latin-1",
            "utf-16" or "utf16" or "u16" => "utf-16",
            "utf-16-le" or "utf-16le" => "utf-16-le",
            "utf-16-be" or "utf-16be" => "utf-16-be",
            "utf-32" or "utf32" or "u32" => "utf-32",
            "utf-32-le" or "utf-32le" => "utf-32-le",
            "utf-32-be" or "utf-32be" => "utf-32-be",
            _ => null,
        };
    }

    private static PyTypeObject* ErrorType(PyRuntime rt, string name) => Interpreter.Of(rt).ExceptionType(name);

    private static string CharRepr(int c) =>
        c < 0x100 ? "\\x" + c.ToString("x2", CultureInfo.InvariantCulture)
        : c < 0x10000 ? "\\u" + c.ToString("x4", CultureInfo.InvariantCulture)
        : "\\U" + c.ToString("x8", CultureInfo.InvariantCulture);

    private static bool KnownHandler(string errors) =>
        errors is "strict" or "ignore" or "replace" or "backslashreplace" or "xmlcharrefreplace" or "surrogateescape" or "surrogatepass" or "namereplace";

    public static PyObject* Encode(PyRuntime rt, PyObject* str, string encoding, string errors)
    {
        string? codec = Normalize(encoding);
        if (codec == null)
        {
            rt.SetError(rt.LookupErrorType, $"unknown encoding: {encoding}");
            return null;
        }

        if (codec == "utf-8-sig")
        {
            // encodings.utf_8_sig: the BOM, then the text as utf-8 (whose errors it reports).
            PyObject* body = Encode(rt, str, "utf-8", errors);
            if (body == null)
            {
                return null;
            }

            ReadOnlySpan<byte> bytes = PyRuntime.BytesSpan(body);
            byte[] withBom = new byte[bytes.Length + 3];
            withBom[0] = 0xEF;
            withBom[1] = 0xBB;
            withBom[2] = 0xBF;
            bytes.CopyTo(withBom.AsSpan(3));
            rt.DecRef(body);
            return rt.NewBytes(withBom);
        }

        if (PyRuntime.StrIsAscii(str) && codec is "utf-8" or "ascii" or "latin-1")
        {
            // ASCII text encodes to its own bytes in these codecs.
            return rt.NewBytes(new ReadOnlySpan<byte>(PyRuntime.StrData(str), (int)PyRuntime.StrLength(str)));
        }

        int[] s = PyRuntime.StrCodePoints(str);
        var output = new List<byte>(s.Length);
        int limit = codec == "ascii" ? 128 : codec == "latin-1" ? 256 : 0x110000;
        int i = 0;
        while (i < s.Length)
        {
            int c = s[i];
            bool surrogate = c >= 0xD800 && c <= 0xDFFF;
            if (c < limit && !surrogate)
            {
                EncodeOne(output, codec, c);
                i++;
                continue;
            }

            if (surrogate && errors == "surrogatepass" && codec != "ascii" && codec != "latin-1")
            {
                EncodeOne(output, codec, c);
                i++;
                continue;
            }

            int j = i + 1;
            while (j < s.Length && (limit < 0x110000 ? s[j] >= limit : s[j] >= 0xD800 && s[j] <= 0xDFFF))
            {
                j++;
            }

            string reason = limit < 0x110000 ? $"ordinal not in range({limit})" : "surrogates not allowed";
            switch (errors)
            {
                case "ignore":
                    break;
                case "replace":
                    for (int k = i; k < j; k++)
                    {
                        EncodeOne(output, codec, '?');
                    }

                    break;
                case "backslashreplace":
                case "xmlcharrefreplace":
                    for (int k = i; k < j; k++)
                    {
                        string rep = errors == "xmlcharrefreplace" ? "&#" + s[k].ToString(CultureInfo.InvariantCulture) + ";" : CharRepr(s[k]);
                        foreach (char ch in rep)
                        {
                            EncodeOne(output, codec, ch);
                        }
                    }

                    break;
                case "surrogateescape" when s[i] >= 0xDC80 && s[i] <= 0xDCFF:
                    for (int k = i; k < j; k++)
                    {
                        if (s[k] < 0xDC80 || s[k] > 0xDCFF)
                        {
                            return EncodeError(rt, codec, s, k, k + 1, reason);
                        }

                        output.Add((byte)(s[k] - 0xDC00));
                    }

                    break;
                default:
                    if (!KnownHandler(errors))
                    {
                        rt.SetError(rt.LookupErrorType, $"unknown error handler name '{errors}'");
                        return null;
                    }

                    return EncodeError(rt, codec, s, i, j, reason);
            }

            i = j;
        }

        return rt.NewBytes(CollectionsMarshal.AsSpan(PrependBom(codec, output)));
    }

    private static List<byte> PrependBom(string codec, List<byte> output)
    {
        if (codec == "utf-16")
        {
            output.InsertRange(0, [0xFF, 0xFE]);
        }
        else if (codec == "utf-32")
        {
            output.InsertRange(0, [0xFF, 0xFE, 0, 0]);
        }

        return output;
    }

    private static PyObject* EncodeError(PyRuntime rt, string codec, int[] s, int start, int end, string reason)
    {
        string what = end - start == 1 ? $"character '{CharRepr(s[start])}' in position {start}" : $"characters in position {start}-{end - 1}";
        rt.SetError(ErrorType(rt, "UnicodeEncodeError"), $"'{codec}' codec can't encode {what}: {reason}");
        return null;
    }

    private static void EncodeOne(List<byte> output, string codec, int c)
    {
        switch (codec)
        {
            case "utf-8":
                if (c < 0x80)
                {
                    output.Add((byte)c);
                }
                else if (c < 0x800)
                {
                    output.Add((byte)(0xC0 | (c >> 6)));
                    output.Add((byte)(0x80 | (c & 0x3F)));
                }
                else if (c < 0x10000)
                {
                    output.Add((byte)(0xE0 | (c >> 12)));
                    output.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                    output.Add((byte)(0x80 | (c & 0x3F)));
                }
                else
                {
                    output.Add((byte)(0xF0 | (c >> 18)));
                    output.Add((byte)(0x80 | ((c >> 12) & 0x3F)));
                    output.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                    output.Add((byte)(0x80 | (c & 0x3F)));
                }

                break;
            case "ascii" or "latin-1":
                output.Add((byte)c);
                break;
            case "utf-16" or "utf-16-le" or "utf-16-be":
                if (c >= 0x10000)
                {
                    Unit16(output, 0xD800 + ((c - 0x10000) >> 10), codec);
                    Unit16(output, 0xDC00 + ((c - 0x10000) & 0x3FF), codec);
                }
                else
                {
                    Unit16(output, c, codec);
                }

                break;
            default:
                bool be = codec == "utf-32-be";
                for (int k = 0; k < 4; k++)
                {
                    output.Add((byte)(c >> (8 * (be ? 3 - k : k))));
                }

                break;
        }
    }

    private static void Unit16(List<byte> output, int u, string codec)
    {
        if (codec == "utf-16-be")
        {
            output.Add((byte)(u >> 8));
            output.Add((byte)u);
        }
        else
        {
            output.Add((byte)u);
            output.Add((byte)(u >> 8));
        }
    }

    public static PyObject* Decode(PyRuntime rt, ReadOnlySpan<byte> data, string encoding, string errors)
    {
        string? codec = Normalize(encoding);
        if (codec == null)
        {
            rt.SetError(rt.LookupErrorType, $"unknown encoding: {encoding}");
            return null;
        }

        if (codec == "utf-8-sig")
        {
            // encodings.utf_8_sig: a leading BOM is dropped; the rest is utf-8, and error
            // positions count from after the BOM.
            if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                data = data[3..];
            }

            codec = "utf-8";
        }

        if (codec is "utf-8" or "ascii" or "latin-1" && System.Text.Ascii.IsValid(data))
        {
            // ASCII bytes decode to themselves in these codecs.
            return rt.NewStrFromAscii(data);
        }

        var output = new List<int>(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            int consumed;
            string? reason;
            int c = DecodeOne(data, i, codec, out consumed, out reason);
            if (reason == null)
            {
                if (c >= 0)
                {
                    output.Add(c);
                }

                i += consumed;
                continue;
            }

            int end = i + consumed;
            switch (errors)
            {
                case "ignore":
                    break;
                case "replace":
                    output.Add(0xFFFD);
                    break;
                case "backslashreplace":
                    for (int k = i; k < end; k++)
                    {
                        foreach (char ch in CharRepr(data[k]))
                        {
                            output.Add(ch);
                        }
                    }

                    break;
                case "surrogateescape" when codec is "utf-8" or "ascii":
                    for (int k = i; k < end; k++)
                    {
                        if (data[k] < 128)
                        {
                            return DecodeError(rt, codec, data, k, k + 1, reason);
                        }

                        output.Add(0xDC00 + data[k]);
                    }

                    break;
                default:
                    if (!KnownHandler(errors))
                    {
                        rt.SetError(rt.LookupErrorType, $"unknown error handler name '{errors}'");
                        return null;
                    }

                    return DecodeError(rt, codec, data, i, end, reason);
            }

            i = end;
        }

        return rt.NewStrFromCodePoints(CollectionsMarshal.AsSpan(output));
    }

    private static PyObject* DecodeError(PyRuntime rt, string codec, ReadOnlySpan<byte> data, int start, int end, string reason)
    {
        string what = end - start == 1 ? $"byte 0x{data[start]:x2} in position {start}" : $"bytes in position {start}-{end - 1}";
        rt.SetError(Interpreter.Of(rt).UnicodeDecodeErrorType, $"'{codec}' codec can't decode {what}: {reason}");
        return null;
    }

    /// <summary>One character at data[i]: its code point (-1 for a BOM skipped), the bytes used, or an error reason.</summary>
    private static int DecodeOne(ReadOnlySpan<byte> data, int i, string codec, out int consumed, out string? reason)
    {
        reason = null;
        consumed = 1;
        byte b = data[i];
        switch (codec)
        {
            case "ascii":
                if (b >= 128)
                {
                    reason = "ordinal not in range(128)";
                }

                return b;
            case "latin-1":
                return b;
            case "utf-8":
                return DecodeUtf8(data, i, out consumed, out reason);
            default:
                bool wide = codec.StartsWith("utf-32", StringComparison.Ordinal);
                int unit = wide ? 4 : 2;
                if (data.Length - i < unit)
                {
                    consumed = data.Length - i;
                    reason = "truncated data";
                    return 0;
                }

                bool be = codec.EndsWith("-be", StringComparison.Ordinal);
                int v = ReadUnit(data, i, unit, be);
                consumed = unit;
                if (i == 0 && (codec == "utf-16" || codec == "utf-32") && v == 0xFEFF)
                {
                    return -1;
                }

                if (!wide && v >= 0xD800 && v <= 0xDBFF)
                {
                    if (data.Length - i < 4)
                    {
                        consumed = data.Length - i;
                        reason = "unexpected end of data";
                        return 0;
                    }

                    int lo = ReadUnit(data, i + 2, 2, be);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                    {
                        reason = "illegal UTF-16 surrogate";
                        return 0;
                    }

                    consumed = 4;
                    return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                }

                if (!wide && v >= 0xDC00 && v <= 0xDFFF)
                {
                    reason = "illegal encoding";
                }
                else if (wide && (v > 0x10FFFF || v < 0 || (v >= 0xD800 && v <= 0xDFFF)))
                {
                    reason = "code point not in range(0x110000)";
                }

                return v;
        }
    }

    private static int ReadUnit(ReadOnlySpan<byte> data, int i, int unit, bool be)
    {
        int v = 0;
        for (int k = 0; k < unit; k++)
        {
            int shift = 8 * (be ? unit - 1 - k : k);
            v |= data[i + k] << shift;
        }

        return v;
    }

    private static int DecodeUtf8(ReadOnlySpan<byte> data, int i, out int consumed, out string? reason)
    {
        reason = null;
        consumed = 1;
        byte b = data[i];
        if (b < 0x80)
        {
            return b;
        }

        int need;
        int cp;
        byte lo = 0x80;
        byte hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
        {
            need = 1;
            cp = b & 0x1F;
        }
        else if (b >= 0xE0 && b <= 0xEF)
        {
            need = 2;
            cp = b & 0x0F;
            lo = b == 0xE0 ? (byte)0xA0 : (byte)0x80;
            hi = b == 0xED ? (byte)0x9F : (byte)0xBF;
        }
        else if (b >= 0xF0 && b <= 0xF4)
        {
            need = 3;
            cp = b & 0x07;
            lo = b == 0xF0 ? (byte)0x90 : (byte)0x80;
            hi = b == 0xF4 ? (byte)0x8F : (byte)0xBF;
        }
        else
        {
            reason = "invalid start byte";
            return 0;
        }

        for (int k = 1; k <= need; k++)
        {
            if (i + k >= data.Length)
            {
                consumed = k;
                reason = "unexpected end of data";
                return 0;
            }

            byte c = data[i + k];
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
            {
                consumed = k;
                reason = "invalid continuation byte";
                return 0;
            }

            cp = (cp << 6) | (c & 0x3F);
        }

        consumed = need + 1;
        return cp;
    }
}
