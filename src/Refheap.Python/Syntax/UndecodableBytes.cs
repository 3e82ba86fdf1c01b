using System;
using System.Collections.Generic;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>
/// Source bytes that are not UTF-8 in a file that declares `coding: utf-8`. CPython's tokenizer
/// takes such a file as it is and fails only where the bytes are decoded: in a string literal or
/// a name, with "(unicode error) 'utf-8' codec can't decode byte 0xNN in position P: REASON"
/// (a comment may hold anything). The decoder keeps each such byte as one char U+DC80-U+DCFF
/// (as Python's surrogateescape does; strict UTF-8 never yields a lone surrogate, so such a char
/// always stands for a raw byte), and the parser reports the first one it has to decode.
/// </summary>
internal static class UndecodableBytes
{
    /// <summary>Decodes UTF-8, keeping each invalid byte as U+DC00 + byte.</summary>
    public static string Decode(byte[] bytes, int start)
    {
        var sb = new StringBuilder(bytes.Length - start);
        int i = start;
        while (i < bytes.Length)
        {
            int n = ValidSequenceLength(bytes, i);
            if (n > 0)
            {
                Rune.DecodeFromUtf8(bytes.AsSpan(i, n), out Rune r, out _);
                sb.Append(r.ToString());
                i += n;
            }
            else
            {
                sb.Append((char)(0xDC00 + bytes[i]));
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The length of the valid UTF-8 sequence at <paramref name="i"/>, or 0.</summary>
    private static int ValidSequenceLength(byte[] data, int i)
    {
        byte b = data[i];
        if (b < 0x80)
        {
            return 1;
        }

        int need = ContinuationCount(b);
        if (need < 0 || i + need >= data.Length)
        {
            return 0;
        }

        for (int k = 1; k <= need; k++)
        {
            if (!ContinuationOk(b, k, data[i + k]))
            {
                return 0;
            }
        }

        return need + 1;
    }

    /// <summary>The continuation bytes a UTF-8 start byte needs; -1 if it cannot start a sequence.</summary>
    private static int ContinuationCount(byte b) =>
        b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;

    /// <summary>Whether <paramref name="c"/> may be byte <paramref name="k"/> of a sequence starting with <paramref name="first"/>.</summary>
    private static bool ContinuationOk(byte first, int k, byte c)
    {
        if (k > 1)
        {
            return c is >= 0x80 and <= 0xBF;
        }

        // The second byte's range depends on the first (no overlongs, surrogates or > U+10FFFF).
        byte lo = first == 0xE0 ? (byte)0xA0 : first == 0xF0 ? (byte)0x90 : (byte)0x80;
        byte hi = first == 0xED ? (byte)0x9F : first == 0xF4 ? (byte)0x8F : (byte)0xBF;
        return c >= lo && c <= hi;
    }

    /// <summary>
    /// How many escape chars from <paramref name="i"/> one U+FFFD stands for when the line is
    /// decoded with errors='replace': the maximal prefix of a valid sequence ("\xf0\x9f" is
    /// one replacement character, "\xe9\xe9" two).
    /// </summary>
    public static int ReplacedRun(string text, int i)
    {
        byte first = (byte)(text[i] - 0xDC00);
        int need = Math.Max(ContinuationCount(first), 0);
        int k = 1;
        while (k <= need && i + k < text.Length && IsEscape(text[i + k]) && ContinuationOk(first, k, (byte)(text[i + k] - 0xDC00)))
        {
            k++;
        }

        return k;
    }

    /// <summary>The text as CPython shows it: each replaced run of undecodable bytes one U+FFFD.</summary>
    public static string Shown(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (IsEscape(text[i]))
            {
                sb.Append('\uFFFD');
                i += ReplacedRun(text, i) - 1;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    public static bool IsEscape(char c) => c >= '\uDC80' && c <= '\uDCFF';

    public static int IndexOfEscape(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (IsEscape(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The source bytes of some text: escapes back to their byte, the rest UTF-8.</summary>
    public static byte[] ToBytes(string text)
    {
        var bytes = new List<byte>(text.Length);
        var buf = new byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsEscape(c))
            {
                bytes.Add((byte)(c - 0xDC00));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                int n = Encoding.UTF8.GetBytes(text.AsSpan(i, 2), buf);
                bytes.AddRange(buf.AsSpan(0, n).ToArray());
                i++;
            }
            else
            {
                int n = Encoding.UTF8.GetBytes(text.AsSpan(i, 1), buf);
                bytes.AddRange(buf.AsSpan(0, n).ToArray());
            }
        }

        return bytes.ToArray();
    }

    /// <summary>
    /// Python's UTF-8 decoding error for the first invalid sequence of <paramref name="data"/>:
    /// "'utf-8' codec can't decode byte 0xNN in position P: REASON" (or "bytes in position P-Q"
    /// for a sequence of several bytes), or null if the data is valid.
    /// </summary>
    public static string? DescribeError(byte[] data)
    {
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int need = ContinuationCount(b);
            if (need < 0)
            {
                return Message(data, i, i, "invalid start byte");
            }

            int k = 1;
            for (; k <= need; k++)
            {
                if (i + k >= data.Length)
                {
                    return Message(data, i, i + k - 1, "unexpected end of data");
                }

                if (!ContinuationOk(b, k, data[i + k]))
                {
                    return Message(data, i, i + k - 1, "invalid continuation byte");
                }
            }

            i += need + 1;
        }

        return null;
    }

    private static string Message(byte[] data, int from, int to, string reason) =>
        from == to
            ? $"'utf-8' codec can't decode byte 0x{data[from]:x2} in position {from}: {reason}"
            : $"'utf-8' codec can't decode bytes in position {from}-{to}: {reason}";
}
