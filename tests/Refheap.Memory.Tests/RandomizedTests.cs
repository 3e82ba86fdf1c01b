using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Sdk;

namespace Refheap.Memory.Tests;

/// <summary>
/// Seeded random malloc/free/realloc runs checked against a reference model: a table of live
/// blocks with their requested size, fill byte and expected size class. The heap grows to tens
/// of thousands of blocks and shrinks again, over and over, so that pools and arenas empty and
/// are given back. Every failure message names the profile, mode, seed and operation number;
/// rerun that row to reproduce it.
/// </summary>
public unsafe class RandomizedTests
{
    [Theory]
    [InlineData(AllocatorProfile.CPython311, false, 4096, 311_001, 3_000_000)]
    [InlineData(AllocatorProfile.Refheap, false, 4096, 4_242_001, 3_000_000)]
    [InlineData(AllocatorProfile.Refheap, false, 16384, 16_384_001, 1_000_000)]
    [InlineData(AllocatorProfile.Python24, false, 4096, 24_001, 2_000_000)]
    [InlineData(AllocatorProfile.CPython311, true, 4096, 9_311_001, 1_000_000)]
    [InlineData(AllocatorProfile.Refheap, true, 4096, 9_424_001, 1_000_000)]
    public void Random_operations_agree_with_a_reference_model(
        AllocatorProfile profile, bool debug, int refheapPoolSize, int seed, int operations)
    {
        var heap = new Allocator(new AllocatorOptions { Profile = profile, Debug = debug, RefheapPoolSize = refheapPoolSize });
        var run = new RandomRun(heap, profile, debug, refheapPoolSize, seed);
        try
        {
            run.Execute(operations);
        }
        finally
        {
            heap.Dispose();
        }

        var outstanding = heap.OutstandingCounters;
        Assert.True(outstanding == (0, 0, 0, 0, 0),
            $"[{profile} debug={debug} seed {seed}] after Dispose the outstanding counters are {outstanding}, expected all zero");
    }

    /// <summary>One randomized run: the allocator, the model, and the random source.</summary>
    private sealed class RandomRun
    {
        private const int CheckEvery = 4096;

        private readonly AllocatorProfile _profile;
        private readonly bool _debug;
        private readonly int _seed;
        private readonly int _refheapPoolSize;
        private readonly Random _rng;

        // The model: live blocks in a list (for picking one at random) and an index by address.
        private readonly List<LiveBlock> _live = new();
        private readonly Dictionary<nint, int> _indexOf = new();
        private readonly long[] _classCounts = new long[SizeClasses.Count];
        private long _rawCount;
        private long _rawBytes;

        private readonly Allocator _heap;
        private long _op;
        private long _maxLive;
        private long _reallocsInPlace;

        public RandomRun(Allocator heap, AllocatorProfile profile, bool debug, int refheapPoolSize, int seed)
        {
            _heap = heap;
            _profile = profile;
            _debug = debug;
            _refheapPoolSize = refheapPoolSize;
            _seed = seed;
            _rng = new Random(seed);
        }

        private Allocator Heap => _heap;

        public void Execute(long operations)
        {
            try
            {
                RunPhases(operations);
                FreeEverything();
                CheckCoverage();
            }
            catch (Exception ex) when (ex is not XunitException)
            {
                throw new XunitException($"{Where()} {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        private void RunPhases(long operations)
        {
            bool growing = true;
            int target = _rng.Next(20_000, 60_000);
            while (_op < operations)
            {
                if (growing && _live.Count >= target)
                {
                    growing = false;
                    // One shrink in three goes all the way to empty, so that whole arenas empty out.
                    target = _rng.Next(3) == 0 ? 0 : _rng.Next(0, 3_000);
                    Checkpoint();
                }
                else if (!growing && _live.Count <= target)
                {
                    growing = true;
                    target = _rng.Next(20_000, 60_000);
                    Checkpoint();
                }

                int roll = _rng.Next(100);
                int allocPercent = growing ? 65 : 20;
                if (_live.Count == 0 || roll < allocPercent)
                {
                    AllocateOne();
                }
                else if (roll < allocPercent + 12)
                {
                    ReallocateOne();
                }
                else
                {
                    FreeOne(_rng.Next(_live.Count));
                }

                _op++;
                _maxLive = Math.Max(_maxLive, _live.Count);
                if (_op % CheckEvery == 0)
                {
                    Checkpoint();
                }
            }

            Checkpoint();
        }

        /// <summary>Mostly small sizes (skewed to the smallest classes), some 0 and some raw.</summary>
        private nint NextSize()
        {
            int r = _rng.Next(1000);
            if (r < 20)
            {
                return 0;
            }

            if (r < 50)
            {
                return _rng.Next(513, 4097);
            }

            if (r < 54)
            {
                return _rng.Next(4097, 65_537);
            }

            if (r < 500)
            {
                return _rng.Next(1, 65);
            }

            double u = _rng.NextDouble();
            return 1 + (nint)(511 * u * u);
        }

        private byte NextPattern()
        {
            while (true)
            {
                byte b = (byte)_rng.Next(1, 256);
                if (b != Allocator.CleanByte && b != Allocator.DeadByte && b != Allocator.ForbiddenByte)
                {
                    return b;
                }
            }
        }

        /// <summary>The class a fresh block of <paramref name="size"/> must land in, or -1 for raw.</summary>
        private int ExpectedClass(long size)
        {
            long effective = _debug ? size + Allocator.DebugExtraBytes : size;
            return effective >= 1 && effective <= SizeClasses.SmallRequestThreshold ? SizeClasses.IndexOf(effective) : -1;
        }

        private long RawFootprint(long size) =>
            _debug ? size + Allocator.DebugExtraBytes : (size == 0 ? 1 : size);

        private void AllocateOne()
        {
            nint size = NextSize();
            int how = _rng.Next(20);
            void* p = how switch
            {
                0 => Heap.TryAllocate(size),
                1 => Heap.Reallocate(null, size),
                _ => Heap.Allocate(size),
            };
            Check(p != null, $"allocation of {size} bytes returned null with no cap set");
            Add((nint)p, size, ExpectedClass(size), "allocate");
        }

        private void ReallocateOne()
        {
            int index = _rng.Next(_live.Count);
            LiveBlock old = _live[index];
            nint size;
            if (_rng.Next(2) == 0 && old.Size > 0)
            {
                // Near the old size: exercises the in-place shrink and small moves between classes.
                long delta = _rng.Next(-(int)(old.Size / 3) - 1, (int)(old.Size / 3) + 2);
                size = (nint)Math.Max(0, old.Size + delta);
            }
            else
            {
                size = NextSize();
            }

            Verify(old, "before reallocate");
            void* q = _rng.Next(4) == 0 ? Heap.TryReallocate((void*)old.Address, size) : Heap.Reallocate((void*)old.Address, size);
            Check(q != null, $"reallocation of 0x{old.Address:x} to {size} bytes returned null with no cap set");

            int expectedClass;
            if (_debug)
            {
                // Debug mode always moves the block.
                Check((nint)q != old.Address, $"debug reallocate of 0x{old.Address:x} did not move it");
                expectedClass = ExpectedClass(size);
            }
            else if (old.Class < 0)
            {
                // A raw block stays raw, whatever the new size.
                expectedClass = -1;
            }
            else
            {
                long blockSize = SizeClasses.BlockSize(old.Class);
                if (size <= blockSize && 4 * (long)size > 3 * blockSize)
                {
                    Check((nint)q == old.Address,
                        $"reallocate of a {blockSize}-byte block to {size} bytes (a shrink under 25%) moved it");
                    _reallocsInPlace++;
                    expectedClass = old.Class;
                }
                else
                {
                    expectedClass = ExpectedClass(size);
                }
            }

            long kept = Math.Min(old.Size, size);
            int bad = new ReadOnlySpan<byte>(q, (int)kept).IndexOfAnyExcept(old.Pattern);
            Check(bad < 0,
                $"reallocate 0x{old.Address:x} ({old.Size} bytes) -> 0x{(nint)q:x} ({size} bytes) lost content at offset {bad}");
            if (_debug && size > kept)
            {
                int notClean = new ReadOnlySpan<byte>((byte*)q + kept, (int)(size - kept)).IndexOfAnyExcept(Allocator.CleanByte);
                Check(notClean < 0, $"debug reallocate to {size} bytes: grown byte {kept + notClean} is not 0xCD");
            }

            Remove(index);
            Add((nint)q, size, expectedClass, "reallocate");
        }

        private void FreeOne(int index)
        {
            LiveBlock block = _live[index];
            Verify(block, "before free");
            Remove(index);
            Heap.Free((void*)block.Address);
        }

        private void Add(nint p, long size, int cls, string operation)
        {
            Check(p % SizeClasses.Alignment == 0, $"{operation} of {size} bytes returned 0x{p:x}, not 16-byte aligned");
            Check(!_indexOf.ContainsKey(p), $"{operation} of {size} bytes returned 0x{p:x}, which is already live");
            Check(!_debug || Heap.BlockSizeOf((void*)p) == size, $"debug BlockSizeOf(0x{p:x}) is not the requested {size}");
            if (_debug && operation != "reallocate")
            {
                int notClean = new ReadOnlySpan<byte>((void*)p, (int)size).IndexOfAnyExcept(Allocator.CleanByte);
                Check(notClean < 0, $"debug {operation} of {size} bytes: byte {notClean} is not 0xCD");
            }

            byte pattern = NextPattern();
            new Span<byte>((void*)p, (int)size).Fill(pattern);
            _indexOf.Add(p, _live.Count);
            _live.Add(new LiveBlock(p, size, pattern, cls));
            if (cls >= 0)
            {
                _classCounts[cls]++;
            }
            else
            {
                _rawCount++;
                _rawBytes += RawFootprint(size);
            }
        }

        private void Remove(int index)
        {
            LiveBlock block = _live[index];
            LiveBlock last = _live[^1];
            _live[index] = last;
            _indexOf[last.Address] = index;
            _live.RemoveAt(_live.Count - 1);
            _indexOf.Remove(block.Address);
            if (block.Class >= 0)
            {
                _classCounts[block.Class]--;
            }
            else
            {
                _rawCount--;
                _rawBytes -= RawFootprint(block.Size);
            }
        }

        private void Verify(LiveBlock block, string when)
        {
            int bad = new ReadOnlySpan<byte>((void*)block.Address, (int)block.Size).IndexOfAnyExcept(block.Pattern);
            Check(bad < 0,
                $"{when}: block 0x{block.Address:x} ({block.Size} bytes, fill 0x{block.Pattern:x2}) has byte {bad} changed");
        }

        /// <summary>Walks the heap and compares its books with the model.</summary>
        private void Checkpoint()
        {
            Heap.AssertValid();
            AllocatorStatistics stats = Heap.GetStatistics();
            for (int c = 0; c < SizeClasses.Count; c++)
            {
                Check(stats.Classes[c].BlocksInUse == _classCounts[c],
                    $"size class {c}: the heap has {stats.Classes[c].BlocksInUse} blocks in use, the model {_classCounts[c]}");
            }

            Check(stats.RawBlocks == _rawCount, $"the heap has {stats.RawBlocks} raw blocks, the model {_rawCount}");
            Check(stats.RawBytes == _rawBytes, $"the heap has {stats.RawBytes} raw bytes, the model {_rawBytes}");
            Check(stats.AllocatedBlocks == _live.Count, $"the heap has {stats.AllocatedBlocks} blocks allocated, the model {_live.Count}");
            Check(stats.ArenasCurrent <= stats.ArenasHighWater && stats.ArenasCurrent <= stats.ArenasAllocatedTotal,
                $"arena counters out of order: current {stats.ArenasCurrent}, high water {stats.ArenasHighWater}, total {stats.ArenasAllocatedTotal}");
        }

        private void FreeEverything()
        {
            // Free in random order, verifying every block on the way out.
            while (_live.Count > 0)
            {
                FreeOne(_rng.Next(_live.Count));
                _op++;
                if (_op % CheckEvery == 0)
                {
                    Checkpoint();
                }
            }

            Checkpoint();
            Check(Heap.GetAllocatedBlocks() == 0, $"after freeing everything GetAllocatedBlocks() is {Heap.GetAllocatedBlocks()}");
            var counters = Heap.OutstandingCounters;
            Check(counters.LivePools == 0 && counters.RawBlocks == 0 && counters.RawBytes == 0,
                $"after freeing everything the counters are {counters}");
        }

        /// <summary>The run must really have exercised what it claims to: a big heap, arenas given back.</summary>
        private void CheckCoverage()
        {
            AllocatorStatistics stats = Heap.GetStatistics();
            Check(_maxLive >= 20_000, $"the heap peaked at only {_maxLive} live blocks");
            Check(stats.ArenasHighWater >= 3, $"the heap used only {stats.ArenasHighWater} arenas at most");
            if (_profile == AllocatorProfile.Python24)
            {
                Check(stats.ArenasReclaimed == 0 && stats.ArenasCurrent == stats.ArenasHighWater,
                    $"Python24 never gives arenas back, but {stats.ArenasReclaimed} were reclaimed");
            }
            else
            {
                Check(stats.ArenasReclaimed > 0, "no arena was ever given back");
                Check(stats.ArenasAllocatedTotal > stats.ArenasHighWater, "no arena was ever mapped again after one was given back");
            }

            if (_profile == AllocatorProfile.Refheap && Platform.OsMemory.CanDecommit)
            {
                Check(stats.PagesReleased > 0, "the Refheap profile never gave pages of empty pools back");
            }

            Check(_debug || _reallocsInPlace > 0, "no reallocate stayed in place");
        }

        private string Where() =>
            $"[{_profile}{(_profile == AllocatorProfile.Refheap ? $"/{_refheapPoolSize}" : "")}{(_debug ? " debug" : "")} seed {_seed}, op {_op}, {_live.Count} live]";

        private void Check(bool condition, string message)
        {
            if (!condition)
            {
                Assert.Fail($"{Where()} {message}");
            }
        }
    }

    private readonly record struct LiveBlock(nint Address, long Size, byte Pattern, int Class);
}
