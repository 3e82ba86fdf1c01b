using System;
using System.Globalization;
using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The common case of str % args without the general formatter: a latin-1 format whose
// conversions are all plain %s of exact strs, %d/%i of exact ints or %s/%r of exact floats
// (no key, flags, width, precision or length modifier), plus %%, with a tuple of exactly the
// right number of items or one exact str/int. Anything else, including every error, goes the general way
// (PercentFormatter), which gives the same text for these cases.
internal sealed unsafe partial class Interpreter
{
    private StringBuilder? _percentBuffer;
    private byte[]? _percentBytes;

    /// <summary>True with the result (or null and an error) when the plain path applies.</summary>
    private bool TryPlainPercent(PyObject* format, PyObject* args, out PyObject* result)
    {
        PyRuntime rt = Rt;
        result = null;
        if (format->Type != rt.StrType || PyRuntime.StrKind(format) != 1)
        {
            return false;
        }

        PyObject** items;
        nint count;
        if (args->Type == rt.TupleType)
        {
            items = PyRuntime.TupleItems(args);
            count = PyRuntime.TupleSize(args);
        }
        else if (args->Type == rt.StrType || args->Type == rt.IntType)
        {
            items = &args;
            count = 1;
        }
        else
        {
            return false;
        }

        int latin1 = TryPlainPercentLatin1(format, items, count, out result);
        if (latin1 != 0)
        {
            return latin1 > 0;
        }

        StringBuilder sb = _percentBuffer ??= new StringBuilder();
        sb.Clear();
        byte* f = PyRuntime.StrData(format);
        nint n = PyRuntime.StrLength(format);
        nint used = 0;
        for (nint i = 0; i < n; i++)
        {
            byte c = f[i];
            if (c != '%')
            {
                sb.Append((char)c);
                continue;
            }

            if (++i >= n)
            {
                return false;
            }

            c = f[i];
            if (c == '%')
            {
                sb.Append('%');
                continue;
            }

            if (used >= count)
            {
                return false;
            }

            PyObject* v = items[used++];
            if (c == 's' && v->Type == rt.StrType)
            {
                AppendStr(sb, v);
            }
            else if (c is (byte)'d' or (byte)'i' && v->Type == rt.IntType && PyRuntime.IntDigitCount(v) is >= -20 and <= 20)
            {
                // At most 600 bits: far below the int/str digit limit, so no error is possible.
                string? digits = rt.IntToDecimalString(v);
                if (digits == null)
                {
                    return true;
                }

                sb.Append(digits);
            }
            else if (c is (byte)'s' or (byte)'r' && v->Type == rt.FloatType)
            {
                // What the general path's Str()/Repr() give (float's str is its repr).
                string? text = c == 's' ? StrOf(v) : ReprOf(v);
                if (text == null)
                {
                    return true;
                }

                sb.Append(text);
            }
            else
            {
                return false;
            }
        }

        if (used != count)
        {
            return false;
        }

        result = rt.NewStr(sb.ToString());
        if (sb.Capacity > 1 << 16)
        {
            _percentBuffer = null;
        }

        return true;
    }

    /// <summary>
    /// The plain path writing latin-1 bytes: 1 with the result (or null and an error), -1 when
    /// the format is not plain (the general formatter takes it), 0 when a %s str is wider than
    /// latin-1 (the StringBuilder path takes it).
    /// </summary>
    private int TryPlainPercentLatin1(PyObject* format, PyObject** items, nint count, out PyObject* result)
    {
        PyRuntime rt = Rt;
        result = null;
        byte[] buf = _percentBytes ??= new byte[256];
        int k = 0;
        var f = new ReadOnlySpan<byte>(PyRuntime.StrData(format), (int)PyRuntime.StrLength(format));
        nint used = 0;
        while (f.Length > 0)
        {
            int pct = f.IndexOf((byte)'%');
            ReadOnlySpan<byte> literal = pct < 0 ? f : f[..pct];
            EnsurePercentRoom(ref buf, k, literal.Length);
            literal.CopyTo(buf.AsSpan(k));
            k += literal.Length;
            if (pct < 0)
            {
                break;
            }

            if (pct + 1 >= f.Length)
            {
                return -1;
            }

            byte c = f[pct + 1];
            f = f[(pct + 2)..];
            if (c == '%')
            {
                EnsurePercentRoom(ref buf, k, 1);
                buf[k++] = (byte)'%';
                continue;
            }

            if (used >= count)
            {
                return -1;
            }

            PyObject* v = items[used++];
            if (c == 's' && v->Type == rt.StrType)
            {
                if (PyRuntime.StrKind(v) != 1)
                {
                    return 0;
                }

                int n = (int)PyRuntime.StrLength(v);
                EnsurePercentRoom(ref buf, k, n);
                new ReadOnlySpan<byte>(PyRuntime.StrData(v), n).CopyTo(buf.AsSpan(k));
                k += n;
            }
            else if (c is (byte)'d' or (byte)'i' && v->Type == rt.IntType && PyRuntime.TryIntToLong(v, out long small))
            {
                EnsurePercentRoom(ref buf, k, PyRuntime.DecimalMaxLength);
                fixed (byte* at = &buf[k])
                {
                    k += PyRuntime.WriteDecimal(small, at);
                }
            }
            else if (c is (byte)'d' or (byte)'i' && v->Type == rt.IntType && PyRuntime.IntDigitCount(v) is >= -4 and <= 4)
            {
                WriteIntMagnitude(v, ref buf, ref k);
            }
            else if (c is (byte)'d' or (byte)'i' && v->Type == rt.IntType && PyRuntime.IntDigitCount(v) is >= -20 and <= 20)
            {
                string? digits = rt.IntToDecimalString(v);
                if (digits == null)
                {
                    return 1;
                }

                EnsurePercentRoom(ref buf, k, digits.Length);
                k += Encoding.ASCII.GetBytes(digits, buf.AsSpan(k));
            }
            else if (c is (byte)'s' or (byte)'r' && v->Type == rt.FloatType)
            {
                // float's str is its repr.
                EnsurePercentRoom(ref buf, k, PyRuntime.FloatReprMaxLength);
                k += PyRuntime.FormatFloatRepr(PyRuntime.FloatValue(v), buf.AsSpan(k));
            }
            else
            {
                return -1;
            }
        }

        if (used != count)
        {
            return -1;
        }

        result = rt.NewStrFromLatin1(buf.AsSpan(0, k));
        _percentBytes = buf.Length > 1 << 16 ? null : buf;
        return 1;
    }

    /// <summary>
    /// %d of an int of at most four digits (120 bits: far below the int/str digit limit, so no
    /// error is possible) appended at buf[k]. Kept out of TryPlainPercentLatin1: a UInt128 local
    /// keeps a method out of the ReadyToRun image (it then runs JIT-compiled, at tier 0 first).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void WriteIntMagnitude(PyObject* v, ref byte[] buf, ref int k)
    {
        PyRuntime.TryIntToMagnitude(v, out UInt128 magnitude, out bool negative);
        EnsurePercentRoom(ref buf, k, 41);
        if (negative)
        {
            buf[k++] = (byte)'-';
        }

        magnitude.TryFormat(buf.AsSpan(k), out int written, default, CultureInfo.InvariantCulture);
        k += written;
    }

    private void EnsurePercentRoom(ref byte[] buf, int used, int more)
    {
        if (buf.Length - used < more)
        {
            System.Array.Resize(ref buf, System.Math.Max(buf.Length * 2, used + more));
            _percentBytes = buf;
        }
    }

    /// <summary>Appends the text of a str as StrToString gives it.</summary>
    private static void AppendStr(StringBuilder sb, PyObject* s)
    {
        nint n = PyRuntime.StrLength(s);
        byte* d = PyRuntime.StrData(s);
        switch (PyRuntime.StrKind(s))
        {
            case 1:
                for (nint i = 0; i < n; i++)
                {
                    sb.Append((char)d[i]);
                }

                break;
            case 2:
                sb.Append((char*)d, (int)n);
                break;
            default:
                sb.Append(PyRuntime.StrToString(s));
                break;
        }
    }
}
