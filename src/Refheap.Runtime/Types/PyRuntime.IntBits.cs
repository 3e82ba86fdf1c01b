using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int unary, bitwise, shift and power operations (Objects/longobject.c, 3.11), with the
// same allocation shapes as CPython's (see PyRuntime.IntArith.cs).
public sealed unsafe partial class PyRuntime
{
    /// <summary>long_neg.</summary>
    public PyObject* IntNegative(PyObject* a)
    {
        if (IsMediumInt(a))
        {
            return NewInt(-MediumValue(a));
        }

        nint n = AbsDigits(a);
        PyObject* z = AllocInt(n);
        if (z == null)
        {
            return null;
        }

        new ReadOnlySpan<uint>(IntDigits(a), (int)n).CopyTo(new Span<uint>(IntDigits(z), (int)n));
        ((PyVarObject*)z)->Size = -((PyVarObject*)a)->Size;
        return z;
    }

    /// <summary>long_long (unary +): the same object for an exact int, a plain int copy of a bool.</summary>
    public PyObject* IntPositive(PyObject* a) =>
        a->Type == IntType ? NewRef(a) : NewInt(IntToBigInteger(a));

    /// <summary>long_abs: the same object for a non-negative exact int.</summary>
    public PyObject* IntAbsolute(PyObject* a) => IsNegativeInt(a) ? IntNegative(a) : IntPositive(a);

    /// <summary>long_invert (~a == -(a + 1)).</summary>
    public PyObject* IntInvert(PyObject* a)
    {
        if (IsMediumInt(a))
        {
            return NewInt(~MediumValue(a));
        }

        // long_add(a, 1) then an in-place negation: x_add's |a| + 1 digits for a >= 0,
        // x_sub's |a| for a < 0.
        return IntFromBigInteger(-(IntToBigInteger(a) + 1), IsNegativeInt(a) ? AbsDigits(a) : AbsDigits(a) + 1);
    }

    /// <summary>long_and; bool &amp; bool is a bool (bool_and).</summary>
    public PyObject* IntAnd(PyObject* a, PyObject* b) => IntBitwise(a, b, '&');

    /// <summary>long_or; bool | bool is a bool (bool_or).</summary>
    public PyObject* IntOr(PyObject* a, PyObject* b) => IntBitwise(a, b, '|');

    /// <summary>long_xor; bool ^ bool is a bool (bool_xor).</summary>
    public PyObject* IntXor(PyObject* a, PyObject* b) => IntBitwise(a, b, '^');

    private PyObject* IntBitwise(PyObject* a, PyObject* b, char op)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (a->Type == BoolType && b->Type == BoolType)
        {
            bool x = a == True;
            bool y = b == True;
            return NewBool(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
        }

        if (IsMediumInt(a) && IsMediumInt(b))
        {
            long x = MediumValue(a);
            long y = MediumValue(b);
            return NewInt(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
        }

        // long_bitwise allocates by sizes and signs (with the longer operand first): '^' the
        // longer size; '&' the shorter unless the shorter is negative; '|' the longer unless
        // the shorter is negative; plus one digit when the result is negative.
        nint sa = AbsDigits(a);
        nint sb = AbsDigits(b);
        bool na = IsNegativeInt(a);
        bool nb = IsNegativeInt(b);
        if (sa < sb)
        {
            (sa, sb) = (sb, sa);
            (na, nb) = (nb, na);
        }

        if (!na && !nb && sa <= FastIntDigits)
        {
            return IntBitwiseDigits(a, b, op);
        }

        nint sizeZ = op == '^' ? sa : op == '&' ? (nb ? sa : sb) : (nb ? sb : sa);
        bool negZ = op == '^' ? na != nb : op == '&' ? na && nb : na || nb;

        // BigInteger's bitwise operators use infinite two's complement, as Python's do.
        BigInteger p = IntToBigInteger(a);
        BigInteger q = IntToBigInteger(b);
        return IntFromBigInteger(op == '&' ? p & q : op == '|' ? p | q : p ^ q, sizeZ + (negZ ? 1 : 0));
    }

    /// <summary>
    /// divmod_shift: the shift count as (word shift, bit shift). A count beyond a Py_ssize_t
    /// is clipped to PY_SSIZE_T_MAX / 4 words, as CPython does.
    /// </summary>
    private static void SplitShift(PyObject* b, out long wordShift, out int remShift)
    {
        if (TryIntToLong(b, out long shift))
        {
            wordShift = shift / PyLongObject.Shift;
            remShift = (int)(shift % PyLongObject.Shift);
            return;
        }

        wordShift = long.MaxValue / sizeof(uint);
        remShift = 0;
    }

    /// <summary>long_lshift; ValueError "negative shift count".</summary>
    public PyObject* IntLeftShift(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsNegativeInt(b))
        {
            SetError(ValueErrorType, "negative shift count");
            return null;
        }

        if (((PyVarObject*)a)->Size == 0)
        {
            return NewInt(0);
        }

        SplitShift(b, out long wordShift, out int remShift);
        if (wordShift == 0 && IsMediumInt(a))
        {
            long m = MediumValue(a);
            return NewInt(m < 0 ? -(-m << remShift) : m << remShift);
        }

        // long_lshift1 allocates oldsize + wordshift (+1 with a bit shift) digits first.
        long newSize = AbsDigits(a) + wordShift + (remShift != 0 ? 1 : 0);
        if (newSize > MaxLongDigits || newSize < 0)
        {
            SetError(OverflowErrorType, "too many digits in integer");
            return null;
        }

        if (newSize > MaxIntDigits)
        {
            return NoMemory();
        }

        if (AbsDigits(a) <= FastIntDigits && newSize <= (2 * FastIntDigits) + 1)
        {
            return IntLeftShiftDigits(a, (nint)wordShift, remShift, (nint)newSize);
        }

        int shift = (int)((wordShift * PyLongObject.Shift) + remShift);
        return IntFromBigInteger(IntToBigInteger(a) << shift, (nint)newSize);
    }

    /// <summary>long_rshift: floor shift; ValueError "negative shift count".</summary>
    public PyObject* IntRightShift(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsNegativeInt(b))
        {
            SetError(ValueErrorType, "negative shift count");
            return null;
        }

        if (((PyVarObject*)a)->Size == 0)
        {
            return NewInt(0);
        }

        SplitShift(b, out long wordShift, out int remShift);
        if (IsMediumInt(a))
        {
            long m = MediumValue(a);
            int s = wordShift == 0 ? remShift : PyLongObject.Shift;
            return NewInt(m >> s);
        }

        bool negative = IsNegativeInt(a);
        if (negative && remShift == 0)
        {
            if (wordShift == 0)
            {
                // long_rshift1 returns long_long(a): the same object.
                return IntPositive(a);
            }

            remShift = PyLongObject.Shift;
            wordShift--;
        }

        long newSize = AbsDigits(a) - wordShift;
        if (newSize <= 0)
        {
            return NewInt(negative ? -1 : 0);
        }

        if (!negative && AbsDigits(a) <= FastIntDigits)
        {
            return IntRightShiftDigits(a, (nint)wordShift, remShift, (nint)newSize);
        }

        int shift = (int)((wordShift * PyLongObject.Shift) + remShift);
        return IntFromBigInteger(IntToBigInteger(a) >> shift, (nint)newSize);
    }

    /// <summary>
    /// long_pow without a modulus. A negative exponent gives a float (float_pow); a zero base
    /// then raises ZeroDivisionError "0.0 cannot be raised to a negative power".
    /// </summary>
    public PyObject* IntPower(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsNegativeInt(b))
        {
            return IntPowerNegative(a, b);
        }

        BigInteger x = IntToBigInteger(a);
        if (x.IsZero || x.IsOne || x == BigInteger.MinusOne || ((PyVarObject*)b)->Size == 0)
        {
            bool zeroExp = ((PyVarObject*)b)->Size == 0;
            long v = zeroExp ? 1 : x.IsZero ? 0 : x.IsOne ? 1 : ((IntDigits(b)[0] & 1) == 0 ? 1 : -1);
            return NewInt(v);
        }

        // The result has at least (bits(|a|) - 1) * b + 1 bits; refuse what no heap could hold.
        long baseBits = (long)BigInteger.Abs(x).GetBitLength();
        if (!TryIntToLong(b, out long e) || (double)(baseBits - 1) * e >= MaxIntDigits * (double)PyLongObject.Shift)
        {
            return NoMemory();
        }

        BigInteger z;
        long alloc;
        try
        {
            z = PowerLikeCPython(x, e, out alloc);
        }
        catch (Exception ex) when (ex is OutOfMemoryException or OverflowException)
        {
            return NoMemory();
        }

        return IntFromBigInteger(z, (nint)alloc);
    }

    /// <summary>
    /// long_pow's multiplication sequence for e &gt;= 1 (the last product is the result, so its
    /// allocation is long_mul's for the last operands): exponents 1..3 multiply directly (a*1,
    /// a*a, a*a*a); larger ones go left to right over the exponent's bits, squaring and then
    /// multiplying by a on each set bit (HAC 14.79).
    /// </summary>
    private static BigInteger PowerLikeCPython(BigInteger a, long e, out long alloc)
    {
        BigInteger z;
        if (e <= 3)
        {
            if (e == 1)
            {
                alloc = MulAllocDigits(a, BigInteger.One);
                return a;
            }

            alloc = MulAllocDigits(a, a);
            z = a * a;
            if (e == 3)
            {
                alloc = MulAllocDigits(z, a);
                z *= a;
            }

            return z;
        }

        z = a;
        alloc = 0;
        for (int bit = 62 - BitOperations.LeadingZeroCount((ulong)e); bit >= 0; bit--)
        {
            alloc = MulAllocDigits(z, z);
            z *= z;
            if (((e >> bit) & 1) != 0)
            {
                alloc = MulAllocDigits(z, a);
                z *= a;
            }
        }

        return z;
    }

    private PyObject* IntPowerNegative(PyObject* a, PyObject* b)
    {
        if (!TryIntToDouble(a, out double x) || !TryIntToDouble(b, out double y))
        {
            return null;
        }

        if (x == 0.0)
        {
            SetError(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
            return null;
        }

        return NewFloat(Math.Pow(x, y));
    }
}
