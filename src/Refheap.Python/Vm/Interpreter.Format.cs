using System.Collections.Generic;
using System.Numerics;
using Refheap.Python.Lib;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// str(), repr(), format() and str % args (Objects/object.c: PyObject_Str, PyObject_Repr;
// Objects/abstract.c: PyObject_Format; Objects/unicodeobject.c: PyUnicode_Format).
internal sealed unsafe partial class Interpreter
{
    /// <summary>str(o): a new str reference, or null.</summary>
    public PyObject* ToStr(PyObject* o)
    {
        PyRuntime rt = Rt;
        if (o->Type == rt.StrType)
        {
            return PyRuntime.NewRef(o);
        }

        var slot = o->Type->Str;
        PyObject* r;
        if (slot != null)
        {
            if (!rt.EnterRecursiveCall(" while getting the str of an object"))
            {
                return null;
            }

            r = slot(rt, o);
            rt.LeaveRecursiveCall();
        }
        else
        {
            r = ToRepr(o);
        }

        if (r != null && !PyRuntime.IsStr(r))
        {
            rt.SetError(rt.TypeErrorType, $"__str__ returned non-string (type {rt.TypeName(r)})");
            rt.DecRef(r);
            return null;
        }

        return r;
    }

    /// <summary>repr(o).</summary>
    public PyObject* ToRepr(PyObject* o)
    {
        PyObject* r = Rt.Repr(o);
        if (r != null && !PyRuntime.IsStr(r))
        {
            Rt.SetError(Rt.TypeErrorType, $"__repr__ returned non-string (type {Rt.TypeName(r)})");
            Rt.DecRef(r);
            return null;
        }

        return r;
    }

    /// <summary>str(o) as a .NET string, or null with an error.</summary>
    public string? StrOf(PyObject* o)
    {
        PyObject* s = ToStr(o);
        if (s == null)
        {
            return null;
        }

        string r = PyRuntime.StrToString(s);
        Rt.DecRef(s);
        return r;
    }

    public string? ReprOf(PyObject* o)
    {
        PyObject* s = ToRepr(o);
        if (s == null)
        {
            return null;
        }

        string r = PyRuntime.StrToString(s);
        Rt.DecRef(s);
        return r;
    }

    /// <summary>ascii(o): repr with non-ASCII characters escaped.</summary>
    public PyObject* ToAscii(PyObject* o)
    {
        string? r = ReprOf(o);
        if (r == null)
        {
            return null;
        }

        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < r.Length; i++)
        {
            int cp = char.ConvertToUtf32(r, i);
            if (cp > 0xFFFF)
            {
                i++;
            }

            if (cp < 128)
            {
                sb.Append((char)cp);
            }
            else if (cp < 256)
            {
                sb.Append("\\x").Append(cp.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (cp < 0x10000)
            {
                sb.Append("\\u").Append(cp.ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(cp.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return Rt.NewStr(sb.ToString());
    }

    /// <summary>FORMAT_VALUE: conversion then format(value, spec).</summary>
    private PyObject* FormatValue(PyObject* v, int conversion, PyObject* spec)
    {
        PyObject* converted = conversion switch
        {
            1 => ToStr(v),
            2 => ToRepr(v),
            3 => ToAscii(v),
            _ => PyRuntime.NewRef(v),
        };
        if (converted == null)
        {
            return null;
        }

        if (spec == null && converted->Type == Rt.StrType)
        {
            return converted;
        }

        PyObject* r = Format(converted, spec == null ? Rt.EmptyStr : spec);
        Rt.DecRef(converted);
        return r;
    }

    /// <summary>
    /// The text format(value, spec) gives for an exact int, float or str (which have no
    /// __format__ of their own to call), without making Python objects; null with an error set.
    /// </summary>
    internal string? FormatExactText(PyObject* value, string specText)
    {
        PyRuntime rt = Rt;
        try
        {
            if (value->Type == rt.IntType && ((PyVarObject*)value)->Size is >= -20 and <= 20 && PlainIntSpec(specText, out bool left, out int width))
            {
                // Up to 600 bits: within the int/str digit limit.
                string text = rt.IntToDecimalString(value)!;
                return text.Length >= width ? text : left ? text.PadRight(width) : text.PadLeft(width);
            }

            if (value->Type == rt.IntType)
            {
                char kind = specText.Length == 0 ? 'd' : specText[^1];
                nint digits = ((PyVarObject*)value)->Size;
                if (kind is 'd' or 'n' or ',' or '_' || char.IsAsciiDigit(kind))
                {
                    if (rt.IntMaxStrDigits > 0 && (digits > 20 || digits < -20) && rt.IntToDecimalString(value) == null)
                    {
                        return null;
                    }
                }

                return PyFormat.FormatInt(PyRuntime.IntToBigInteger(value), specText, rt.InfoOf(value->Type).Name);
            }

            if (value->Type == rt.FloatType)
            {
                return PyFormat.FormatFloat(PyRuntime.FloatValue(value), specText, rt.InfoOf(value->Type).Name);
            }

            return PyFormat.FormatStr(PyRuntime.StrToString(value), specText, rt.InfoOf(value->Type).Name);
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }
    }

    /// <summary>
    /// A spec that formats an int as plain decimal padded with spaces: '', or an optional '&lt;'
    /// or '&gt;', an optional width (1..9999, no leading zero) and an optional 'd'.
    /// </summary>
    private static bool PlainIntSpec(string spec, out bool left, out int width)
    {
        left = false;
        width = 0;
        int i = 0;
        if (i < spec.Length && spec[i] is '<' or '>')
        {
            left = spec[i++] == '<';
        }

        int digitsStart = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]) && i - digitsStart < 4)
        {
            if (i == digitsStart && spec[i] == '0')
            {
                return false;
            }

            width = (width * 10) + (spec[i++] - '0');
        }

        if (i < spec.Length && spec[i] == 'd')
        {
            i++;
        }

        return i == spec.Length;
    }

    /// <summary>format(value, spec).</summary>
    public PyObject* Format(PyObject* value, PyObject* spec)
    {
        PyRuntime rt = Rt;
        string specText = PyRuntime.StrToString(spec);
        PyTypeObject* t = value->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__format__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, value, spec);
                if (r != null && !PyRuntime.IsStr(r))
                {
                    rt.SetError(rt.TypeErrorType, $"__format__ must return a str, not {rt.TypeName(r)}");
                    rt.DecRef(r);
                    return null;
                }

                return r;
            }
        }

        try
        {
            if (PyRuntime.IsInt(value))
            {
                if (value->Type == rt.BoolType && specText.Length == 0)
                {
                    return ToStr(value);
                }

                string tn = rt.InfoOf(t).Name;
                char kind = specText.Length == 0 ? 'd' : specText[^1];
                if (kind is 'd' or 'n' or ',' or '_' || char.IsAsciiDigit(kind))
                {
                    // Decimal output obeys sys.set_int_max_str_digits (long_to_decimal_string).
                    nint digits = ((PyVarObject*)value)->Size;
                    if (rt.IntMaxStrDigits > 0 && (digits > 20 || digits < -20) && rt.IntToDecimalString(value) == null)
                    {
                        return null;
                    }
                }

                return rt.NewStr(PyFormat.FormatInt(PyRuntime.IntToBigInteger(value), specText, tn));
            }

            if (rt.IsFloat(value))
            {
                return rt.NewStr(PyFormat.FormatFloat(PyRuntime.FloatValue(value), specText, rt.InfoOf(t).Name));
            }

            if (PyRuntime.IsStr(value))
            {
                return rt.NewStr(PyFormat.FormatStr(PyRuntime.StrToString(value), specText, rt.InfoOf(t).Name));
            }
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }

        if (specText.Length > 0)
        {
            rt.SetError(rt.TypeErrorType, $"unsupported format string passed to {rt.TypeName(value)}.__format__");
            return null;
        }

        return ToStr(value);
    }

    /// <summary>Turns a pure-algorithm error into the Python exception it names.</summary>
    public void RaiseLibError(PythonLibException e)
    {
        PyTypeObject* t = e.Kind switch
        {
            PythonErrorKind.TypeError => Rt.TypeErrorType,
            PythonErrorKind.IndexError => Rt.IndexErrorType,
            PythonErrorKind.OverflowError => Rt.OverflowErrorType,
            PythonErrorKind.ZeroDivisionError => Rt.ZeroDivisionErrorType,
            PythonErrorKind.KeyError => Rt.KeyErrorType,
            PythonErrorKind.RecursionError => Rt.RecursionErrorType,
            _ => Rt.ValueErrorType,
        };
        Rt.SetError(t, e.Message);
    }

    /// <summary>str % args.</summary>
    private PyObject* StrPercentFormat(PyObject* format, PyObject* args)
    {
        if (TryPlainPercent(format, args, out PyObject* plain))
        {
            return plain;
        }

        var arg = new PercentArg(this, args);
        try
        {
            string r = PercentFormatter.Format(PyRuntime.StrToString(format), arg);
            return Rt.NewStr(r);
        }
        catch (PercentArgError)
        {
            return null;
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }
        finally
        {
            arg.Release();
        }
    }

    /// <summary>bytes % args and bytearray % args (PEP 461).</summary>
    private PyObject* BytesPercentFormat(PyObject* format, PyObject* args)
    {
        var arg = new PercentArg(this, args);
        try
        {
            string r = PercentFormatter.Format(System.Text.Encoding.Latin1.GetString(BytesOf(format)), arg, bytesMode: true);
            byte[] data = System.Text.Encoding.Latin1.GetBytes(r);
            return PyRuntime.IsBytes(format) ? Rt.NewBytes(data) : Rt.NewByteArray(data);
        }
        catch (PercentArgError)
        {
            return null;
        }
        catch (PythonLibException e)
        {
            RaiseLibError(e);
            return null;
        }
        finally
        {
            arg.Release();
        }
    }

    /// <summary>Thrown through the formatter when a Python call inside it failed (the error is already set).</summary>
    private sealed class PercentArgError : System.Exception
    {
    }

    /// <summary>A Python object seen by the pure % formatter.</summary>
    private sealed class PercentArg : IPercentArgument
    {
        private readonly Interpreter _interp;
        private readonly nint _o;

        // References to the values fetched from a mapping (%(key)s), shared by the whole
        // formatting and released by Release() when it ends: a mapping's __getitem__ may
        // return a new object that nothing else keeps alive.
        private readonly NintList _owned;

        public PercentArg(Interpreter interp, PyObject* o)
            : this(interp, o, new NintList())
        {
        }

        private PercentArg(Interpreter interp, PyObject* o, NintList owned)
        {
            _interp = interp;
            _o = (nint)o;
            _owned = owned;
        }

        /// <summary>Releases the values fetched from the mapping.</summary>
        public void Release()
        {
            for (int i = 0; i < _owned.Count; i++)
            {
                _interp.Rt.DecRef((PyObject*)_owned[i]);
            }

            _owned.Clear();
        }

        private PyObject* O => (PyObject*)_o;

        public string TypeName => _interp.Rt.TypeName(O);

        public int MaxStrDigits => _interp.Rt.IntMaxStrDigits;

        public IReadOnlyList<IPercentArgument>? TupleItems
        {
            get
            {
                if (!PyRuntime.IsSubtype(O->Type, _interp.Rt.TupleType))
                {
                    return null;
                }

                var list = new List<IPercentArgument>();
                for (nint i = 0; i < PyRuntime.TupleSize(O); i++)
                {
                    list.Add(new PercentArg(_interp, PyRuntime.TupleItems(O)[i], _owned));
                }

                return list;
            }
        }

        public bool IsMapping => !PyRuntime.IsSubtype(O->Type, _interp.Rt.TupleType) && !PyRuntime.IsStr(O)
            && (PyRuntime.IsSubtype(O->Type, _interp.Rt.DictType) || ((O->Type->Flags & TypeFlags.HeapType) != 0 && _interp.LookupUserDunder(O->Type, "__getitem__") != null));

        public bool IsInt => PyRuntime.IsInt(O);

        public bool IsNumber => PyRuntime.IsInt(O) || _interp.Rt.IsFloat(O);

        public string? StrValue => PyRuntime.IsStr(O) ? PyRuntime.StrToString(O) : null;

        public bool IsBytesOrByteArray => PyRuntime.IsBytes(O) || _interp.Rt.IsByteArray(O);

        public string? BytesValue
        {
            get
            {
                PyObject* o = O;
                if (PyRuntime.IsBytes(o) || _interp.Rt.IsByteArray(o))
                {
                    return System.Text.Encoding.Latin1.GetString(BytesOf(o));
                }

                PyObject* fn = _interp.LookupSpecial(o, _interp.Str("__bytes__"));
                if (fn == null)
                {
                    if (_interp.Rt.ErrorOccurred)
                    {
                        throw new PercentArgError();
                    }

                    return null;
                }

                PyObject** one = stackalloc PyObject*[1];
                one[0] = o;
                PyObject* r = _interp.CallUnbound(fn, o, one, 1);
                if (r == null)
                {
                    throw new PercentArgError();
                }

                if (!PyRuntime.IsBytes(r))
                {
                    _interp.Rt.SetError(_interp.Rt.TypeErrorType, $"__bytes__ returned non-bytes (type {_interp.Rt.TypeName(r)})");
                    _interp.Rt.DecRef(r);
                    throw new PercentArgError();
                }

                string text = System.Text.Encoding.Latin1.GetString(BytesOf(r));
                _interp.Rt.DecRef(r);
                return text;
            }
        }

        public IPercentArgument GetItemBytes(string latin1Key) =>
            ItemFor(_interp.Rt.NewBytes(System.Text.Encoding.Latin1.GetBytes(latin1Key)));

        public IPercentArgument GetItem(string key) => ItemFor(_interp.Rt.NewStr(key));

        /// <summary>mapping[key] for a new key reference (released here); null key: the error is set.</summary>
        private PercentArg ItemFor(PyObject* k)
        {
            PyObject* v = k == null ? null : _interp.GetItem(O, k);
            _interp.Rt.XDecRef(k);
            if (v == null)
            {
                throw new PercentArgError();
            }

            _owned.Add((nint)v);
            return new PercentArg(_interp, v, _owned);
        }

        public string Str() => _interp.StrOf(O) ?? throw new PercentArgError();

        public string Repr() => _interp.ReprOf(O) ?? throw new PercentArgError();

        public string Ascii()
        {
            PyObject* a = _interp.ToAscii(O);
            if (a == null)
            {
                throw new PercentArgError();
            }

            string s = PyRuntime.StrToString(a);
            _interp.Rt.DecRef(a);
            return s;
        }

        public bool TryIndex(out BigInteger value)
        {
            value = default;
            PyObject* idx = _interp.TryIndex(O);
            if (idx == null)
            {
                if (_interp.Rt.ErrorOccurred)
                {
                    throw new PercentArgError();
                }

                return false;
            }

            value = PyRuntime.IntToBigInteger(idx);
            _interp.Rt.DecRef(idx);
            return true;
        }

        public bool TryInt(out BigInteger value)
        {
            if (TryIndex(out value))
            {
                return true;
            }

            if (_interp.Rt.IsFloat(O))
            {
                double d = PyRuntime.FloatValue(O);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    _interp.Rt.SetError(double.IsNaN(d) ? _interp.Rt.ValueErrorType : _interp.Rt.OverflowErrorType,
                        double.IsNaN(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                    throw new PercentArgError();
                }

                value = new BigInteger(System.Math.Truncate(d));
                return true;
            }

            return false;
        }

        public bool TryFloat(out double value)
        {
            value = 0;
            if (!IsNumber)
            {
                return false;
            }

            if (!_interp.ToDouble(O, out value))
            {
                throw new PercentArgError();
            }

            return true;
        }
    }
}
