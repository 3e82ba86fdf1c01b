using Xunit;

namespace Refheap.Conformance;

/// <summary>
/// One test per case under cases/: run it on Refheap (CPython311 profile) and compare stdout,
/// stderr and the exit status with what CPython 3.11 printed (eng/record-expected). Cases in
/// manifest.txt must fail; one that passes fails the test until its manifest line is removed.
/// </summary>
public sealed class ConformanceTests : IClassFixture<ManifestRecorder>
{
    private readonly ManifestRecorder _recorder;

    public ConformanceTests(ManifestRecorder recorder)
    {
        _recorder = recorder;
    }

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in CaseCatalog.All)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_prints_what_CPython_3_11_prints(string caseName)
    {
        CaseRun run = CaseRunner.Run(caseName);
        CaseOutcome outcome = CaseComparer.Compare(caseName, run);
        _recorder.Record(caseName, outcome);
        string? listed = _recorder.Manifest.ReasonFor(caseName);
        if (listed is null)
        {
            Assert.True(outcome.Passed, outcome.Description);
        }
        else
        {
            Assert.False(outcome.Passed,
                $"{caseName} now matches CPython 3.11: remove its line from tests/Refheap.Conformance/manifest.txt " +
                $"(listed as \"{listed}\"), or run eng/update-manifest.");
        }
    }
}
