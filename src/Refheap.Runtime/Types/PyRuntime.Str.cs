using System;
using System.Runtime.CompilerServices;
using System.Text;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// str: compact strings as 3.11 lays them out (Objects/unicodeobject.c). ASCII strings are a
// 48-byte PyASCIIObject plus len + 1 bytes; others a 72-byte PyCompactUnicodeObject plus
// (len + 1) * kind bytes, kind 1 (latin-1), 2 (UCS-2) or 4 (UCS-4).
public sealed unsafe partial class PyRuntime
{
    internal const uint StateInternedMask = 3;
    internal const int StateKindShift = 2;
    internal const uint StateCompact = 1 << 5;
    internal const uint StateAscii = 1 << 6;
    internal const uint StateReady = 1 << 7;

    private PyObject* _emptyStr;
    private readonly nint[] _latin1Chars = new nint[256];

    public PyTypeObject* StrType { get; private set; }

    /// <summary>The '' singleton (borrowed).</summary>
    public PyObject* EmptyStr => _emptyStr;

    private void InitStrType()
    {
        StrType = NewStaticType("str", 48, 1, TypeFlags.BaseType | TypeFlags.UnicodeSubclass, null);
        StrType->Base = ObjectType;
        StrType->Dealloc = &StrDealloc;
        StrType->SizeOf = &StrSizeOf;
        StrType->Hash = &StrHash;
        StrType->RichCompare = &StrRichCompare;
        StrType->Iter = &StrIter;
    }

    private void InitStrSingletons()
    {
        _emptyStr = AllocStr(0, 1, ascii: true);
        if (_emptyStr == null)
        {
            throw new InvalidOperationException("Cannot create '': the heap cap is too small.");
        }

        _emptyStr->RefCount = ImmortalInitRefCount;

        // The 256 one-character latin-1 strs exist from the start, as CPython 3.11's static
        // ones do: a program's first ' ' or 'a' allocates nothing (sys.getallocatedblocks()).
        for (int cp = 0; cp < _latin1Chars.Length; cp++)
        {
            if (OneCharStr(cp) == null)
            {
                throw new InvalidOperationException("Cannot create the one-character strs: the heap cap is too small.");
            }
        }
    }

    private void ReleaseStrSingletons()
    {
        for (int i = 0; i < _latin1Chars.Length; i++)
        {
            if (_latin1Chars[i] != 0)
            {
                FreeObject((PyObject*)_latin1Chars[i]);
                _latin1Chars[i] = 0;
            }
        }

        if (_emptyStr != null)
        {
            FreeObject(_emptyStr);
            _emptyStr = null;
        }
    }

    /// <summary>
    /// A new one-character latin-1 str that is not the cached singleton (CPython's statically
    /// allocated identifier strings are such objects). Null with MemoryError on failure.
    /// </summary>
    public PyObject* NewUnsharedChar(int codePoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codePoint, 255);
        PyObject* o = AllocStr(1, 1, ascii: codePoint < 128);
        if (o != null)
        {
            WriteCodePoint(StrData(o), 1, 0, codePoint);
        }

        return o;
    }

    /// <summary>A new reference to a str with the text of <paramref name="s"/>; null with MemoryError on failure.</summary>
    public PyObject* NewStr(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length == 0)
        {
            return NewRef(_emptyStr);
        }

        ReadOnlySpan<char> chars = s;
        if (!chars.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return NewStrFromBmp(chars);
        }

        int max = 0;
        int length = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                ? char.ConvertToUtf32(s[i], s[++i])
                : s[i];
            max = Math.Max(max, cp);
            length++;
        }

        if (length == 1 && max < 256)
        {
            return OneCharStr(max);
        }

        int kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
        PyObject* o = AllocStr(length, kind, ascii: max < 128);
        if (o == null)
        {
            return null;
        }

        byte* data = StrData(o);
        int k = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                ? char.ConvertToUtf32(s[i], s[++i])
                : s[i];
            WriteCodePoint(data, kind, k++, cp);
        }

        return o;
    }

    /// <summary>NewStr for text without surrogates: each char is one code point.</summary>
    private PyObject* NewStrFromBmp(ReadOnlySpan<char> chars)
    {
        bool ascii = System.Text.Ascii.IsValid(chars);
        int kind = ascii || !chars.ContainsAnyExceptInRange('\0', '\u00FF') ? 1 : 2;
        if (chars.Length == 1 && kind == 1)
        {
            return OneCharStr(chars[0]);
        }

        PyObject* o = AllocStr(chars.Length, kind, ascii);
        if (o == null)
        {
            return null;
        }

        byte* data = StrData(o);
        if (kind == 2)
        {
            chars.CopyTo(new Span<char>(data, chars.Length));
        }
        else
        {
            for (int i = 0; i < chars.Length; i++)
            {
                data[i] = (byte)chars[i];
            }
        }

        return o;
    }

    /// <summary>The cached one-character str for code points 0..255 (3.11 has them statically).</summary>
    private PyObject* OneCharStr(int cp)
    {
        PyObject* o = (PyObject*)_latin1Chars[cp];
        if (o == null)
        {
            o = AllocStr(1, 1, ascii: cp < 128);
            if (o == null)
            {
                return null;
            }

            StrData(o)[0] = (byte)cp;
            o->RefCount = ImmortalInitRefCount;
            _latin1Chars[cp] = (nint)o;
        }

        return NewRef(o);
    }

    private PyObject* AllocStr(nint length, int kind, bool ascii)
    {
        nint header = ascii ? sizeof(PyAsciiObject) : sizeof(PyCompactUnicodeObject);
        PyObject* o = NewObject(StrType, header + ((length + 1) * kind));
        if (o == null)
        {
            return null;
        }

        var a = (PyAsciiObject*)o;
        a->Length = length;
        a->Hash = -1;
        a->State = ((uint)kind << StateKindShift) | StateCompact | StateReady | (ascii ? StateAscii : 0);
        a->Padding = 0;
        a->Wstr = null;
        if (!ascii)
        {
            var c = (PyCompactUnicodeObject*)o;
            c->Utf8Length = 0;
            c->Utf8 = null;
            c->WstrLength = 0;
        }

        byte* end = StrData(o) + (length * kind);
        if (kind == 1)
        {
            *end = 0;
        }
        else if (kind == 2)
        {
            *(ushort*)end = 0;
        }
        else
        {
            *(uint*)end = 0;
        }

        return o;
    }

    private static void WriteCodePoint(byte* data, int kind, int index, int cp)
    {
        switch (kind)
        {
            case 1:
                data[index] = (byte)cp;
                break;
            case 2:
                ((ushort*)data)[index] = (ushort)cp;
                break;
            default:
                ((uint*)data)[index] = (uint)cp;
                break;
        }
    }

    /// <summary>PyUnicode_KIND: 1, 2 or 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StrKind(PyObject* s) => (int)((((PyAsciiObject*)s)->State >> StateKindShift) & 7);

    /// <summary>PyUnicode_GET_LENGTH.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint StrLength(PyObject* s) => ((PyAsciiObject*)s)->Length;

    /// <summary>PyUnicode_DATA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* StrData(PyObject* s) =>
        (((PyAsciiObject*)s)->State & StateAscii) != 0
            ? (byte*)s + sizeof(PyAsciiObject)
            : (byte*)s + sizeof(PyCompactUnicodeObject);

    /// <summary>PyUnicode_READ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StrRead(PyObject* s, nint i)
    {
        byte* d = StrData(s);
        return StrKind(s) switch
        {
            1 => d[i],
            2 => ((ushort*)d)[i],
            _ => (int)((uint*)d)[i],
        };
    }

    /// <summary>The text of a str object as a .NET string.</summary>
    public static string StrToString(PyObject* s)
    {
        nint n = StrLength(s);
        if (StrKind(s) == 1)
        {
            // Latin-1: one char per byte.
            return string.Create((int)n, (nint)StrData(s), static (span, data) =>
            {
                var bytes = new ReadOnlySpan<byte>((byte*)data, span.Length);
                for (int i = 0; i < span.Length; i++)
                {
                    span[i] = (char)bytes[i];
                }
            });
        }

        if (StrKind(s) == 2)
        {
            // UCS-2: the code units are the chars (lone surrogates stay lone).
            return new string((char*)StrData(s), 0, (int)n);
        }

        var sb = new StringBuilder((int)n);
        for (nint i = 0; i < n; i++)
        {
            int cp = StrRead(s, i);
            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        return sb.ToString();
    }

    /// <summary>unicode_eq: same length, kind and code points.</summary>
    public static bool StrEquals(PyObject* a, PyObject* b)
    {
        if (a == b)
        {
            return true;
        }

        nint n = StrLength(a);
        if (n != StrLength(b) || StrKind(a) != StrKind(b))
        {
            return false;
        }

        nint bytes = n * StrKind(a);
        byte* pa = StrData(a);
        byte* pb = StrData(b);
        if (bytes <= 16)
        {
            // Short strs (dict keys, words): whole 8-byte words, the last one masked to the
            // data. A str's data starts 8-byte aligned in a block whose size is a multiple of
            // 16, so reading up to the next multiple of 8 stays inside the block.
            for (; bytes >= 8; bytes -= 8, pa += 8, pb += 8)
            {
                if (*(ulong*)pa != *(ulong*)pb)
                {
                    return false;
                }
            }

            return bytes == 0 || ((*(ulong*)pa ^ *(ulong*)pb) & ((1UL << (int)(bytes * 8)) - 1)) == 0;
        }

        return new ReadOnlySpan<byte>(pa, (int)bytes).SequenceEqual(new ReadOnlySpan<byte>(pb, (int)bytes));
    }

    private static nint StrSizeOf(PyRuntime rt, PyObject* o)
    {
        var a = (PyAsciiObject*)o;
        if (o->Type != rt.StrType)
        {
            // CPython makes str subclass instances non-compact: a PyUnicodeObject (80 bytes)
            // and a separate data block, both counted. Ours stay compact; report CPython's.
            return 80 + ((a->Length + 1) * StrKind(o));
        }

        nint header = (a->State & StateAscii) != 0 ? sizeof(PyAsciiObject) : sizeof(PyCompactUnicodeObject);
        nint size = header + ((a->Length + 1) * StrKind(o));
        if ((a->State & StateAscii) == 0 && ((PyCompactUnicodeObject*)o)->Utf8 != null)
        {
            size += ((PyCompactUnicodeObject*)o)->Utf8Length + 1;
        }

        return size;
    }

    /// <summary>
    /// unicode_hash: _Py_HashBytes (SipHash-1-3) over the kind-sized code units, cached. The
    /// key is zero, so values are CPython 3.11's under PYTHONHASHSEED=0 (CPython randomises the
    /// key per process otherwise; docs/deviations.md), and hash('abc') == hash(b'abc') as there.
    /// </summary>
    private static nint StrHash(PyRuntime rt, PyObject* o)
    {
        var a = (PyAsciiObject*)o;
        if (a->Hash != -1)
        {
            return a->Hash;
        }

        a->Hash = (nint)PyHash.HashBytes(new ReadOnlySpan<byte>(StrData(o), (int)(a->Length * StrKind(o))));
        return a->Hash;
    }

    private static PyObject* StrRichCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        if (!IsSubtype(b->Type, rt.StrType) || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return NewRef(rt.NotImplemented);
        }

        bool eq = StrEquals(a, b);
        return rt.NewBool(op == CompareOp.Eq ? eq : !eq);
    }

    private static void StrDealloc(PyRuntime rt, PyObject* o)
    {
        if ((((PyAsciiObject*)o)->State & StateInternedMask) != 0)
        {
            rt.UnInternOnDealloc(o);
        }

        rt.FreeObject(o);
    }

    /// <summary>Interned strings: remove a dying one from the interned table (unicode_dealloc).</summary>
    partial void UnInternOnDealloc(PyObject* o);
}
