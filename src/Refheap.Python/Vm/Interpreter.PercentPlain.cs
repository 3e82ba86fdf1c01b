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
