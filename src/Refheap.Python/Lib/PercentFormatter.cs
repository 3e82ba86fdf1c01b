using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>A printf-style formatting error with CPython's class (TypeError, ValueError, OverflowError) and text.</summary>
public sealed class PercentFormatException : PythonLibException
{
    public PercentFormatException()
    {
    }

    public PercentFormatException(string message)
        : base(message)
    {
    }

    public PercentFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PercentFormatException(PythonErrorKind kind, string message)
        : base(kind, message)
    {
    }
}

/// <summary>
/// <c>str % args</c> (printf-style formatting) as CPython 3.11's PyUnicode_Format: conversions
/// <c>s r a d i u o x X e E f F g G c %</c>, <c>%(key)</c> mapping lookups, flags <c>- + space # 0</c>, <c>*</c>
/// width and precision, ignored length modifiers <c>h l L</c>. Positions and lengths count code points.
/// </summary>
public static class PercentFormatter
{
    private const int FlagLeft = 1;
    private const int FlagSign = 2;
    private const int FlagBlank = 4;
    private const int FlagAlt = 8;
    private const int FlagZero = 16;

    /// <summary>Formats <paramref name="format"/> with the right operand <paramref name="args"/>.</summary>
    public static string Format(string format, IPercentArgument args) => Format(format, args, bytesMode: false);

    /// <summary>
    /// With <paramref name="bytesMode"/>, bytes % args (PEP 461; the format and the result are
    /// latin-1 text): %s/%b take bytes-like objects, %r/%a give ascii(), %c a byte.
    /// </summary>
    public static string Format(string format, IPercentArgument args, bool bytesMode)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var state = new State(FormatSpec.CodePoints(format), args, bytesMode);
        return state.Run();
    }

    private static PercentFormatException Error(PythonErrorKind kind, string message) => new(kind, message);

    private sealed class State
    {
        private readonly int[] _fmt;
        private readonly IPercentArgument? _dict;
        private readonly StringBuilder _out = new();
        private IPercentArgument _args;
        private IReadOnlyList<IPercentArgument>? _tuple;
        private int _argLength;
        private int _argIndex;
        private int _pos;
        private int _count;

        private readonly bool _bytes;

        public State(int[] fmt, IPercentArgument args, bool bytesMode)
        {
            _bytes = bytesMode;
            _fmt = fmt;
            _args = args;
            _tuple = args.TupleItems;
            if (_tuple != null)
            {
                _argLength = _tuple.Count;
                _argIndex = 0;
            }
            else
            {
                _argLength = -1;
                _argIndex = -2;
            }

            _dict = args.IsMapping && _tuple == null && (bytesMode ? !args.IsBytesOrByteArray : args.StrValue == null) ? args : null;
        }

        public string Run()
        {
            _count = _fmt.Length;
            while (--_count >= 0 && _pos < _fmt.Length)
            {
                if (_fmt[_pos] != '%')
                {
                    PyFormat.AppendCodePoint(_out, _fmt[_pos++]);
                    while (_count >= 0 && _pos < _fmt.Length && _fmt[_pos] != '%')
                    {
                        PyFormat.AppendCodePoint(_out, _fmt[_pos++]);
                        _count--;
                    }

                    if (_pos >= _fmt.Length)
                    {
                        break;
                    }
                }
                else
                {
                    _pos++;
                    FormatOne();
                }
            }

            if (_argIndex < _argLength && _dict == null)
            {
                throw Error(PythonErrorKind.TypeError, _bytes ? "not all arguments converted during bytes formatting" : "not all arguments converted during string formatting");
            }

            return _out.ToString();
        }

        /// <summary>The code point at pos, or 0 past the end (CPython reads the terminating NUL).</summary>
        private int Read() => _pos < _fmt.Length ? _fmt[_pos] : 0;

        private IPercentArgument NextArg()
        {
            int index = _argIndex;
            if (index < _argLength)
            {
                _argIndex++;
                return _argLength < 0 ? _args : _tuple![index];
            }

            throw Error(PythonErrorKind.TypeError, "not enough arguments for format string");
        }

        private void FormatOne()
        {
            int ch = Read();
            if (ch == '%')
            {
                _pos++;
                _count--;
                _out.Append('%');
                return;
            }

            int flags = 0;
            long width = -1;
            int prec = -1;
            ParseArg(ref ch, ref flags, ref width, ref prec);
            IPercentArgument v = NextArg();
            bool numeric = false;
            string text;
            switch (ch)
            {
                case 's' or 'b' when _bytes:
                    text = v.BytesValue ?? throw Error(
                        PythonErrorKind.TypeError,
                        $"%b requires a bytes-like object, or an object that implements __bytes__, not '{v.TypeName}'");
                    break;
                case 'r' or 'a' when _bytes:
                    text = v.Ascii();
                    break;
                case 'c' when _bytes:
                    text = ((char)FormatByte(v)).ToString();
                    break;
                case 's':
                    text = v.StrValue ?? v.Str();
                    break;
                case 'r':
                    text = v.Repr();
                    break;
                case 'a':
                    text = v.Ascii();
                    break;
                case 'i' or 'd' or 'u' or 'o' or 'x' or 'X':
                    text = FormatLong(v, (char)ch, flags, prec);
                    numeric = true;
                    break;
                case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                    if (!v.TryFloat(out double x))
                    {
                        throw Error(PythonErrorKind.TypeError, $"must be real number, not {v.TypeName}");
                    }

                    text = FloatFormatter.DoubleToString(
                        x, (char)ch, prec < 0 ? 6 : prec, (flags & FlagAlt) != 0 ? DoubleFormatFlags.Alternate : DoubleFormatFlags.None);
                    numeric = true;
                    break;
                case 'c':
                    text = PyFormat.FromCodePoint(FormatChar(v));
                    break;
                default:
                    throw Error(
                        PythonErrorKind.ValueError,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"unsupported format character '{(ch >= 31 && ch <= 126 ? (char)ch : '?')}' (0x{ch:x}) at index {_pos - 1}"));
            }

            Output(text, (char)ch, flags, width, prec, numeric);
            if (_dict != null && _argIndex < _argLength)
            {
                throw Error(PythonErrorKind.TypeError, _bytes ? "not all arguments converted during bytes formatting" : "not all arguments converted during string formatting");
            }
        }

        /// <summary>unicode_format_arg_parse: key, flags, width, precision and length modifier.</summary>
        private void ParseArg(ref int ch, ref int flags, ref long width, ref int prec)
        {
            if (Read() == '(')
            {
                if (_dict == null)
                {
                    throw Error(PythonErrorKind.TypeError, "format requires a mapping");
                }

                _pos++;
                _count--;
                int keyStart = _pos;
                int depth = 1;
                while (depth > 0 && _count > 0)
                {
                    int c = Read();
                    if (c == ')')
                    {
                        depth--;
                    }
                    else if (c == '(')
                    {
                        depth++;
                    }

                    _pos++;
                    _count--;
                }

                if (_count < 0 || depth > 0)
                {
                    throw Error(PythonErrorKind.ValueError, "incomplete format key");
                }

                string key = PyFormat.FromCodePoints(_fmt, keyStart, _pos - keyStart - 1);
                _args = _bytes ? _dict.GetItemBytes(key) : _dict.GetItem(key);
                _tuple = null;
                _argLength = -1;
                _argIndex = -2;
            }

            while (--_count >= 0)
            {
                ch = Read();
                _pos++;
                int flag = ch switch { '-' => FlagLeft, '+' => FlagSign, ' ' => FlagBlank, '#' => FlagAlt, '0' => FlagZero, _ => 0 };
                if (flag == 0)
                {
                    break;
                }

                flags |= flag;
            }

            if (ch == '*')
            {
                width = StarArgument(long.MinValue, long.MaxValue, "ssize_t");
                if (width < 0)
                {
                    flags |= FlagLeft;
                    width = -width;
                }

                if (--_count >= 0)
                {
                    ch = Read();
                    _pos++;
                }
            }
            else if (ch is >= '0' and <= '9')
            {
                width = ch - '0';
                while (--_count >= 0)
                {
                    ch = Read();
                    _pos++;
                    if (ch is < '0' or > '9')
                    {
                        break;
                    }

                    if (width > (long.MaxValue - (ch - '0')) / 10)
                    {
                        throw Error(PythonErrorKind.ValueError, "width too big");
                    }

                    width = (width * 10) + (ch - '0');
                }
            }

            if (ch == '.')
            {
                prec = 0;
                if (--_count >= 0)
                {
                    ch = Read();
                    _pos++;
                }

                if (ch == '*')
                {
                    prec = (int)Math.Max(0, StarArgument(int.MinValue, int.MaxValue, "int"));
                    if (--_count >= 0)
                    {
                        ch = Read();
                        _pos++;
                    }
                }
                else if (ch is >= '0' and <= '9')
                {
                    prec = ch - '0';
                    while (--_count >= 0)
                    {
                        ch = Read();
                        _pos++;
                        if (ch is < '0' or > '9')
                        {
                            break;
                        }

                        if (prec > (int.MaxValue - (ch - '0')) / 10)
                        {
                            throw Error(PythonErrorKind.ValueError, "precision too big");
                        }

                        prec = (prec * 10) + (ch - '0');
                    }
                }
            }

            if (_count >= 0 && ch is 'h' or 'l' or 'L' && --_count >= 0)
            {
                ch = Read();
                _pos++;
            }

            if (_count < 0)
            {
                throw Error(PythonErrorKind.ValueError, "incomplete format");
            }
        }

        private long StarArgument(long min, long max, string cType)
        {
            IPercentArgument v = NextArg();
            if (!v.IsInt || !v.TryIndex(out BigInteger n))
            {
                throw Error(PythonErrorKind.TypeError, "* wants int");
            }

            if (n < min || n > max)
            {
                throw Error(PythonErrorKind.OverflowError, $"Python int too large to convert to C {cType}");
            }

            return (long)n;
        }

        /// <summary>unicode_format_arg_output: sign, '0x' prefix, zero or space fill, truncation for s/r/a.</summary>
        private void Output(string str, char ch, int flags, long width, int prec, bool numeric)
        {
            // Without surrogates the chars are the code points: no array needed.
            int[]? cps = PyFormat.IsBmpOnly(str) ? null : FormatSpec.CodePoints(str);
            int len = cps?.Length ?? str.Length;
            if (ch is 's' or 'r' or 'a' && prec >= 0 && len > prec)
            {
                len = prec;
            }

            char fill = numeric && (flags & FlagZero) != 0 ? '0' : ' ';
            int index = 0;
            char signChar = '\0';
            bool sign = numeric;
            if (sign)
            {
                int first = len > 0 ? (cps != null ? cps[0] : str[0]) : 0;
                if (first is '-' or '+')
                {
                    signChar = (char)first;
                    len--;
                    index++;
                }
                else if ((flags & FlagSign) != 0)
                {
                    signChar = '+';
                }
                else if ((flags & FlagBlank) != 0)
                {
                    signChar = ' ';
                }
                else
                {
                    sign = false;
                }
            }

            if (width < len)
            {
                width = len;
            }

            if (sign)
            {
                if (fill != ' ')
                {
                    _out.Append(signChar);
                }

                if (width > len)
                {
                    width--;
                }
            }

            bool prefix = (flags & FlagAlt) != 0 && ch is 'x' or 'X' or 'o';
            if (prefix)
            {
                if (fill != ' ')
                {
                    _out.Append('0').Append(ch);
                    index += 2;
                }

                width = Math.Max(0, width - 2);
                len -= 2;
            }

            if (width > len && (flags & FlagLeft) == 0)
            {
                _out.Append(fill, (int)(width - len));
                width = len;
            }

            if (fill == ' ')
            {
                if (sign)
                {
                    _out.Append(signChar);
                }

                if (prefix)
                {
                    _out.Append('0').Append(ch);
                    index += 2;
                }
            }

            if (cps == null)
            {
                _out.Append(str, index, Math.Max(0, len));
            }
            else
            {
                _out.Append(PyFormat.FromCodePoints(cps, index, len));
            }

            if (width > len)
            {
                _out.Append(' ', (int)(width - len));
            }
        }

        /// <summary>mainformatlong + _PyUnicode_FormatLong: the digits with sign, '0x'/'0o' for '#', precision zeros.</summary>
        private static string FormatLong(IPercentArgument v, char type, int flags, int prec)
        {
            BigInteger n = default;
            bool ok = v.IsNumber && (v.IsInt
                ? v.TryIndex(out n)
                : type is 'o' or 'x' or 'X' ? v.TryIndex(out n) : v.TryInt(out n));
            if (!ok)
            {
                throw Error(
                    PythonErrorKind.TypeError,
                    type is 'o' or 'x' or 'X'
                        ? $"%{type} format: an integer is required, not {v.TypeName}"
                        : $"%{type} format: a real number is required, not {v.TypeName}");
            }

            int numberBase = type switch { 'o' => 8, 'x' or 'X' => 16, _ => 10 };
            string digits = PyFormat.ToBase(BigInteger.Abs(n), numberBase);
            if (numberBase == 10 && v.MaxStrDigits > 0 && digits.Length > v.MaxStrDigits)
            {
                throw Error(
                    PythonErrorKind.ValueError,
                    $"Exceeds the limit ({v.MaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }

            if (prec > digits.Length)
            {
                digits = new string('0', prec - digits.Length) + digits;
            }

            string prefix = (flags & FlagAlt) != 0 && numberBase != 10 ? (numberBase == 8 ? "0o" : "0x") : string.Empty;
            string result = (n.Sign < 0 ? "-" : string.Empty) + prefix + digits;
            return type == 'X' ? result.ToUpperInvariant() : result;
        }

        /// <summary>bytes %c: a bytes-like object of one byte, or an int (via __index__) in range(256).</summary>
        private static int FormatByte(IPercentArgument v)
        {
            string? b = v.StrValue == null ? v.BytesValue : null;
            if (b != null)
            {
                if (b.Length == 1)
                {
                    return b[0];
                }
            }
            else if (v.TryIndex(out BigInteger n))
            {
                if (n.Sign < 0 || n > 255)
                {
                    throw Error(PythonErrorKind.OverflowError, "%c arg not in range(256)");
                }

                return (int)n;
            }

            throw Error(PythonErrorKind.TypeError, "%c requires an integer in range(256) or a single byte");
        }

        /// <summary>formatchar: a one-character str, or an int (via __index__) in range(0x110000).</summary>
        private static int FormatChar(IPercentArgument v)
        {
            string? s = v.StrValue;
            if (s != null)
            {
                int[] cps = FormatSpec.CodePoints(s);
                if (cps.Length == 1)
                {
                    return cps[0];
                }
            }
            else if (v.TryIndex(out BigInteger n))
            {
                if (n.Sign < 0 || n > 0x10FFFF)
                {
                    throw Error(PythonErrorKind.OverflowError, "%c arg not in range(0x110000)");
                }

                return (int)n;
            }

            throw Error(PythonErrorKind.TypeError, "%c requires int or char");
        }
    }
}
