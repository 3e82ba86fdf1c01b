using System;

namespace Refheap.Runtime;

/// <summary>
/// A stack of ints (free slot numbers, the compiler's handler stack). Not Stack&lt;int&gt;: the framework's generic collections
/// over value types are in no ReadyToRun image, so every process would JIT-compile them at
/// start-up; this class is precompiled.
/// </summary>
internal sealed class IntStack
{
    private int[] _items = new int[16];
    private int _count;

    public int Count => _count;

    public void Push(int value)
    {
        if (_count == _items.Length)
        {
            int[] bigger = new int[_items.Length * 2];
            Array.Copy(_items, bigger, _count);
            _items = bigger;
        }

        _items[_count++] = value;
    }

    public int Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("the stack is empty");
        }

        return _items[--_count];
    }

    public int Peek()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("the stack is empty");
        }

        return _items[_count - 1];
    }

    public void Clear() => _count = 0;

    /// <summary>The items, top first (as Stack&lt;int&gt;.ToArray).</summary>
    public int[] ToArray()
    {
        int[] result = new int[_count];
        for (int i = 0; i < _count; i++)
        {
            result[i] = _items[_count - 1 - i];
        }

        return result;
    }
}
