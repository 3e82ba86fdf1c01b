using System.IO;

namespace Refheap.Memory;

// Statistics, always on: counters kept as they change, and a walk of the arenas for the rest
// (obmalloc.c: _PyObject_DebugMallocStats, _Py_GetAllocatedBlocks).
public sealed unsafe partial class Allocator
{
    /// <summary>Takes a snapshot of the books. Cost: a walk of every carved pool header.</summary>
    public AllocatorStatistics GetStatistics()
    {
        CheckCallable();
        var pools = new long[SizeClasses.Count];
        var blocks = new long[SizeClasses.Count];
        var available = new long[SizeClasses.Count];
        long used = 0, full = 0, empty = 0, uncarved = 0, alignment = 0;
        for (uint i = 0; i < _maxArenas; i++)
        {
            ArenaObject* arena = _arenas + i;
            if (arena->Address == 0)
            {
                continue;
            }

            if ((nuint)arena->FirstPool != arena->Address)
            {
                alignment += _poolSize;
            }

            for (int slot = 0; slot < arena->NTotalPools; slot++)
            {
                if ((arena->Uncarved[slot >> 6] & (1UL << (slot & 63))) != 0)
                {
                    uncarved++;
                    continue;
                }

                PoolHeader* pool = (PoolHeader*)(arena->FirstPool + ((nint)slot * _poolSize));
                if (pool->Count == 0)
                {
                    empty++;
                    continue;
                }

                int c = (int)pool->SizeIndex;
                int capacity = SizeClasses.BlocksPerPool(c, _poolSize);
                pools[c]++;
                blocks[c] += pool->Count;
                available[c] += capacity - pool->Count;
                if (pool->Count == capacity)
                {
                    full++;
                }
                else
                {
                    used++;
                }
            }
        }

        var classes = new SizeClassStatistics[SizeClasses.Count];
        long allocatedBytes = 0, availableBytes = 0, headers = 0, quantization = 0, inPools = 0;
        for (int c = 0; c < SizeClasses.Count; c++)
        {
            int size = SizeClasses.BlockSize(c);
            classes[c] = new SizeClassStatistics(c, size, pools[c], blocks[c], available[c]);
            allocatedBytes += blocks[c] * size;
            availableBytes += available[c] * size;
            headers += pools[c] * SizeClasses.PoolOverhead;
            quantization += pools[c] * ((_poolSize - SizeClasses.PoolOverhead) % size);
            inPools += blocks[c];
        }

        return new AllocatorStatistics
        {
            Profile = _profile,
            PoolSize = _poolSize,
            ArenasAllocatedTotal = _arenasAllocatedTotal,
            ArenasHighWater = _arenasHighWater,
            ArenasCurrent = _arenasCurrent,
            UsedPools = used,
            FullPools = full,
            EmptyPools = empty,
            UncarvedPools = uncarved,
            Classes = classes,
            BytesInAllocatedBlocks = allocatedBytes,
            BytesInAvailableBlocks = availableBytes,
            BytesLostToPoolHeaders = headers,
            BytesLostToQuantization = quantization,
            BytesLostToArenaAlignment = alignment,
            ArenaMapMidNodes = _map.MidNodes,
            ArenaMapBotNodes = _map.BotNodes,
            RawBlocks = _rawBlocks.Count,
            RawBytes = _rawBytes,
            PagesReleased = _pagesReleased,
            ReleaseRuns = _releaseRuns,
            ReleaseCalls = _releaseCalls,
            BlocksInPools = inPools,
            FootprintBytes = FootprintBytes,
            MaxBytes = _maxBytes,
        };
    }

    /// <summary>sys.getallocatedblocks(): raw blocks plus blocks in use in pools.</summary>
    public long GetAllocatedBlocks() => GetStatistics().AllocatedBlocks;

    /// <summary>
    /// Writes the allocator section of <c>sys._debugmallocstats()</c>, laid out exactly as
    /// CPython 3.11 lays it out.
    /// </summary>
    public void WriteMallocStats(TextWriter output) => MallocStatsReport.Write(output, GetStatistics());

    /// <summary>Counters that a disposed allocator must read as zero.</summary>
    internal (long Arenas, long RawBlocks, long RawBytes, long LivePools, long DirtyPools) OutstandingCounters =>
        (_arenasCurrent, _rawBlocks.Count, _rawBytes, _livePools, _dirtyPools);

}
