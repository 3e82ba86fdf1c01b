using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

/// <summary>
/// encode_basestring and encode_basestring_ascii in native code (CPython's are C: Modules/_json.c
/// py_encode_basestring / py_encode_basestring_ascii): a str as a JSON string literal, quotes
/// included. Both escape '"', '\\' and the control characters (\n \r \t \b \f by name, the rest
/// as \u00XX); the ASCII form also escapes everything outside ' '..'~' as \uXXXX, code points
/// past U+FFFF as a surrogate pair, hex digits in lower case. A str with nothing to escape is
/// copied once, between its quotes.
/// </summary>
internal static unsafe class JsonStrings
{
    public static PyObject* Encode(PyRuntime rt, PyObject* s, bool asciiOnly)
    {
        if (!PyRuntime.IsStr(s))
        {
            rt.SetError(rt.TypeErrorType, $"first argument must be a string, not {rt.TypeName(s)}");
            return null;
        }

        nint n = PyRuntime.StrLength(s);
        var sb = new StringBuilder((int)n + 2);
        sb.Append('"');
        for (nint i = 0; i < n; i++)
        {
            int c = PyRuntime.StrRead(s, i);
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
                case '\b':
                    sb.Append("\\b");
                    continue;
                case '\f':
                    sb.Append("\\f");
                    continue;
            }

            if (c < 0x20 || (asciiOnly && c > 0x7e))
            {
                if (c >= 0x10000)
                {
                    int v = c - 0x10000;
                    AppendU(sb, 0xd800 | ((v >> 10) & 0x3ff));
                    AppendU(sb, 0xdc00 | (v & 0x3ff));
                }
                else
                {
                    AppendU(sb, c);
                }
            }
            else if (c >= 0x10000)
            {
                sb.Append(char.ConvertFromUtf32(c));
            }
            else
            {
                sb.Append((char)c);
            }
        }

        sb.Append('"');
        return rt.NewStr(sb.ToString());
    }

    private static void AppendU(StringBuilder sb, int unit)
    {
        const string Hex = "0123456789abcdef";
        sb.Append("\\u").Append(Hex[(unit >> 12) & 15]).Append(Hex[(unit >> 8) & 15]).Append(Hex[(unit >> 4) & 15]).Append(Hex[unit & 15]);
    }
}
