using System;
using System.Collections.Generic;
using System.Globalization;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

/// <summary>
/// The JSON scanner in native code (CPython has it in C: Modules/_json.c scan_once_unicode);
/// `_refheap_json.scan_once(scanner, s, idx, JSONDecodeError)` is what json.decoder's scanner
/// calls. It follows json/decoder.py's Python scanner step for step (the same values, error
/// messages and positions, StopIteration(idx) where no value starts), reading the str where it
/// lies. The scanner's settings come from its attributes: strict, object_hook,
/// object_pairs_hook, parse_float, parse_int, parse_constant and the key memo dict; the hooks
/// are only called when they are not the defaults (float, int), as the C scanner does. Nesting
/// counts against the recursion limit with the C scanner's messages.
/// Lib/JsonDecoder is a separate parser on purpose: it builds .NET JsonValue trees (recorded
/// data for tests and tools); this one builds Python objects and calls the hooks as each
/// object completes, so a hook's exception and a later syntax error come in CPython's order.
/// </summary>
internal sealed unsafe partial class JsonScanner
{
    private readonly Interpreter _interp;
    private readonly PyRuntime _rt;
    private readonly PyObject* _s;
    private readonly nint _n;
    private readonly PyObject* _errorType;
    private readonly bool _strict;
    private readonly PyObject* _objectHook;
    private readonly PyObject* _pairsHook;
    private readonly PyObject* _parseFloat;
    private readonly PyObject* _parseInt;
    private readonly PyObject* _parseConstant;
    private readonly PyObject* _memo;
    private readonly List<int> _chars = [];

    private JsonScanner(Interpreter interp, PyObject* s, PyObject* errorType, PyObject* strict, PyObject* objectHook,
        PyObject* pairsHook, PyObject* parseFloat, PyObject* parseInt, PyObject* parseConstant, PyObject* memo)
    {
        _interp = interp;
        _rt = interp.Rt;
        _s = s;
        _n = PyRuntime.StrLength(s);
        _errorType = errorType;
        _strict = strict != _rt.False;
        _objectHook = objectHook == _rt.None ? null : objectHook;
        _pairsHook = pairsHook == _rt.None ? null : pairsHook;
        _parseFloat = parseFloat == (PyObject*)_rt.FloatType ? null : parseFloat;
        _parseInt = parseInt == (PyObject*)_rt.IntType ? null : parseInt;
        _parseConstant = parseConstant;
        _memo = memo;
    }

    private static readonly string[] SettingNames = ["strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant", "memo"];

    /// <summary>scan_once(scanner, s, idx, error_type) -> (value, end).</summary>
    public static PyObject* ScanOnce(PyRuntime rt, PyObject** args, nint nargs)
    {
        if (nargs != 4 || !PyRuntime.IsStr(args[1]) || !PyRuntime.TryIntToLong(args[2], out long idx))
        {
            rt.SetError(rt.TypeErrorType, "scan_once(scanner, str, int, error_type)");
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        PyObject* scanner = args[0];
        string[] names = SettingNames;
        var values = stackalloc nint[names.Length];
        PyObject* result = null;
        int got = 0;
        for (; got < names.Length; got++)
        {
            PyObject* v = interp.GetAttr(scanner, interp.Str(names[got]));
            if (v == null)
            {
                break;
            }

            values[got] = (nint)v;
        }

        if (got == names.Length)
        {
            if (((PyObject*)values[6])->Type != rt.DictType)
            {
                rt.SetError(rt.TypeErrorType, "the scanner's memo must be a dict");
            }
            else if (idx < 0)
            {
                rt.SetError(rt.ValueErrorType, "idx cannot be negative");
            }
            else
            {
                var scan = new JsonScanner(interp, args[1], args[3], (PyObject*)values[0], (PyObject*)values[1],
                    (PyObject*)values[2], (PyObject*)values[3], (PyObject*)values[4], (PyObject*)values[5], (PyObject*)values[6]);
                PyObject* value = scan.Scan((nint)idx, out nint end);
                if (value != null)
                {
                    PyObject* endObj = rt.NewInt(end);
                    result = endObj == null ? null : Pair(rt, value, endObj);
                    if (endObj == null)
                    {
                        rt.DecRef(value);
                    }
                }
            }
        }

        for (int i = 0; i < got; i++)
        {
            rt.DecRef((PyObject*)values[i]);
        }

        return result;
    }

    /// <summary>A 2-tuple that takes over both references (released if the tuple cannot be made).</summary>
    private static PyObject* Pair(PyRuntime rt, PyObject* a, PyObject* b)
    {
        PyObject* t = rt.NewTuple(2);
        if (t == null)
        {
            rt.DecRef(a);
            rt.DecRef(b);
            return null;
        }

        PyRuntime.TupleItems(t)[0] = a;
        PyRuntime.TupleItems(t)[1] = b;
        return t;
    }

    private int At(nint i) => PyRuntime.StrRead(_s, i);

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private nint SkipWhitespace(nint idx)
    {
        while (idx < _n && At(idx) is ' ' or '\t' or '\n' or '\r')
        {
            idx++;
        }

        return idx;
    }

    /// <summary>A value at idx, or null with an error (StopIteration(idx) when none starts there).</summary>
    private PyObject* Scan(nint idx, out nint end)
    {
        end = idx;
        if (idx >= _n)
        {
            return StopIteration(idx);
        }

        int c = At(idx);
        switch (c)
        {
            case '"':
                return ScanString(idx + 1, out end);
            case '{':
                return Nested(idx + 1, isObject: true, out end);
            case '[':
                return Nested(idx + 1, isObject: false, out end);
            case 'n' when StartsWith(idx, "null"):
                end = idx + 4;
                return PyRuntime.NewRef(_rt.None);
            case 't' when StartsWith(idx, "true"):
                end = idx + 4;
                return PyRuntime.NewRef(_rt.True);
            case 'f' when StartsWith(idx, "false"):
                end = idx + 5;
                return PyRuntime.NewRef(_rt.False);
            case 'N' when StartsWith(idx, "NaN"):
                end = idx + 3;
                return Constant("NaN");
            case 'I' when StartsWith(idx, "Infinity"):
                end = idx + 8;
                return Constant("Infinity");
            case '-' when StartsWith(idx, "-Infinity"):
                end = idx + 9;
                return Constant("-Infinity");
            default:
                return ScanNumber(idx, out end);
        }
    }

    private bool StartsWith(nint idx, string word)
    {
        if (idx + word.Length > _n)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            if (At(idx + i) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private PyObject* Constant(string name)
    {
        PyObject* text = _rt.NewStr(name);
        if (text == null)
        {
            return null;
        }

        PyObject* r = _interp.CallOneArg(_parseConstant, text);
        _rt.DecRef(text);
        return r;
    }

    private PyObject* ScanNumber(nint start, out nint end)
    {
        end = start;
        nint idx = start;
        if (idx < _n && At(idx) == '-')
        {
            idx++;
            if (idx >= _n)
            {
                return StopIteration(start);
            }
        }

        int c = At(idx);
        if (c is >= '1' and <= '9')
        {
            idx++;
            while (idx < _n && IsDigit(At(idx)))
            {
                idx++;
            }
        }
        else if (c == '0')
        {
            idx++;
        }
        else
        {
            return StopIteration(start);
        }

        bool isFloat = false;
        if (idx < _n - 1 && At(idx) == '.' && IsDigit(At(idx + 1)))
        {
            isFloat = true;
            idx += 2;
            while (idx < _n && IsDigit(At(idx)))
            {
                idx++;
            }
        }

        if (idx < _n - 1 && At(idx) is 'e' or 'E')
        {
            nint eStart = idx;
            idx++;
            if (idx < _n - 1 && At(idx) is '-' or '+')
            {
                idx++;
            }

            nint digitsStart = idx;
            while (idx < _n && IsDigit(At(idx)))
            {
                idx++;
            }

            if (idx > digitsStart)
            {
                isFloat = true;
            }
            else
            {
                idx = eStart;
            }
        }

        end = idx;
        PyObject* hook = isFloat ? _parseFloat : _parseInt;
        if (hook != null)
        {
            PyObject* text = _rt.StrSubstring(_s, start, idx - start);
            if (text == null)
            {
                return null;
            }

            PyObject* r = _interp.CallOneArg(hook, text);
            _rt.DecRef(text);
            return r;
        }

        // The digits are ASCII: the str's code points are the text.
        Span<char> chars = idx - start <= 128 ? stackalloc char[(int)(idx - start)] : new char[idx - start];
        for (nint i = start; i < idx; i++)
        {
            chars[(int)(i - start)] = (char)At(i);
        }

        string digits = new(chars);

        return isFloat
            ? _rt.NewFloat(double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture))
            : _rt.IntFromString(digits);
    }

    /// <summary>An object (after '{') or an array (after '['), within the recursion limit.</summary>
    private PyObject* Nested(nint idx, bool isObject, out nint end)
    {
        end = idx;
        if (!_rt.EnterRecursiveCall(isObject ? " while decoding a JSON object from a unicode string" : " while decoding a JSON array from a unicode string"))
        {
            return null;
        }

        PyObject* r = isObject ? ScanObject(idx, out end) : ScanArray(idx, out end);
        _rt.LeaveRecursiveCall();
        return r;
    }

    private PyObject* ScanArray(nint idx, out nint end)
    {
        end = idx;
        PyObject* values = _rt.NewList(0);
        if (values == null)
        {
            return null;
        }

        idx = SkipWhitespace(idx);
        if (idx >= _n || At(idx) != ']')
        {
            while (true)
            {
                PyObject* value = Scan(idx, out idx);
                if (value == null)
                {
                    _rt.DecRef(values);
                    return null;
                }

                bool appended = _rt.ListAppend(values, value);
                _rt.DecRef(value);
                if (!appended)
                {
                    _rt.DecRef(values);
                    return null;
                }

                idx = SkipWhitespace(idx);
                if (idx < _n && At(idx) == ']')
                {
                    break;
                }

                if (idx >= _n || At(idx) != ',')
                {
                    _rt.DecRef(values);
                    return DecodeError("Expecting ',' delimiter", idx);
                }

                idx = SkipWhitespace(idx + 1);
            }
        }

        end = idx + 1;
        return values;
    }

    private PyObject* ScanObject(nint idx, out nint end)
    {
        end = idx;

        // Pairs in a list when a pairs hook wants them (or an object hook gets the dict made
        // from them), else straight into the dict, which dict(pairs) would equal.
        bool pairs = _pairsHook != null;
        PyObject* acc = pairs ? _rt.NewList(0) : _rt.NewDict();
        if (acc == null)
        {
            return null;
        }

        idx = SkipWhitespace(idx);
        if (idx >= _n || At(idx) != '}')
        {
            while (true)
            {
                if (idx >= _n || At(idx) != '"')
                {
                    _rt.DecRef(acc);
                    return DecodeError("Expecting property name enclosed in double quotes", idx);
                }

                PyObject* key = ScanString(idx + 1, out idx);
                if (key == null || !Memoize(ref key))
                {
                    _rt.DecRef(acc);
                    return null;
                }

                idx = SkipWhitespace(idx);
                if (idx >= _n || At(idx) != ':')
                {
                    _rt.DecRef(key);
                    _rt.DecRef(acc);
                    return DecodeError("Expecting ':' delimiter", idx);
                }

                idx = SkipWhitespace(idx + 1);
                PyObject* value = Scan(idx, out idx);
                if (value == null)
                {
                    _rt.DecRef(key);
                    _rt.DecRef(acc);
                    return null;
                }

                bool ok;
                if (pairs)
                {
                    PyObject* pair = Pair(_rt, key, value);
                    ok = pair != null && _rt.ListAppend(acc, pair);
                    _rt.XDecRef(pair);
                }
                else
                {
                    ok = _rt.DictSetItem(acc, key, value) == 0;
                    _rt.DecRef(key);
                    _rt.DecRef(value);
                }

                if (!ok)
                {
                    _rt.DecRef(acc);
                    return null;
                }

                idx = SkipWhitespace(idx);
                if (idx < _n && At(idx) == '}')
                {
                    break;
                }

                if (idx >= _n || At(idx) != ',')
                {
                    _rt.DecRef(acc);
                    return DecodeError("Expecting ',' delimiter", idx);
                }

                idx = SkipWhitespace(idx + 1);
            }
        }

        end = idx + 1;
        PyObject* hook = pairs ? _pairsHook : _objectHook;
        if (hook == null)
        {
            return acc;
        }

        PyObject* r = _interp.CallOneArg(hook, acc);
        _rt.DecRef(acc);
        return r;
    }

    /// <summary>memo.setdefault(key, key): equal keys share one str.</summary>
    private bool Memoize(ref PyObject* key)
    {
        PyObject* known = _rt.DictGetItemWithError(_memo, key);
        if (known != null)
        {
            _rt.DecRef(key);
            key = PyRuntime.NewRef(known);
            return true;
        }

        if (_rt.ErrorOccurred || _rt.DictSetItem(_memo, key, key) != 0)
        {
            _rt.DecRef(key);
            return false;
        }

        return true;
    }

    private PyObject* StopIteration(nint idx)
    {
        PyObject* value = _rt.NewInt(idx);
        if (value == null)
        {
            return null;
        }

        PyObject* exc = _interp.CallOneArg((PyObject*)_rt.StopIterationType, value);
        _rt.DecRef(value);
        if (exc != null)
        {
            _rt.SetErrorObject(exc);
        }

        return null;
    }

    /// <summary>raise JSONDecodeError(msg, s, pos).</summary>
    private PyObject* DecodeError(string message, nint pos)
    {
        PyObject* msg = _rt.NewStr(message);
        PyObject* at = _rt.NewInt(pos);
        if (msg != null && at != null)
        {
            PyObject** args = stackalloc PyObject*[3];
            args[0] = msg;
            args[1] = _s;
            args[2] = at;
            PyObject* exc = _interp.Call(_errorType, args, 3, null);
            if (exc != null)
            {
                _rt.SetErrorObject(exc);
            }
        }

        _rt.XDecRef(msg);
        _rt.XDecRef(at);
        return null;
    }
}
