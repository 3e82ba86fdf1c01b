using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;

namespace Refheap.Conformance;

/// <summary>
/// Shared by the cases of one run. With REFHEAP_WRITE_MANIFEST=1 it collects every outcome and,
/// when the run ends, writes the rewritten manifest (Manifest.Rewrite) to REFHEAP_MANIFEST_OUT,
/// or to manifest.actual.txt in the output directory. eng/update-manifest drives this.
/// </summary>
public sealed class ManifestRecorder : IDisposable
{
    private readonly ConcurrentDictionary<string, CaseOutcome> _outcomes = new(StringComparer.Ordinal);

    public ManifestRecorder()
    {
        Manifest = Manifest.Load(CaseCatalog.ManifestPath);
        Writing = Environment.GetEnvironmentVariable("REFHEAP_WRITE_MANIFEST") == "1";
    }

    public Manifest Manifest { get; }

    public bool Writing { get; }

    public void Record(string caseName, CaseOutcome outcome)
    {
        _outcomes[caseName] = outcome;
    }

    public void Dispose()
    {
        if (!Writing || _outcomes.IsEmpty)
        {
            return;
        }

        string target = Environment.GetEnvironmentVariable("REFHEAP_MANIFEST_OUT") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "manifest.actual.txt");
        string text = Manifest.Rewrite(_outcomes.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        File.WriteAllText(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
