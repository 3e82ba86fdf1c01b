using System;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// rss_release.py frag_random: build the mix, keep a random tenth of the objects, free the
/// rest (last first, as list_dealloc does). The tenth is chosen by Random(42) before the
/// baseline is taken, so every run and every profile keeps the same objects.
/// </summary>
public sealed class Random10PctWorkload : MemoryWorkload
{
    private const int Seed = 42;

    private readonly ObjectMix _mix;
    private readonly bool[] _keep;

    public Random10PctWorkload(long n)
    {
        _mix = new ObjectMix(n);
        _keep = new bool[n];
        Touch(_keep);
        var random = new Random(Seed);
        long kept = 0;
        long target = _mix.Count / 10;
        while (kept < target)
        {
            long index = random.NextInt64(_mix.Count);
            if (!_keep[index])
            {
                _keep[index] = true;
                kept++;
            }
        }
    }

    public override void Build(Allocator allocator) => _mix.Build(allocator);

    public override void Release(Allocator allocator)
    {
        for (long i = _mix.Count - 1; i >= 0; i--)
        {
            if (!_keep[i])
            {
                _mix.Free(allocator, i);
            }
        }
    }

    public override void FreeRemaining(Allocator allocator)
    {
        for (long i = _mix.Count - 1; i >= 0; i--)
        {
            _mix.Free(allocator, i);
        }
    }
}
