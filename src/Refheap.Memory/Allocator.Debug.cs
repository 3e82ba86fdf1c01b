using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Refheap.Memory;

// Debug mode and the checked path. Layout of a debug block, as CPython's debug hooks
// (obmalloc.c: _PyMem_DebugRawAlloc) lay theirs out:
//   [requested size: 8][0xFD x 8][user bytes: n, filled 0xCD][0xFD x 8]
// Freed blocks are filled with 0xDD. An exact table of live blocks catches double frees
// and foreign pointers; the guard bytes catch writes past either end.
public sealed unsafe partial class Allocator
{
    /// <summary>PYMEM_CLEANBYTE: fills newly allocated memory in debug mode.</summary>
    public const byte CleanByte = 0xCD;

    /// <summary>PYMEM_DEADBYTE: fills freed memory in debug mode.</summary>
    public const byte DeadByte = 0xDD;

    /// <summary>PYMEM_FORBIDDENBYTE: the guard bytes around each block in debug mode.</summary>
    public const byte ForbiddenByte = 0xFD;

    private const int GuardBytes = 8;
    private const int DebugHeaderBytes = 16;

    // Debug mode's tables of live and freed blocks: made only in debug mode, the only mode that uses them.
    private readonly Dictionary<nuint, long>? _debugLive;
    private readonly HashSet<nuint>? _debugFreed;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void* CheckedAllocate(nint size)
    {
        CheckCallableSlow();
        if (size < 0)
        {
            ThrowNegativeSize(size);
        }

        if (!_debug)
        {
            return AllocateCore(size);
        }

        if (size > MaxRequestBytes)
        {
            return null;
        }

        byte* block = (byte*)AllocateCore(size + DebugExtraBytes);
        if (block == null)
        {
            return null;
        }

        *(long*)block = size;
        new Span<byte>(block + 8, GuardBytes).Fill(ForbiddenByte);
        byte* user = block + DebugHeaderBytes;
        FillBytes(user, size, CleanByte);
        new Span<byte>(user + size, GuardBytes).Fill(ForbiddenByte);
        _debugLive!.Add((nuint)user, size);
        _debugFreed!.Remove((nuint)user);
        return user;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckedFree(void* p)
    {
        CheckCallableSlow();
        if (p == null)
        {
            return;
        }

        if (!_debug)
        {
            FreeCore(p);
            return;
        }

        long size = CheckDebugBlock((byte*)p, "free");
        byte* block = (byte*)p - DebugHeaderBytes;
        FillBytes(block, size + DebugExtraBytes, DeadByte);
        _debugLive!.Remove((nuint)p);
        _debugFreed!.Add((nuint)p);
        FreeCore(block);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void* CheckedReallocate(void* p, nint size)
    {
        CheckCallableSlow();
        if (!_debug)
        {
            return ReallocateCore(p, size);
        }

        if (p == null)
        {
            return CheckedAllocate(size);
        }

        // Debug mode always moves the block, so stale pointers to the old one are caught.
        long oldSize = CheckDebugBlock((byte*)p, "reallocate");
        void* q = CheckedAllocate(size);
        if (q == null)
        {
            return null;
        }

        long copy = Math.Min(oldSize, size);
        Buffer.MemoryCopy(p, q, copy, copy);
        CheckedFree(p);
        return q;
    }

    private long DebugRequestedSize(void* p) => CheckDebugBlock((byte*)p, "size");

    /// <summary>Throws unless <paramref name="user"/> is a live debug block with intact guards; returns its size.</summary>
    private long CheckDebugBlock(byte* user, string operation)
    {
        if (!_debugLive!.TryGetValue((nuint)user, out long size))
        {
            bool wasFreed = _debugFreed!.Contains((nuint)user);
            int cls = SizeClassOfAddress(user - DebugHeaderBytes);
            throw new HeapMisuseException(wasFreed ? HeapMisuseKind.DoubleFree : HeapMisuseKind.InvalidPointer, (nuint)user, cls,
                wasFreed
                    ? $"Cannot {operation} {Hex(user)}: the block is already free ({DescribeClass(cls)})."
                    : $"Cannot {operation} {Hex(user)}: this allocator did not hand it out ({DescribeClass(cls)}).");
        }

        CheckGuards(user, size);
        return size;
    }

    private void CheckGuards(byte* user, long size)
    {
        byte* block = user - DebugHeaderBytes;
        int cls = SizeClassOfAddress(block);
        if (*(long*)block != size || !AllBytes(block + 8, GuardBytes, ForbiddenByte))
        {
            throw new HeapMisuseException(HeapMisuseKind.BufferUnderrun, (nuint)user, cls,
                $"The bytes before block {Hex(user)} were overwritten: a write before its start ({size} bytes requested, {DescribeClass(cls)}).");
        }

        if (!AllBytes(user + size, GuardBytes, ForbiddenByte))
        {
            throw new HeapMisuseException(HeapMisuseKind.BufferOverrun, (nuint)user, cls,
                $"The bytes after block {Hex(user)} were overwritten: a write past its end ({size} bytes requested, {DescribeClass(cls)}).");
        }
    }

    private int SizeClassOfAddress(byte* p)
    {
        if (!_map.Contains(p))
        {
            return -1;
        }

        PoolHeader* pool = (PoolHeader*)((nuint)p & ~_poolMask);
        return pool->SizeIndex < SizeClasses.Count ? (int)pool->SizeIndex : -1;
    }

    private static string DescribeClass(int cls) =>
        cls < 0 ? "a raw block" : $"size class {cls}, {SizeClasses.BlockSize(cls)}-byte blocks";

    private void DebugClear()
    {
        _debugLive?.Clear();
        _debugFreed?.Clear();
    }

    private static void FillBytes(byte* p, long count, byte value)
    {
        while (count > 0)
        {
            int chunk = (int)Math.Min(count, int.MaxValue);
            new Span<byte>(p, chunk).Fill(value);
            p += chunk;
            count -= chunk;
        }
    }

    private static bool AllBytes(byte* p, int count, byte value) =>
        !new ReadOnlySpan<byte>(p, count).ContainsAnyExcept(value);
}
