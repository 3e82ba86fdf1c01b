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
/// <para>
/// A slot is a key and its value side by side (one array, key at 2i, value at 2i + 1), so a
/// probe that finds the key has its value in the same cache line: the tables grow to hundreds
/// of thousands of entries (the collector's candidate set), where each separate line is a miss.
/// Invariant: a key is zero iff its slot is empty, and every key lies in the probe run that
/// starts at its home slot.
/// </para>
/// </summary>
public sealed class AddressTable
{
    private const int InitialCapacity = 16;

    /// <summary>Key, value pairs: slot i is [2i, 2i + 1]; the length is twice a power of two.</summary>
    private nuint[] _slots = new nuint[2 * InitialCapacity];
    private int _count;

    public int Count => _count;

    /// <summary>The number of slots; <see cref="TryGetSlot"/> enumerates them.</summary>
    public int SlotCount => _slots.Length >> 1;

    /// <summary>Adds a block; throws if the address is already present (as Dictionary.Add does).</summary>
    public void Add(nuint key, nuint value)
    {
        if (!TryAdd(key, value))
        {
            throw new ArgumentException("the key is already present", nameof(key));
        }
    }

    /// <summary>Adds <paramref name="key"/> unless present (one probe); false if it was present.</summary>
    public bool TryAdd(nuint key, nuint value)
    {
        if (key == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "the key must not be zero");
        }

        if ((_count + 1) * 4 > SlotCount * 3)
        {
            Grow();
        }

        nuint[] slots = _slots;
        int mask = (slots.Length >> 1) - 1;
        int i = Home(key, mask);
        while (true)
        {
            nuint k = slots[2 * i];
            if (k == 0)
            {
                break;
            }

            if (k == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        slots[2 * i] = key;
        slots[(2 * i) + 1] = value;
        _count++;
        return true;
    }

    /// <summary>Sets the value of <paramref name="key"/>, adding it if absent.</summary>
    public void Set(nuint key, nuint value)
    {
        int i = Find(key);
        if (i >= 0)
        {
            _slots[(2 * i) + 1] = value;
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

        value = _slots[(2 * i) + 1];
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

        nuint[] slots = _slots;
        value = slots[(2 * i) + 1];
        int mask = (slots.Length >> 1) - 1;

        // Backward shift: move later members of the probe run into the hole when their home
        // slot does not lie (cyclically) between the hole and their current slot.
        int hole = i;
        int j = i;
        while (true)
        {
            j = (j + 1) & mask;
            nuint k = slots[2 * j];
            if (k == 0)
            {
                break;
            }

            int home = Home(k, mask);
            bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                slots[2 * hole] = k;
                slots[(2 * hole) + 1] = slots[(2 * j) + 1];
                hole = j;
            }
        }

        slots[2 * hole] = 0;
        slots[(2 * hole) + 1] = 0;
        _count--;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _count = 0;
    }

    /// <summary>The block in slot <paramref name="slot"/> (0 &lt;= slot &lt; <see cref="SlotCount"/>), if the slot is used.</summary>
    public bool TryGetSlot(int slot, out nuint key, out nuint value)
    {
        key = _slots[2 * slot];
        value = _slots[(2 * slot) + 1];
        return key != 0;
    }

    private int Find(nuint key)
    {
        if (key == 0)
        {
            return -1;
        }

        nuint[] slots = _slots;
        int mask = (slots.Length >> 1) - 1;
        int i = Home(key, mask);
        while (true)
        {
            nuint k = slots[2 * i];
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
        nuint[] old = _slots;
        nuint[] slots = new nuint[old.Length * 2];
        int mask = (slots.Length >> 1) - 1;
        for (int s = 0; s < old.Length; s += 2)
        {
            nuint key = old[s];
            if (key != 0)
            {
                int i = Home(key, mask);
                while (slots[2 * i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[2 * i] = key;
                slots[(2 * i) + 1] = old[s + 1];
            }
        }

        _slots = slots;
    }

    // Fibonacci hashing: addresses are aligned, so their low bits alone would cluster.
    private static int Home(nuint key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
