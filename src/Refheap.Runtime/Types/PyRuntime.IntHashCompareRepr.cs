using System;
using System.Globalization;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int hashing (the Mersenne-prime modulus of 3.11's long_hash), comparison and repr/str
// (with 3.11's 4300-digit limit).
public sealed unsafe partial class PyRuntime
{
    /// <summary>long_hash: sign * (|v| mod 2**61-1), with -1 mapped to -2.</summary>
    private static nint IntHash(PyRuntime rt, PyObject* o) => IntHashValue(o);

    /// <summary>hash() of an int or bool.</summary>
    public static nint IntHashValue(PyObject* o)
    {
        nint i = ((PyVarObject*)o)->Size;
        uint* d = IntDigits(o);
        switch (i)
        {
            case -1:
                return d[0] == 1 ? -2 : -(nint)d[0];
            case 0:
                return 0;
            case 1:
                return (nint)d[0];
        }

        long sign = i < 0 ? -1 : 1;
        if (i < 0)
        {
            i = -i;
        }

        ulong x = 0;
        while (--i >= 0)
        {
            // Rotate left by 30 bits modulo 2**61 - 1, then add the next digit.
            x = ((x << PyLongObject.Shift) & HashModulus) | (x >> (HashBits - PyLongObject.Shift));
            x += d[i];
            if (x >= HashModulus)
            {
                x -= HashModulus;
            }
        }

        long h = (long)x * sign;
        return (nint)(h == -1 ? -2 : h);
    }

    /// <summary>long_compare: -1, 0 or 1.</summary>
    public static int IntCompare(PyObject* a, PyObject* b)
    {
        nint sa = ((PyVarObject*)a)->Size;
        nint sb = ((PyVarObject*)b)->Size;
        if (sa != sb)
        {
            return sa < sb ? -1 : 1;
        }

        nint i = sa < 0 ? -sa : sa;
        uint* da = IntDigits(a);
        uint* db = IntDigits(b);
        while (--i >= 0 && da[i] == db[i])
        {
        }

        if (i < 0)
        {
            return 0;
        }

        int c = da[i] < db[i] ? -1 : 1;
        return sa < 0 ? -c : c;
    }

    /// <summary>Py_RETURN_RICHCOMPARE's outcome for a three-way result.</summary>
    internal static bool CompareOutcome(int c, CompareOp op) => op switch
    {
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    /// <summary>long_richcompare: True/False for two ints (or bools), NotImplemented otherwise.</summary>
    public PyObject* IntRichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        return NewBool(CompareOutcome(a == b ? 0 : IntCompare(a, b), op));
    }

    private static PyObject* IntRichCompareSlot(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op) =>
        rt.IntRichCompare(a, b, op);

    /// <summary>
    /// long_to_decimal_string: the decimal text, or null with ValueError set when it would have
    /// more than <see cref="IntMaxStrDigits"/> digits.
    /// </summary>
    public string? IntToDecimalString(PyObject* o)
    {
        if (TryIntToLong(o, out long small))
        {
            return small.ToString(CultureInfo.InvariantCulture);
        }

        nint size = ((PyVarObject*)o)->Size;
        nint n = size < 0 ? -size : size;
        int max = _intMaxStrDigits;

        // The early refusal of huge ints (before any conversion work); it only fires when
        // the decimal text would be over the limit anyway.
        if (max > 0 && n >= (10 * IntMaxStrDigitsThreshold / (3 * PyLongObject.Shift)) + 2
            && max / (3 * PyLongObject.Shift) <= (n - 11) / 10)
        {
            SetIntStrLimitError();
            return null;
        }

        string text = n <= 4
            ? (size < 0 ? "-" : string.Empty) + SmallMagnitude(IntDigits(o), n).ToString(CultureInfo.InvariantCulture)
            : IntToBigInteger(o).ToString(CultureInfo.InvariantCulture);
        int digits = size < 0 ? text.Length - 1 : text.Length;
        if (max > 0 && digits > max)
        {
            SetIntStrLimitError();
            return null;
        }

        return text;
    }

    private void SetIntStrLimitError() =>
        SetError(ValueErrorType, $"Exceeds the limit ({_intMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");

    /// <summary>int.__repr__ (and str): the decimal text as a new str, or null with an error set.</summary>
    public PyObject* IntRepr(PyObject* o)
    {
        // A fresh str even for one digit: 3.11's str(5) is not str(5).
        if (TryIntToLong(o, out long small))
        {
            byte* digits = stackalloc byte[DecimalMaxLength];
            int written = WriteDecimal(small, digits);
            PyObject* r = AllocStr(written, 1, ascii: true);
            if (r != null)
            {
                Buffer.MemoryCopy(digits, (byte*)r + sizeof(PyAsciiObject), written, written);
            }

            return r;
        }

        string? text = IntToDecimalString(o);
        return text == null ? null : NewAsciiStrUncached(text);
    }

    /// <summary>The most bytes <see cref="WriteDecimal"/> writes (a sign and 19 digits).</summary>
    public const int DecimalMaxLength = 20;

    /// <summary>The decimal digits of <paramref name="value"/> (with '-' when negative) at <paramref name="dest"/>; their count.</summary>
    public static int WriteDecimal(long value, byte* dest)
    {
        if ((ulong)value < 10)
        {
            *dest = (byte)('0' + (int)value);
            return 1;
        }

        int sign = 0;
        ulong m = (ulong)value;
        if (value < 0)
        {
            *dest = (byte)'-';
            sign = 1;
            m = (ulong)(-(value + 1)) + 1;
        }

        int count = 1;
        for (ulong t = m; t >= 10; t /= 10)
        {
            count++;
        }

        byte* p = dest + sign + count;
        do
        {
            ulong q = m / 10;
            *--p = (byte)('0' + (int)(m - (q * 10)));
            m = q;
        }
        while (m != 0);
        return sign + count;
    }

    private static PyObject* IntReprSlot(PyRuntime rt, PyObject* o) => rt.IntRepr(o);

    /// <summary>bool_repr: the cached 'True' / 'False' strings (3.11 returns _Py_ID(True) / _Py_ID(False)).</summary>
    private static PyObject* BoolReprSlot(PyRuntime rt, PyObject* o) =>
        NewRef(((PyVarObject*)o)->Size != 0 ? rt._trueRepr : rt._falseRepr);
}
