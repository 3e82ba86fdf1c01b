using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Memory.Platform;

namespace Refheap.Memory;

/// <summary>
/// pymalloc (obmalloc.c, CPython 3.11) with Refheap's release policy: 32 size classes of
/// 16..512 bytes, pools carved from 1 MiB arenas mapped from the OS, and requests of 0 or
/// more than 512 bytes passed to the C allocator ("raw" blocks).
/// <para>
/// Invariants (checked by <see cref="AssertValid"/>): a pool is on the used list of class c
/// iff its size index is c and 0 &lt; count &lt; capacity; the usable-arena list holds exactly
/// the live arenas with free pools, sorted by free pools ascending, and nfp2lasta[k] is the
/// last arena with k free pools in it; the sum of pool counts plus raw blocks equals the
/// blocks handed out and not freed; raw bytes equal the sum of raw block sizes.
/// </para>
/// <para>
/// Threading: one owner thread at a time, like CPython's GIL. A host that hands the heap to
/// another thread must publish it with a happens-before edge (a lock, a task continuation)
/// and call <see cref="BindToCurrentThread"/> there. Debug mode checks the owner on every
/// call; release mode does not check.
/// </para>
/// </summary>
public sealed unsafe partial class Allocator : IDisposable
{
    /// <summary>Bytes debug mode adds to each request: size word and leading guard (16), trailing guard (8).</summary>
    public const int DebugExtraBytes = 24;

    /// <summary>Requests above this are refused outright (PY_SSIZE_T_MAX would be absurd on any machine).</summary>
    public const long MaxRequestBytes = 1L << 47;

    private const ulong FreeTagKey = 0x9E3779B97F4A7C15UL;

    private readonly AllocatorProfile _profile;
    private readonly bool _debug;
    private readonly int _poolSize;
    private readonly nuint _poolMask;
    private readonly uint _maxPoolsPerArena;
    private readonly long _maxBytes;
    private readonly long _minDirtyPools;
    private readonly int _dirtyDivisor;

    // Non-zero sends every call to the checked path: debug mode, or a disposed allocator.
    private int _slowMode;
    private bool _disposed;
    private int _ownerThread;

    // usedpools[]: one sentinel header per size class; the list is empty when head->NextPool == head.
    private PoolHeader* _usedHeads;

    // arenas[], maxarenas, unused_arena_objects, usable_arenas, nfp2lasta[].
    private ArenaObject* _arenas;
    private uint _maxArenas;
    private ArenaObject* _unusedArenaObjects;
    private ArenaObject* _usableArenas;
    private ArenaObject** _nfp2lasta;
    private ArenaMap _map;

    // ntimes_arena_allocated, narenas_currently_allocated, narenas_highwater.
    private long _arenasAllocatedTotal;
    private long _arenasCurrent;
    private long _arenasHighWater;

    // Carved pools with at least one block in use, and empty pools whose pages are committed.
    private long _livePools;
    private long _dirtyPools;

    private readonly AddressTable _rawBlocks = new();
    private long _rawBytes;

    // Divisibility magic per class: (x * M) <= M - 1 iff x % size == 0 (Lemire, 2019).
    private static readonly ulong[] s_divisibility = BuildDivisibility();

    // The table again in an instance field: ReadyToRun code reads a static field through a
    // call for the class's statics, and every free tests a block start.
    private readonly ulong[] _divisibility = s_divisibility;

    /// <summary>Creates an allocator with the default options (the Refheap profile).</summary>
    public Allocator()
        : this(new AllocatorOptions())
    {
    }

    public Allocator(AllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profile = options.Profile;
        _debug = options.Debug;
        _poolSize = options.Profile == AllocatorProfile.Refheap ? options.RefheapPoolSize : 16 * 1024;
        if (_poolSize != 4096 && _poolSize != 16384)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _poolSize, "RefheapPoolSize must be 4096 or 16384.");
        }

        if (options.MaxBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBytes, "MaxBytes must be 0 (no cap) or positive.");
        }

        if (options.DirtyFractionDivisor < 1 || options.MinRetainedEmptyBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DirtyFractionDivisor must be >= 1 and MinRetainedEmptyBytes >= 0.");
        }

        _poolMask = (nuint)(_poolSize - 1);
        _maxPoolsPerArena = (uint)(SizeClasses.ArenaSize / _poolSize);
        _maxBytes = options.MaxBytes;
        _minDirtyPools = Math.Max(1, options.MinRetainedEmptyBytes / _poolSize);
        _dirtyDivisor = options.DirtyFractionDivisor;
        _slowMode = _debug ? 1 : 0;
        if (_debug)
        {
            _debugLive = new Dictionary<nuint, long>();
            _debugFreed = new HashSet<nuint>();
        }

        _ownerThread = Environment.CurrentManagedThreadId;

        _usedHeads = (PoolHeader*)NativeHeap.AllocZeroed((nuint)(SizeClasses.Count * sizeof(PoolHeader)));
        for (int i = 0; i < SizeClasses.Count; i++)
        {
            PoolHeader* head = _usedHeads + i;
            head->NextPool = head;
            head->PrevPool = head;
            head->SizeIndex = (uint)i;
        }

        _nfp2lasta = (ArenaObject**)NativeHeap.AllocZeroed((nuint)((_maxPoolsPerArena + 1) * (uint)sizeof(ArenaObject*)));
        _map = ArenaMap.Create();
    }

    ~Allocator()
    {
        // Only reached when the allocator is unreachable: nothing else can touch its heap,
        // so giving its mappings back here cannot race with a user of it.
        ReleaseEverything(fromFinalizer: true);
    }

    public AllocatorProfile Profile => _profile;

    public bool IsDebug => _debug;

    /// <summary>POOL_SIZE of this allocator.</summary>
    public int PoolSize => _poolSize;

    /// <summary>The cap given in the options, or 0.</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>Bytes counted against the cap: mapped arenas plus raw blocks.</summary>
    public long FootprintBytes => (_arenasCurrent * SizeClasses.ArenaSize) + _rawBytes;

    /// <summary>
    /// Allocates <paramref name="size"/> bytes, 16-byte aligned. Throws
    /// <see cref="HeapExhaustedException"/> when the cap or the OS refuses, and
    /// <see cref="ArgumentOutOfRangeException"/> for a negative size.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void* Allocate(nint size)
    {
        void* p = TryAllocate(size);
        if (p == null)
        {
            ThrowExhausted(size);
        }

        return p;
    }

    /// <summary>As <see cref="Allocate"/>, but returns null instead of throwing when memory is exhausted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void* TryAllocate(nint size)
    {
        if (_slowMode != 0)
        {
            return CheckedAllocate(size);
        }

        return AllocateCore(size);
    }

    /// <summary>
    /// Frees a block from <see cref="Allocate"/> or <see cref="Reallocate"/>; null is ignored.
    /// A pointer this allocator did not hand out, or a block already free, throws
    /// <see cref="HeapMisuseException"/> and changes nothing (in every build).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Free(void* p)
    {
        if (_slowMode != 0)
        {
            CheckedFree(p);
            return;
        }

        FreeCore(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FreeCore(void* p)
    {
        // obmalloc.c: pymalloc_free, plus the checks that keep a bad pointer from corrupting the heap.
        if (!_map.Contains(p))
        {
            FreeRaw(p);
            return;
        }

        PoolHeader* pool = (PoolHeader*)((nuint)p & ~_poolMask);
        if (!LooksLikeLiveBlock(pool, (byte*)p))
        {
            FreeSuspicious(pool, (byte*)p);
            return;
        }

        FreeValidBlock(pool, (byte*)p);
    }

    /// <summary>
    /// The cheap checks, all on the pool header's cache line and the block's first 16 bytes:
    /// the pool is in use, <paramref name="p"/> is a block start below the virgin blocks, and
    /// the block does not carry the free tag. False means "look closer", not "invalid".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool LooksLikeLiveBlock(PoolHeader* pool, byte* p)
    {
        uint offset = (uint)(p - (byte*)pool);
        uint sizeIndex = pool->SizeIndex;
        return pool->Count != 0
            && sizeIndex < SizeClasses.Count
            && offset - SizeClasses.PoolOverhead < pool->NextOffset - SizeClasses.PoolOverhead
            && IsBlockStart(offset - SizeClasses.PoolOverhead, sizeIndex)
            && ((ulong*)p)[1] != FreeTag(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FreeValidBlock(PoolHeader* pool, byte* p)
    {
        byte* lastFree = pool->FreeBlock;
        *(byte**)p = lastFree;
        ((ulong*)p)[1] = FreeTag(p);
        pool->FreeBlock = p;
        pool->Count--;
        if (lastFree == null)
        {
            // The pool was full: back to the front of its used list.
            InsertToUsedPool(pool);
        }
        else if (pool->Count == 0)
        {
            InsertToFreePool(pool);
        }
    }

    /// <summary>
    /// Resizes a block (obmalloc.c: pymalloc_realloc). A small block shrunk by less than 25%
    /// stays where it is; otherwise the bytes move to a new block. A raw block stays raw.
    /// realloc(null, n) is Allocate(n); realloc(p, 0) returns a live block, it does not free.
    /// On exhaustion the old block is untouched and <see cref="HeapExhaustedException"/> is thrown.
    /// </summary>
    public void* Reallocate(void* p, nint size)
    {
        void* q = TryReallocate(p, size);
        if (q == null)
        {
            ThrowExhausted(size);
        }

        return q;
    }

    /// <summary>As <see cref="Reallocate"/>, but returns null (old block untouched) when memory is exhausted.</summary>
    public void* TryReallocate(void* p, nint size)
    {
        if (size < 0)
        {
            ThrowNegativeSize(size);
        }

        if (_slowMode != 0)
        {
            return CheckedReallocate(p, size);
        }

        return ReallocateCore(p, size);
    }

    /// <summary>
    /// The usable size of a live block: its size class for pymalloc blocks, the requested
    /// size for raw ones (the requested size in debug mode). Throws for a pointer that is not a live block.
    /// </summary>
    public long BlockSizeOf(void* p)
    {
        CheckCallable();
        if (_debug)
        {
            return DebugRequestedSize(p);
        }

        return UsableSize(p);
    }

    /// <summary>Is <paramref name="p"/> inside a pool of a live arena (address_in_range)?</summary>
    public bool IsSmallBlockAddress(void* p)
    {
        CheckCallable();
        return _map.Contains(p);
    }

    /// <summary>Makes the calling thread the owner (see the threading contract above).</summary>
    public void BindToCurrentThread()
    {
        if (_disposed)
        {
            CheckCallableSlow();
        }

        _ownerThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>Unmaps every arena and frees every raw block, whether or not it was freed by its user.</summary>
    public void Dispose()
    {
        ReleaseEverything(fromFinalizer: false);
        GC.SuppressFinalize(this);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FreeTag(void* p) => (ulong)p ^ FreeTagKey;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsBlockStart(uint relative, uint sizeIndex)
    {
        ulong m = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_divisibility), (nint)sizeIndex);
        return unchecked(relative * m) <= m - 1;
    }

    private static ulong[] BuildDivisibility()
    {
        var table = new ulong[SizeClasses.Count];
        for (int i = 0; i < table.Length; i++)
        {
            ulong d = (ulong)SizeClasses.BlockSize(i);
            table[i] = (ulong.MaxValue / d) + 1;
        }

        return table;
    }

    private void ReleaseEverything(bool fromFinalizer)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _slowMode = 1;
        for (uint i = 0; i < _maxArenas; i++)
        {
            ArenaObject* a = _arenas + i;
            if (a->Address != 0)
            {
                Platform.OsMemory.Unmap((void*)a->Address, SizeClasses.ArenaSize);
                a->Address = 0;
                if (!fromFinalizer)
                {
                    GC.RemoveMemoryPressure(SizeClasses.ArenaSize);
                }
            }
        }

        _arenasCurrent = 0;
        _livePools = 0;
        _dirtyPools = 0;
        // The dictionaries are managed objects without finalizers: still valid here even
        // when this runs on the finalizer thread.
        for (int slot = 0; slot < _rawBlocks.SlotCount; slot++)
        {
            if (_rawBlocks.TryGetSlot(slot, out nuint raw, out _))
            {
                NativeHeap.Free((void*)raw);
            }
        }

        _rawBlocks.Clear();
        _rawBytes = 0;
        DebugClear();

        NativeHeap.Free(_arenas);
        _arenas = null;
        _maxArenas = 0;
        _unusedArenaObjects = null;
        _usableArenas = null;
        NativeHeap.Free(_nfp2lasta);
        _nfp2lasta = null;
        NativeHeap.Free(_usedHeads);
        _usedHeads = null;
        _map.Dispose();
    }

    private void CheckCallable()
    {
        if (_slowMode != 0)
        {
            CheckCallableSlow();
        }
    }

    private void CheckCallableSlow()
    {
        if (_disposed)
        {
            throw new HeapMisuseException(HeapMisuseKind.Disposed, 0, -1, "The allocator was disposed.");
        }

        if (_debug && Environment.CurrentManagedThreadId != _ownerThread)
        {
            throw new HeapMisuseException(HeapMisuseKind.WrongThread, 0, -1,
                $"Allocator used from thread {Environment.CurrentManagedThreadId}, but its owner is thread {_ownerThread}; call BindToCurrentThread after handing it over.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowExhausted(nint size)
    {
        if (size < 0)
        {
            ThrowNegativeSize(size);
        }

        string why = _maxBytes > 0 && FootprintBytes + size > _maxBytes
            ? $"the cap of {_maxBytes:N0} bytes would be passed (footprint {FootprintBytes:N0} bytes)"
            : size > MaxRequestBytes ? "the size is beyond any heap" : "the operating system refused memory";
        throw new HeapExhaustedException(size, _maxBytes, $"Cannot allocate {size:N0} bytes: {why}.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNegativeSize(nint size) =>
        throw new ArgumentOutOfRangeException(nameof(size), size, "An allocation size cannot be negative.");

    private static string Hex(void* p) => $"0x{(nuint)p:x}";
}
