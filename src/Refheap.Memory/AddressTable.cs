using System;

namespace Refheap.Memory;

/// <summary>
/// A map from non-zero addresses to words (the allocator's live raw blocks and their sizes, the
/// runtime's shared-key index): an open-addressing table with linear probing and backward-shift
/// deletion. A dedicated type rather than a Dictionary&lt;nuint, nuint&gt;: instantiations of the
/// framework's generic collections over value types are not in any ReadyToRun image, so each
/// such dictionary had to be JIT-compiled by every process at start-up (about ten methods
/// apiece), while this class is precompiled. Slot order is unspecified: only callers that do
/// not depend on an order enumerate it.
/// </summary>
public sealed class AddressTable
{
    private const int InitialCapacity = 16;

    private nuint[] _keys = new nuint[InitialCapacity];
    private nuint[] _values = new nuint[InitialCapacity];
    private int _count;

    public int Count => _count;

    /// <summary>The number of slots; <see cref="TryGetSlot"/> enumerates them.</summary>
    public int SlotCount => _keys.Length;

    /// <summary>Adds a block; throws if the address is already present (as Dictionary.Add does).</summary>
    public void Add(nuint key, nuint value)
    {
        if (key == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "the key must not be zero");
        }

        if ((_count + 1) * 4 > _keys.Length * 3)
        {
            Grow();
        }

        int mask = _keys.Length - 1;
        int i = Home(key, mask);
        while (_keys[i] != 0)
        {
            if (_keys[i] == key)
            {
                throw new ArgumentException("the key is already present", nameof(key));
            }

            i = (i + 1) & mask;
        }

        _keys[i] = key;
        _values[i] = value;
        _count++;
    }

    /// <summary>Sets the value of <paramref name="key"/>, adding it if absent.</summary>
    public void Set(nuint key, nuint value)
    {
        int i = Find(key);
        if (i >= 0)
        {
            _values[i] = value;
        }
        else
        {
            Add(key, value);
        }
    }

    public bool TryGetValue(nuint key, out nuint value)
    {
        int i = Find(key);
        if (i < 0)
        {
            value = 0;
            return false;
        }

        value = _values[i];
        return true;
    }

    public bool Remove(nuint key, out nuint value)
    {
        int i = Find(key);
        if (i < 0)
        {
            value = 0;
            return false;
        }

        value = _values[i];
        int mask = _keys.Length - 1;

        // Backward shift: move later members of the probe run into the hole when their home
        // slot does not lie (cyclically) between the hole and their current slot.
        int hole = i;
        int j = i;
        while (true)
        {
            j = (j + 1) & mask;
            nuint k = _keys[j];
            if (k == 0)
            {
                break;
            }

            int home = Home(k, mask);
            bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                _keys[hole] = k;
                _values[hole] = _values[j];
                hole = j;
            }
        }

        _keys[hole] = 0;
        _values[hole] = 0;
        _count--;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_values);
        _count = 0;
    }

    /// <summary>The block in slot <paramref name="slot"/> (0 &lt;= slot &lt; <see cref="SlotCount"/>), if the slot is used.</summary>
    public bool TryGetSlot(int slot, out nuint key, out nuint value)
    {
        key = _keys[slot];
        value = _values[slot];
        return key != 0;
    }

    private int Find(nuint key)
    {
        if (key == 0)
        {
            return -1;
        }

        int mask = _keys.Length - 1;
        int i = Home(key, mask);
        while (true)
        {
            nuint k = _keys[i];
            if (k == key)
            {
                return i;
            }

            if (k == 0)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        nuint[] keys = _keys;
        nuint[] values = _values;
        _keys = new nuint[keys.Length * 2];
        _values = new nuint[keys.Length * 2];
        int mask = _keys.Length - 1;
        for (int s = 0; s < keys.Length; s++)
        {
            if (keys[s] != 0)
            {
                int i = Home(keys[s], mask);
                while (_keys[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _keys[i] = keys[s];
                _values[i] = values[s];
            }
        }
    }

    // Fibonacci hashing: addresses are aligned, so their low bits alone would cluster.
    private static int Home(nuint key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
