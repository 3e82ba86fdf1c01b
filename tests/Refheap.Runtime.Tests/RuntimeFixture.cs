using System;
using System.IO;
using Refheap.Memory;

namespace Refheap.Runtime.Tests;

/// <summary>A CPython311-profile runtime whose stderr is captured, checked and torn down after each test.</summary>
public sealed class TestRuntime : IDisposable
{
    public TestRuntime(AllocatorProfile profile = AllocatorProfile.CPython311, long maxBytes = 0)
    {
        Runtime = new PyRuntime(new RuntimeOptions { Profile = profile, MaxBytes = maxBytes });
        Runtime.Stderr = Stderr;
    }

    public PyRuntime Runtime { get; }

    public StringWriter Stderr { get; } = new();

    /// <summary>Shuts down and requires that no block is left: every object was released.</summary>
    public void AssertNoLeaks()
    {
        Runtime.Shutdown();
        long blocks = Runtime.Allocator.GetAllocatedBlocks();
        if (blocks != 0)
        {
            throw new InvalidOperationException($"{blocks} blocks still allocated after shutdown");
        }
    }

    public void Dispose() => Runtime.Dispose();
}
