using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Refheap.Python.Lib;
using Xunit;

namespace Refheap.Python.Tests.Lib;

/// <summary>Replays eng/record-json: json.loads trees and errors, json.dumps of strings and floats.</summary>
public class JsonTests
{
    [Fact]
    public void Recorded_json_replays_exactly()
    {
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();
        foreach (JsonElement rec in LibData.JsonLines("cpython311-json.jsonl"))
        {
            string op = rec.GetProperty("op").GetString()!;
            counts[op] = counts.GetValueOrDefault(op) + 1;
            switch (op)
            {
                case "loads":
                    CheckLoads(rec, failures);
                    break;
                case "dumps-str":
                    string s = FromHex(rec.GetProperty("dh").GetString()!);
                    string got = JsonEncoder.EncodeString(s, rec.GetProperty("ascii").GetBoolean());
                    if (ToHex(got) != rec.GetProperty("rh").GetString())
                    {
                        failures.Add($"{rec}: got {ToHex(got)}");
                    }

                    break;
                default:
                    double v = BitConverter.Int64BitsToDouble(long.Parse(rec.GetProperty("v").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    try
                    {
                        string text = JsonEncoder.EncodeFloat(v, rec.GetProperty("allow_nan").GetBoolean());
                        if (!rec.TryGetProperty("r", out JsonElement r) || r.GetString() != text)
                        {
                            failures.Add($"{rec}: got {text}");
                        }
                    }
                    catch (PythonLibException e)
                    {
                        if (!rec.TryGetProperty("e", out JsonElement err) || err[1].GetString() != e.Message)
                        {
                            failures.Add($"{rec}: {e.Message}");
                        }
                    }

                    break;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(counts.Values.Sum() > 8000, string.Join(", ", counts));
    }

    [Fact]
    public void Decode_error_carries_position_line_and_column()
    {
        JsonDecodeException e = Assert.Throws<JsonDecodeException>(() => JsonDecoder.Loads("[1,\n  x]"));
        Assert.Equal("Expecting value", e.Msg);
        Assert.Equal((6, 2, 3), (e.Pos, e.LineNo, e.ColNo));
        Assert.Equal("Expecting value: line 2 column 3 (char 6)", e.Message);
    }

    private static void CheckLoads(JsonElement rec, List<string> failures)
    {
        string doc = rec.TryGetProperty("d", out JsonElement d) ? d.GetString()! : FromHex(rec.GetProperty("dh").GetString()!);
        bool strict = rec.GetProperty("strict").GetBoolean();
        try
        {
            string tree = Tree(JsonDecoder.Loads(doc, strict));
            if (!rec.TryGetProperty("r", out JsonElement r) || r.GetRawText() != tree)
            {
                failures.Add($"{rec}: got {tree}");
            }
        }
        catch (PythonLibException e)
        {
            string cls = e is JsonDecodeException ? "JSONDecodeError" : e.PythonTypeName;
            if (!rec.TryGetProperty("e", out JsonElement err) || err[0].GetString() != cls || err[1].GetString() != e.Message)
            {
                failures.Add($"{rec}: {cls}: {e.Message}");
            }
        }
    }

    /// <summary>The recorder's tree notation, serialized as Python's json.dumps does (", " separators).</summary>
    private static string Tree(JsonValue v) => v switch
    {
        JsonObject o => "[\"o\", [" + string.Join(", ", o.Members.Select(m => "[\"" + ToHex(m.Key) + "\", " + Tree(m.Value) + "]")) + "]]",
        JsonArray a => "[\"a\", [" + string.Join(", ", a.Items.Select(Tree)) + "]]",
        JsonString s => "[\"s\", \"" + ToHex(s.Value) + "\"]",
        JsonInteger i => "[\"i\", \"" + i.Value.ToString(CultureInfo.InvariantCulture) + "\"]",
        JsonFloat f => "[\"f\", \"" + BitConverter.DoubleToInt64Bits(f.Value).ToString("x16", CultureInfo.InvariantCulture) + "\"]",
        JsonConstant c => "[\"c\", \"" + c.Name + "\"]",
        _ => v.Kind switch { JsonKind.TrueLiteral => "true", JsonKind.FalseLiteral => "false", _ => "null" },
    };

    private static string FromHex(string hex)
    {
        if (hex.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (string h in hex.Split(' '))
        {
            int cp = int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            sb.Append(cp is >= 0xD800 and <= 0xDFFF || cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    private static string ToHex(string s) => string.Join(' ', FormatSpecCodePoints(s).Select(cp => cp.ToString("x", CultureInfo.InvariantCulture)));

    private static IEnumerable<int> FormatSpecCodePoints(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                yield return s[i];
            }
        }
    }
}
