using System.Text;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// str.format and str.format_map: the replacement-field language (literal text with {{ and }},
/// fields of a name or index followed by .attribute and [key] parts, a !r/!s/!a conversion and a
/// format spec that may itself hold fields, two levels deep), with CPython 3.11's errors.
/// </summary>
internal sealed unsafe partial class StrFormat
{
    private readonly PyRuntime _rt;
    private readonly Interpreter _interp;
    private readonly PyObject** _positional;
    private readonly nint _count;
    private readonly PyObject* _kwnames;
    private readonly PyObject* _mapping;

    // 0: not decided, 1: automatic numbering, 2: manual numbering.
    private int _numbering;
    private int _next;

    private StrFormat(PyRuntime rt, PyObject** positional, nint count, PyObject* kwnames, PyObject* mapping)
    {
        _rt = rt;
        _interp = Interpreter.Of(rt);
        _positional = positional;
        _count = count;
        _kwnames = kwnames;
        _mapping = mapping;
    }

    public static void Register()
    {
        BuiltinMethods.Add("str", "format", (rt, self, args, n, kw) =>
        {
            if (kw == null && TryPlain(rt, self, args, n, out PyObject* plain))
            {
                return plain;
            }

            var f = new StrFormat(rt, args, n, kw, null);
            return f.Run(self);
        });
        BuiltinMethods.Add("str", "format_map", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "str.format_map", n, kw))
            {
                return null;
            }

            var f = new StrFormat(rt, null, -1, null, args[0]);
            return f.Run(self);
        });
    }

    private PyObject* Run(PyObject* self)
    {
        var sb = new StringBuilder();
        return Render(PyRuntime.StrToString(self), 2, sb) ? _rt.NewStr(sb.ToString()) : null;
    }

    private bool Fail(string message)
    {
        _rt.SetError(_rt.ValueErrorType, message);
        return false;
    }

    private bool Render(string s, int depth, StringBuilder output)
    {
        if (depth <= 0)
        {
            return Fail("Max string recursion exceeded");
        }

        int i = 0;
        int n = s.Length;
        while (i < n)
        {
            char c = s[i++];
            if (c != '{' && c != '}')
            {
                output.Append(c);
                continue;
            }

            bool atEnd = i >= n;
            if (c == '}')
            {
                if (atEnd || s[i] != '}')
                {
                    return Fail("Single '}' encountered in format string");
                }

                output.Append('}');
                i++;
                continue;
            }

            if (atEnd)
            {
                return Fail("Single '{' encountered in format string");
            }

            if (s[i] == '{')
            {
                output.Append('{');
                i++;
                continue;
            }

            if (!Field(s, ref i, depth, output))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One replacement field starting at s[i] (after its '{'); i ends after its '}'.</summary>
    private bool Field(string s, ref int i, int depth, StringBuilder output)
    {
        int n = s.Length;
        int start = i;
        while (i < n)
        {
            char c = s[i];
            if (c == '[')
            {
                while (i < n && s[i] != ']')
                {
                    i++;
                }

                continue;
            }

            if (c == '}' || c == ':' || c == '!')
            {
                break;
            }

            if (c == '{')
            {
                return Fail("unexpected '{' in field name");
            }

            i++;
        }

        if (i >= n)
        {
            return Fail("expected '}' before end of string");
        }

        string name = s[start..i];
        char conversion = '\0';
        if (s[i] == '!')
        {
            if (++i >= n)
            {
                return Fail("end of string while looking for conversion specifier");
            }

            conversion = s[i++];
            if (i < n && s[i] != ':' && s[i] != '}')
            {
                return Fail("expected ':' after conversion specifier");
            }
        }

        string spec = "";
        bool expand = false;
        if (i < n && s[i] == ':')
        {
            int specStart = ++i;
            int count = 1;
            while (i < n)
            {
                if (s[i] == '{')
                {
                    expand = true;
                    count++;
                }
                else if (s[i] == '}' && --count == 0)
                {
                    break;
                }

                i++;
            }

            if (i >= n)
            {
                return Fail("unmatched '{' in format spec");
            }

            spec = s[specStart..i];
        }
        else if (i >= n)
        {
            return Fail("unmatched '{' in format spec");
        }

        i++;
        PyObject* obj = Lookup(name);
        if (obj == null)
        {
            return false;
        }

        if (conversion != '\0')
        {
            PyObject* converted = conversion switch
            {
                'r' => _interp.ToRepr(obj),
                's' => _interp.ToStr(obj),
                'a' => _interp.ToAscii(obj),
                _ => null,
            };
            if (converted == null && !_rt.ErrorOccurred)
            {
                _rt.DecRef(obj);
                return Fail(conversion > 32 && conversion < 127
                    ? $"Unknown conversion specifier {conversion}"
                    : $"Unknown conversion specifier \\x{(int)conversion:x}");
            }

            _rt.DecRef(obj);
            obj = converted;
            if (obj == null)
            {
                return false;
            }
        }

        if (expand)
        {
            var expanded = new StringBuilder();
            if (!Render(spec, depth - 1, expanded))
            {
                _rt.DecRef(obj);
                return false;
            }

            spec = expanded.ToString();
        }

        if (obj->Type == _rt.IntType || obj->Type == _rt.FloatType || obj->Type == _rt.StrType)
        {
            // Exact builtins: the formatted text directly, without the spec and result strs.
            string? direct = _interp.FormatExactText(obj, spec);
            _rt.DecRef(obj);
            output.Append(direct);
            return direct != null;
        }

        PyObject* specObj = _rt.NewStr(spec);
        PyObject* text = _interp.Format(obj, specObj);
        _rt.DecRef(specObj);
        _rt.DecRef(obj);
        if (text == null)
        {
            return false;
        }

        output.Append(PyRuntime.StrToString(text));
        _rt.DecRef(text);
        return true;
    }

    /// <summary>The ASCII decimal value of s, -1 if it is not all digits; ValueError if too long.</summary>
    private bool Integer(string s, out long value)
    {
        value = -1;
        if (s.Length == 0)
        {
            return true;
        }

        long v = 0;
        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                return true;
            }

            if (v > (long.MaxValue - (c - '0')) / 10)
            {
                return Fail("Too many decimal digits in format string");
            }

            v = (v * 10) + (c - '0');
        }

        value = v;
        return true;
    }

    /// <summary>The object a field name designates: the first part, then its .attr and [key] parts.</summary>
    private PyObject* Lookup(string name)
    {
        int i = 0;
        while (i < name.Length && name[i] != '.' && name[i] != '[')
        {
            i++;
        }

        string first = name[..i];
        if (!Integer(first, out long index))
        {
            return null;
        }

        PyObject* obj = First(first, index);
        while (obj != null && i < name.Length)
        {
            PyObject* next;
            if (name[i] == '.')
            {
                int j = ++i;
                while (i < name.Length && name[i] != '.' && name[i] != '[')
                {
                    i++;
                }

                if (i == j)
                {
                    _rt.DecRef(obj);
                    Fail("Empty attribute in format string");
                    return null;
                }

                next = _interp.GetAttr(obj, name[j..i]);
            }
            else
            {
                int j = ++i;
                while (i < name.Length && name[i] != ']')
                {
                    i++;
                }

                if (i >= name.Length)
                {
                    _rt.DecRef(obj);
                    Fail("expected '}' before end of string");
                    return null;
                }

                if (i == j)
                {
                    _rt.DecRef(obj);
                    Fail("Empty attribute in format string");
                    return null;
                }

                string key = name[j..i];
                i++;
                if (i < name.Length && name[i] != '.' && name[i] != '[')
                {
                    _rt.DecRef(obj);
                    Fail("Only '.' or '[' may follow ']' in format field specifier");
                    return null;
                }

                if (!Integer(key, out long k))
                {
                    _rt.DecRef(obj);
                    return null;
                }

                PyObject* keyObj = k >= 0 ? _rt.NewInt(k) : _rt.NewStr(key);
                next = _interp.GetItem(obj, keyObj);
                _rt.DecRef(keyObj);
            }

            _rt.DecRef(obj);
            obj = next;
        }

        return obj;
    }

    private PyObject* First(string first, long index)
    {
        if (first.Length == 0 || index >= 0)
        {
            if (first.Length == 0)
            {
                if (_numbering == 2)
                {
                    Fail("cannot switch from manual field specification to automatic field numbering");
                    return null;
                }

                _numbering = 1;
                index = _next++;
            }
            else
            {
                if (_numbering == 1)
                {
                    Fail("cannot switch from automatic field numbering to manual field specification");
                    return null;
                }

                _numbering = 2;
            }

            if (_count < 0)
            {
                Fail("Format string contains positional fields");
                return null;
            }

            if (index >= _count)
            {
                _rt.SetError(_rt.IndexErrorType, $"Replacement index {index} out of range for positional args tuple");
                return null;
            }

            return PyRuntime.NewRef(_positional[index]);
        }

        if (_mapping != null)
        {
            PyObject* key = _rt.NewStr(first);
            PyObject* v = _interp.GetItem(_mapping, key);
            _rt.DecRef(key);
            return v;
        }

        nint nkw = _kwnames == null ? 0 : PyRuntime.TupleSize(_kwnames);
        for (nint k = 0; k < nkw; k++)
        {
            if (PyRuntime.StrToString(PyRuntime.TupleItems(_kwnames)[k]) == first)
            {
                return PyRuntime.NewRef(_positional[_count + k]);
            }
        }

        PyObject* missing = _rt.NewStr(first);
        _interp.SetKeyError(missing);
        _rt.DecRef(missing);
        return null;
    }
}
