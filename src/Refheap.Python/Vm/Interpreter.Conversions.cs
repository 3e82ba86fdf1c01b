using System;
using System.Numerics;
using System.Text;
using Refheap.Python.Objects;
using Refheap.Python.Objects.Methods;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Vm;

// int(), float(), str/bytes conversions, and instances of subclasses of builtin types.
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Returns <paramref name="exact"/> (owned) if <paramref name="type"/> is its exact type;
    /// otherwise a new instance of the subclass <paramref name="type"/> holding the same value
    /// (the value's memory copied after the subclass's pre-header), and <paramref name="exact"/> is released.
    /// </summary>
    public PyObject* AllocLike(PyTypeObject* type, PyObject* exact)
    {
        PyRuntime rt = Rt;
        if (exact == null || exact->Type == type || (type->Flags & TypeFlags.HeapType) == 0)
        {
            return exact;
        }

        PyTypeObject* builtin = PyRuntime.BuiltinBase(type);
        if (builtin != exact->Type)
        {
            rt.DecRef(exact);
            rt.SetError(rt.TypeErrorType, $"{rt.InfoOf(builtin).Name}.__new__({rt.InfoOf(type).Name}): {rt.InfoOf(type).Name} is not a subtype of {rt.TypeName(exact)}");
            return null;
        }

        nint bodySize = rt.SizeOf(exact) - PyRuntime.PreHeaderSize(exact->Type);
        if (builtin == rt.ListType || builtin == rt.DictType)
        {
            bodySize = builtin->BasicSize;
        }
        else if (builtin == rt.SetType || builtin == rt.FrozenSetType)
        {
            bodySize = builtin->BasicSize;
        }

        nint total = bodySize - builtin->BasicSize + type->BasicSize;
        PyObject* o = (type->Flags & TypeFlags.HaveGc) != 0 ? rt.NewGcObject(type, total) : rt.NewObject(type, total);
        if (o == null)
        {
            rt.DecRef(exact);
            return null;
        }

        nint copy = bodySize - sizeof(PyObject);
        Buffer.MemoryCopy((byte*)exact + sizeof(PyObject), (byte*)o + sizeof(PyObject), copy, copy);
        new Span<byte>((byte*)o + bodySize, (int)(total - bodySize)).Clear();
        if (builtin == rt.TupleType)
        {
            for (nint i = 0; i < PyRuntime.TupleSize(o); i++)
            {
                PyRuntime.IncRef(PyRuntime.TupleItems(o)[i]);
            }
        }
        else if (builtin == rt.ListType)
        {
            // The items block moves to the new list; the old one is left empty.
            var l = (PyListObject*)exact;
            l->Items = null;
            l->Allocated = 0;
            l->Base.Size = 0;
        }
        else if (builtin == rt.DictType)
        {
            PyObject* fresh = rt.NewDict();
            Buffer.MemoryCopy((byte*)fresh + sizeof(PyObject), (byte*)exact + sizeof(PyObject), copy, copy);
            ((PyObject*)fresh)->RefCount = 1;
            rt.DecRef(fresh);
        }
        else if (builtin == rt.SetType || builtin == rt.FrozenSetType)
        {
            var s = (PySetObject*)o;
            var old = (PySetObject*)exact;
            if (old->Table == (SetEntry*)&old->SmallTable)
            {
                s->Table = (SetEntry*)&s->SmallTable;
            }
            else
            {
                old->Table = (SetEntry*)&old->SmallTable;
                new Span<byte>(&old->SmallTable, sizeof(SetSmallTable)).Clear();
                old->Fill = 0;
                old->Used = 0;
                old->Mask = 7;
            }

            s->WeakRefList = null;
            if (old->Table == (SetEntry*)&old->SmallTable)
            {
                // Items stay referenced by the copy; the original must not release them.
                for (nint i = 0; i <= s->Mask; i++)
                {
                    PyObject* k = s->Table[i].Key;
                    if (k != null && k != rt.SetDummyPublic)
                    {
                        PyRuntime.IncRef(k);
                    }
                }
            }
        }
        else if (builtin == rt.ByteArrayType)
        {
            // The buffer moves to the new object; the old one is left empty.
            var old = (PyByteArrayObject*)exact;
            old->Bytes = null;
            old->Start = null;
            old->Alloc = 0;
            old->Base.Size = 0;
        }
        else if (builtin == rt.StrType)
        {
            // A copy is never interned.
            ((PyAsciiObjectView*)o)->State &= ~3u;
        }

        rt.DecRef(exact);
        if ((type->Flags & TypeFlags.HaveGc) != 0)
        {
            rt.Track(o);
        }

        return o;
    }

    public void ListClearItems(PyObject* list)
    {
        nint n = PyRuntime.ListSize(list);
        if (n == 0)
        {
            return;
        }

        var items = new nint[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = (nint)PyRuntime.ListItems(list)[i];
        }

        Rt.ListResize(list, 0);
        foreach (nint p in items)
        {
            Rt.DecRef((PyObject*)p);
        }
    }

    /// <summary>int(x[, base]).</summary>
    public PyObject* ToInt(PyObject* x, PyObject* baseObj)
    {
        PyRuntime rt = Rt;
        if (x == null)
        {
            if (baseObj != null)
            {
                rt.SetError(rt.TypeErrorType, "int() missing string argument");
                return null;
            }

            return rt.NewInt(0);
        }

        if (baseObj != null)
        {
            if (!PyRuntime.IsStr(x) && !PyRuntime.IsBytes(x) && !rt.IsByteArray(x))
            {
                rt.SetError(rt.TypeErrorType, "int() can't convert non-string with explicit base");
                return null;
            }

            long b = (long)PyRuntime.IntToBigInteger(baseObj);
            if (b != 0 && (b < 2 || b > 36))
            {
                rt.SetError(rt.ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
                return null;
            }

            string text = PyRuntime.IsStr(x) ? DecimalAndSpaceToAscii(PyRuntime.StrToString(x)) : Encoding.Latin1.GetString(BytesOf(x));
            return IntFromText(text, (int)b, x);
        }

        if (x->Type == rt.IntType)
        {
            return PyRuntime.NewRef(x);
        }

        if (PyRuntime.IsInt(x))
        {
            return rt.NewInt(PyRuntime.IntToBigInteger(x));
        }

        if (rt.IsFloat(x))
        {
            double d = PyRuntime.FloatValue(x);
            if (double.IsNaN(d))
            {
                rt.SetError(rt.ValueErrorType, "cannot convert float NaN to integer");
                return null;
            }

            if (double.IsInfinity(d))
            {
                rt.SetError(rt.OverflowErrorType, "cannot convert float infinity to integer");
                return null;
            }

            return rt.IntFromDouble(d);
        }

        if (PyRuntime.IsStr(x) || PyRuntime.IsBytes(x) || rt.IsByteArray(x))
        {
            string text = PyRuntime.IsStr(x) ? DecimalAndSpaceToAscii(PyRuntime.StrToString(x)) : Encoding.Latin1.GetString(BytesOf(x));
            return IntFromText(text, 10, x);
        }

        foreach (string dunder in new[] { "__int__", "__index__", "__trunc__" })
        {
            if ((x->Type->Flags & TypeFlags.HeapType) != 0)
            {
                PyObject* fn = LookupUserDunder(x->Type, dunder);
                if (fn != null)
                {
                    PyObject* r = CallDunder(fn, x, null);
                    if (r != null && !PyRuntime.IsInt(r))
                    {
                        rt.SetError(rt.TypeErrorType, $"{dunder} returned non-int (type {rt.TypeName(r)})");
                        rt.DecRef(r);
                        return null;
                    }

                    return r;
                }
            }
        }

        rt.SetError(rt.TypeErrorType, $"int() argument must be a string, a bytes-like object or a real number, not '{rt.TypeName(x)}'");
        return null;
    }

    /// <summary>
    /// _PyUnicode_TransformDecimalAndSpaceToASCII: before int(), float() and complex() parse a
    /// str, every non-ASCII decimal digit becomes its ASCII digit, every non-ASCII whitespace a
    /// space, and any other non-ASCII character '?' (which no parser accepts).
    /// </summary>
    internal static string DecimalAndSpaceToAscii(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (Rune r in text.EnumerateRunes())
        {
            int cp = r.Value;
            if (cp < 128)
            {
                sb.Append((char)cp);
            }
            else if (UnicodeTables.IsSpace(cp))
            {
                sb.Append(' ');
            }
            else
            {
                int d = System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(r.ToString(), 0);
                sb.Append(d >= 0 ? (char)('0' + d) : '?');
            }
        }

        return sb.ToString();
    }

    private PyObject* IntFromText(string text, int numberBase, PyObject* original)
    {
        PyRuntime rt = Rt;
        if (numberBase == 10 && TryPlainDecimal(text, out PyObject* plain))
        {
            return plain;
        }

        string t = text.Trim(' ', '\t', '\n', '\r', '\f', '\v');
        bool neg = false;
        string body = t;
        if (body.StartsWith('-') || body.StartsWith('+'))
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        int b = numberBase;
        string lower = body.ToLowerInvariant();
        if ((b == 0 || b == 16) && lower.StartsWith("0x", StringComparison.Ordinal))
        {
            b = 16;
            body = body[2..];
            body = body.StartsWith('_') ? body[1..] : body;
        }
        else if ((b == 0 || b == 8) && lower.StartsWith("0o", StringComparison.Ordinal))
        {
            b = 8;
            body = body[2..];
            body = body.StartsWith('_') ? body[1..] : body;
        }
        else if ((b == 0 || b == 2) && lower.StartsWith("0b", StringComparison.Ordinal))
        {
            b = 2;
            body = body[2..];
            body = body.StartsWith('_') ? body[1..] : body;
        }
        else if (b == 0)
        {
            b = 10;
            if (body.Length > 1 && body[0] == '0' && body.Replace("_", "", StringComparison.Ordinal).TrimStart('0').Length > 0)
            {
                body = "!";
            }
        }

        BigInteger value = BigInteger.Zero;
        bool ok = body.Length > 0 && !body.StartsWith('_') && !body.EndsWith('_') && !body.Contains("__", StringComparison.Ordinal);
        int max = rt.IntMaxStrDigits;
        if (ok && max > 0 && (b & (b - 1)) != 0 && body.Length > PyRuntime.IntMaxStrDigitsThreshold)
        {
            // long_from_non_binary_base: the digits are counted before any conversion work.
            int digits = 0;
            foreach (char c in body)
            {
                if (c != '_')
                {
                    digits++;
                }
            }

            if (digits > max)
            {
                rt.SetError(rt.ValueErrorType, $"Exceeds the limit ({max} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
                return null;
            }
        }

        if (ok)
        {
            foreach (char c in body)
            {
                if (c == '_')
                {
                    continue;
                }

                int d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
                if (d >= b)
                {
                    ok = false;
                    break;
                }

                value = (value * b) + d;
            }
        }

        if (!ok)
        {
            string? repr = ReprOf(original);
            rt.SetError(rt.ValueErrorType, $"invalid literal for int() with base {numberBase}: {repr}");
            return null;
        }

        return rt.NewInt(neg ? -value : value);
    }

    /// <summary>
    /// int(text) for an optional sign and 1..38 ASCII digits (nothing else: no spaces or
    /// underscores), which cannot hit the digit limit: the value through UInt128.
    /// </summary>
    private bool TryPlainDecimal(string text, out PyObject* result)
    {
        result = null;
        int i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (text.Length - i is < 1 or > 38)
        {
            return false;
        }

        UInt128 value = 0;
        for (int k = i; k < text.Length; k++)
        {
            int d = text[k] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + (uint)d;
        }

        BigInteger v = value;
        result = Rt.NewInt(text[0] == '-' ? -v : v);
        return true;
    }

    /// <summary>float(x).</summary>
    public PyObject* ToFloat(PyObject* x)
    {
        PyRuntime rt = Rt;
        if (x->Type == rt.FloatType)
        {
            return PyRuntime.NewRef(x);
        }

        if (rt.IsFloat(x))
        {
            return rt.NewFloat(PyRuntime.FloatValue(x));
        }

        if (PyRuntime.IsInt(x))
        {
            return ToDouble(x, out double d) ? rt.NewFloat(d) : null;
        }

        if (PyRuntime.IsStr(x) || PyRuntime.IsBytes(x) || rt.IsByteArray(x))
        {
            string text = PyRuntime.IsStr(x) ? DecimalAndSpaceToAscii(PyRuntime.StrToString(x)) : Encoding.Latin1.GetString(BytesOf(x));
            double? v = Constructors.ParseFloat(text);
            if (v == null)
            {
                string? repr = ReprOf(x);
                rt.SetError(rt.ValueErrorType, $"could not convert string to float: {repr}");
                return null;
            }

            return rt.NewFloat(v.Value);
        }

        if ((x->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(x->Type, "__float__");
            if (fn == null)
            {
                fn = LookupUserDunder(x->Type, "__index__");
            }

            if (fn != null)
            {
                PyObject* r = CallDunder(fn, x, null);
                if (r != null && PyRuntime.IsInt(r))
                {
                    PyObject* f = ToFloat(r);
                    rt.DecRef(r);
                    return f;
                }

                if (r != null && !rt.IsFloat(r))
                {
                    rt.SetError(rt.TypeErrorType, $"{rt.TypeName(x)}.__float__ returned non-float (type {rt.TypeName(r)})");
                    rt.DecRef(r);
                    return null;
                }

                return r;
            }
        }

        rt.SetError(rt.TypeErrorType, $"float() argument must be a string or a real number, not '{rt.TypeName(x)}'");
        return null;
    }

    /// <summary>bytes.decode / str(bytes, encoding, errors).</summary>
    public PyObject* DecodeBytes(PyObject* data, PyObject* encoding, PyObject* errors)
    {
        PyRuntime rt = Rt;
        if (!(PyRuntime.IsBytes(data) || rt.IsByteArray(data)))
        {
            rt.SetError(rt.TypeErrorType, $"decoding to str: need a bytes-like object, {rt.TypeName(data)} found");
            return null;
        }

        string enc = encoding == null ? "utf-8" : PyRuntime.StrToString(encoding).ToLowerInvariant().Replace('_', '-');
        string errs = errors == null ? "strict" : PyRuntime.StrToString(errors);
        byte[] bytes = BytesOf(data);
        try
        {
            string s = enc switch
            {
                "utf-8" or "utf8" => new UTF8Encoding(false, errs == "strict").GetString(bytes),
                "ascii" or "us-ascii" => DecodeAscii(bytes, errs),
                "latin-1" or "latin1" or "iso-8859-1" => Encoding.Latin1.GetString(bytes),
                _ => throw new NotSupportedException(enc),
            };
            return rt.NewStr(s);
        }
        catch (DecoderFallbackException)
        {
            rt.SetError(UnicodeDecodeErrorType, $"'{(enc == "utf8" ? "utf-8" : enc)}' codec can't decode bytes");
            return null;
        }
        catch (NotSupportedException)
        {
            rt.SetError(rt.NotImplementedErrorType, $"the '{enc}' codec is not supported by Refheap yet");
            return null;
        }
    }

    private static string DecodeAscii(byte[] bytes, string errs)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 128)
            {
                if (errs == "strict")
                {
                    throw new DecoderFallbackException($"ordinal not in range(128) at {i}");
                }

                if (errs == "replace")
                {
                    sb.Append('\uFFFD');
                }

                continue;
            }

            sb.Append((char)bytes[i]);
        }

        return sb.ToString();
    }

    /// <summary>str.encode / bytes(str, encoding).</summary>
    public PyObject* EncodeStr(PyObject* s, PyObject* encoding, PyObject* errors)
    {
        PyRuntime rt = Rt;
        string enc = encoding == null ? "utf-8" : PyRuntime.StrToString(encoding).ToLowerInvariant().Replace('_', '-');
        string text = PyRuntime.StrToString(s);
        switch (enc)
        {
            case "utf-8" or "utf8":
                return rt.NewBytes(Encoding.UTF8.GetBytes(text));
            case "ascii" or "latin-1" or "latin1" or "iso-8859-1":
                int limit = enc == "ascii" ? 128 : 256;
                var buf = new byte[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] >= limit)
                    {
                        string codec = enc == "ascii" ? "ascii" : "latin-1";
                        rt.SetError(ExceptionType("UnicodeEncodeError"), $"'{codec}' codec can't encode character '\\u{(int)text[i]:x4}' in position {i}: ordinal not in range({limit})");
                        return null;
                    }

                    buf[i] = (byte)text[i];
                }

                _ = errors;
                return rt.NewBytes(buf);
            default:
                rt.SetError(rt.NotImplementedErrorType, $"the '{enc}' codec is not supported by Refheap yet");
                return null;
        }
    }
}

/// <summary>The head of a compact str (for its state bits).</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct PyAsciiObjectView
{
    public PyObject Base;
    public nint Length;
    public nint Hash;
    public uint State;
}
