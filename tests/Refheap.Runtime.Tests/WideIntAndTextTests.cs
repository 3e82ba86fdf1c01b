using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The BigInteger-free helpers behind the text and random fast paths: ints of up to 128 bits
/// through UInt128 (PyRuntime.IntWide.cs), range lengths of long bounds, latin-1 strs and
/// bytes objects filled in place.
/// </summary>
public unsafe class WideIntAndTextTests
{
    [Fact]
    public void Magnitudes_make_the_ints_NewInt_makes()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var rng = new Random(20261121);
        for (int i = 0; i < 5_000; i++)
        {
            int bits = rng.Next(0, 129);
            var bytes = new byte[17];
            rng.NextBytes(bytes);
            bytes[16] = 0;
            BigInteger value = new BigInteger(bytes, isUnsigned: true) & ((BigInteger.One << bits) - 1);
            bool negative = rng.Next(2) == 0;
            PyObject* a = rt.NewIntFromMagnitude((UInt128)value, negative);
            PyObject* b = rt.NewInt(negative ? -value : value);
            Assert.Equal(PyRuntime.IntToBigInteger(b), PyRuntime.IntToBigInteger(a));
            Assert.Equal(rt.IsSmallIntSingleton(b), rt.IsSmallIntSingleton(a));
            Assert.Equal(rt.Allocator.BlockSizeOf(b), rt.Allocator.BlockSizeOf(a));
            // TryIntToMagnitude reads ints of up to four digits (120 bits).
            Assert.Equal(value.GetBitLength() <= 120, PyRuntime.TryIntToMagnitude(a, out UInt128 magnitude, out bool sign));
            if (value.GetBitLength() <= 120)
            {
                Assert.Equal(value, (BigInteger)magnitude);
                Assert.Equal(negative && !value.IsZero, sign);
            }
            rt.DecRef(a);
            rt.DecRef(b);
        }

        PyObject* big = rt.NewInt(BigInteger.One << 120);
        Assert.False(PyRuntime.TryIntToMagnitude(big, out _, out _));
        rt.DecRef(big);
        t.AssertNoLeaks();
    }

    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(10, 0, -3)]
    [InlineData(5, 5, 1)]
    [InlineData(long.MinValue, long.MaxValue, 1)]
    [InlineData(long.MaxValue, long.MinValue, -1)]
    [InlineData(long.MinValue, long.MaxValue, long.MaxValue)]
    [InlineData(-7, 100, 9)]
    public void Long_range_lengths_match_the_BigInteger_ones(long start, long stop, long step)
    {
        BigInteger expected = PyRuntime.RangeLength(new BigInteger(start), new BigInteger(stop), new BigInteger(step));
        Assert.Equal(expected, (BigInteger)PyRuntime.RangeLength(start, stop, step));
    }

    [Fact]
    public void Latin1_strs_are_narrow_and_share_the_one_character_singletons()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* ascii = rt.NewStrFromLatin1("abc"u8);
        PyObject* latin = rt.NewStrFromLatin1([0x61, 0xE9]);
        PyObject* one = rt.NewStrFromLatin1([0xE9]);
        PyObject* again = rt.NewStrFromLatin1([0xE9]);
        Assert.True(PyRuntime.StrIsAscii(ascii));
        Assert.False(PyRuntime.StrIsAscii(latin));
        Assert.Equal(1, PyRuntime.StrKind(latin));
        Assert.Equal("a\u00e9", PyRuntime.StrToString(latin));
        Assert.True(one == again);
        rt.DecRef(ascii);
        rt.DecRef(latin);
        rt.DecRef(one);
        rt.DecRef(again);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytes_to_fill_have_their_size_and_a_terminating_zero()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* empty = rt.NewBytesToFill(0);
        PyObject* b = rt.NewBytesToFill(5);
        Assert.Equal(0, PyRuntime.BytesSize(empty));
        Assert.Equal(5, PyRuntime.BytesSize(b));
        Assert.Equal(0, PyRuntime.BytesData(b)[5]);
        "hello"u8.CopyTo(new Span<byte>(PyRuntime.BytesData(b), 5));
        Assert.True(PyRuntime.BytesSpan(b).SequenceEqual("hello"u8));
        rt.DecRef(empty);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }
}
