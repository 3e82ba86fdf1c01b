using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class IntTests
{
    private static BigInteger Pow2(int k) => BigInteger.One << k;

    [Fact]
    public void Getsizeof_counts_30_bit_digits_with_at_least_one()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        (BigInteger Value, int Size)[] cases =
        [
            (0, 28), (1, 28), (-1, 28), (Pow2(30) - 1, 28), (Pow2(30), 32), (-Pow2(30), 32),
            (Pow2(60), 36), (Pow2(63), 36), (BigInteger.Pow(10, 100), 72), (-BigInteger.Pow(10, 100), 72),
        ];
        foreach ((BigInteger value, int size) in cases)
        {
            using PyRef o = rt.Own(rt.NewInt(value));
            Assert.Equal(size, o.SizeOf);
            Assert.Equal("int", o.TypeName);
        }

        Assert.Equal(28, rt.SizeOf(rt.True));
        t.AssertNoLeaks();
    }

    [Fact]
    public void Digits_are_30_bit_least_significant_first_with_a_signed_count()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* a = rt.NewInt(Pow2(30) + 5);
        Assert.Equal(2, PyRuntime.IntDigitCount(a));
        Assert.Equal(5u, PyRuntime.IntDigits(a)[0]);
        Assert.Equal(1u, PyRuntime.IntDigits(a)[1]);
        PyObject* b = rt.NewInt(-(1L << 60));
        Assert.Equal(-3, PyRuntime.IntDigitCount(b));
        Assert.Equal(new uint[] { 0, 0, 1 }, new ReadOnlySpan<uint>(PyRuntime.IntDigits(b), 3).ToArray());
        PyObject* zero = rt.NewInt(0);
        Assert.Equal(0, PyRuntime.IntDigitCount(zero));
        rt.DecRef(a);
        rt.DecRef(b);
        rt.DecRef(zero);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Small_ints_are_created_once_with_the_static_refcount_and_counted()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        for (long v = PyRuntime.SmallIntMin; v <= PyRuntime.SmallIntMax; v++)
        {
            PyObject* a = rt.NewInt(v);
            PyObject* b = rt.NewInt(new BigInteger(v));
            Assert.True(a == b);
            Assert.True(rt.IsSmallIntSingleton(a));
            Assert.Equal(PyRuntime.ImmortalInitRefCount + 2, a->RefCount);
            rt.DecRef(a);
            rt.DecRef(b);
            Assert.Equal(PyRuntime.ImmortalInitRefCount, a->RefCount);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Ints_outside_minus_5_to_256_are_new_objects_each_time()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (long v in new long[] { 257, -6, 1000, long.MaxValue, long.MinValue })
        {
            PyObject* a = rt.NewInt(v);
            PyObject* b = rt.NewInt(v);
            Assert.False(a == b);
            Assert.Equal(1, a->RefCount);
            Assert.False(rt.IsSmallIntSingleton(a));
            rt.DecRef(a);
            rt.DecRef(b);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Int_of_text_returns_the_cached_object_for_256_but_not_257()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach ((string text, bool same) in new[] { ("256", true), ("257", false), ("-5", true), ("-6", false), ("0", true) })
        {
            using PyRef a = rt.Own(rt.IntFromString(text));
            using PyRef b = rt.Own(rt.IntFromString(text));
            Assert.Equal(same, a.Address == b.Address);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void BigInteger_and_long_conversions_round_trip()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            var v = new BigInteger(bytes);
            using PyRef o = rt.Own(rt.NewInt(v));
            Assert.Equal(v, PyRuntime.IntToBigInteger(o.Address));
            long digits = (long)((BigInteger.Abs(v).GetBitLength() + 29) / 30);
            Assert.Equal(v.Sign < 0 ? -digits : digits, PyRuntime.IntDigitCount(o.Address));
            Assert.Equal(v >= long.MinValue && v <= long.MaxValue, PyRuntime.TryIntToLong(o.Address, out long l));
            if (v >= long.MinValue && v <= long.MaxValue)
            {
                Assert.Equal((long)v, l);
            }
        }

        foreach (BigInteger v in new[] { (BigInteger)long.MaxValue, long.MinValue, (BigInteger)long.MaxValue + 1, (BigInteger)long.MinValue - 1, Pow2(62), -Pow2(62), Pow2(64) })
        {
            using PyRef o = rt.Own(rt.NewInt(v));
            bool fits = v >= long.MinValue && v <= long.MaxValue;
            Assert.Equal(fits, PyRuntime.TryIntToLong(o.Address, out long l));
            Assert.Equal(fits ? (long)v : 0, l);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Int_hash_getsizeof_and_repr_match_CPython_for_recorded_values()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (string[] row in RecordedData.Rows("cpython311-int.tsv"))
        {
            using PyRef o = rt.Own(rt.NewInt(RecordedData.Big(row[0])));
            Assert.Equal(RecordedData.Long(row[1]), (long)PyRuntime.IntHashValue(o.Address));
            Assert.Equal(RecordedData.Long(row[1]), (long)o.Address->Type->Hash(rt, o.Address));
            Assert.Equal(RecordedData.Long(row[2]), (long)o.SizeOf);
            Assert.Equal(row[0], rt.IntToDecimalString(o.Address));
            Assert.Equal(row[0], rt.ReprString(o.Address));
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Hash_uses_the_modulus_2_pow_61_minus_1_and_never_returns_minus_1()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        (BigInteger Value, long Hash)[] cases =
        [
            (-1, -2), (-2, -2), (Pow2(61) - 1, 0), (Pow2(61), 1), (-Pow2(61), -2), (Pow2(61) - 2, (1L << 61) - 2),
        ];
        foreach ((BigInteger value, long hash) in cases)
        {
            using PyRef o = rt.Own(rt.NewInt(value));
            Assert.Equal(hash, (long)PyRuntime.IntHashValue(o.Address));
        }

        Assert.Equal(1, (long)rt.True->Type->Hash(rt, rt.True));
        Assert.Equal(0, (long)rt.False->Type->Hash(rt, rt.False));
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bool_repr_is_True_and_False_and_the_same_cached_str_each_time()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            Assert.Equal("True", rt.ReprString(rt.True));
            Assert.Equal("False", rt.ReprString(rt.False));
            PyObject* r1 = rt.True->Type->Repr(rt, rt.True);
            PyObject* r2 = rt.True->Type->Repr(rt, rt.True);
            Assert.True(r1 == r2);
            rt.DecRef(r1);
            rt.DecRef(r2);

            // int.__repr__(True) is the digits, in a fresh str (3.11: str(5) is not str(5)).
            using PyRef digits = rt.Own(rt.IntRepr(rt.True));
            using PyRef again = rt.Own(rt.IntRepr(rt.True));
            Assert.Equal("1", PyRuntime.StrToString(digits.Address));
            Assert.False(digits.Address == again.Address);
            Assert.Equal(1, digits.RefCount);
            Assert.Equal(50, digits.SizeOf);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Rich_compare_covers_all_six_operators_with_ints_and_bools()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            using PyRef big = rt.Own(rt.NewInt(BigInteger.Pow(10, 30)));
            using PyRef negBig = rt.Own(rt.NewInt(-BigInteger.Pow(10, 30)));
            using PyRef one = rt.Own(rt.NewInt(1));
            using PyRef two = rt.Own(rt.NewInt(2));
            using PyRef zero = rt.Own(rt.NewInt(0));
            (PyRef A, PyRef B, int Order)[] pairs =
            [
                (one, two, -1), (two, one, 1), (one, one, 0), (big, two, 1), (negBig, zero, -1), (negBig, big, -1),
            ];
            foreach ((PyRef a, PyRef b, int order) in pairs)
            {
                AssertOrder(rt, a.Address, b.Address, order);
            }

            AssertOrder(rt, rt.True, one.Address, 0);
            AssertOrder(rt, rt.False, zero.Address, 0);
            AssertOrder(rt, rt.True, rt.False, 1);
            AssertOrder(rt, rt.True, two.Address, -1);
            AssertOrder(rt, big.Address, rt.True, 1);

            using PyRef s = rt.Str("x");
            PyObject* r = rt.IntRichCompare(one.Address, s.Address, CompareOp.Eq);
            Assert.True(r == rt.NotImplemented);
            rt.DecRef(r);
        }

        t.AssertNoLeaks();
    }

    internal static void AssertOrder(PyRuntime rt, PyObject* a, PyObject* b, int order)
    {
        foreach (CompareOp op in Enum.GetValues<CompareOp>())
        {
            PyObject* r = a->Type->RichCompare(rt, a, b, op);
            bool expected = op switch
            {
                CompareOp.Lt => order < 0,
                CompareOp.Le => order <= 0,
                CompareOp.Eq => order == 0,
                CompareOp.Ne => order != 0,
                CompareOp.Gt => order > 0,
                _ => order >= 0,
            };
            Assert.True(r == (expected ? rt.True : rt.False), $"{rt.ReprString(a)} {op} {rt.ReprString(b)}");
            rt.DecRef(r);
        }
    }

    [Fact]
    public void Str_of_an_int_refuses_more_than_4300_digits_with_CPythons_message()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            Assert.Equal(4300, rt.IntMaxStrDigits);
            using PyRef ok = rt.Own(rt.NewInt(-BigInteger.Pow(10, 4299)));
            Assert.Equal(4301, rt.IntToDecimalString(ok.Address)!.Length);
            foreach (BigInteger v in new[] { BigInteger.Pow(10, 4300), BigInteger.Pow(7, 100_000) })
            {
                using PyRef tooLong = rt.Own(rt.NewInt(v));
                Assert.Null(rt.IntToDecimalString(tooLong.Address));
                PyException e = rt.TakeErrorAsException();
                Assert.Equal("ValueError", e.PythonType);
                Assert.Equal("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", e.PythonMessage);
            }

            rt.IntMaxStrDigits = 0;
            using (PyRef big = rt.Own(rt.NewInt(BigInteger.Pow(10, 4300))))
            {
                Assert.Equal(4301, rt.IntToDecimalString(big.Address)!.Length);
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => rt.IntMaxStrDigits = 639);
            rt.IntMaxStrDigits = 640;
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Int_of_text_matches_CPython_for_recorded_literals()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (string[] row in RecordedData.Rows("cpython311-int-parse.tsv"))
        {
            int[] cps = RecordedData.CodePoints(row[0]);
            var text = string.Concat(Array.ConvertAll(cps, char.ConvertFromUtf32));
            int numberBase = row.Length > 2 ? int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            PyObject* r = rt.IntFromString(text, numberBase);
            if (row[1].StartsWith("ERR ", StringComparison.Ordinal))
            {
                Assert.True(r == null, $"int({row[0]}, {numberBase}) should fail");
                PyException e = rt.TakeErrorAsException();
                Assert.Equal(row[1][4..], $"{e.PythonType}: {e.PythonMessage}");
            }
            else
            {
                Assert.True(r != null, $"int({row[0]}, {numberBase}) failed");
                Assert.Equal(RecordedData.Big(row[1]), PyRuntime.IntToBigInteger(r));
                rt.DecRef(r);
            }
        }

        Assert.True(rt.IntFromString(new string('9', 5000)) == null);
        Assert.Equal("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
            rt.TakeErrorAsException().PythonMessage);
        Assert.True(rt.IntFromString("1", 37) == null);
        Assert.Equal("int() base must be >= 2 and <= 36, or 0", rt.TakeErrorAsException().PythonMessage);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Int_of_text_allocates_for_the_longest_value_of_that_many_digits()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;

        // Bytes CPython 3.11 allocates (tracemalloc): 48, 32, 36, 36 and 48.
        (string Text, int Base, int Block, int Size)[] cases =
        [
            (new string('f', 40), 16, 48, 48), ("0001fffffffff", 16, 32, 32), (new string('1', 70), 2, 48, 36),
            (new string('7', 25), 8, 48, 36), (new string('0', 40) + "1234567", 10, 48, 28),
        ];
        foreach ((string text, int numberBase, int block, int size) in cases)
        {
            using PyRef o = rt.Own(rt.IntFromString(text, numberBase));
            Assert.Equal(size, o.SizeOf);
            Assert.Equal(block, rt.Allocator.BlockSizeOf(o.Address));
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Host_handles_for_scalars_own_one_reference()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        long baseline = rt.Allocator.GetAllocatedBlocks();
        using (PyRef i = rt.PyInt(1000))
        using (PyRef big = rt.PyInt(BigInteger.Pow(3, 200)))
        using (PyRef f = rt.PyFloat(2.5))
        using (PyRef b = rt.PyBytes("xyz"u8))
        using (PyRef ba = rt.PyByteArray("xyz"u8))
        {
            Assert.Equal(1, i.RefCount);
            Assert.Equal("int", big.TypeName);
            Assert.Equal("2.5", rt.ReprString(f.Address));
            Assert.Equal("b'xyz'", rt.ReprString(b.Address));
            Assert.Equal("bytearray(b'xyz')", rt.ReprString(ba.Address));
            Assert.Equal(baseline + 6, rt.Allocator.GetAllocatedBlocks());
        }

        // The float went to the free list; everything else was freed.
        Assert.Equal(baseline + 1, rt.Allocator.GetAllocatedBlocks());
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_small_int_reaching_zero_is_a_fatal_error_and_the_object_survives()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* five = rt.NewInt(5);
        five->RefCount = 1;
        Assert.Throws<InvalidOperationException>(() => rt.DecRef(five));
        five->RefCount = PyRuntime.ImmortalInitRefCount;
        PyObject* again = rt.NewInt(5);
        Assert.True(again == five);
        rt.DecRef(again);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Int_of_a_float_truncates_and_refuses_nan_and_infinity()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach ((double x, BigInteger expected) in new[] { (2.9, (BigInteger)2), (-2.9, -2), (1e20, BigInteger.Parse("100000000000000000000", System.Globalization.CultureInfo.InvariantCulture)), (-0.5, 0) })
        {
            using PyRef o = rt.Own(rt.IntFromDouble(x));
            Assert.Equal(expected, PyRuntime.IntToBigInteger(o.Address));
        }

        Assert.True(rt.IntFromDouble(double.NaN) == null);
        Assert.Equal("ValueError: cannot convert float NaN to integer", rt.TakeErrorAsException().Message);
        Assert.True(rt.IntFromDouble(double.NegativeInfinity) == null);
        Assert.Equal("OverflowError: cannot convert float infinity to integer", rt.TakeErrorAsException().Message);
        t.AssertNoLeaks();
    }
}
