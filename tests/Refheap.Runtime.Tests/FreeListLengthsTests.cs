using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>PyRuntime.SetFreeListLengths: the free lists a host sets before a program starts.</summary>
public sealed unsafe class FreeListLengthsTests
{
    [Fact]
    public void Lengths_are_exact_and_the_gc_count_does_not_move()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        (int, int, int) count = rt.GetCount();
        int[] tuples = [3, 8, 2, 1, 1, 3, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0];
        Assert.True(rt.SetFreeListLengths(5, 8, 4, tuples));
        Assert.Equal(5, rt.ListFreeCount);
        Assert.Equal(8, rt.DictFreeCount);
        Assert.Equal(4, rt.FloatFreeCount);
        for (int size = 1; size <= tuples.Length; size++)
        {
            Assert.Equal(tuples[size - 1], rt.TupleFreeCount(size));
        }

        Assert.Equal(count, rt.GetCount());

        // Taken from the lists: no new block for the first three tuples of one item.
        long blocks = rt.Allocator.GetAllocatedBlocks();
        var held = new List<nint>();
        for (int i = 0; i < 3; i++)
        {
            PyObject* one = rt.NewTuple(1);
            PyRuntime.TupleItems(one)[0] = PyRuntime.NewRef(rt.None);
            held.Add((nint)one);
        }

        Assert.Equal(blocks, rt.Allocator.GetAllocatedBlocks());
        PyObject* fourth = rt.NewTuple(1);
        PyRuntime.TupleItems(fourth)[0] = PyRuntime.NewRef(rt.None);
        Assert.Equal(blocks + 1, rt.Allocator.GetAllocatedBlocks());
        held.Add((nint)fourth);
        foreach (nint o in held)
        {
            rt.DecRef((PyObject*)o);
        }

        Assert.Equal(4, rt.TupleFreeCount(1));
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    [Fact]
    public void Lengths_past_the_lists_capacity_are_refused()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.SetFreeListLengths(PyRuntime.ListMaxFreeList + 1, 0, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.SetFreeListLengths(0, -1, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.SetFreeListLengths(0, 0, 0, new int[21]));
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Seeded: lengths set again and again between runs of allocations and releases of every
    /// free-listed kind; the model is what the lengths must be after each step (set: the target;
    /// an object made: one less if there was one; released: one more up to the capacity).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_sequences_keep_the_lengths_the_model_predicts(int seed)
    {
        var random = new Random(seed);
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var held = new List<(int Kind, nint Object)>();
        int[] model = Lengths(rt); // 0 list, 1 dict, 2 float, 3.. tuples of sizes 1..20
        for (int step = 0; step < 2000; step++)
        {
            int action = random.Next(10);
            if (action == 0)
            {
                int[] tuples = new int[20];
                for (int i = 0; i < tuples.Length; i++)
                {
                    tuples[i] = random.Next(12);
                }

                (int, int, int) count = rt.GetCount();
                model[0] = random.Next(PyRuntime.ListMaxFreeList + 1);
                model[1] = random.Next(20);
                model[2] = random.Next(20);
                tuples.CopyTo(model, 3);
                Assert.True(rt.SetFreeListLengths(model[0], model[1], model[2], tuples));
                Assert.Equal(count, rt.GetCount());
            }
            else if (action < 6)
            {
                int kind = random.Next(23);
                held.Add((kind, (nint)Make(rt, kind)));

                // 3.11's tuple_alloc takes from the lists of sizes 1 to 19 only; tuples of 20
                // go onto their list when freed and are never taken back (CPython does the same).
                if (kind != 22)
                {
                    model[kind] = Math.Max(0, model[kind] - 1);
                }
            }
            else if (held.Count > 0)
            {
                int index = random.Next(held.Count);
                (int kind, nint o) = held[index];
                held.RemoveAt(index);
                rt.DecRef((PyObject*)o);
                model[kind] = Math.Min(Capacity(kind), model[kind] + 1);
            }

            Assert.Equal(model, Lengths(rt));
            if (step % 250 == 0)
            {
                rt.AssertValid();
            }
        }

        foreach ((int _, nint o) in held)
        {
            rt.DecRef((PyObject*)o);
        }

        rt.AssertValid();
        t.AssertNoLeaks();
    }

    private static PyObject* Make(PyRuntime rt, int kind)
    {
        switch (kind)
        {
            case 0:
                return rt.NewList(0);
            case 1:
                return rt.NewDict();
            case 2:
                return rt.NewFloat(1.5);
            default:
                int size = kind - 2;
                PyObject* tuple = rt.NewTuple(size);
                for (int i = 0; i < size; i++)
                {
                    PyRuntime.TupleItems(tuple)[i] = PyRuntime.NewRef(rt.None);
                }

                return tuple;
        }
    }

    private static int Capacity(int kind) => kind switch
    {
        0 => PyRuntime.ListMaxFreeList,
        1 => PyRuntime.DictMaxFreeList,
        2 => PyRuntime.FloatMaxFreeList,
        _ => PyRuntime.TupleMaxFreeList,
    };

    private static int[] Lengths(PyRuntime rt)
    {
        var lengths = new int[23];
        lengths[0] = rt.ListFreeCount;
        lengths[1] = rt.DictFreeCount;
        lengths[2] = rt.FloatFreeCount;
        for (int size = 1; size <= 20; size++)
        {
            lengths[size + 2] = rt.TupleFreeCount(size);
        }

        return lengths;
    }
}
