using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int arithmetic (Objects/longobject.c, 3.11). Each method is the int type's number slot:
// it takes two ints (or bools), returns a new reference, NotImplemented when an operand is
// not an int, or null with the error set. Operands of one digit take CPython's fast paths.
// Longer ones are computed with BigInteger, and each result is stored in a block of the
// size CPython's digit algorithm allocates before normalising (x_add: max + 1 digits,
// x_sub: the highest differing digit + 1, k_mul: |a| + |b|, x_divrem, long_bitwise, ...),
// so results land in the same pymalloc size classes. Checked against tracemalloc's view
// of CPython 3.11 (cpython311-int-alloc.tsv).
public sealed unsafe partial class PyRuntime
{
    private static nint AbsDigits(PyObject* o)
    {
        nint s = ((PyVarObject*)o)->Size;
        return s < 0 ? -s : s;
    }

    private static bool IsNegativeInt(PyObject* o) => ((PyVarObject*)o)->Size < 0;

    /// <summary>Number of 30-bit digits of |v|.</summary>
    private static long DigitCount(BigInteger v) => (long)((BigInteger.Abs(v).GetBitLength() + PyLongObject.Shift - 1) / PyLongObject.Shift);

    /// <summary>IS_MEDIUM_VALUE for a value: |v| &lt; 2**30.</summary>
    private static bool IsMediumValue(BigInteger v) => v > -(1L << PyLongObject.Shift) && v < 1L << PyLongObject.Shift;

    /// <summary>x_sub's allocation: the larger size, or for equal sizes the highest differing digit + 1.</summary>
    private static long XSubDigits(BigInteger x, BigInteger y)
    {
        long nx = DigitCount(x);
        long ny = DigitCount(y);
        if (nx != ny)
        {
            return Math.Max(nx, ny);
        }

        long differing = (long)(BigInteger.Abs(x) ^ BigInteger.Abs(y)).GetBitLength();
        return differing == 0 ? 0 : ((differing - 1) / PyLongObject.Shift) + 1;
    }

    /// <summary>
    /// The digits _PyLong_Add allocates for x + y: 0 (exact) on the medium fast path, x_add's
    /// max + 1 when the signs agree (zero counts as non-negative), x_sub's otherwise.
    /// </summary>
    private static long AddAllocDigits(BigInteger x, BigInteger y)
    {
        if (IsMediumValue(x) && IsMediumValue(y))
        {
            return 0;
        }

        return (x.Sign < 0) == (y.Sign < 0) ? Math.Max(DigitCount(x), DigitCount(y)) + 1 : XSubDigits(x, y);
    }

    /// <summary>The digits _PyLong_Subtract allocates for x - y.</summary>
    private static long SubAllocDigits(BigInteger x, BigInteger y)
    {
        if (IsMediumValue(x) && IsMediumValue(y))
        {
            return 0;
        }

        return (x.Sign < 0) == (y.Sign < 0) ? XSubDigits(x, y) : Math.Max(DigitCount(x), DigitCount(y)) + 1;
    }

    /// <summary>The digits long_mul allocates for x * y (k_mul and x_mul: |x| + |y|).</summary>
    private static long MulAllocDigits(BigInteger x, BigInteger y) =>
        (IsMediumValue(x) && IsMediumValue(y)) || x.IsZero || y.IsZero ? 0 : DigitCount(x) + DigitCount(y);

    /// <summary>long_add (_PyLong_Add).</summary>
    public PyObject* IntAdd(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsMediumInt(a) && IsMediumInt(b))
        {
            return NewInt(MediumValue(a) + MediumValue(b));
        }

        if (BothFastInts(a, b))
        {
            return IntAddDigits(a, b, subtract: false);
        }

        BigInteger x = IntToBigInteger(a);
        BigInteger y = IntToBigInteger(b);
        return IntFromBigInteger(x + y, (nint)AddAllocDigits(x, y));
    }

    /// <summary>long_sub (_PyLong_Subtract).</summary>
    public PyObject* IntSubtract(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsMediumInt(a) && IsMediumInt(b))
        {
            return NewInt(MediumValue(a) - MediumValue(b));
        }

        if (BothFastInts(a, b))
        {
            return IntAddDigits(a, b, subtract: true);
        }

        BigInteger x = IntToBigInteger(a);
        BigInteger y = IntToBigInteger(b);
        return IntFromBigInteger(x - y, (nint)SubAllocDigits(x, y));
    }

    /// <summary>long_mul.</summary>
    public PyObject* IntMultiply(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (IsMediumInt(a) && IsMediumInt(b))
        {
            return NewInt(MediumValue(a) * MediumValue(b));
        }

        if (BothFastInts(a, b))
        {
            return IntMultiplyDigits(a, b);
        }

        BigInteger x = IntToBigInteger(a);
        BigInteger y = IntToBigInteger(b);
        return IntFromBigInteger(x * y, (nint)MulAllocDigits(x, y));
    }

    /// <summary>
    /// long_divrem's outcome: the truncated quotient (sign of a*b) and remainder (sign of a),
    /// the digits CPython allocates for each (0: exactly), and whether the remainder is
    /// <paramref name="a"/> itself (|a| &lt; |b| by the top-digit test: long_long(a)).
    /// </summary>
    private static void DivRemShape(PyObject* a, PyObject* b, out BigInteger q, out long qAlloc, out BigInteger r, out long rAlloc, out bool remIsA)
    {
        nint sa = AbsDigits(a);
        nint sb = AbsDigits(b);
        uint* da = IntDigits(a);
        uint* db = IntDigits(b);
        qAlloc = 0;
        rAlloc = 0;
        if (sa < sb || (sa == sb && da[sa - 1] < db[sb - 1]))
        {
            q = BigInteger.Zero;
            r = IntToBigInteger(a);
            remIsA = true;
            return;
        }

        remIsA = false;
        q = BigInteger.DivRem(IntToBigInteger(a), IntToBigInteger(b), out r);
        if (sb == 1)
        {
            // divrem1 allocates |a| digits for the quotient; the remainder is PyLong_FromLong.
            qAlloc = sa;
            return;
        }

        // x_divrem normalises by shifting both left by d bits so b's top digit has its top bit
        // set; the quotient gets |a| - |b| digits, one more when a's shifted top overflows or
        // is not below b's. The remainder reuses the |b|-digit work area.
        int d = PyLongObject.Shift - (32 - BitOperations.LeadingZeroCount(db[sb - 1]));
        bool carry = d > 0 && (da[sa - 1] >> (PyLongObject.Shift - d)) != 0;
        uint vTop = ShiftedDigit(da, sa - 1, d);
        uint wTop = ShiftedDigit(db, sb - 1, d);
        qAlloc = sa - sb + (carry || vTop >= wTop ? 1 : 0);
        rAlloc = sb;
    }

    /// <summary>Digit <paramref name="i"/> of a digit array shifted left by d bits (v_lshift).</summary>
    private static uint ShiftedDigit(uint* digits, nint i, int d)
    {
        if (d == 0)
        {
            return digits[i];
        }

        uint low = i > 0 ? digits[i - 1] >> (PyLongObject.Shift - d) : 0;
        return ((digits[i] << d) | low) & PyLongObject.Mask;
    }

    /// <summary>l_divmod's sign fix-up applies: the remainder and the divisor have opposite signs.</summary>
    private static bool NeedsFloorAdjust(BigInteger r, PyObject* b) => r.Sign != 0 && (r.Sign < 0) != IsNegativeInt(b);

    /// <summary>long_div (a // b); ZeroDivisionError "integer division or modulo by zero".</summary>
    public PyObject* IntFloorDivide(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (AbsDigits(a) == 1 && AbsDigits(b) == 1)
        {
            // fast_floor_div.
            return NewInt(Math.DivRem(MediumValue(a), MediumValue(b), out long rem) - (rem != 0 && (rem < 0) != IsNegativeInt(b) ? 1 : 0));
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer division or modulo by zero");
            return null;
        }

        if (OneDigitDivisor(a, b))
        {
            return IntDivModOneDigit(a, b, wantQuotient: true);
        }

        return FloorQuotient(a, b);
    }

    /// <summary>The quotient half of l_divmod.</summary>
    private PyObject* FloorQuotient(PyObject* a, PyObject* b)
    {
        DivRemShape(a, b, out BigInteger q, out long qAlloc, out BigInteger r, out _, out _);
        if (NeedsFloorAdjust(r, b))
        {
            // div = long_sub(div, 1): div <= 0 here, so x_add on |div| + 1 digits unless medium.
            return IntFromBigInteger(q - 1, IsMediumValue(q) ? 0 : (nint)(DigitCount(q) + 1));
        }

        return IntFromBigInteger(q, (nint)qAlloc);
    }

    /// <summary>long_mod (a % b); ZeroDivisionError "integer modulo by zero" (3.11's message for %).</summary>
    public PyObject* IntModulo(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (AbsDigits(a) == 1 && AbsDigits(b) == 1)
        {
            // fast_mod.
            long x = MediumValue(a);
            long y = MediumValue(b);
            long m = x % y;
            return NewInt(m != 0 && (m < 0) != (y < 0) ? m + y : m);
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer modulo by zero");
            return null;
        }

        if (OneDigitDivisor(a, b))
        {
            return IntDivModOneDigit(a, b, wantQuotient: false);
        }

        return FloorRemainder(a, b);
    }

    /// <summary>The remainder half of l_divmod / l_mod: |a| &lt; |b| with agreeing signs returns a itself.</summary>
    private PyObject* FloorRemainder(PyObject* a, PyObject* b)
    {
        if (TryPowerOfTwoRemainder(a, b, out PyObject* masked))
        {
            return masked;
        }

        DivRemShape(a, b, out _, out _, out BigInteger r, out long rAlloc, out bool remIsA);
        if (NeedsFloorAdjust(r, b))
        {
            BigInteger y = IntToBigInteger(b);
            return IntFromBigInteger(r + y, (nint)AddAllocDigits(r, y));
        }

        return remIsA ? IntPositive(a) : IntFromBigInteger(r, (nint)rAlloc);
    }

    /// <summary>
    /// a % b for a &gt;= 0 and b a positive power of two of two or more digits (x % (1 &lt;&lt; 64)),
    /// when |a| is not below b: the low bits of a, without a division. The result object is
    /// what x_divrem's remainder would be (|b| digits allocated, small ints shared).
    /// </summary>
    private bool TryPowerOfTwoRemainder(PyObject* a, PyObject* b, out PyObject* result)
    {
        result = null;
        nint sa = ((PyVarObject*)a)->Size;
        nint sb = ((PyVarObject*)b)->Size;
        if (sa <= 0 || sb < 2 || sb > 64 || sa < sb)
        {
            return false;
        }

        uint* db = IntDigits(b);
        uint top = db[sb - 1];
        if ((top & (top - 1)) != 0)
        {
            return false;
        }

        for (nint i = 0; i < sb - 1; i++)
        {
            if (db[i] != 0)
            {
                return false;
            }
        }

        uint* da = IntDigits(a);
        if (sa == sb && da[sa - 1] < top)
        {
            return false; // |a| < b: the remainder is a itself (FloorRemainder's remIsA)
        }

        uint* z = stackalloc uint[(int)sb];
        for (nint i = 0; i < sb - 1; i++)
        {
            z[i] = da[i];
        }

        z[sb - 1] = da[sb - 1] & (top - 1);
        result = IntFromDigits(z, sb, negative: false, allocDigits: sb);
        return true;
    }

    /// <summary>long_divmod: the tuple (a // b, a % b).</summary>
    public PyObject* IntDivMod(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        PyObject* qo;
        PyObject* mo;
        if (AbsDigits(a) == 1 && AbsDigits(b) == 1)
        {
            qo = IntFloorDivide(a, b);
            mo = qo == null ? null : IntModulo(a, b);
        }
        else if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer division or modulo by zero");
            return null;
        }
        else
        {
            qo = FloorQuotient(a, b);
            mo = qo == null ? null : FloorRemainder(a, b);
        }

        if (mo == null)
        {
            XDecRef(qo);
            return null;
        }

        PyObject* t = NewTuple(2);
        if (t == null)
        {
            DecRef(qo);
            DecRef(mo);
            return null;
        }

        TupleItems(t)[0] = qo;
        TupleItems(t)[1] = mo;
        return t;
    }
}
