using System;
using System.Collections.Generic;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// rss_release.py bfs: a breadth-first search over the implicit graph
/// neighbors(x) = ((31x + 7) % v, (17x + 3) % v, (13x + 11) % v), v = 1,000,003, that
/// queues every path (a tuple of ints) from (0,) until the queue holds the target number
/// of paths. Paths that end on a multiple of 1009 are also kept in a "found" list (about
/// 0.1%). <see cref="Release"/> drops the queue; the found paths stay, and pin whatever
/// pools their tuples and ints sit in. The queue and the found list are managed (CPython's
/// deque and list storage come from the C allocator, not from pymalloc).
/// </summary>
public sealed class SparseSurvivorsWorkload : MemoryWorkload
{
    public const long Vertices = 1_000_003;
    public const long KeepModulus = 1009;

    private readonly long _target;
    private readonly Queue<nint> _queue;
    private readonly List<nint> _found;
    private PathHeap? _heap;

    public SparseSurvivorsWorkload(long targetQueueLength)
    {
        _target = targetQueueLength;

        // One pop adds three paths, so the queue never holds more than target + 2. Filling
        // and draining it once makes its ring buffer resident before the baseline.
        int capacity = checked((int)(targetQueueLength + 3));
        _queue = new Queue<nint>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            _queue.Enqueue(0);
        }

        _queue.Clear();
        _found = new List<nint>(checked((int)(targetQueueLength / 256) + 64));
    }

    /// <summary>Paths in the found list.</summary>
    public int FoundCount => _found.Count;

    public override void Build(Allocator allocator)
    {
        var heap = new PathHeap(allocator);
        _heap = heap;
        _queue.Enqueue(heap.NewSingleton(heap.NewInt(0)));
        while (_queue.Count > 0)
        {
            nint path = _queue.Dequeue();
            long node = PathHeap.LastValue(path);
            Visit(heap, path, ((node * 31) + 7) % Vertices);
            Visit(heap, path, ((node * 17) + 3) % Vertices);
            Visit(heap, path, ((node * 13) + 11) % Vertices);

            // `path = queue.popleft()` on the next turn drops the popped path.
            heap.DecRefTuple(path);
            if (_queue.Count >= _target)
            {
                break;
            }
        }
    }

    public override void Release(Allocator allocator)
    {
        PathHeap heap = _heap ?? throw new InvalidOperationException("Build has not run.");
        while (_queue.Count > 0)
        {
            heap.DecRefTuple(_queue.Dequeue());
        }
    }

    public override void FreeRemaining(Allocator allocator)
    {
        PathHeap heap = _heap ?? throw new InvalidOperationException("Build has not run.");
        foreach (nint path in _found)
        {
            heap.DecRefTuple(path);
        }

        _found.Clear();
    }

    private void Visit(PathHeap heap, nint path, long neighbor)
    {
        nint extended = heap.Extend(path, heap.NewInt(neighbor));
        if (neighbor % KeepModulus == 0)
        {
            PathHeap.IncRef(extended);
            _found.Add(extended);
        }

        _queue.Enqueue(extended);
    }
}
