using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Refheap.Runtime.Tests;

/// <summary>
/// What CPython 3.11 did with dicts and sets, recorded by eng/record-dict-set-facts into
/// Data/cpython311-dict-set-facts.json: for each case, the operations, sys.getsizeof after
/// each one, the iteration order, and (for int keys) the raw table.
/// </summary>
public static class CPythonFacts
{
    private const string FileName = "cpython311-dict-set-facts.json";

    private static readonly Lazy<JsonDocument> s_document = new(Load);

    public static JsonElement Root => s_document.Value.RootElement;

    public static IEnumerable<object[]> DictCaseNames() => CaseNames("dicts");

    public static IEnumerable<object[]> SetCaseNames() => CaseNames("sets");

    public static JsonElement DictCase(string name) => Case("dicts", name);

    public static JsonElement SetCase(string name) => Case("sets", name);

    /// <summary>A key spec: a JSON number is a long (an int key), a JSON string a str key.</summary>
    public static object Key(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetInt64() : e.GetString()!;

    public static List<object> Keys(JsonElement array) => array.EnumerateArray().Select(Key).ToList();

    private static IEnumerable<object[]> CaseNames(string kind) =>
        Root.GetProperty(kind).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    private static JsonElement Case(string kind, string name) =>
        Root.GetProperty(kind).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Finds Data/ in the test project's source folder, walking up from the test binaries.</summary>
    private static JsonDocument Load()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            foreach (string candidate in new[]
            {
                Path.Combine(dir.FullName, "Data", FileName),
                Path.Combine(dir.FullName, "tests", "Refheap.Runtime.Tests", "Data", FileName),
            })
            {
                if (File.Exists(candidate))
                {
                    return JsonDocument.Parse(File.ReadAllText(candidate));
                }
            }
        }

        throw new FileNotFoundException($"{FileName} not found above {AppContext.BaseDirectory}; run eng/record-dict-set-facts");
    }
}
