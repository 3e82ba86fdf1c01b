using System;
using System.Text;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class BytesTests
{
    [Fact]
    public void Bytes_are_33_plus_len_and_NUL_terminated()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        Assert.Equal(33, rt.SizeOf(rt.EmptyBytes));
        foreach (int n in new[] { 2, 3, 15, 100, 479, 480, 1000 })
        {
            var data = new byte[n];
            Array.Fill(data, (byte)'z');
            PyObject* b = rt.NewBytes(data);
            Assert.Equal(33 + n, rt.SizeOf(b));
            Assert.Equal(0, PyRuntime.BytesData(b)[n]);
            Assert.Equal(-1, ((PyBytesObject*)b)->Hash);
            Assert.True(PyRuntime.BytesSpan(b).SequenceEqual(data));
            rt.DecRef(b);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Empty_and_one_byte_bytes_are_singletons_with_the_static_refcount()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* e = rt.NewBytes([]);
        Assert.True(e == rt.EmptyBytes);
        Assert.Equal(PyRuntime.ImmortalInitRefCount + 1, e->RefCount);
        rt.DecRef(e);
        long baseline = rt.Allocator.GetAllocatedBlocks();
        for (int i = 0; i < 256; i++)
        {
            PyObject* a = rt.NewBytes([(byte)i]);
            PyObject* b = rt.NewBytes([(byte)i]);
            Assert.True(a == b);
            Assert.True(rt.IsBytesSingleton(a));
            Assert.Equal(PyRuntime.ImmortalInitRefCount + 2, a->RefCount);
            rt.DecRef(a);
            rt.DecRef(b);
        }

        Assert.Equal(baseline, rt.Allocator.GetAllocatedBlocks());
        PyObject* x = rt.NewBytes("xy"u8);
        PyObject* y = rt.NewBytes("xy"u8);
        Assert.False(x == y);
        Assert.Equal(1, x->RefCount);
        rt.DecRef(x);
        rt.DecRef(y);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Repr_hash_and_size_match_CPython_for_recorded_bytes()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        foreach (string[] row in RecordedData.Rows("cpython311-bytes.tsv"))
        {
            byte[] data = RecordedData.Hex(row[0]);
            PyObject* b = rt.NewBytes(data);
            Assert.Equal(row[1], rt.ReprString(b));
            Assert.Equal(RecordedData.Long(row[2]), (long)b->Type->Hash(rt, b));
            Assert.Equal(RecordedData.Long(row[2]), ((PyBytesObject*)b)->Hash);
            Assert.Equal(RecordedData.Long(row[2]), PyHash.HashBytes(data));
            Assert.Equal(RecordedData.Long(row[3]), (long)rt.SizeOf(b));
            PyObject* ba = rt.NewByteArray(data);
            Assert.Equal(row[4], rt.ReprString(ba));
            rt.DecRef(ba);
            rt.DecRef(b);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Compare_orders_bytes_lexicographically_and_declines_other_types()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            using PyRef abc = rt.Own(rt.NewBytes("abc"u8));
            using PyRef abd = rt.Own(rt.NewBytes("abd"u8));
            using PyRef ab = rt.Own(rt.NewBytes("ab"u8));
            using PyRef abc2 = rt.Own(rt.NewBytes("abc"u8));
            IntTests.AssertOrder(rt, abc.Address, abd.Address, -1);
            IntTests.AssertOrder(rt, abc.Address, ab.Address, 1);
            IntTests.AssertOrder(rt, abc.Address, abc2.Address, 0);
            IntTests.AssertOrder(rt, rt.EmptyBytes, ab.Address, -1);
            using PyRef ba = rt.Own(rt.NewByteArray("abc"u8));
            PyObject* r = rt.BytesRichCompare(abc.Address, ba.Address, CompareOp.Eq);
            Assert.True(r == rt.NotImplemented);
            rt.DecRef(r);

            // bytearray compares with both (the reflected call for bytes == bytearray).
            IntTests.AssertOrder(rt, ba.Address, abc.Address, 0);
            IntTests.AssertOrder(rt, ba.Address, abd.Address, -1);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Concat_returns_an_operand_for_an_empty_side_and_names_foreign_types()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            using PyRef ab = rt.Own(rt.NewBytes("ab"u8));
            using PyRef cd = rt.Own(rt.NewBytes("cd"u8));
            using PyRef abcd = rt.Own(rt.BytesConcat(ab.Address, cd.Address));
            Assert.Equal("b'abcd'", rt.ReprString(abcd.Address));
            using PyRef same = rt.Own(rt.BytesConcat(ab.Address, rt.EmptyBytes));
            Assert.True(same.Address == ab.Address);
            using PyRef same2 = rt.Own(rt.BytesConcat(rt.EmptyBytes, cd.Address));
            Assert.True(same2.Address == cd.Address);
            using PyRef ba = rt.Own(rt.NewByteArray("!"u8));
            using PyRef mixed = rt.Own(rt.BytesConcat(ab.Address, ba.Address));
            Assert.Equal("b'ab!'", rt.ReprString(mixed.Address));
            using PyRef one = rt.Own(rt.NewInt(1));
            IntArithmeticTests.AssertError(rt, rt.BytesConcat(ab.Address, one.Address), "TypeError: can't concat int to bytes");
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytearray_header_is_56_bytes_and_the_buffer_is_a_heap_block()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        long baseline = rt.Allocator.GetAllocatedBlocks();
        PyObject* empty = rt.NewByteArray([]);
        Assert.Equal(56, rt.SizeOf(empty));
        Assert.Equal(64, rt.Allocator.BlockSizeOf(empty));
        Assert.Equal(baseline + 1, rt.Allocator.GetAllocatedBlocks());
        PyObject* abc = rt.NewByteArray("abc"u8);
        Assert.Equal(60, rt.SizeOf(abc));
        Assert.Equal(baseline + 3, rt.Allocator.GetAllocatedBlocks());
        Assert.True(abc->Type->Hash == null);
        Assert.False(rt.GcIsTracked(abc));
        rt.DecRef(abc);
        rt.DecRef(empty);
        Assert.Equal(baseline, rt.Allocator.GetAllocatedBlocks());
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytearray_capacity_follows_CPython_step_by_step()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* b = rt.NewByteArray([]);
        var model = new StringBuilder();
        foreach (string[] row in RecordedData.Rows("cpython311-bytearray.tsv"))
        {
            long arg = RecordedData.Long(row[1]);
            PyObject* o = b;
            switch (row[0])
            {
                case "append":
                    Assert.True(rt.ByteArrayAppend(b, (int)arg));
                    model.Append((char)arg);
                    break;
                case "extend":
                    var x = new byte[arg];
                    Array.Fill(x, (byte)(row[1] == "120" ? 'q' : 'x'));
                    Assert.True(rt.ByteArrayExtend(b, x));
                    model.Append(Encoding.Latin1.GetString(x));
                    break;
                case "delfront":
                    Assert.True(rt.ByteArrayDeleteSlice(b, 0, (nint)arg));
                    model.Remove(0, (int)arg);
                    break;
                case "delmid":
                    Assert.True(rt.ByteArrayDeleteSlice(b, 10, 10 + (nint)arg));
                    model.Remove(10, (int)arg);
                    break;
                case "pop":
                    PyObject* v = rt.ByteArrayPop(b);
                    Assert.Equal(model[^1], (char)(long)PyRuntime.IntToBigInteger(v));
                    rt.DecRef(v);
                    model.Length--;
                    break;
                case "clear":
                    Assert.True(rt.ByteArrayClear(b));
                    model.Clear();
                    break;
                case "new":
                    var y = new byte[arg];
                    o = rt.NewByteArray(y);
                    break;
                default:
                    throw new InvalidOperationException(row[0]);
            }

            Assert.Equal(RecordedData.Long(row[2]), PyRuntime.ByteArraySize(o));
            Assert.Equal(RecordedData.Long(row[3]), (long)rt.SizeOf(o));
            if (o == b)
            {
                Assert.Equal(model.ToString(), Encoding.Latin1.GetString(PyRuntime.ByteArraySpan(b)));
            }
            else
            {
                rt.DecRef(o);
            }
        }

        rt.DecRef(b);
        rt.Allocator.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytearray_slice_assignment_moves_the_tail_and_handles_its_own_buffer()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* b = rt.NewByteArray("abcdef"u8);
        Assert.True(rt.ByteArraySetSlice(b, 0, 3, "X"u8));
        Assert.Equal("Xdef", Encoding.Latin1.GetString(PyRuntime.ByteArraySpan(b)));
        Assert.True(rt.ByteArraySetSlice(b, 1, 2, "1234"u8));
        Assert.Equal("X1234ef", Encoding.Latin1.GetString(PyRuntime.ByteArraySpan(b)));
        Assert.True(rt.ByteArraySetSlice(b, 2, 5, PyRuntime.ByteArraySpan(b)));
        Assert.Equal("X1X1234efef", Encoding.Latin1.GetString(PyRuntime.ByteArraySpan(b)));
        Assert.True(rt.ByteArraySetSlice(b, -5, 100, default));
        Assert.Equal("", Encoding.Latin1.GetString(PyRuntime.ByteArraySpan(b)));
        rt.DecRef(b);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Bytearray_errors_have_CPythons_messages()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* b = rt.NewByteArray([]);
        IntArithmeticTests.AssertError(rt, rt.ByteArrayPop(b), "IndexError: pop from empty bytearray");
        Assert.False(rt.ByteArrayAppend(b, 256));
        Assert.Equal("ValueError: byte must be in range(0, 256)", rt.TakeErrorAsException().Message);
        Assert.True(rt.ByteArrayAppend(b, 7));
        IntArithmeticTests.AssertError(rt, rt.ByteArrayPop(b, 5), "IndexError: pop index out of range");
        PyObject* seven = rt.ByteArrayPop(b, -1);
        Assert.True(rt.IsSmallIntSingleton(seven));
        rt.DecRef(seven);
        rt.DecRef(b);
        t.AssertNoLeaks();
    }
}
