using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.Json;

namespace Refheap.Python.Tests.Lib;

/// <summary>Recorded CPython 3.11 data under Data/lib (copied next to the test assembly).</summary>
internal static class LibData
{
    public static string PathOf(string fileName)
    {
        string here = Path.Combine(AppContext.BaseDirectory, "Data", "lib", fileName);
        if (File.Exists(here))
        {
            return here;
        }

        throw new FileNotFoundException($"recorded data {fileName} not found next to the test assembly", here);
    }

    /// <summary>Every JSON line of a .jsonl file ('#' lines are comments).</summary>
    public static List<JsonElement> JsonLines(string fileName)
    {
        var rows = new List<JsonElement>();
        foreach (string line in File.ReadLines(PathOf(fileName)))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                using JsonDocument doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 512 });
                rows.Add(doc.RootElement.Clone());
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{fileName} has no data lines");
        }

        return rows;
    }

    public static BigInteger Big(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static BigInteger Big(JsonElement e) => Big(e.GetString()!);

    /// <summary>A Python float repr ('inf', '-inf', 'nan' or a round-trip decimal) as a double.</summary>
    public static double Float(string text) => text switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    public static double Float(JsonElement e) => Float(e.GetString()!);

    /// <summary>A double as the recorder wrote it: Python's repr, compared as bit patterns via parsing.</summary>
    public static string Bits(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);
}
