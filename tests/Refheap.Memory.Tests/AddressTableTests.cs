using System;
using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>The address table against a Dictionary model: random adds and removes, growth, collisions, clearing.</summary>
public class AddressTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Behaves_like_a_dictionary(int seed)
    {
        var rng = new Random(seed);
        var table = new AddressTable();
        var model = new Dictionary<nuint, nuint>();
        var keys = new List<nuint>();
        for (int step = 0; step < 20000; step++)
        {
            if (keys.Count == 0 || rng.Next(3) != 0)
            {
                // Aligned addresses from a small range, so home slots collide and runs wrap.
                nuint key = (nuint)(16 * rng.Next(1, 4000));
                if (model.ContainsKey(key))
                {
                    Assert.Throws<ArgumentException>(() => table.Add(key, 1));
                    Assert.False(table.TryAdd(key, 2));
                    continue;
                }

                nuint value = (nuint)rng.Next();
                if (rng.Next(2) == 0)
                {
                    table.Add(key, value);
                }
                else
                {
                    Assert.True(table.TryAdd(key, value));
                }

                model.Add(key, value);
                keys.Add(key);
            }
            else
            {
                int at = rng.Next(keys.Count);
                nuint key = keys[at];
                keys[at] = keys[^1];
                keys.RemoveAt(keys.Count - 1);
                Assert.True(table.Remove(key, out nuint value));
                Assert.Equal(model[key], value);
                model.Remove(key);
                Assert.False(table.Remove(key, out _));
            }

            Assert.Equal(model.Count, table.Count);
        }

        foreach ((nuint key, nuint value) in model)
        {
            Assert.True(table.TryGetValue(key, out nuint v));
            Assert.Equal(value, v);
        }

        int seen = 0;
        for (int slot = 0; slot < table.SlotCount; slot++)
        {
            if (table.TryGetSlot(slot, out nuint key, out nuint value))
            {
                Assert.Equal(model[key], value);
                seen++;
            }
        }

        Assert.Equal(model.Count, seen);
        Assert.False(table.TryGetValue(8, out _));
        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(keys.Count > 0 ? keys[0] : 16, out _));
    }
}
