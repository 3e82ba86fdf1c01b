using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Refheap.Python.Lib;
using Xunit;

namespace Refheap.Python.Tests.Lib;

/// <summary>Replays eng/record-percent: printf-style <c>str % args</c> results and errors of CPython 3.11.</summary>
public class PercentFormatterTests
{
    [Fact]
    public void Recorded_percent_formatting_replays_exactly()
    {
        int cases = 0;
        var failures = new List<string>();
        foreach (JsonElement rec in LibData.JsonLines("cpython311-percent.jsonl"))
        {
            cases++;
            string format = rec.GetProperty("f").GetString()!;
            var args = new RecordedObject(rec.GetProperty("a"), top: true);
            string? want = rec.TryGetProperty("r", out JsonElement r) ? r.GetString() : null;
            try
            {
                string actual = PercentFormatter.Format(format, args);
                if (actual != want)
                {
                    failures.Add($"{rec.GetProperty("f")} % {rec.GetProperty("a").GetProperty("repr")}: got {JsonSerializer.Serialize(actual)}, want {(want is null ? rec.GetProperty("e").ToString() : JsonSerializer.Serialize(want))}");
                }
            }
            catch (PythonLibException e)
            {
                JsonElement err = rec.TryGetProperty("e", out JsonElement ee) ? ee : default;
                if (want != null || err[0].GetString() != e.PythonTypeName || err[1].GetString() != e.Message)
                {
                    failures.Add($"{rec.GetProperty("f")} % {rec.GetProperty("a").GetProperty("repr")}: {e.PythonTypeName}: {e.Message}; want {(want is null ? err.ToString() : JsonSerializer.Serialize(want))}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(cases > 4000, $"only {cases} cases");
    }

    /// <summary>A Python object replayed from its recorded description.</summary>
    private sealed class RecordedObject : IPercentArgument
    {
        private readonly JsonElement _d;

        public RecordedObject(JsonElement d, bool top)
        {
            _d = d;
            if (top && d.TryGetProperty("items", out JsonElement items))
            {
                TupleItems = items.EnumerateArray().Select(x => (IPercentArgument)new RecordedObject(x, false)).ToArray();
            }
        }

        public int MaxStrDigits => 4300;

        public string TypeName => _d.GetProperty("type").GetString()!;

        public IReadOnlyList<IPercentArgument>? TupleItems { get; }

        public bool IsMapping => _d.TryGetProperty("map", out _);

        public bool IsInt => _d.GetProperty("isint").GetBoolean();

        public bool IsNumber => _d.GetProperty("isnum").GetBoolean();

        public string? StrValue => _d.TryGetProperty("s", out JsonElement s) ? s.GetString() : null;

        public IPercentArgument GetItem(string key)
        {
            if (_d.TryGetProperty("entries", out JsonElement entries) && entries.TryGetProperty(key, out JsonElement v))
            {
                return new RecordedObject(v, false);
            }

            throw new PythonLibException(PythonErrorKind.KeyError, "'" + key + "'");
        }

        public string Str() => _d.TryGetProperty("str", out JsonElement s) ? s.GetString()! : Repr();

        public string Repr() => _d.GetProperty("repr").GetString()!;

        public string Ascii() => _d.TryGetProperty("ascii", out JsonElement s) ? s.GetString()! : Repr();

        public bool TryIndex(out BigInteger value) => TryBig("index", out value);

        public bool TryInt(out BigInteger value) => TryBig("int", out value);

        public bool TryFloat(out double value)
        {
            value = 0;
            string? text = Outcome("float");
            if (text is null)
            {
                return false;
            }

            value = BitConverter.Int64BitsToDouble(long.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            return true;
        }

        private bool TryBig(string name, out BigInteger value)
        {
            value = default;
            string? text = Outcome(name);
            if (text is null)
            {
                return false;
            }

            value = LibData.Big(text);
            return true;
        }

        /// <summary>The recorded value; null for TypeError; other recorded errors are raised as the VM would.</summary>
        private string? Outcome(string name)
        {
            JsonElement o = _d.GetProperty(name);
            if (o.ValueKind == JsonValueKind.Array)
            {
                var kind = Enum.Parse<PythonErrorKind>(o[0].GetString()!);
                throw new PythonLibException(kind, o[1].GetString()!);
            }

            string text = o.GetString()!;
            return text == "TypeError" ? null : text;
        }
    }
}
