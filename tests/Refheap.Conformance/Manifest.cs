using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Refheap.Conformance;

/// <summary>
/// manifest.txt: the cases that cannot pass yet, one per line, <c>case.py  reason</c> (the
/// name, then spaces or a tab, then free text). Blank lines and lines starting with <c>#</c>
/// are ignored. A case listed here must fail; when it passes, its line must be removed.
/// </summary>
public sealed class Manifest
{
    /// <summary>Reasons the runner writes itself; update-manifest replaces them when they change.</summary>
    public static readonly string[] AutomaticReasonPrefixes = ["differs:", "throws ", "timed out"];

    private const string Header =
        "# Conformance cases that cannot pass yet: one per line, \"<case>.py  <reason>\".\n" +
        "# A listed case must fail; when it passes the runner says so and its line must go.\n" +
        "# Rewrite with eng/update-manifest (see docs/design/conformance.md).\n";

    private readonly Dictionary<string, string> _reasons;

    private Manifest(Dictionary<string, string> reasons, IReadOnlyList<string> duplicates)
    {
        _reasons = reasons;
        Duplicates = duplicates;
    }

    public IReadOnlyCollection<string> Cases => _reasons.Keys;

    /// <summary>Case names listed more than once.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public static Manifest Load(string path)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        if (!File.Exists(path))
        {
            return new Manifest(reasons, duplicates);
        }

        foreach (string raw in File.ReadAllLines(path, Encoding.UTF8))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int gap = line.IndexOfAny([' ', '\t']);
            string name = gap < 0 ? line : line[..gap];
            string reason = gap < 0 ? "" : line[gap..].Trim();
            if (!reasons.TryAdd(name, reason))
            {
                duplicates.Add(name);
            }
        }

        return new Manifest(reasons, duplicates);
    }

    public bool Contains(string caseName)
    {
        return _reasons.ContainsKey(caseName);
    }

    public string? ReasonFor(string caseName)
    {
        return _reasons.TryGetValue(caseName, out string? reason) ? reason : null;
    }

    public static bool IsAutomatic(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Length == 0 || AutomaticReasonPrefixes.Any(p => reason.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// The manifest after a run: cases that ran keep their line only if they failed (a written
    /// reason is kept, an automatic one refreshed); cases that did not run keep their line.
    /// </summary>
    public string Rewrite(IReadOnlyDictionary<string, CaseOutcome> ran)
    {
        ArgumentNullException.ThrowIfNull(ran);
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> entry in _reasons)
        {
            if (!ran.ContainsKey(entry.Key))
            {
                lines[entry.Key] = entry.Value;
            }
        }

        foreach (KeyValuePair<string, CaseOutcome> result in ran)
        {
            if (result.Value.Passed)
            {
                continue;
            }

            string? old = ReasonFor(result.Key);
            lines[result.Key] = old is not null && !IsAutomatic(old) ? old : result.Value.Reason;
        }

        var text = new StringBuilder(Header);
        int width = lines.Count == 0 ? 0 : lines.Keys.Max(k => k.Length) + 2;
        foreach (KeyValuePair<string, string> line in lines)
        {
            text.Append(line.Key.PadRight(width)).Append(line.Value).Append('\n');
        }

        return text.ToString();
    }
}
