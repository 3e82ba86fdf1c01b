using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// The scanner's strings (py_scanstring / scanstring_unicode): runs of plain characters, the
// escapes, \uXXXX with surrogate pairs, and the strict mode's control-character check.
internal sealed unsafe partial class JsonScanner
{
    /// <summary>py_scanstring: the str after the opening quote at end - 1.</summary>
    private PyObject* ScanString(nint end, out nint after)
    {
        after = end;
        nint begin = end - 1;
        _chars.Clear();
        bool escaped = false;
        while (true)
        {
            nint next = end;
            int c = 0;
            while (next < _n)
            {
                c = At(next);
                if (c is '"' or '\\')
                {
                    break;
                }

                if (_strict && c <= 0x1f)
                {
                    return DecodeError("Invalid control character at", next);
                }

                next++;
            }

            if (next >= _n)
            {
                return DecodeError("Unterminated string starting at", begin);
            }

            if (c == '"' && !escaped)
            {
                // No escape in it: the characters as they stand.
                after = next + 1;
                return _rt.StrSubstring(_s, end, next - end);
            }

            for (nint i = end; i < next; i++)
            {
                _chars.Add(At(i));
            }

            if (c == '"')
            {
                after = next + 1;
                return _rt.NewStrFromCodePoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_chars));
            }

            escaped = true;
            next++;
            if (next == _n)
            {
                return DecodeError("Unterminated string starting at", begin);
            }

            c = At(next);
            if (c != 'u')
            {
                end = next + 1;
                int decoded = c switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => -1,
                };
                if (decoded < 0)
                {
                    return DecodeError("Invalid \\escape", end - 2);
                }

                _chars.Add(decoded);
                continue;
            }

            next++;
            end = next + 4;
            if (end >= _n)
            {
                return DecodeError("Invalid \\uXXXX escape", next - 1);
            }

            int uni = Hex4(next);
            if (uni < 0)
            {
                return DecodeError("Invalid \\uXXXX escape", end - 5);
            }

            if (uni is >= 0xd800 and <= 0xdbff && end + 6 < _n && At(end) == '\\' && At(end + 1) == 'u')
            {
                int uni2 = Hex4(end + 2);
                if (uni2 < 0)
                {
                    return DecodeError("Invalid \\uXXXX escape", end + 1);
                }

                if (uni2 is >= 0xdc00 and <= 0xdfff)
                {
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00));
                    end += 6;
                }
            }

            _chars.Add(uni);
        }
    }

    private int Hex4(nint start)
    {
        int value = 0;
        for (nint i = start; i < start + 4; i++)
        {
            int c = At(i);
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
            {
                return -1;
            }

            value = (value * 16) + d;
        }

        return value;
    }
}
