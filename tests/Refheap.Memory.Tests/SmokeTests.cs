using System;
using System.Collections.Generic;
using Xunit;

namespace Refheap.Memory.Tests;

public unsafe class SmokeTests
{
    [Theory]
    [InlineData(AllocatorProfile.CPython311)]
    [InlineData(AllocatorProfile.Refheap)]
    [InlineData(AllocatorProfile.Python24)]
    public void Random_operations_keep_the_heap_valid(AllocatorProfile profile)
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = profile });
        var rng = new Random(1);
        var live = new List<nint>();
        for (int i = 0; i < 200_000; i++)
        {
            if (live.Count == 0 || rng.Next(3) != 0)
            {
                live.Add((nint)heap.Allocate(rng.Next(0, 700)));
            }
            else
            {
                int k = rng.Next(live.Count);
                heap.Free((void*)live[k]);
                live[k] = live[^1];
                live.RemoveAt(live.Count - 1);
            }

            if (i % 20_000 == 0)
            {
                heap.CheckInvariants();
            }
        }

        heap.CheckInvariants();
        foreach (nint p in live)
        {
            heap.Free((void*)p);
        }

        heap.CheckInvariants();
        Assert.Equal(0, heap.GetAllocatedBlocks());
    }
}
