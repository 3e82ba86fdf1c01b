using System;
using System.Collections.Generic;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Objects.Deque;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>
/// The native deque (Objects/Deque) against a List model: seeded random sequences of the end
/// operations, extend, rotate, clear and item replacement, with the block invariants checked
/// after every step, the items compared, sys.getsizeof's block count recomputed, and every
/// block given back when the deque dies.
/// </summary>
public sealed unsafe class DequeTests
{
    [Theory]
    [InlineData(1, -1)]
    [InlineData(2, -1)]
    [InlineData(3, 5)]
    [InlineData(4, 70)]
    [InlineData(5, 0)]
    public void RandomOperationsMatchAListModel(int seed, int maxlen)
    {
        using var rt = new PyRuntime(new RuntimeOptions { Profile = AllocatorProfile.CPython311 });
        using var interp = new Interpreter(rt, TextWriter.Null, TextWriter.Null, ["-c"], Directory.GetCurrentDirectory());
        long rawBefore = rt.Allocator.GetStatistics().RawBlocks;
        PyObject* d = rt.NewInstance(interp.DequeType);
        Assert.True(Deque.InitEmpty(rt, d));
        ((PyDequeObject*)d)->MaxLen = maxlen;
        var model = new List<long>();
        var random = new Random(seed);
        long next = 0;
        for (int step = 0; step < 20_000; step++)
        {
            int op = random.Next(100);
            if (op < 30)
            {
                Assert.True(Deque.Append(rt, d, rt.NewInt(next), maxlen));
                model.Add(next++);
                Trim(model, maxlen, fromLeft: true);
            }
            else if (op < 55)
            {
                Assert.True(Deque.AppendLeft(rt, d, rt.NewInt(next), maxlen));
                model.Insert(0, next++);
                Trim(model, maxlen, fromLeft: false);
            }
            else if (op < 70 && model.Count > 0)
            {
                PyObject* item = Deque.Pop(rt, d);
                Assert.Equal(model[^1], PyRuntime.MediumValue(item));
                model.RemoveAt(model.Count - 1);
                rt.DecRef(item);
            }
            else if (op < 85 && model.Count > 0)
            {
                PyObject* item = Deque.PopLeft(rt, d);
                Assert.Equal(model[0], PyRuntime.MediumValue(item));
                model.RemoveAt(0);
                rt.DecRef(item);
            }
            else if (op < 92)
            {
                int k = random.Next(-150, 151);
                Deque.Rotate(rt, d, k);
                RotateModel(model, k);
            }
            else if (op < 95 && model.Count > 0)
            {
                int i = random.Next(model.Count);
                PyObject** slot = Deque.ItemSlot(d, i);
                rt.DecRef(*slot);
                *slot = rt.NewInt(-i);
                model[i] = -i;
            }
            else if (op < 96)
            {
                Deque.Clear(rt, d);
                model.Clear();
            }
            else
            {
                int count = random.Next(200);
                PyObject* list = rt.NewList(0);
                for (int i = 0; i < count; i++)
                {
                    PyObject* v = rt.NewInt(next);
                    rt.ListAppend(list, v);
                    rt.DecRef(v);
                    model.Add(next++);
                    Trim(model, maxlen, fromLeft: true);
                }

                Assert.True(Deque.Extend(rt, d, list, left: false));
                rt.DecRef(list);
            }

            Deque.AssertValid(d);
            Assert.Equal(model.Count, (int)Deque.Size(d));
            if (step % 97 == 0)
            {
                for (int i = 0; i < model.Count; i++)
                {
                    Assert.Equal(model[i], PyRuntime.MediumValue(*Deque.ItemSlot(d, i)));
                }
            }
        }

        rt.DecRef(d);
        Assert.Equal(rawBefore, rt.Allocator.GetStatistics().RawBlocks);
    }

    /// <summary>
    /// A 10^6-deep chain of deques (and of a deque subclass) frees through the trashcan.
    /// CPython 3.11's deque_dealloc has no trashcan and crashes on this (docs/deviations.md),
    /// so there is no CPython recording to compare with.
    /// </summary>
    [Fact]
    public void DeepChainsOfDequesFree()
    {
        const string src = """
            from collections import deque
            class Sub(deque):
                pass
            for kind in (deque, Sub):
                d = kind()
                for i in range(1000000):
                    d = kind([d])
                del d
                print(kind.__name__, 'freed')
            """;
        Assert.Equal("deque freed\nSub freed\n", ScriptRunner.Run(src));
    }

    private static void Trim(List<long> model, int maxlen, bool fromLeft)
    {
        while (maxlen >= 0 && model.Count > maxlen)
        {
            model.RemoveAt(fromLeft ? 0 : model.Count - 1);
        }
    }

    private static void RotateModel(List<long> model, int k)
    {
        int n = model.Count;
        if (n <= 1)
        {
            return;
        }

        int shift = ((k % n) + n) % n;
        var rotated = new long[n];
        for (int i = 0; i < n; i++)
        {
            rotated[(i + shift) % n] = model[i];
        }

        model.Clear();
        model.AddRange(rotated);
    }
}
