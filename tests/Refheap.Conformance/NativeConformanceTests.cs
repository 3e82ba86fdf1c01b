using System;
using System.IO;
using Xunit;

namespace Refheap.Conformance;

/// <summary>
/// Every case again, on the natively compiled refheap (eng/build-native: Native AOT, built for
/// net9.0 because .NET 10's ahead-of-time runtime pack is not on the feed; see
/// docs/design/native-build.md). The executable is REFHEAP_NATIVE, or artifacts/native/refheap
/// of this checkout. Without one the cases are skipped, unless REFHEAP_REQUIRE_NATIVE=1 (CI
/// builds it first and sets that), which makes a missing executable a failure.
/// The manifest is the same: the native build must fail exactly the cases the other one fails.
/// </summary>
public sealed class NativeConformanceTests : IClassFixture<ManifestRecorder>
{
    private static readonly string? Executable = FindExecutable();

    private readonly ManifestRecorder _recorder;

    public NativeConformanceTests(ManifestRecorder recorder)
    {
        _recorder = recorder;
    }

    public static TheoryData<string> Cases => ConformanceTests.Cases;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case_prints_what_CPython_3_11_prints_natively(string caseName)
    {
        if (Executable is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("REFHEAP_REQUIRE_NATIVE") == "1",
                "REFHEAP_REQUIRE_NATIVE=1 but there is no native refheap: run eng/build-native or set REFHEAP_NATIVE.");
            Skip.If(true, "no native refheap (run eng/build-native)");
        }

        CaseOutcome outcome = CaseComparer.Compare(caseName, CaseRunner.RunNative(caseName, Executable!));
        string? listed = _recorder.Manifest.ReasonFor(caseName);
        if (listed is null)
        {
            Assert.True(outcome.Passed, outcome.Description);
        }
        else
        {
            Assert.False(outcome.Passed,
                $"{caseName} now matches CPython 3.11 natively: it is listed in manifest.txt as \"{listed}\".");
        }
    }

    private static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("REFHEAP_NATIVE") is { Length: > 0 } given)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : null;
        }

        // Walk up from the test output directory to the checkout (the folder with Refheap.slnx).
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Refheap.slnx")))
            {
                string candidate = Path.Combine(dir.FullName, "artifacts", "native", "refheap");
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
