using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Syntax;

/// <summary>SyntaxErrors compared with CPython 3.11's (eng/record-syntax-errors). Cases listed in
/// errors.known-differences.txt (name, tab, reason) are left out.</summary>
public class SyntaxErrorTests
{
    private static readonly string s_dataDir = Path.Combine(AppContext.BaseDirectory, "Data", "syntax");

    private static Dictionary<string, JsonElement> LoadCases()
    {
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(Path.Combine(s_dataDir, "errors.expected.jsonl")))
        {
            if (line.Length > 0)
            {
                JsonElement e = JsonDocument.Parse(line).RootElement;
                cases[e.GetProperty("name").GetString()!] = e;
            }
        }
        return cases;
    }

    private static HashSet<string> KnownDifferences()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(Path.Combine(s_dataDir, "errors.known-differences.txt")))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                names.Add(line.Split('\t')[0]);
            }
        }
        return names;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        HashSet<string> known = KnownDifferences();
        foreach (string name in LoadCases().Keys)
        {
            if (!known.Contains(name))
            {
                data.Add(name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Error_matches_cpython(string name)
    {
        JsonElement c = LoadCases()[name];
        string src = c.GetProperty("src").GetString()!;
        string expected = Describe(c.GetProperty("type").GetString()!, c.GetProperty("msg").GetString()!,
            c.GetProperty("lineno").GetInt32(), c.GetProperty("offset").GetInt32(),
            c.GetProperty("end_lineno").GetInt32(), c.GetProperty("end_offset").GetInt32(),
            c.GetProperty("text").ValueKind == JsonValueKind.Null ? null : c.GetProperty("text").GetString());
        PythonSyntaxError e = Assert.Throws<PythonSyntaxError>(() => PythonParser.ParseModule(src, "x.py"));
        string actual = Describe(e.Kind, e.Msg, e.Lineno, e.Offset, e.EndLineno, e.EndOffset, e.Text);
        Assert.True(expected == actual, $"\nexpected {expected}\nactual   {actual}");
    }

    [Fact]
    public void Known_differences_name_recorded_cases()
    {
        Dictionary<string, JsonElement> cases = LoadCases();
        foreach (string name in KnownDifferences())
        {
            Assert.True(cases.ContainsKey(name), $"{name} is not a recorded case");
        }
    }

    private static string Describe(string kind, string msg, int line, int offset, int endLine, int endOffset, string? text) =>
        $"{kind}: {msg} @ {line}:{offset}-{endLine}:{endOffset} text={JsonSerializer.Serialize(text)}";
}
