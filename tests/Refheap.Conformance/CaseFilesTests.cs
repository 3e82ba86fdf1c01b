using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Refheap.Conformance;

/// <summary>The suite's own bookkeeping: recordings complete, manifest consistent.</summary>
public sealed class CaseFilesTests
{
    private static readonly string[] s_recorded = [".out", ".err", ".code"];

    [Fact]
    public void There_are_cases()
    {
        Assert.True(CaseCatalog.All.Count >= 320, $"only {CaseCatalog.All.Count} cases found in {CaseCatalog.CasesDirectory}");
    }

    [Fact]
    public void Every_case_has_its_three_recorded_files()
    {
        string[] missing = CaseCatalog.All
            .SelectMany(c => s_recorded.Where(e => !File.Exists(CaseCatalog.RecordedPath(c, e))).Select(e => c + " " + e))
            .ToArray();
        Assert.True(missing.Length == 0, "run eng/record-expected; missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_exit_status_file_holds_a_number()
    {
        string[] bad = CaseCatalog.All
            .Where(c => File.Exists(CaseCatalog.RecordedPath(c, ".code")))
            .Where(c => !int.TryParse(File.ReadAllText(CaseCatalog.RecordedPath(c, ".code")).Trim(),
                System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToArray();
        Assert.True(bad.Length == 0, "bad .code files: " + string.Join(", ", bad));
    }

    [Fact]
    public void No_recording_is_left_without_its_case()
    {
        string[] stale = Directory.EnumerateFiles(CaseCatalog.CasesDirectory, "*", SearchOption.AllDirectories)
            .Where(f => s_recorded.Contains(Path.GetExtension(f)))
            .Where(f => !File.Exists(Path.ChangeExtension(f, ".py")))
            .Select(CaseCatalog.ToRelativeName)
            .ToArray();
        Assert.True(stale.Length == 0, "recordings without a case: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_manifest_names_only_existing_cases_once()
    {
        Manifest manifest = Manifest.Load(CaseCatalog.ManifestPath);
        string[] unknown = manifest.Cases.Where(c => !CaseCatalog.All.Contains(c, StringComparer.Ordinal)).ToArray();
        Assert.True(unknown.Length == 0, "manifest.txt names cases that do not exist: " + string.Join(", ", unknown));
        Assert.True(manifest.Duplicates.Count == 0, "manifest.txt lists twice: " + string.Join(", ", manifest.Duplicates));
    }

    [Fact]
    public void Normalization_matches_the_recorder()
    {
        const string dir = "/x/cases/gc";
        string text = "File \"/x/cases/gc/a.py\"\nException ignored in: <function f at 0x7f00aa>\n" +
            "gc: collectable <Node 0x55aa>\ngc: done, 1 unreachable, 0 uncollectable, 0.0001s elapsed\n";
        Assert.Equal(
            "File \"<casedir>/a.py\"\nException ignored in: <function f at 0xADDR>\n" +
            "gc: collectable <Node 0xADDR>\ngc: done, 1 unreachable, 0 uncollectable, <T>s elapsed\n",
            CaseComparer.Normalize(text, dir, isStderr: true));
        Assert.Equal("<f at 0x7f00aa>", CaseComparer.Normalize("<f at 0x7f00aa>", dir, isStderr: false));
    }
}
