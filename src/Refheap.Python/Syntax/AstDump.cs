using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>
/// Text forms of a tree: <see cref="Dump(Module)"/> prints exactly what CPython 3.11's
/// `ast.dump(tree)` prints (no attributes); <see cref="Positions"/> lists every positioned node in
/// pre-order. Used by the golden tests; handy for debugging.
/// </summary>
public static class AstDump
{
    public static string Dump(Module module)
    {
        System.ArgumentNullException.ThrowIfNull(module);
        var sb = new StringBuilder("Module(body=");
        WriteList(sb, module.Body);
        sb.Append(", type_ignores=[])");
        return sb.ToString();
    }

    public static string Dump(ExpressionModule module)
    {
        System.ArgumentNullException.ThrowIfNull(module);
        var sb = new StringBuilder("Expression(body=");
        Write(sb, module.Body);
        sb.Append(')');
        return sb.ToString();
    }

    public static string Dump(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>`ast`'s class name for a node.</summary>
    public static string PythonName(Node node) => node switch
    {
        ListExpr => "List",
        TupleExpr => "Tuple",
        SetExpr => "Set",
        DictExpr => "Dict",
        AttributeExpr => "Attribute",
        ExprStmt => "Expr",
        Arguments => "arguments",
        Arg => "arg",
        Keyword => "keyword",
        Alias => "alias",
        WithItem => "withitem",
        Comprehension => "comprehension",
        _ => node.GetType().Name,
    };

    /// <summary>One line per positioned node, pre-order over fields: `Type lineno,col,endline,endcol`,
    /// with '*' after the type for nodes inside an f-string (as eng/record-ast writes them).</summary>
    public static IReadOnlyList<string> Positions(Module module)
    {
        System.ArgumentNullException.ThrowIfNull(module);
        var lines = new List<string>();
        var stack = new Stack<(Node Node, bool InF)>();
        for (int i = module.Body.Count - 1; i >= 0; i--)
        {
            stack.Push((module.Body[i], false));
        }
        while (stack.Count > 0)
        {
            var (n, inF) = stack.Pop();
            if (n is not (Arguments or Comprehension or WithItem))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{PythonName(n)}{(inF ? "*" : "")} {n.Lineno},{n.ColOffset},{n.EndLineno},{n.EndColOffset}"));
            }
            var children = new List<Node>(AstWalker.Children(n));
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], inF || n is JoinedStr));
            }
        }
        return lines;
    }

    private static void WriteList(StringBuilder sb, IList items)
    {
        sb.Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            WriteValue(sb, items[i]);
        }
        sb.Append(']');
    }

    private static void WriteValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("None");
                break;
            case Node n:
                Write(sb, n);
                break;
            case IList l:
                WriteList(sb, l);
                break;
            case string s:
                sb.Append(PythonRepr.Str(s));
                break;
            case System.Enum e:
                sb.Append(e.ToString()).Append("()");
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(PythonRepr.Constant(value));
                break;
        }
    }

    private static void Write(StringBuilder sb, Node node)
    {
        sb.Append(PythonName(node)).Append('(');
        bool first = true;
        foreach (var (name, value, optional) in Fields(node))
        {
            if (optional && value is null)
            {
                continue;
            }
            if (!first)
            {
                sb.Append(", ");
            }
            first = false;
            sb.Append(name).Append('=');
            if (name == "value" && node is Constant)
            {
                sb.Append(PythonRepr.Constant(value));
            }
            else
            {
                WriteValue(sb, value);
            }
        }
        sb.Append(')');
    }

    /// <summary>Fields in `ast` order: name, value, and whether None is left out (optional).</summary>
    private static IEnumerable<(string, object?, bool)> Fields(Node node) => node switch
    {
        FunctionDef f => [("name", f.Name, false), ("args", f.Args, false), ("body", f.Body, false),
            ("decorator_list", f.DecoratorList, false), ("returns", f.Returns, true), ("type_comment", f.TypeComment, true)],
        ClassDef c => [("name", c.Name, false), ("bases", c.Bases, false), ("keywords", c.Keywords, false),
            ("body", c.Body, false), ("decorator_list", c.DecoratorList, false)],
        Return r => [("value", r.Value, true)],
        Delete d => [("targets", d.Targets, false)],
        Assign a => [("targets", a.Targets, false), ("value", a.Value, false), ("type_comment", a.TypeComment, true)],
        AugAssign a => [("target", a.Target, false), ("op", a.Op, false), ("value", a.Value, false)],
        AnnAssign a => [("target", a.Target, false), ("annotation", a.Annotation, false), ("value", a.Value, true),
            ("simple", a.Simple ? 1 : 0, false)],
        For f => [("target", f.Target, false), ("iter", f.Iter, false), ("body", f.Body, false),
            ("orelse", f.Orelse, false), ("type_comment", f.TypeComment, true)],
        While w => [("test", w.Test, false), ("body", w.Body, false), ("orelse", w.Orelse, false)],
        If i => [("test", i.Test, false), ("body", i.Body, false), ("orelse", i.Orelse, false)],
        With w => [("items", w.Items, false), ("body", w.Body, false), ("type_comment", w.TypeComment, true)],
        Raise r => [("exc", r.Exc, true), ("cause", r.Cause, true)],
        Try t => [("body", t.Body, false), ("handlers", t.Handlers, false), ("orelse", t.Orelse, false),
            ("finalbody", t.Finalbody, false)],
        TryStar t => [("body", t.Body, false), ("handlers", t.Handlers, false), ("orelse", t.Orelse, false),
            ("finalbody", t.Finalbody, false)],
        Assert a => [("test", a.Test, false), ("msg", a.Msg, true)],
        Import i => [("names", i.Names, false)],
        ImportFrom i => [("module", i.Module, true), ("names", i.Names, false), ("level", i.Level, false)],
        Global g => [("names", g.Names, false)],
        Nonlocal g => [("names", g.Names, false)],
        ExprStmt e => [("value", e.Value, false)],
        BoolOp b => [("op", b.Op, false), ("values", b.Values, false)],
        NamedExpr n => [("target", n.Target, false), ("value", n.Value, false)],
        BinOp b => [("left", b.Left, false), ("op", b.Op, false), ("right", b.Right, false)],
        UnaryOp u => [("op", u.Op, false), ("operand", u.Operand, false)],
        Lambda l => [("args", l.Args, false), ("body", l.Body, false)],
        IfExp i => [("test", i.Test, false), ("body", i.Body, false), ("orelse", i.Orelse, false)],
        DictExpr d => [("keys", d.Keys, false), ("values", d.Values, false)],
        SetExpr s => [("elts", s.Elts, false)],
        ListComp c => [("elt", c.Elt, false), ("generators", c.Generators, false)],
        SetComp c => [("elt", c.Elt, false), ("generators", c.Generators, false)],
        DictComp c => [("key", c.Key, false), ("value", c.Value, false), ("generators", c.Generators, false)],
        GeneratorExp c => [("elt", c.Elt, false), ("generators", c.Generators, false)],
        Yield y => [("value", y.Value, true)],
        YieldFrom y => [("value", y.Value, false)],
        Compare c => [("left", c.Left, false), ("ops", c.Ops, false), ("comparators", c.Comparators, false)],
        Call c => [("func", c.Func, false), ("args", c.Args, false), ("keywords", c.Keywords, false)],
        FormattedValue f => [("value", f.Value, false), ("conversion", f.Conversion, false), ("format_spec", f.FormatSpec, true)],
        JoinedStr j => [("values", j.Values, false)],
        Constant c => [("value", c.Value, false), ("kind", c.Kind, true)],
        AttributeExpr a => [("value", a.Value, false), ("attr", a.Attr, false), ("ctx", a.Ctx, false)],
        Subscript s => [("value", s.Value, false), ("slice", s.Slice, false), ("ctx", s.Ctx, false)],
        Starred s => [("value", s.Value, false), ("ctx", s.Ctx, false)],
        Name n => [("id", n.Id, false), ("ctx", n.Ctx, false)],
        ListExpr l => [("elts", l.Elts, false), ("ctx", l.Ctx, false)],
        TupleExpr t => [("elts", t.Elts, false), ("ctx", t.Ctx, false)],
        Slice s => [("lower", s.Lower, true), ("upper", s.Upper, true), ("step", s.Step, true)],
        Comprehension c => [("target", c.Target, false), ("iter", c.Iter, false), ("ifs", c.Ifs, false),
            ("is_async", c.IsAsync, false)],
        ExceptHandler h => [("type", h.Type, true), ("name", h.Name, true), ("body", h.Body, false)],
        Arguments a => [("posonlyargs", a.PosonlyArgs, false), ("args", a.Args, false), ("vararg", a.Vararg, true),
            ("kwonlyargs", a.KwonlyArgs, false), ("kw_defaults", a.KwDefaults, false), ("kwarg", a.Kwarg, true),
            ("defaults", a.Defaults, false)],
        Arg a => [("arg", a.ArgName, false), ("annotation", a.Annotation, true), ("type_comment", a.TypeComment, true)],
        Keyword k => [("arg", k.ArgName, true), ("value", k.Value, false)],
        Alias a => [("name", a.Name, false), ("asname", a.Asname, true)],
        WithItem w => [("context_expr", w.ContextExpr, false), ("optional_vars", w.OptionalVars, true)],
        _ => [],
    };
}

/// <summary>Python's repr() of constant values.</summary>
public static class PythonRepr
{
    public static string Constant(object? value) => value switch
    {
        null => "None",
        true => "True",
        false => "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        double d => FloatRepr(d),
        Imaginary j => FloatRepr(j.Value, addPointZero: false) + "j",
        string s => Str(s),
        byte[] b => Bytes(b),
        Ellipsis => "Ellipsis",
        _ => value.ToString() ?? "",
    };

    /// <summary>repr(float): shortest round-trip digits; exponent form when the decimal exponent is
    /// below -4 or above 16 (Python/pystrtod.c, format code 'r').</summary>
    public static string FloatRepr(double d, bool addPointZero = true)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0)
        {
            string zero = double.IsNegative(d) ? "-0" : "0";
            return addPointZero ? zero + ".0" : zero;
        }
        
        string shortest = d.ToString("R", CultureInfo.InvariantCulture);
        // Digits and exponent of the shortest form.
        string sign = d < 0 ? "-" : "";
        string mant = shortest.TrimStart('-');
        int exp = 0;
        int e = mant.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(mant[(e + 1)..], CultureInfo.InvariantCulture);
            mant = mant[..e];
        }
        int dot = mant.IndexOf('.', System.StringComparison.Ordinal);
        string digits = dot >= 0 ? mant.Remove(dot, 1) : mant;
        int decpt = (dot >= 0 ? dot : mant.Length) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            decpt--;
        }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        if (decpt > 16 || decpt < -3)
        {
            string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            int x = decpt - 1;
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{m}e{(x < 0 ? "-" : "+")}{System.Math.Abs(x):00}");
        }
        string text;
        if (decpt <= 0)
        {
            text = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            text = digits + new string('0', decpt - digits.Length) + (addPointZero ? ".0" : "");
        }
        else
        {
            text = digits[..decpt] + "." + digits[decpt..];
        }
        return sign + text;
    }

    public static string Str(string s)
    {
        char quote = s.Contains('\'', System.StringComparison.Ordinal) && !s.Contains('"', System.StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c < 0x20 || c == 0x7F)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else if (c < 0x7F)
            {
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var rune = new Rune(c, s[i + 1]);
                i++;
                if (Tokenizer.IsPrintable(rune))
                {
                    sb.Append(rune.ToString());
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                }
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else if (Tokenizer.IsPrintable(new Rune(c)))
            {
                sb.Append(c);
            }
            else if (c < 0x100)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    public static string Bytes(byte[] b)
    {
        bool hasSingle = System.Array.IndexOf(b, (byte)'\'') >= 0;
        bool hasDouble = System.Array.IndexOf(b, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder("b");
        sb.Append(quote);
        foreach (byte x in b)
        {
            if (x == quote || x == '\\')
            {
                sb.Append('\\').Append((char)x);
            }
            else if (x == '\t')
            {
                sb.Append("\\t");
            }
            else if (x == '\n')
            {
                sb.Append("\\n");
            }
            else if (x == '\r')
            {
                sb.Append("\\r");
            }
            else if (x < 0x20 || x >= 0x7F)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{x:x2}");
            }
            else
            {
                sb.Append((char)x);
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }
}
