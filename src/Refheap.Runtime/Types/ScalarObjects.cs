using System.Runtime.InteropServices;

namespace Refheap.Runtime.Types;

/// <summary>PyFloatObject (Include/cpython/floatobject.h, 3.11): 24 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyFloatObject
{
    public Objects.PyObject Base;

    /// <summary>ob_fval.</summary>
    public double Value;
}

/// <summary>
/// PyBytesObject (Include/cpython/bytesobject.h, 3.11): a PyVarObject, the cached hash
/// (ob_shash, -1 until computed; still present in 3.11) and ob_sval: len bytes plus a NUL.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyBytesObject
{
    public Objects.PyVarObject Base;

    /// <summary>ob_shash.</summary>
    public nint Hash;

    /// <summary>ob_sval[0]; the rest of the bytes and the trailing NUL follow.</summary>
    public byte Data0;

    /// <summary>PyBytesObject_SIZE: offsetof(ob_sval) + 1, the basic size (getsizeof(b'') == 33).</summary>
    public const int BasicSize = 33;

    /// <summary>offsetof(PyBytesObject, ob_sval).</summary>
    public const int DataOffset = 32;
}

/// <summary>
/// PyByteArrayObject (Include/cpython/bytearrayobject.h, 3.11): 56 bytes. The buffer is a
/// separate PyObject_Malloc block of ob_alloc bytes; ob_start is the logical start inside it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyByteArrayObject
{
    public Objects.PyVarObject Base;

    /// <summary>ob_alloc: bytes allocated for ob_bytes (0 while it is null).</summary>
    public nint Alloc;

    /// <summary>ob_bytes: the physical start of the buffer.</summary>
    public byte* Bytes;

    /// <summary>ob_start: the logical start of the data.</summary>
    public byte* Start;

    /// <summary>ob_exports: buffer exports in progress (resizing is refused while non-zero).</summary>
    public int Exports;
}
