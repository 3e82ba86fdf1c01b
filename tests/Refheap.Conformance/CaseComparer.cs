using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Refheap.Conformance;

/// <summary>The verdict on one case: pass or fail, with a readable account and a short reason.</summary>
public sealed record CaseOutcome(bool Passed, string Description, string Reason);

/// <summary>
/// Compares a run with the recorded files, byte for byte after the normalization that
/// eng/record-expected applied to CPython's output (see docs/design/conformance.md).
/// </summary>
public static partial class CaseComparer
{
    public const string CaseDirectoryToken = "<casedir>/";

    /// <summary>
    /// The recorder's rules, which must stay identical to normalize() in eng/record-expected:
    /// the case's absolute directory becomes <c>&lt;casedir&gt;/</c> (CPython 3.11 makes the
    /// script path absolute); on stderr only, an address closing a repr
    /// (<c>&lt;function f at 0x7f..&gt;</c>, <c>gc: collectable &lt;Node 0x7f..&gt;</c>) becomes
    /// <c>0xADDR</c>, and the seconds in gc's <c>gc: done, ..., 0.0001s elapsed</c> become <c>&lt;T&gt;</c>.
    /// </summary>
    public static string Normalize(string text, string caseDirectory, bool isStderr)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(caseDirectory);
        text = text.Replace(caseDirectory.TrimEnd('/') + "/", CaseDirectoryToken, StringComparison.Ordinal);
        if (isStderr)
        {
            text = AddressPattern().Replace(text, "0xADDR");
            text = ElapsedPattern().Replace(text, "${head}<T>s elapsed");
        }

        return text;
    }

    public static CaseOutcome Compare(string relativeName, CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(relativeName);
        ArgumentNullException.ThrowIfNull(run);
        string caseDirectory = Path.GetDirectoryName(CaseCatalog.FullPath(relativeName))!;
        byte[] expectedOut = File.ReadAllBytes(CaseCatalog.RecordedPath(relativeName, ".out"));
        byte[] expectedErr = File.ReadAllBytes(CaseCatalog.RecordedPath(relativeName, ".err"));
        int expectedCode = int.Parse(File.ReadAllText(CaseCatalog.RecordedPath(relativeName, ".code")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        byte[] actualOut = CaseRunner.Utf8(Normalize(run.Stdout, caseDirectory, isStderr: false));
        byte[] actualErr = CaseRunner.Utf8(Normalize(run.Stderr, caseDirectory, isStderr: true));

        var account = new StringBuilder();
        string? reason = null;
        if (run.TimedOut)
        {
            reason = $"timed out after {CaseRunner.Timeout.TotalSeconds:0} s";
            account.Append(reason).Append('\n');
        }
        else if (run.Error is not null)
        {
            reason = $"throws {run.Error.GetType().Name}: {FirstLine(run.Error.Message)}";
            account.Append("the engine threw ").Append(run.Error).Append('\n');
        }

        string? outDiff = Difference("stdout", expectedOut, actualOut);
        string? errDiff = Difference("stderr", expectedErr, actualErr);
        account.Append(outDiff).Append(errDiff);
        reason ??= outDiff is not null ? $"differs: {FirstLine(outDiff)}"
            : errDiff is not null ? $"differs: {FirstLine(errDiff)}" : null;
        if (run.ExitCode != expectedCode && !run.TimedOut && run.Error is null)
        {
            string line = $"exit status {run.ExitCode}, expected {expectedCode}";
            account.Append(line).Append('\n');
            reason ??= "differs: " + line;
        }

        return reason is null
            ? new CaseOutcome(true, "matches CPython 3.11", "")
            : new CaseOutcome(false, $"{relativeName}: {account}", reason);
    }

    /// <summary>The first differing line of a stream, or null when the bytes are equal.</summary>
    public static string? Difference(string stream, byte[] expected, byte[] actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }

        string[] want = Lines(expected);
        string[] got = Lines(actual);
        int i = 0;
        while (i < want.Length && i < got.Length && want[i] == got[i])
        {
            i++;
        }

        string expectedLine = i < want.Length ? Show(want[i]) : "(end of output)";
        string actualLine = i < got.Length ? Show(got[i]) : "(end of output)";
        if (expectedLine == actualLine)
        {
            // Same lines, different bytes: a missing final newline or a different line break.
            expectedLine += $" [{expected.Length} bytes in all]";
            actualLine += $" [{actual.Length} bytes in all]";
        }

        return $"{stream} differs at line {i + 1} ({got.Length} lines, expected {want.Length})\n" +
            $"  expected: {expectedLine}\n" +
            $"  actual:   {actualLine}\n";
    }

    private static string[] Lines(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        if (text.Length == 0)
        {
            return [];
        }

        string[] lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string Show(string line)
    {
        string shown = string.Concat(line.Select(c => c < ' ' && c != '\t' ? $"\\x{(int)c:x2}" : c.ToString()));
        return "\"" + (shown.Length > 240 ? shown[..240] + "..." : shown) + "\"";
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex(@"(?<=[ <])0x[0-9a-f]+(?=>)")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^(?<head>gc: done, .*, )[0-9]+\.[0-9]+s elapsed$", RegexOptions.Multiline)]
    private static partial Regex ElapsedPattern();
}
