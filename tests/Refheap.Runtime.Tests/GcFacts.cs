using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Xunit.Sdk;

namespace Refheap.Runtime.Tests;

/// <summary>
/// What a mirrored fact script printed, line by line, and the comparison with the text
/// CPython 3.11 printed for the same script (Data/gc/NAME.expected, recorded by
/// eng/record-gc-facts). <see cref="Print"/> joins its arguments as Python's print does.
/// </summary>
internal sealed class FactLog
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>print(*parts): str() of each part, separated by one space.</summary>
    public void Print(params object?[] parts)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(PyText.Str(parts[i]));
        }

        _lines.Add(sb.ToString());
    }

    /// <summary>Requires the lines to equal the recording of Data/gc/<paramref name="name"/>.py.</summary>
    public void AssertMatchesRecording(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "gc", name + ".expected");
        if (!File.Exists(path))
        {
            throw new XunitException($"{path} is missing: run eng/record-gc-facts");
        }

        string[] expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        int n = Math.Max(expected.Length, _lines.Count);
        var diff = new StringBuilder();
        int mismatches = 0;
        for (int i = 0; i < n; i++)
        {
            string? e = i < expected.Length ? expected[i] : null;
            string? a = i < _lines.Count ? _lines[i] : null;
            if (e != a)
            {
                mismatches++;
                diff.Append(CultureInfo.InvariantCulture, $"line {i + 1}:\n  CPython 3.11: {e ?? "(no line)"}\n  Refheap:      {a ?? "(no line)"}\n");
            }
        }

        if (mismatches != 0)
        {
            throw new XunitException(
                $"{name}: {mismatches} line(s) differ from what CPython 3.11 printed ({name}.expected):\n{diff}" +
                $"--- full Refheap output ---\n{string.Join("\n", _lines)}");
        }
    }
}

/// <summary>Python's str() and repr() for the few kinds of value the fact scripts print.</summary>
internal static class PyText
{
    public static string Str(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>repr() of a str: single quotes unless the text holds a single quote and no double quote.</summary>
    public static string Repr(string s)
    {
        char quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder();
        sb.Append(quote);
        foreach (char c in s)
        {
            if (c == '\\' || c == quote)
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append(quote).ToString();
    }

    /// <summary>repr() of a list of str.</summary>
    public static string ListRepr(IEnumerable<string> items)
    {
        var parts = new List<string>();
        foreach (string s in items)
        {
            parts.Add(Repr(s));
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>repr() of a tuple of ints.</summary>
    public static string TupleRepr((int, int, int) t) =>
        string.Create(CultureInfo.InvariantCulture, $"({t.Item1}, {t.Item2}, {t.Item3})");

    /// <summary>"%+d".</summary>
    public static string Signed(long n) => n.ToString("+0;-0;+0", CultureInfo.InvariantCulture);
}
