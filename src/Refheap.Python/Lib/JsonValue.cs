using System.Collections.Generic;
using System.Numerics;

namespace Refheap.Python.Lib;

/// <summary>The kind of a decoded JSON value.</summary>
public enum JsonKind
{
    ObjectNode,
    ArrayNode,
    StringNode,
    IntegerNode,
    FloatNode,
    ConstantNode,
    TrueLiteral,
    FalseLiteral,
    NullLiteral,
}

/// <summary>
/// A neutral tree for <c>json.loads</c>: the VM maps it to dicts (or object_pairs_hook over the ordered pairs),
/// lists, str, int (or parse_int over <see cref="JsonInteger.Text"/>), float (or parse_float over
/// <see cref="JsonFloat.Text"/>), and NaN/Infinity/-Infinity (parse_constant over <see cref="JsonConstant.Name"/>).
/// </summary>
public abstract class JsonValue
{
    private protected JsonValue()
    {
    }

    public abstract JsonKind Kind { get; }
}

/// <summary>A JSON object: members in document order, duplicates kept (dict() keeps the last).</summary>
public sealed class JsonObject(IReadOnlyList<KeyValuePair<string, JsonValue>> members) : JsonValue
{
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; } = members;

    public override JsonKind Kind => JsonKind.ObjectNode;
}

public sealed class JsonArray(IReadOnlyList<JsonValue> items) : JsonValue
{
    public IReadOnlyList<JsonValue> Items { get; } = items;

    public override JsonKind Kind => JsonKind.ArrayNode;
}

/// <summary>A string (UTF-16; an escaped lone surrogate stays a lone surrogate, as in Python).</summary>
public sealed class JsonString(string value) : JsonValue
{
    public string Value { get; } = value;

    public override JsonKind Kind => JsonKind.StringNode;
}

/// <summary>An integer literal: <c>int(text)</c>.</summary>
public sealed class JsonInteger(BigInteger value, string text) : JsonValue
{
    public BigInteger Value { get; } = value;

    /// <summary>The literal as written, for a parse_int hook.</summary>
    public string Text { get; } = text;

    public override JsonKind Kind => JsonKind.IntegerNode;
}

/// <summary>A literal with a fraction or exponent: <c>float(text)</c>, correctly rounded.</summary>
public sealed class JsonFloat(double value, string text) : JsonValue
{
    public double Value { get; } = value;

    /// <summary>The literal as written, for a parse_float hook.</summary>
    public string Text { get; } = text;

    public override JsonKind Kind => JsonKind.FloatNode;
}

/// <summary><c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c> (the default parse_constant gives the float).</summary>
public sealed class JsonConstant(string name, double value) : JsonValue
{
    public string Name { get; } = name;

    public double Value { get; } = value;

    public override JsonKind Kind => JsonKind.ConstantNode;
}

/// <summary>true, false or null.</summary>
public sealed class JsonLiteral : JsonValue
{
    public static readonly JsonLiteral True = new(JsonKind.TrueLiteral);
    public static readonly JsonLiteral False = new(JsonKind.FalseLiteral);
    public static readonly JsonLiteral Null = new(JsonKind.NullLiteral);

    private readonly JsonKind _kind;

    private JsonLiteral(JsonKind kind)
    {
        _kind = kind;
    }

    public override JsonKind Kind => _kind;
}
