using System;

namespace Refheap.Memory;

/// <summary>
/// The allocator could not satisfy a request: the configured cap would be passed, the OS
/// refused memory, or the size is beyond any possible heap. The runtime turns it into
/// Python's <c>MemoryError</c>. The heap is unchanged when it is thrown.
/// </summary>
public sealed class HeapExhaustedException : Exception
{
    public HeapExhaustedException()
    {
    }

    public HeapExhaustedException(string message)
        : base(message)
    {
    }

    public HeapExhaustedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    internal HeapExhaustedException(long requestedBytes, long limitBytes, string message)
        : base(message)
    {
        RequestedBytes = requestedBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>The size of the request that failed.</summary>
    public long RequestedBytes { get; }

    /// <summary>The cap that would have been passed, or 0 when the OS refused.</summary>
    public long LimitBytes { get; }
}
