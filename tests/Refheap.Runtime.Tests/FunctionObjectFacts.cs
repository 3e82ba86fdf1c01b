using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Refheap.Runtime.Tests;

/// <summary>The facts eng/record-function-object-facts recorded (Data/cpython311-function-objects.tsv).</summary>
internal static partial class FunctionObjectFacts
{
    private static readonly List<string[]> s_rows = RecordedData.Rows("cpython311-function-objects.tsv");

    /// <summary>Every row of one kind, without the kind field.</summary>
    public static List<string[]> Of(string kind) => s_rows.Where(r => r[0] == kind).Select(r => r[1..]).ToList();

    /// <summary>The fields after "kind label" of the one row with that kind and label.</summary>
    public static string[] One(string kind, string label) => s_rows.Single(r => r[0] == kind && r[1] == label)[2..];

    /// <summary>A repr with every 0x address replaced by ADDR, as the recorder writes them.</summary>
    public static string AddressFree(string repr) => AddressPattern().Replace(repr, "ADDR");

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex AddressPattern();
}
