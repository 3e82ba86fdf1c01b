using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int arithmetic (Objects/longobject.c, 3.11). Each method is the int type's number slot:
// it takes two ints (or bools), returns a new reference, NotImplemented when an operand is
// not an int, or null with the error set. One-digit operands take CPython's fast paths;
// longer ones are computed with BigInteger and stored with the digit count CPython's
// x_add / x_sub / k_mul / long_lshift1 / long_rshift1 allocate, so each result lands in the
// same pymalloc size class. Division, pow and the bitwise operators allocate exactly.
public sealed unsafe partial class PyRuntime
{
    private static nint AbsDigits(PyObject* o)
    {
        nint s = ((PyVarObject*)o)->Size;
        return s < 0 ? -s : s;
    }

    private static bool IsNegativeInt(PyObject* o) => ((PyVarObject*)o)->Size < 0;

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

        // Same sign: x_add allocates max + 1 digits; different signs: x_sub allocates max.
        nint max = Math.Max(AbsDigits(a), AbsDigits(b));
        nint alloc = IsNegativeInt(a) == IsNegativeInt(b) ? max + 1 : max;
        return IntFromBigInteger(IntToBigInteger(a) + IntToBigInteger(b), alloc);
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

        nint max = Math.Max(AbsDigits(a), AbsDigits(b));
        nint alloc = IsNegativeInt(a) == IsNegativeInt(b) ? max : max + 1;
        return IntFromBigInteger(IntToBigInteger(a) - IntToBigInteger(b), alloc);
    }

    /// <summary>long_mul: k_mul / x_mul allocate |a| + |b| digits.</summary>
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

        if (((PyVarObject*)a)->Size == 0 || ((PyVarObject*)b)->Size == 0)
        {
            return NewInt(0);
        }

        return IntFromBigInteger(IntToBigInteger(a) * IntToBigInteger(b), AbsDigits(a) + AbsDigits(b));
    }

    /// <summary>Floor division and modulo with Python's sign rules (l_divmod): the remainder takes the divisor's sign.</summary>
    private static BigInteger FloorDivRem(BigInteger a, BigInteger b, out BigInteger mod)
    {
        BigInteger q = BigInteger.DivRem(a, b, out mod);
        if (!mod.IsZero && (mod.Sign < 0) != (b.Sign < 0))
        {
            mod += b;
            q -= 1;
        }

        return q;
    }

    private static long FloorDiv(long a, long b, out long mod)
    {
        long q = Math.DivRem(a, b, out mod);
        if (mod != 0 && (mod < 0) != (b < 0))
        {
            mod += b;
            q--;
        }

        return q;
    }

    /// <summary>long_div (a // b); ZeroDivisionError "integer division or modulo by zero".</summary>
    public PyObject* IntFloorDivide(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer division or modulo by zero");
            return null;
        }

        if (TryIntToLong(a, out long x) && TryIntToLong(b, out long y) && !(x == long.MinValue && y == -1))
        {
            return NewInt(FloorDiv(x, y, out _));
        }

        return IntFromBigInteger(FloorDivRem(IntToBigInteger(a), IntToBigInteger(b), out _), 0);
    }

    /// <summary>long_mod (a % b); ZeroDivisionError "integer modulo by zero" (3.11's message for %).</summary>
    public PyObject* IntModulo(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer modulo by zero");
            return null;
        }

        if (TryIntToLong(a, out long x) && TryIntToLong(b, out long y) && !(x == long.MinValue && y == -1))
        {
            FloorDiv(x, y, out long m);
            return NewInt(m);
        }

        FloorDivRem(IntToBigInteger(a), IntToBigInteger(b), out BigInteger mod);
        return IntFromBigInteger(mod, 0);
    }

    /// <summary>long_divmod: the tuple (a // b, a % b).</summary>
    public PyObject* IntDivMod(PyObject* a, PyObject* b)
    {
        if (!IsInt(a) || !IsInt(b))
        {
            return NewRef(NotImplemented);
        }

        if (((PyVarObject*)b)->Size == 0)
        {
            SetError(ZeroDivisionErrorType, "integer division or modulo by zero");
            return null;
        }

        BigInteger q = FloorDivRem(IntToBigInteger(a), IntToBigInteger(b), out BigInteger mod);
        PyObject* qo = IntFromBigInteger(q, 0);
        if (qo == null)
        {
            return null;
        }

        PyObject* mo = IntFromBigInteger(mod, 0);
        if (mo == null)
        {
            DecRef(qo);
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
    public PyObject* IntInvert(PyObject* a) =>
        IsMediumInt(a) ? NewInt(~MediumValue(a)) : IntFromBigInteger(-(IntToBigInteger(a) + 1), 0);

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

        // BigInteger's bitwise operators use infinite two's complement, as Python's do.
        BigInteger p = IntToBigInteger(a);
        BigInteger q = IntToBigInteger(b);
        return IntFromBigInteger(op == '&' ? p & q : op == '|' ? p | q : p ^ q, 0);
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

        BigInteger r;
        try
        {
            r = BigInteger.Pow(x, (int)e);
        }
        catch (Exception ex) when (ex is OutOfMemoryException or OverflowException)
        {
            return NoMemory();
        }

        return IntFromBigInteger(r, 0);
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
