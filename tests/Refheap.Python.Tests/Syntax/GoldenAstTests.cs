using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Syntax;

/// <summary>Trees compared with CPython 3.11's, recorded by eng/record-ast.</summary>
public class GoldenAstTests
{
    private static readonly string s_casesDir = Path.Combine(AppContext.BaseDirectory, "Data", "syntax", "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(s_casesDir, "*.py").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dump_matches_cpython(string name)
    {
        string path = Path.Combine(s_casesDir, name);
        Module module = PythonParser.ParseModule(File.ReadAllBytes(path), name);
        string expected = File.ReadAllText(Path.ChangeExtension(path, ".ast")).TrimEnd('\n');
        string actual = AstDump.Dump(module);
        if (expected != actual)
        {
            int i = 0;
            while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            {
                i++;
            }
            int from = Math.Max(0, i - 150);
            Assert.Fail($"differs at {i}:\nexpected ...{Excerpt(expected, from)}\nactual   ...{Excerpt(actual, from)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Positions_match_cpython(string name)
    {
        string path = Path.Combine(s_casesDir, name);
        Module module = PythonParser.ParseModule(File.ReadAllBytes(path), name);
        string[] expected = File.ReadAllLines(Path.ChangeExtension(path, ".pos"));
        IReadOnlyList<string> actual = AstDump.Positions(module);
        for (int i = 0; i < Math.Min(expected.Length, actual.Count); i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i + 1}: expected '{expected[i]}', got '{actual[i]}'");
        }
        Assert.Equal(expected.Length, actual.Count);
    }

    private static string Excerpt(string s, int from) => s.Substring(from, Math.Min(300, s.Length - from));
}
