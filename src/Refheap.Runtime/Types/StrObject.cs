using System.Runtime.InteropServices;

namespace Refheap.Runtime.Types;

/// <summary>PyASCIIObject (Include/cpython/unicodeobject.h, 3.11): 48 bytes; ASCII data follows.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyAsciiObject
{
    public Objects.PyObject Base;

    /// <summary>Number of code points.</summary>
    public nint Length;

    /// <summary>Cached hash, -1 until computed.</summary>
    public nint Hash;

    /// <summary>The state bit field: interned:2, kind:3, compact:1, ascii:1, ready:1.</summary>
    public uint State;

    public uint Padding;

    /// <summary>wstr: never materialised here (deprecated wchar_t cache).</summary>
    public void* Wstr;
}

/// <summary>PyCompactUnicodeObject: 72 bytes; latin-1, UCS-2 or UCS-4 data follows.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCompactUnicodeObject
{
    public PyAsciiObject Ascii;
    public nint Utf8Length;
    public byte* Utf8;
    public nint WstrLength;
}
