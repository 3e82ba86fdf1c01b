using System;
using System.Collections.Generic;
using System.Globalization;
using Refheap.Bench.Cli;
using Refheap.Memory;

namespace Refheap.Bench.Runtime;

/// <summary>Options of the runtime scenarios: --profile, --n, --shape, --kind, --long-lived, --churn.</summary>
public sealed class RuntimeScenarioOptions
{
    public const string Usage =
        """
        runtime scenarios (one JSON object per line; profile default: both cpython311 and refheap):
          gc-full --shape instances|dicts-with-list|atomic-dicts|scattered --n N
          gc-cycles --n N
          gc-pauses --long-lived N --churn M
          build --kind instances|tuples|lists|dicts --n N
        """;

    public required string Scenario { get; init; }

    public AllocatorProfile? Profile { get; init; }

    public long N { get; init; } = 1_000_000;

    public string Shape { get; init; } = "instances";

    public string Kind { get; init; } = "instances";

    public long LongLived { get; init; } = 1_000_000;

    public long Churn { get; init; } = 3_000_000;

    public IReadOnlyList<AllocatorProfile> Profiles =>
        Profile is AllocatorProfile p ? [p] : [AllocatorProfile.CPython311, AllocatorProfile.Refheap];

    public static bool IsRuntimeScenario(string scenario) => scenario is "gc-full" or "gc-cycles" or "gc-pauses" or "build";

    public static RuntimeScenarioOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string scenario = args[0];
        AllocatorProfile? profile = null;
        long n = 1_000_000, longLived = 1_000_000, churn = 3_000_000;
        string shape = "instances", kind = "instances";
        for (int i = 1; i < args.Length; i++)
        {
            string option = args[i];
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"'{option}' needs a value");
            }

            string value = args[++i];
            switch (option)
            {
                case "--profile":
                    if (!ProfileNames.TryParse(value, out AllocatorProfile parsed) || parsed == AllocatorProfile.Python24)
                    {
                        throw new UsageException($"unknown runtime profile '{value}' (cpython311 or refheap)");
                    }

                    profile = parsed;
                    break;
                case "--n":
                    n = Count(option, value);
                    break;
                case "--long-lived":
                    longLived = Count(option, value);
                    break;
                case "--churn":
                    churn = Count(option, value);
                    break;
                case "--shape" when value is "instances" or "dicts-with-list" or "atomic-dicts" or "scattered":
                    shape = value;
                    break;
                case "--kind" when value is "instances" or "tuples" or "lists" or "dicts":
                    kind = value;
                    break;
                default:
                    throw new UsageException($"unknown option or value '{option} {value}'");
            }
        }

        return new RuntimeScenarioOptions
        {
            Scenario = scenario,
            Profile = profile,
            N = n,
            Shape = shape,
            Kind = kind,
            LongLived = longLived,
            Churn = churn,
        };
    }

    private static long Count(string option, string value)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long count) || count < 1 || count > 100_000_000)
        {
            throw new UsageException($"{option} must be a whole number from 1 to 100000000, not '{value}'");
        }

        return count;
    }
}
