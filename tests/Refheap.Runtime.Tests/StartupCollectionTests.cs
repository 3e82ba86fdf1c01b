using System;
using System.Collections.Generic;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The precompiled start-up collections against the framework's: NintSet enumerates exactly as
/// HashSet&lt;nint&gt; does (the collector's scan order depends on it), NintList and IntStack behave
/// as List&lt;nint&gt; and Stack&lt;int&gt;.
/// </summary>
public class StartupCollectionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NintSet_enumerates_in_HashSet_order(int seed)
    {
        var rng = new Random(seed);
        var set = new NintSet();
        var model = new HashSet<nint>();
        for (int step = 0; step < 5000; step++)
        {
            nint item = 16 * rng.Next(1, 300);
            int op = rng.Next(10);
            if (op < 6)
            {
                Assert.Equal(model.Add(item), set.Add(item));
            }
            else if (op < 9)
            {
                Assert.Equal(model.Remove(item), set.Remove(item));
            }
            else if (rng.Next(20) == 0)
            {
                model.Clear();
                set.Clear();
            }

            Assert.Equal(model.Count, set.Count);
            Assert.Equal(model.Contains(item), set.Contains(item));
            if (step % 50 == 0)
            {
                var order = new List<nint>();
                foreach (nint x in set)
                {
                    order.Add(x);
                }

                Assert.Equal(new List<nint>(model), order);
            }
        }
    }

    [Fact]
    public void NintList_and_IntStack_behave_like_List_and_Stack()
    {
        var list = new NintList();
        var model = new List<nint>();
        var stack = new IntStack();
        var stackModel = new Stack<int>();
        var rng = new Random(7);
        for (int step = 0; step < 3000; step++)
        {
            nint v = rng.Next(1, 100);
            if (model.Count == 0 || rng.Next(3) != 0)
            {
                list.Add(v);
                model.Add(v);
                stack.Push((int)v);
                stackModel.Push((int)v);
            }
            else
            {
                int at = rng.Next(model.Count);
                list.RemoveAt(at);
                model.RemoveAt(at);
                Assert.Equal(stackModel.Peek(), stack.Peek());
                Assert.Equal(stackModel.Pop(), stack.Pop());
            }

            Assert.Equal(model.Count, list.Count);
            Assert.Equal(model.IndexOf(v), list.IndexOf(v));
            Assert.Equal(stackModel.Count, stack.Count);
        }

        for (int i = 0; i < model.Count; i++)
        {
            Assert.Equal(model[i], list[i]);
        }

        Assert.Equal(stackModel.ToArray(), stack.ToArray());
        list.Clear();
        stack.Clear();
        Assert.Equal(0, list.Count);
        Assert.Equal(0, stack.Count);
        Assert.Throws<InvalidOperationException>(() => stack.Pop());
    }
}
