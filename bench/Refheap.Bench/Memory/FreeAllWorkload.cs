using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>rss_release.py free_all: build the mix, then free every object (list_dealloc order: last first).</summary>
public sealed class FreeAllWorkload : MemoryWorkload
{
    private readonly ObjectMix _mix;

    public FreeAllWorkload(long n)
    {
        _mix = new ObjectMix(n);
    }

    public override void Build(Allocator allocator) => _mix.Build(allocator);

    public override void Release(Allocator allocator)
    {
        for (long i = _mix.Count - 1; i >= 0; i--)
        {
            _mix.Free(allocator, i);
        }
    }

    public override void FreeRemaining(Allocator allocator)
    {
    }
}
