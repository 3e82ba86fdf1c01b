using System;
using System.Collections.Generic;
using Refheap.Memory;

namespace Refheap.Bench.Cli;

/// <summary>The profile names used on the command line and in the JSON output.</summary>
public static class ProfileNames
{
    /// <summary>The order in which the memory scenarios run the profiles when none is given.</summary>
    public static IReadOnlyList<AllocatorProfile> All { get; } =
        [AllocatorProfile.CPython311, AllocatorProfile.Refheap, AllocatorProfile.Python24];

    public static string Name(AllocatorProfile profile) => profile switch
    {
        AllocatorProfile.CPython311 => "cpython311",
        AllocatorProfile.Refheap => "refheap",
        AllocatorProfile.Python24 => "python24",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown profile."),
    };

    public static bool TryParse(string text, out AllocatorProfile profile)
    {
        foreach (AllocatorProfile candidate in All)
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                profile = candidate;
                return true;
            }
        }

        profile = default;
        return false;
    }
}
