using System;
using System.Collections.Generic;
using System.Numerics;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class FloatTests
{
    [Fact]
    public void A_float_is_24_bytes_in_a_32_byte_block()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* f = rt.NewFloat(1.5);
        Assert.Equal(24, rt.SizeOf(f));
        Assert.Equal(32, rt.Allocator.BlockSizeOf(f));
        Assert.Equal("float", rt.TypeName(f));
        Assert.Equal(1.5, PyRuntime.FloatValue(f));
        Assert.Equal(1, f->RefCount);
        rt.DecRef(f);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Freeing_150_floats_keeps_100_on_the_free_list_and_frees_50()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        Assert.Equal(0, rt.FloatFreeCount);
        long baseline = rt.Allocator.GetAllocatedBlocks();
        var floats = new List<nint>();
        for (int i = 0; i < 150; i++)
        {
            floats.Add((nint)rt.NewFloat(i));
        }

        Assert.Equal(baseline + 150, rt.Allocator.GetAllocatedBlocks());
        foreach (nint f in floats)
        {
            rt.DecRef((PyObject*)f);
        }

        Assert.Equal(PyRuntime.FloatMaxFreeList, rt.FloatFreeCount);
        Assert.Equal(baseline + 100, rt.Allocator.GetAllocatedBlocks());

        // Reuse takes from the free list: no new block until it is empty.
        floats.Clear();
        for (int i = 0; i < 100; i++)
        {
            floats.Add((nint)rt.NewFloat(-i));
            Assert.Equal(baseline + 100, rt.Allocator.GetAllocatedBlocks());
        }

        Assert.Equal(0, rt.FloatFreeCount);
        floats.Add((nint)rt.NewFloat(0.5));
        Assert.Equal(baseline + 101, rt.Allocator.GetAllocatedBlocks());
        foreach (nint f in floats)
        {
            rt.DecRef((PyObject*)f);
        }

        Assert.Equal(100, rt.FloatFreeCount);
        Assert.Equal(baseline + 100, rt.Allocator.GetAllocatedBlocks());
        t.AssertNoLeaks();
    }

    [Fact]
    public void The_free_list_is_last_in_first_out_and_linked_through_ob_type()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* a = rt.NewFloat(1);
        PyObject* b = rt.NewFloat(2);
        rt.DecRef(a);
        rt.DecRef(b);
        Assert.True(b->Type == (PyTypeObject*)a);
        PyObject* c = rt.NewFloat(3);
        PyObject* d = rt.NewFloat(4);
        Assert.True(c == b);
        Assert.True(d == a);
        Assert.True(c->Type == rt.FloatType && d->Type == rt.FloatType);
        Assert.Equal(3.0, PyRuntime.FloatValue(c));
        rt.DecRef(c);
        rt.DecRef(d);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Only_a_full_collection_empties_the_free_list()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        long baseline = rt.Allocator.GetAllocatedBlocks();
        for (int i = 0; i < 10; i++)
        {
            rt.DecRef(rt.NewFloat(i));
        }

        // Ten alloc/free pairs: the first float's block is reused every time.
        Assert.Equal(1, rt.FloatFreeCount);
        var held = new List<nint>();
        for (int i = 0; i < 10; i++)
        {
            held.Add((nint)rt.NewFloat(i));
        }

        foreach (nint f in held)
        {
            rt.DecRef((PyObject*)f);
        }

        Assert.Equal(10, rt.FloatFreeCount);
        rt.Collect(0);
        rt.Collect(1);
        Assert.Equal(10, rt.FloatFreeCount);
        rt.Collect();
        Assert.Equal(0, rt.FloatFreeCount);
        Assert.Equal(baseline, rt.Allocator.GetAllocatedBlocks());
        t.AssertNoLeaks();
    }

    [Fact]
    public void Repr_and_hash_match_CPython_for_recorded_values()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        int rows = 0;
        foreach (string[] row in RecordedData.Rows("cpython311-float.tsv"))
        {
            double x = RecordedData.Double(row[0]);
            PyObject* f = rt.NewFloat(x);
            Assert.Equal(row[1], PyRuntime.FormatFloatRepr(x));
            Assert.Equal(row[1], rt.ReprString(f));
            if (row[2] != "-")
            {
                Assert.Equal(RecordedData.Long(row[2]), (long)f->Type->Hash(rt, f));
            }

            rt.DecRef(f);
            rows++;
        }

        Assert.True(rows > 4000);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Repr_uses_the_shortest_round_trip_digits()
    {
        (double Value, string Repr)[] cases =
        [
            (0.1, "0.1"), (1e16, "1e+16"), (1.0, "1.0"), (double.PositiveInfinity, "inf"), (double.NegativeInfinity, "-inf"),
            (double.NaN, "nan"), (-0.0, "-0.0"), (0.0, "0.0"), (1e-5, "1e-05"), (1e-4, "0.0001"), (1e15, "1000000000000000.0"),
            (0.1 + 0.2, "0.30000000000000004"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789012345678.0, "1.2345678901234568e+17"), (-1.5e-7, "-1.5e-07"),
        ];
        foreach ((double value, string repr) in cases)
        {
            Assert.Equal(repr, PyRuntime.FormatFloatRepr(value));
        }

        // Round trip over many random bit patterns.
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            double x = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(x))
            {
                Assert.Equal(x, double.Parse(PyRuntime.FormatFloatRepr(x), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Integral_floats_hash_like_the_equal_int_and_nan_hashes_by_identity()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (double x in new[] { 0.0, 1.0, -1.0, 2.0e18, -7.0, 1e100, 4503599627370497.0, Math.ScaleB(1, 200) })
        {
            using PyRef f = rt.Own(rt.NewFloat(x));
            using PyRef i = rt.Own(rt.NewInt(new BigInteger(x)));
            Assert.Equal(PyRuntime.IntHashValue(i.Address), f.Address->Type->Hash(rt, f.Address));
        }

        Assert.Equal(-2, PyRuntime.HashDouble(null, -1.0));
        Assert.Equal(314159, PyRuntime.HashDouble(null, double.PositiveInfinity));
        Assert.Equal(-314159, PyRuntime.HashDouble(null, double.NegativeInfinity));
        PyObject* nan1 = rt.NewFloat(double.NaN);
        PyObject* nan2 = rt.NewFloat(double.NaN);
        Assert.Equal(PyRuntime.HashPointer(nan1), nan1->Type->Hash(rt, nan1));
        Assert.NotEqual(nan1->Type->Hash(rt, nan1), nan2->Type->Hash(rt, nan2));
        rt.DecRef(nan1);
        rt.DecRef(nan2);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Arithmetic_and_comparisons_match_CPython_for_recorded_operands()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        int rows = 0;
        foreach (string[] row in RecordedData.Rows("cpython311-float-ops.tsv"))
        {
            PyObject* a = Operand(rt, row[1]);
            PyObject* b = Operand(rt, row[2]);
            string where = string.Join(' ', row);
            if (row[0] == "cmp")
            {
                var bits = new char[6];
                foreach (CompareOp op in Enum.GetValues<CompareOp>())
                {
                    PyObject* r = rt.FloatRichCompare(a, b, op);
                    Assert.True(r == rt.True || r == rt.False, where);
                    bits[(int)op] = r == rt.True ? '1' : '0';
                    rt.DecRef(r);
                }

                Assert.Equal(row[3], new string(bits));
            }
            else
            {
                PyObject* r = row[0] switch
                {
                    "add" => rt.FloatAdd(a, b),
                    "sub" => rt.FloatSubtract(a, b),
                    "mul" => rt.FloatMultiply(a, b),
                    "truediv" => rt.FloatTrueDivide(a, b),
                    "floordiv" => rt.FloatFloorDivide(a, b),
                    "mod" => rt.FloatModulo(a, b),
                    _ => throw new InvalidOperationException(row[0]),
                };
                if (row[3].StartsWith("ERR ", StringComparison.Ordinal))
                {
                    Assert.True(r == null, where);
                    Assert.Equal(row[3][4..], rt.TakeErrorAsException().Message);
                }
                else
                {
                    Assert.True(r != null, where);
                    Assert.Equal(row[3], RecordedData.Bits(PyRuntime.FloatValue(r)));
                    rt.DecRef(r);
                }
            }

            rt.DecRef(a);
            rt.DecRef(b);
            rows++;
        }

        Assert.True(rows > 5000);
        t.AssertNoLeaks();
    }

    private static PyObject* Operand(PyRuntime rt, string field) =>
        field[0] == 'f' ? rt.NewFloat(RecordedData.Double(field[1..])) : rt.NewInt(RecordedData.Big(field[1..]));

    [Fact]
    public void Division_errors_and_foreign_operands()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* one = rt.NewFloat(1);
        PyObject* zero = rt.NewFloat(0);
        PyObject* intZero = rt.NewInt(0);
        IntArithmeticTests.AssertError(rt, rt.FloatTrueDivide(one, zero), "ZeroDivisionError: float division by zero");
        IntArithmeticTests.AssertError(rt, rt.FloatTrueDivide(one, intZero), "ZeroDivisionError: float division by zero");
        IntArithmeticTests.AssertError(rt, rt.FloatFloorDivide(one, zero), "ZeroDivisionError: float floor division by zero");
        IntArithmeticTests.AssertError(rt, rt.FloatModulo(one, zero), "ZeroDivisionError: float modulo");
        IntArithmeticTests.AssertError(rt, rt.FloatDivMod(one, zero), "ZeroDivisionError: float divmod()");
        PyObject* s = rt.NewStr("x");
        PyObject* r = rt.FloatAdd(one, s);
        Assert.True(r == rt.NotImplemented);
        rt.DecRef(r);
        r = rt.FloatRichCompare(one, s, CompareOp.Lt);
        Assert.True(r == rt.NotImplemented);
        rt.DecRef(r);

        PyObject* minus = rt.NewFloat(-7.5);
        PyObject* d = rt.FloatDivMod(minus, one);
        rt.DecRef(minus);
        Assert.Equal(-8.0, PyRuntime.FloatValue(PyRuntime.TupleItems(d)[0]));
        Assert.Equal(0.5, PyRuntime.FloatValue(PyRuntime.TupleItems(d)[1]));
        rt.DecRef(d);
        foreach (nint o in new[] { (nint)one, (nint)zero, (nint)intZero, (nint)s })
        {
            rt.DecRef((PyObject*)o);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Comparing_with_huge_ints_is_exact()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            using PyRef big = rt.Own(rt.NewInt((BigInteger.One << 53) + 1));
            using PyRef f = rt.Own(rt.NewFloat(Math.ScaleB(1, 53)));
            IntTests.AssertOrder(rt, f.Address, big.Address, -1);
            using PyRef googol = rt.Own(rt.NewInt(BigInteger.Pow(10, 400)));
            using PyRef inf = rt.Own(rt.NewFloat(double.PositiveInfinity));
            using PyRef max = rt.Own(rt.NewFloat(double.MaxValue));
            IntTests.AssertOrder(rt, inf.Address, googol.Address, 1);
            IntTests.AssertOrder(rt, max.Address, googol.Address, -1);
            using PyRef half = rt.Own(rt.NewFloat(2.5));
            using PyRef two = rt.Own(rt.NewInt(2));
            IntTests.AssertOrder(rt, half.Address, two.Address, 1);
            IntTests.AssertOrder(rt, half.Address, rt.True, 1);
        }

        t.AssertNoLeaks();
    }
}
