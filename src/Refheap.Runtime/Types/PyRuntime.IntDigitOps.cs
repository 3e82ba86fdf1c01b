using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Multi-digit int operations done directly on the 30-bit digits (no BigInteger) for operands
// of up to FastIntDigits digits: +, -, *, non-negative &, |, ^, shifts, and // and % by a
// one-digit divisor. Each computes the magnitude into a stack buffer and then stores it
// exactly as IntFromBigInteger would: the small-int singleton for -5..256, otherwise one
// block of max(normalised digits, the digits CPython's algorithm allocates) digits, with
// the same allocation sizes as the BigInteger paths in PyRuntime.IntArith.cs / IntBits.cs.
public sealed unsafe partial class PyRuntime
{
    /// <summary>Operands up to this many digits (600 bits) take the digit paths.</summary>
    internal const int FastIntDigits = 20;

    private static bool BothFastInts(PyObject* a, PyObject* b) =>
        AbsDigits(a) <= FastIntDigits && AbsDigits(b) <= FastIntDigits;

    /// <summary>a // b or a % b takes <see cref="IntDivModOneDigit"/>: b one digit, a two to <see cref="FastIntDigits"/>.</summary>
    private static bool OneDigitDivisor(PyObject* a, PyObject* b) =>
        AbsDigits(b) == 1 && AbsDigits(a) >= 2 && AbsDigits(a) <= FastIntDigits;

    /// <summary>
    /// The int with magnitude z[0..n) (not necessarily normalised) and the given sign: the
    /// cached int when in -5..256, else a new int of max(digits, <paramref name="allocDigits"/>) digits.
    /// </summary>
    private PyObject* IntFromDigits(uint* z, nint n, bool negative, nint allocDigits)
    {
        while (n > 0 && z[n - 1] == 0)
        {
            n--;
        }

        if (n <= 1)
        {
            long v = n == 0 ? 0 : z[0];
            v = negative ? -v : v;
            if (v >= SmallIntMin && v <= SmallIntMax)
            {
                return SmallInt(v);
            }
        }

        PyObject* o = AllocInt(Math.Max(n, allocDigits));
        if (o == null)
        {
            return null;
        }

        new ReadOnlySpan<uint>(z, (int)n).CopyTo(new Span<uint>(IntDigits(o), (int)n));
        ((PyVarObject*)o)->Size = negative ? -n : n;
        return o;
    }

    /// <summary>|a| + |b| into z (room for max(sa, sb) + 1 digits); returns that length.</summary>
    private static nint AddMagnitudes(uint* a, nint sa, uint* b, nint sb, uint* z)
    {
        if (sa < sb)
        {
            uint* t = a;
            a = b;
            b = t;
            (sa, sb) = (sb, sa);
        }

        uint carry = 0;
        nint i = 0;
        for (; i < sb; i++)
        {
            carry += a[i] + b[i];
            z[i] = carry & PyLongObject.Mask;
            carry >>= PyLongObject.Shift;
        }

        for (; i < sa; i++)
        {
            carry += a[i];
            z[i] = carry & PyLongObject.Mask;
            carry >>= PyLongObject.Shift;
        }

        z[i] = carry;
        return sa + 1;
    }

    /// <summary>
    /// ||a| - |b|| into z (room for max(sa, sb) digits); <paramref name="swapped"/> when
    /// |a| &lt; |b|. Returns x_sub's allocation: the larger size, or for equal sizes the
    /// highest differing digit + 1 (0 when equal); the result has at most that many digits.
    /// </summary>
    private static nint SubMagnitudes(uint* a, nint sa, uint* b, nint sb, uint* z, out bool swapped)
    {
        swapped = false;
        if (sa < sb)
        {
            swapped = true;
        }
        else if (sa == sb)
        {
            nint top = sa - 1;
            while (top >= 0 && a[top] == b[top])
            {
                top--;
            }

            if (top < 0)
            {
                return 0;
            }

            swapped = a[top] < b[top];
            sa = sb = top + 1;
        }

        if (swapped)
        {
            uint* t = a;
            a = b;
            b = t;
            (sa, sb) = (sb, sa);
        }

        uint borrow = 0;
        nint i = 0;
        for (; i < sb; i++)
        {
            borrow = a[i] - b[i] - borrow;
            z[i] = borrow & PyLongObject.Mask;
            borrow = (borrow >> PyLongObject.Shift) & 1;
        }

        for (; i < sa; i++)
        {
            borrow = a[i] - borrow;
            z[i] = borrow & PyLongObject.Mask;
            borrow = (borrow >> PyLongObject.Shift) & 1;
        }

        return sa;
    }

    /// <summary>a + b (subtract: a - b) for two ints that are not both medium, both within <see cref="FastIntDigits"/>.</summary>
    private PyObject* IntAddDigits(PyObject* a, PyObject* b, bool subtract)
    {
        nint sa = AbsDigits(a);
        nint sb = AbsDigits(b);
        bool na = IsNegativeInt(a);
        bool nb = IsNegativeInt(b);
        uint* z = stackalloc uint[FastIntDigits + 1];
        if ((na == nb) != subtract)
        {
            // Magnitudes add (x_add): max + 1 digits; the sign is a's.
            nint n = AddMagnitudes(IntDigits(a), sa, IntDigits(b), sb, z);
            return IntFromDigits(z, n, na, n);
        }

        // Magnitudes subtract (x_sub): the sign is a's, flipped when |a| < |b|.
        nint alloc = SubMagnitudes(IntDigits(a), sa, IntDigits(b), sb, z, out bool swapped);
        return IntFromDigits(z, alloc, na != swapped, alloc);
    }

    /// <summary>a * b (schoolbook; k_mul and x_mul allocate |a| + |b| digits) for two fast ints, not both medium.</summary>
    private PyObject* IntMultiplyDigits(PyObject* a, PyObject* b)
    {
        nint sa = AbsDigits(a);
        nint sb = AbsDigits(b);
        if (sa == 0 || sb == 0)
        {
            return SmallInt(0);
        }

        uint* da = IntDigits(a);
        uint* db = IntDigits(b);
        uint* z = stackalloc uint[2 * FastIntDigits];
        new Span<uint>(z, (int)(sa + sb)).Clear();
        for (nint i = 0; i < sa; i++)
        {
            ulong carry = 0;
            ulong f = da[i];
            for (nint j = 0; j < sb; j++)
            {
                carry += z[i + j] + (f * db[j]);
                z[i + j] = (uint)(carry & PyLongObject.Mask);
                carry >>= PyLongObject.Shift;
            }

            z[i + sb] = (uint)carry;
        }

        return IntFromDigits(z, sa + sb, IsNegativeInt(a) != IsNegativeInt(b), sa + sb);
    }

    /// <summary>&amp;, | or ^ of two non-negative fast ints, not both medium (long_bitwise's sizes for non-negative operands).</summary>
    private PyObject* IntBitwiseDigits(PyObject* a, PyObject* b, char op)
    {
        nint sa = AbsDigits(a);
        nint sb = AbsDigits(b);
        uint* da = IntDigits(a);
        uint* db = IntDigits(b);
        if (sa < sb)
        {
            uint* t = da;
            da = db;
            db = t;
            (sa, sb) = (sb, sa);
        }

        uint* z = stackalloc uint[FastIntDigits];
        nint size = op == '&' ? sb : sa;
        for (nint i = 0; i < sb; i++)
        {
            z[i] = op == '&' ? da[i] & db[i] : op == '|' ? da[i] | db[i] : da[i] ^ db[i];
        }

        for (nint i = sb; i < size; i++)
        {
            z[i] = da[i];
        }

        return IntFromDigits(z, size, false, size);
    }

    /// <summary>a &gt;&gt; shift for a non-negative fast int a (not medium): newSize = |a| - wordShift &gt; 0 digits.</summary>
    private PyObject* IntRightShiftDigits(PyObject* a, nint wordShift, int remShift, nint newSize)
    {
        uint* da = IntDigits(a);
        nint sa = AbsDigits(a);
        uint* z = stackalloc uint[FastIntDigits];
        for (nint i = 0; i < newSize; i++)
        {
            nint j = i + wordShift;
            ulong pair = da[j] | (j + 1 < sa ? (ulong)da[j + 1] << PyLongObject.Shift : 0);
            z[i] = (uint)((pair >> remShift) & PyLongObject.Mask);
        }

        return IntFromDigits(z, newSize, false, newSize);
    }

    /// <summary>a &lt;&lt; shift (sign and magnitude) for a fast int a: newSize = |a| + wordShift (+1 with a bit shift) digits.</summary>
    private PyObject* IntLeftShiftDigits(PyObject* a, nint wordShift, int remShift, nint newSize)
    {
        uint* da = IntDigits(a);
        nint sa = AbsDigits(a);
        uint* z = stackalloc uint[(2 * FastIntDigits) + 1];
        new Span<uint>(z, (int)newSize).Clear();
        ulong accum = 0;
        nint k = wordShift;
        for (nint i = 0; i < sa; i++)
        {
            accum |= (ulong)da[i] << remShift;
            z[k++] = (uint)(accum & PyLongObject.Mask);
            accum >>= PyLongObject.Shift;
        }

        if (remShift != 0)
        {
            z[k] = (uint)accum;
        }

        return IntFromDigits(z, newSize, IsNegativeInt(a), newSize);
    }

    /// <summary>divrem1: |a| divided by the one-digit d into q (|a| digits); returns the remainder.</summary>
    private static uint DivRemOneDigit(uint* a, nint sa, uint d, uint* q)
    {
        ulong rem = 0;
        for (nint i = sa - 1; i >= 0; i--)
        {
            ulong cur = (rem << PyLongObject.Shift) | a[i];
            ulong qd = cur / d;
            q[i] = (uint)qd;
            rem = cur - (qd * d);
        }

        return (uint)rem;
    }

    /// <summary>
    /// a // b or a % b (l_divmod) for a fast int a of at least two digits and a one-digit b:
    /// the quotient takes |a| digits (divrem1), the remainder is PyLong_FromLong's.
    /// </summary>
    private PyObject* IntDivModOneDigit(PyObject* a, PyObject* b, bool wantQuotient)
    {
        nint sa = AbsDigits(a);
        bool na = IsNegativeInt(a);
        bool nb = IsNegativeInt(b);
        uint d = IntDigits(b)[0];
        uint* q = stackalloc uint[FastIntDigits + 1];
        uint rem = DivRemOneDigit(IntDigits(a), sa, d, q);

        // Truncated results: the quotient has the sign of a*b, the remainder that of a;
        // floor division moves both when the remainder's sign differs from b's.
        bool adjust = rem != 0 && na != nb;
        if (!wantQuotient)
        {
            long r = na ? -(long)rem : rem;
            long y = nb ? -(long)d : d;
            return NewInt(adjust ? r + y : r);
        }

        if (!adjust)
        {
            return IntFromDigits(q, sa, na != nb, sa);
        }

        // div - 1 with div < 0: |div| + 1, x_add's |div| + 1 digits unless div is medium.
        nint n = sa;
        while (n > 0 && q[n - 1] == 0)
        {
            n--;
        }

        nint alloc = n <= 1 ? 0 : n + 1;
        q[n] = 0;
        for (nint i = 0; i <= n; i++)
        {
            if (++q[i] <= PyLongObject.Mask)
            {
                break;
            }

            q[i] = 0;
        }

        return IntFromDigits(q, n + 1, true, alloc);
    }
}
