using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Refheap.Bench.Cli;

/// <summary>Builds one flat JSON object, fields in the order they are added.</summary>
public sealed class JsonLine
{
    private readonly StringBuilder _text = new("{");

    public JsonLine Add(string name, string value)
    {
        Name(name);
        _text.Append(JsonSerializer.Serialize(value));
        return this;
    }

    public JsonLine Add(string name, long value)
    {
        Name(name);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Adds a number rounded to <paramref name="decimals"/> places; NaN and infinities become null.</summary>
    public JsonLine Add(string name, double value, int decimals)
    {
        Name(name);
        if (double.IsFinite(value))
        {
            // Adding +0.0 turns a rounded -0 into 0.
            _text.Append((Math.Round(value, decimals) + 0.0).ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            _text.Append("null");
        }

        return this;
    }

    /// <summary>Adds an array of whole numbers.</summary>
    public JsonLine Add(string name, System.Collections.Generic.IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Name(name);
        _text.Append('[');
        for (int i = 0; i < values.Count; i++)
        {
            _text.Append(i == 0 ? "" : ",").Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        _text.Append(']');
        return this;
    }

    /// <summary>Writes the object as one line on stdout.</summary>
    public void WriteLine()
    {
        Console.Out.WriteLine(ToString());
        Console.Out.Flush();
    }

    public override string ToString() => _text.ToString() + "}";

    private void Name(string name)
    {
        if (_text.Length > 1)
        {
            _text.Append(',');
        }

        _text.Append(JsonSerializer.Serialize(name)).Append(':');
    }
}
