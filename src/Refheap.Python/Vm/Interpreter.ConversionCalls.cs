using System;
using System.Buffers;
using System.Globalization;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// int(x), float(x) and str(x) of one exact int, float or str (Objects/typeobject.c: type_call;
// Objects/longobject.c: long_new_impl; floatobject.c: float_new_impl; unicodeobject.c:
// unicode_new_impl; 3.11). For these arguments __new__ is the conversion itself and __init__
// is object's, which does nothing, so the result comes straight from the conversion, without
// the __new__ lookup, the argument copy and the __init__ lookup of a general class call.
internal sealed unsafe partial class Interpreter
{
    /// <summary>The class call type(x) when it is one of the plain conversions above; false otherwise.</summary>
    private bool TryConversionCall(PyTypeObject* type, PyObject** args, nint nargs, PyObject* kwnames, out PyObject* result)
    {
        result = null;
        PyRuntime rt = Rt;
        if (nargs != 1 || (kwnames != null && PyRuntime.TupleSize(kwnames) != 0)
            || (type != rt.IntType && type != rt.FloatType && type != rt.StrType))
        {
            return false;
        }

        PyObject* x = args[0];
        PyTypeObject* xt = x->Type;
        if (xt != rt.StrType && xt != rt.IntType && xt != rt.FloatType)
        {
            return false;
        }

        // str(int): int has no tp_str, so PyObject_Str is PyObject_Repr (long_to_decimal_string).
        result = type == rt.IntType ? (xt == rt.StrType ? IntFromStr(x) : ToInt(x, null))
            : type == rt.StrType && xt == rt.IntType ? rt.Repr(x)
            : type == rt.FloatType ? (xt == rt.StrType ? FloatFromStr(x) : ToFloat(x))
            : ToStr(x);
        return true;
    }

    /// <summary>
    /// float(s) of an ASCII str of only digits, '.', 'e', 'E' and signs, parsed from its bytes as
    /// Constructors.ParseFloat parses that text; anything else (spaces, underscores, inf, nan,
    /// a malformed number) through <see cref="ToFloat"/>.
    /// </summary>
    private PyObject* FloatFromStr(PyObject* s)
    {
        nint len = PyRuntime.StrLength(s);
        if (PyRuntime.StrIsAscii(s) && len is > 0 and <= 64)
        {
            var text = new ReadOnlySpan<byte>(PyRuntime.StrData(s), (int)len);
            if (!text.ContainsAnyExcept(s_floatBytes)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return Rt.NewFloat(value);
            }
        }

        return ToFloat(s);
    }

    private static readonly SearchValues<byte> s_floatBytes = SearchValues.Create("0123456789.eE+-"u8);

    /// <summary>
    /// int(s) of a str: an optional sign and 1..38 ASCII digits (nothing else: no spaces or
    /// underscores, so never over the digit limit) straight from the str's bytes; anything
    /// else through <see cref="ToInt"/>.
    /// </summary>
    private PyObject* IntFromStr(PyObject* s)
    {
        nint len = PyRuntime.StrLength(s);
        if (!PyRuntime.StrIsAscii(s) || len == 0 || len > 39)
        {
            return ToInt(s, null);
        }

        byte* d = PyRuntime.StrData(s);
        bool negative = d[0] == '-';
        int start = d[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        int count = (int)len - start;
        if (count is < 1 or > 38)
        {
            return ToInt(s, null);
        }

        // 19 digits always fit a ulong; the rest go through UInt128.
        int head = Math.Min(count, 19);
        ulong high = 0;
        for (int k = start; k < start + head; k++)
        {
            uint digit = (uint)(d[k] - '0');
            if (digit > 9)
            {
                return ToInt(s, null);
            }

            high = (high * 10) + digit;
        }

        UInt128 value = high;
        for (int k = start + head; k < len; k++)
        {
            uint digit = (uint)(d[k] - '0');
            if (digit > 9)
            {
                return ToInt(s, null);
            }

            value = (value * 10) + digit;
        }

        return Rt.NewIntFromMagnitude(value, negative);
    }
}
