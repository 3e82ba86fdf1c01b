using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Refheap.Python.Lib;
using Xunit;

namespace Refheap.Python.Tests.Lib;

/// <summary>Replays eng/record-format: format() of int/float/str, repr/hex/fromhex of floats, round().</summary>
public class PyFormatTests
{
    [Fact]
    public void Recorded_formatting_replays_exactly()
    {
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();
        foreach (JsonElement rec in LibData.JsonLines("cpython311-format.jsonl"))
        {
            string op = rec.GetProperty("op").GetString()!;
            counts[op] = counts.GetValueOrDefault(op) + 1;
            string? want = rec.TryGetProperty("r", out JsonElement r) ? r.GetString() : null;
            string actual;
            try
            {
                actual = Run(op, rec);
            }
            catch (PythonLibException e)
            {
                JsonElement err = rec.TryGetProperty("e", out JsonElement ee) ? ee : default;
                if (want != null || err[0].GetString() != e.PythonTypeName || err[1].GetString() != e.Message)
                {
                    failures.Add($"{rec}: {e.PythonTypeName}: {e.Message}");
                }

                continue;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException or FormatException)
            {
                failures.Add($"{rec}: crashed: {e}");
                continue;
            }

            if (actual != want)
            {
                failures.Add($"{rec}: got {JsonSerializer.Serialize(actual)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(counts.Values.Sum() > 50000, string.Join(", ", counts));
    }

    [Theory]
    [InlineData(2.675, 2, 2.67)]
    [InlineData(0.5, 0, 0.0)]
    [InlineData(1.5, 0, 2.0)]
    [InlineData(-0.4, 0, -0.0)]
    public void Round_is_correctly_rounded(double x, int ndigits, double expected)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(PyFloat.Round(x, ndigits)));
    }

    private static double Bits(JsonElement e) =>
        BitConverter.Int64BitsToDouble(long.Parse(e.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string BitsText(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);

    private static string Run(string op, JsonElement rec)
    {
        JsonElement v = rec.GetProperty("v");
        switch (op)
        {
            case "format-int":
                return PyFormat.FormatInt(LibData.Big(v), rec.GetProperty("s").GetString()!);
            case "format-float":
                return PyFormat.FormatFloat(Bits(v), rec.GetProperty("s").GetString()!);
            case "format-str":
                return PyFormat.FormatStr(v.GetString()!, rec.GetProperty("s").GetString()!);
            case "repr":
                return FloatRepr(Bits(v));
            case "hex":
                return PyFloat.Hex(Bits(v));
            case "fromhex":
                return BitsText(PyFloat.FromHex(v.GetString()!));
            case "round":
                string n = rec.GetProperty("n").GetString()!;
                if (n == "None")
                {
                    return PyFloat.RoundToInteger(Bits(v)).ToString(CultureInfo.InvariantCulture);
                }

                // CPython clips ndigits to a Py_ssize_t (PyNumber_AsSsize_t with no exception).
                BigInteger nd = LibData.Big(n);
                long clipped = nd > long.MaxValue ? long.MaxValue : nd < long.MinValue ? long.MinValue : (long)nd;
                return BitsText(PyFloat.Round(Bits(v), clipped));
            case "round-int":
                return PyFloat.RoundInt(LibData.Big(v), LibData.Big(rec.GetProperty("n"))).ToString(CultureInfo.InvariantCulture);
            default:
                throw new InvalidOperationException(op);
        }
    }

    private static string FloatRepr(double d) => FloatFormatter.Repr(d);
}
