using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The digit-level int paths (PyRuntime.IntDigitOps.cs) against BigInteger arithmetic with
/// Python's floor semantics, for seeded random operands around the 30/60/90/.../600-bit
/// digit boundaries, both signs.
/// </summary>
public unsafe class IntDigitPathTests
{
    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return r.Sign != 0 && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    private static BigInteger FloorMod(BigInteger a, BigInteger b) => a - (FloorDiv(a, b) * b);

    private static BigInteger Operand(Random rng)
    {
        BigInteger v;
        switch (rng.Next(4))
        {
            case 0:
                v = (BigInteger.One << (30 * rng.Next(0, 21))) + rng.Next(-3, 4);
                break;
            case 1:
                v = rng.Next(-300, 300);
                break;
            default:
                var bytes = new byte[rng.Next(1, 80)];
                rng.NextBytes(bytes);
                v = new BigInteger(bytes, isUnsigned: true);
                break;
        }

        return rng.Next(2) == 0 ? v : -v;
    }

    [Fact]
    public void Digit_paths_agree_with_BigInteger()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var rng = new Random(20261121);
        for (int i = 0; i < 20_000; i++)
        {
            BigInteger x = Operand(rng);
            BigInteger y = Operand(rng);
            int shift = rng.Next(0, 200);
            PyObject* a = rt.NewInt(x);
            PyObject* b = rt.NewInt(y);
            PyObject* s = rt.NewInt(shift);
            Check(rt, x + y, rt.IntAdd(a, b), "add", x, y);
            Check(rt, x - y, rt.IntSubtract(a, b), "sub", x, y);
            Check(rt, x * y, rt.IntMultiply(a, b), "mul", x, y);
            Check(rt, x << shift, rt.IntLeftShift(a, s), "lshift", x, shift);
            Check(rt, x >> shift, rt.IntRightShift(a, s), "rshift", x, shift);
            Check(rt, x & y, rt.IntAnd(a, b), "and", x, y);
            Check(rt, x | y, rt.IntOr(a, b), "or", x, y);
            Check(rt, x ^ y, rt.IntXor(a, b), "xor", x, y);
            if (!y.IsZero)
            {
                Check(rt, FloorDiv(x, y), rt.IntFloorDivide(a, b), "floordiv", x, y);
                Check(rt, FloorMod(x, y), rt.IntModulo(a, b), "mod", x, y);
            }

            rt.DecRef(a);
            rt.DecRef(b);
            rt.DecRef(s);
        }

        rt.Allocator.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Remainders_by_powers_of_two_agree_with_BigInteger_and_allocate_the_divisors_digits()
    {
        // x % (1 << k) of a non-negative x takes the low bits without a division; the
        // remainder object keeps x_divrem's allocation (|b| digits).
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var rng = new Random(64);
        for (int i = 0; i < 5_000; i++)
        {
            BigInteger x = Operand(rng);
            int k = rng.Next(30, 400);
            BigInteger y = BigInteger.One << k;
            PyObject* a = rt.NewInt(x);
            PyObject* b = rt.NewInt(y);
            PyObject* r = rt.IntModulo(a, b);
            BigInteger expected = FloorMod(x, y);
            if (x.Sign > 0 && BigInteger.Abs(x) >= y && expected > 256)
            {
                long divisorDigits = (k / 30) + 1;
                Assert.True(rt.Allocator.BlockSizeOf(r) >= 24 + (4 * divisorDigits), $"{x} % 2**{k}");
            }

            Check(rt, expected, r, "mod", x, y);
            rt.DecRef(a);
            rt.DecRef(b);
        }

        rt.Allocator.AssertValid();
        t.AssertNoLeaks();
    }

    private static void Check(PyRuntime rt, BigInteger expected, PyObject* r, string op, BigInteger x, BigInteger y)
    {
        string where = $"{op} {x} {y}";
        Assert.True(r != null && r->Type == rt.IntType, where);
        Assert.Equal(expected, PyRuntime.IntToBigInteger(r));
        Assert.Equal(expected >= -5 && expected <= 256, rt.IsSmallIntSingleton(r));
        long digits = Math.Max(1, (long)((BigInteger.Abs(expected).GetBitLength() + 29) / 30));
        Assert.True(rt.Allocator.BlockSizeOf(r) >= 24 + (4 * digits), where);
        rt.DecRef(r);
    }
}
