using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The facts eng/record-scalar-facts recorded from CPython 3.11 (tests/Refheap.Runtime.Tests/Data).
/// Found next to the test assembly when copied there, else in the source tree above it.
/// </summary>
internal static class RecordedData
{
    private static readonly Lazy<string> s_dir = new(FindDir);

    /// <summary>The tab-separated fields of every data line (comment lines start with '#').</summary>
    public static List<string[]> Rows(string fileName)
    {
        var rows = new List<string[]>();
        foreach (string line in File.ReadLines(Path.Combine(s_dir.Value, fileName)))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{fileName} has no data lines");
        }

        return rows;
    }

    public static BigInteger Big(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static long Long(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A double from its IEEE bits in hex.</summary>
    public static double Double(string hexBits) =>
        BitConverter.Int64BitsToDouble((long)ulong.Parse(hexBits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public static string Bits(double x) => ((ulong)BitConverter.DoubleToInt64Bits(x)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Code points from space-separated hex ("-" for none).</summary>
    public static int[] CodePoints(string field)
    {
        if (field == "-")
        {
            return [];
        }

        string[] parts = field.Split(' ');
        var cps = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            cps[i] = int.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return cps;
    }

    public static byte[] Hex(string field) => field == "-" ? [] : Convert.FromHexString(field);

    private static string FindDir()
    {
        string local = Path.Combine(AppContext.BaseDirectory, "Data");
        if (File.Exists(Path.Combine(local, "cpython311-int.tsv")))
        {
            return local;
        }

        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "tests", "Refheap.Runtime.Tests", "Data");
            if (File.Exists(Path.Combine(candidate, "cpython311-int.tsv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Refheap.Runtime.Tests/Data not found above " + AppContext.BaseDirectory);
    }
}
