using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Refheap.Python.Lib;
using Xunit;

namespace Refheap.Python.Tests.Lib;

/// <summary>Replays eng/record-random: random.Random sequences of CPython 3.11 for many seeds and every method.</summary>
public class MersenneTwisterTests
{
    [Fact]
    public void Recorded_sequences_replay_exactly()
    {
        int cases = 0;
        int values = 0;
        var failures = new List<string>();
        foreach (JsonElement rec in LibData.JsonLines("cpython311-random.jsonl"))
        {
            MersenneTwister r = MakeGenerator(rec.GetProperty("seed"));
            string op = rec.GetProperty("op").GetString()!;
            JsonElement[] args = rec.GetProperty("args").EnumerateArray().ToArray();
            JsonElement[] expected = rec.GetProperty("out").EnumerateArray().ToArray();
            bool hasError = rec.TryGetProperty("error", out JsonElement error);
            int calls = expected.Length + (hasError ? 1 : 0);
            cases++;
            try
            {
                for (int i = 0; i < calls; i++)
                {
                    string actual = Call(r, op, args);
                    if (i >= expected.Length)
                    {
                        failures.Add($"{rec}: expected an error, got {actual}");
                        break;
                    }

                    string want = expected[i].ValueKind == JsonValueKind.String ? expected[i].GetString()! : expected[i].GetRawText();
                    if (actual != want && !SameFloat(actual, want))
                    {
                        failures.Add($"{rec}: call {i}: {actual}");
                        break;
                    }

                    values++;
                }
            }
            catch (PythonLibException e)
            {
                if (!hasError || e.PythonTypeName != error[0].GetString() || e.Message != error[1].GetString())
                {
                    failures.Add($"{rec}: {e.PythonTypeName}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(cases > 4000, $"only {cases} cases");
        Assert.True(values > 20000, $"only {values} values");
    }

    [Fact]
    public void State_round_trips_and_rejects_a_bad_position()
    {
        var a = new MersenneTwister(12345);
        a.Random();
        uint[] state = a.GetState();
        var b = new MersenneTwister(1);
        b.SetState(state);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(a.Random(), b.Random());
        }

        state[MersenneTwister.StateSize] = 625;
        PythonLibException e = Assert.Throws<PythonLibException>(() => b.SetState(state));
        Assert.Equal("invalid state", e.Message);
    }

    private static bool SameFloat(string actual, string want) =>
        double.TryParse(want, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        && double.TryParse(actual, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        && LibData.Bits(LibData.Float(actual)) == LibData.Bits(LibData.Float(want));

    private static MersenneTwister MakeGenerator(JsonElement seed)
    {
        string kind = seed[0].GetString()!;
        string value = seed[1].GetString()!;
        var r = new MersenneTwister(0);
        switch (kind)
        {
            case "int":
                r.Seed(LibData.Big(value));
                break;
            case "str":
                r.Seed(value);
                break;
            case "bytes":
                r.Seed(Convert.FromHexString(value));
                break;
            default:
                r.SeedFromHash(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        return r;
    }

    private static string F(double d) => FloatRepr(d);

    private static string FloatRepr(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf"
        : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Ints(IEnumerable<long> xs) => "[" + string.Join(", ", xs.Select(x => "\"" + x + "\"")) + "]";

    private static string Call(MersenneTwister r, string op, JsonElement[] a)
    {
        BigInteger I(int i) => LibData.Big(a[i]);
        double D(int i) => LibData.Float(a[i]);
        int N(int i) => (int)LibData.Big(a[i]);
        switch (op)
        {
            case "random":
                return F(r.Random());
            case "getrandbits":
                return r.GetRandBits(N(0)).ToString();
            case "randrange":
                return (a.Length == 1 ? r.RandRange(I(0)) : a.Length == 2 ? r.RandRange(I(0), I(1)) : r.RandRange(I(0), I(1), I(2))).ToString();
            case "randint":
                return r.RandInt(I(0), I(1)).ToString();
            case "choice":
                return r.Choice(N(0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "shuffle":
                return Ints(r.ShufflePermutation(N(0)).Select(x => (long)x));
            case "sample":
                return Ints(r.Sample((long)I(0), N(1)));
            case "sample_counts":
                return Ints(r.Sample(a[0].EnumerateArray().Select(x => (long)LibData.Big(x)).ToArray(), N(1)).Select(x => (long)x));
            case "choices":
                return Ints(r.Choices(N(0), N(1)).Select(x => (long)x));
            case "choices_cum":
                double[] cw = a[0].EnumerateArray().Select(x => x.GetString()!.Contains('.') || x.GetString() == "inf" ? LibData.Float(x) : (double)LibData.Big(x)).ToArray();
                return Ints(r.Choices(cw, N(1)).Select(x => (long)x));
            case "uniform":
                return F(r.Uniform(D(0), D(1)));
            case "triangular":
                return F(a.Length == 0 ? r.Triangular() : a.Length == 2 ? r.Triangular(D(0), D(1)) : r.Triangular(D(0), D(1), D(2)));
            case "normalvariate":
                return F(r.NormalVariate(D(0), D(1)));
            case "gauss":
                return F(r.Gauss(D(0), D(1)));
            case "lognormvariate":
                return F(r.LogNormVariate(D(0), D(1)));
            case "expovariate":
                return F(r.ExpoVariate(D(0)));
            case "vonmisesvariate":
                return F(r.VonMisesVariate(D(0), D(1)));
            case "gammavariate":
                return F(r.GammaVariate(D(0), D(1)));
            case "betavariate":
                return F(r.BetaVariate(D(0), D(1)));
            case "paretovariate":
                return F(r.ParetoVariate(D(0)));
            case "weibullvariate":
                return F(r.WeibullVariate(D(0), D(1)));
            case "randbytes":
                return Convert.ToHexString(r.RandBytes(N(0))).ToLowerInvariant();
            case "getstate":
                for (int i = 0; i < 700; i++)
                {
                    r.Random();
                }

                r.Gauss();
                var sb = new StringBuilder();
                sb.Append("[\"3\", [");
                sb.Append(string.Join(", ", r.GetState().Select(x => "\"" + x + "\"")));
                sb.Append("], \"").Append(F(r.GaussNext!.Value)).Append("\"]");
                return sb.ToString();
            default:
                throw new InvalidOperationException(op);
        }
    }
}
