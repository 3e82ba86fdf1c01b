using System;

namespace Refheap.Bench.Cli;

/// <summary>A bad command line: the runner prints the message and the usage, and exits 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
