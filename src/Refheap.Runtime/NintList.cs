using System;

namespace Refheap.Runtime;

/// <summary>
/// A growable list of addresses (object pointers kept as nint). Not List&lt;nint&gt;: the
/// framework's generic collections over value types are in no ReadyToRun image, so every
/// process JIT-compiled List&lt;nint&gt;'s methods at start-up (class creation's MRO, the
/// collector, shutdown); this class is precompiled. Used on those paths only.
/// </summary>
internal sealed class NintList
{
    private nint[] _items;
    private int _count;

    public NintList()
        : this(4)
    {
    }

    public NintList(int capacity)
    {
        _items = new nint[Math.Max(capacity, 4)];
    }

    public int Count => _count;

    public nint this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items[index];
        }
    }

    public void Add(nint value)
    {
        if (_count == _items.Length)
        {
            nint[] bigger = new nint[_items.Length * 2];
            Array.Copy(_items, bigger, _count);
            _items = bigger;
        }

        _items[_count++] = value;
    }

    /// <summary>The first index of <paramref name="value"/>, or -1.</summary>
    public int IndexOf(nint value)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_items[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        _count--;
        Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = 0;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the items present when each step is taken (the list must not change meanwhile).</summary>
    public struct Enumerator
    {
        private readonly NintList _list;
        private int _index;

        internal Enumerator(NintList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly nint Current => _list._items[_index];

        public bool MoveNext() => ++_index < _list._count;
    }
}
