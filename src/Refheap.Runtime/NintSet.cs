using System;
using Refheap.Memory;

namespace Refheap.Runtime;

/// <summary>
/// A set of addresses (non-zero object pointers) that enumerates in the order HashSet&lt;nint&gt;
/// does: by slot, where an added item takes the most recently freed slot, else the next new
/// one. The collector's candidate sets are enumerated, and the order decides the order of the
/// scan list, so the order is kept exactly. Not HashSet&lt;nint&gt; itself: the framework's
/// collections over value types are in no ReadyToRun image, so every process JIT-compiled it
/// at start-up; this class is precompiled.
/// </summary>
internal sealed class NintSet
{
    private readonly AddressTable _slotOf = new();
    private nint[] _items = new nint[16];
    private int _highWater;
    private int[] _free = new int[16];
    private int _freeCount;

    public int Count => _slotOf.Count;

    /// <summary>Adds <paramref name="item"/>; false if it was already present (one probe of the table).</summary>
    public bool Add(nint item)
    {
        int slot = _freeCount > 0 ? _free[_freeCount - 1] : _highWater;
        if (!_slotOf.TryAdd((nuint)item, (nuint)slot))
        {
            return false;
        }

        if (_freeCount > 0)
        {
            _freeCount--;
        }
        else
        {
            if (_highWater == _items.Length)
            {
                nint[] bigger = new nint[_items.Length * 2];
                Array.Copy(_items, bigger, _highWater);
                _items = bigger;
            }

            _highWater++;
        }

        _items[slot] = item;
        return true;
    }

    public bool Contains(nint item) => _slotOf.TryGetValue((nuint)item, out _);

    public bool Remove(nint item)
    {
        if (!_slotOf.Remove((nuint)item, out nuint slot))
        {
            return false;
        }

        _items[(int)slot] = 0;
        if (_freeCount == _free.Length)
        {
            int[] bigger = new int[_free.Length * 2];
            Array.Copy(_free, bigger, _freeCount);
            _free = bigger;
        }

        _free[_freeCount++] = (int)slot;
        return true;
    }

    public void Clear()
    {
        if (_highWater == 0)
        {
            return;
        }

        Array.Clear(_items, 0, _highWater);
        _highWater = 0;
        _freeCount = 0;
        _slotOf.Clear();
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the items by slot (the set must not change meanwhile).</summary>
    public struct Enumerator
    {
        private readonly NintSet _set;
        private int _slot;

        internal Enumerator(NintSet set)
        {
            _set = set;
            _slot = -1;
        }

        public readonly nint Current => _set._items[_slot];

        public bool MoveNext()
        {
            while (++_slot < _set._highWater)
            {
                if (_set._items[_slot] != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
