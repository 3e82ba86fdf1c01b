using System;
using System.Text;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// bytes (Objects/bytesobject.c, 3.11): a 32-byte header (PyVarObject + ob_shash), the bytes
// and a NUL, so getsizeof is 33 + len. Not GC. b'' and the 256 one-byte objects are
// singletons made at startup with refcount 999999999 (3.11 allocates them statically);
// PyBytes_FromStringAndSize returns them for lengths 0 and 1.
public sealed unsafe partial class PyRuntime
{
    private PyObject* _emptyBytes;
    private readonly nint[] _byteChars = new nint[256];

    public PyTypeObject* BytesType { get; private set; }

    /// <summary>The b'' singleton (borrowed).</summary>
    public PyObject* EmptyBytes => _emptyBytes;

    private void InitBytesType()
    {
        BytesType = NewStaticType("bytes", PyBytesObject.BasicSize, 1, TypeFlags.BaseType | TypeFlags.BytesSubclass, ObjectType);
        BytesType->Dealloc = &BytesDealloc;
        BytesType->Hash = &BytesHash;
        BytesType->RichCompare = &BytesRichCompareSlot;
        BytesType->Repr = &BytesReprSlot;
        BytesType->Iter = &BytesIter;
    }

    private void InitBytesSingletons()
    {
        _emptyBytes = AllocBytes(0);
        if (_emptyBytes == null)
        {
            throw new InvalidOperationException("Cannot create b'': the heap cap is too small.");
        }

        _emptyBytes->RefCount = ImmortalInitRefCount;
        for (int i = 0; i < 256; i++)
        {
            PyObject* o = AllocBytes(1);
            if (o == null)
            {
                throw new InvalidOperationException("Cannot create the one-byte bytes: the heap cap is too small.");
            }

            BytesData(o)[0] = (byte)i;
            o->RefCount = ImmortalInitRefCount;
            _byteChars[i] = (nint)o;
        }
    }

    private void ReleaseBytesSingletons()
    {
        for (int i = 0; i < _byteChars.Length; i++)
        {
            if (_byteChars[i] != 0)
            {
                Allocator.Free((void*)_byteChars[i]);
                _byteChars[i] = 0;
            }
        }

        if (_emptyBytes != null)
        {
            Allocator.Free(_emptyBytes);
            _emptyBytes = null;
        }
    }

    /// <summary>PyBytes_Check.</summary>
    public static bool IsBytes(PyObject* o) => (o->Type->Flags & TypeFlags.BytesSubclass) != 0;

    /// <summary>PyBytes_AS_STRING.</summary>
    public static byte* BytesData(PyObject* o) => &((PyBytesObject*)o)->Data0;

    /// <summary>PyBytes_GET_SIZE.</summary>
    public static nint BytesSize(PyObject* o) => ((PyVarObject*)o)->Size;

    /// <summary>The contents of a bytes object.</summary>
    public static ReadOnlySpan<byte> BytesSpan(PyObject* o) => new(BytesData(o), (int)BytesSize(o));

    /// <summary>_PyBytes_FromSize without the singletons: 33 + size bytes, hash unset, NUL-terminated.</summary>
    private PyObject* AllocBytes(nint size)
    {
        PyObject* o = NewObject(BytesType, PyBytesObject.BasicSize + size);
        if (o == null)
        {
            return null;
        }

        ((PyVarObject*)o)->Size = size;
        ((PyBytesObject*)o)->Hash = -1;
        BytesData(o)[size] = 0;
        return o;
    }

    /// <summary>PyBytes_FromStringAndSize: the singletons for lengths 0 and 1, else a new object.</summary>
    public PyObject* NewBytes(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return NewRef(_emptyBytes);
        }

        if (data.Length == 1)
        {
            return NewRef((PyObject*)_byteChars[data[0]]);
        }

        PyObject* o = AllocBytes(data.Length);
        if (o != null)
        {
            data.CopyTo(new Span<byte>(BytesData(o), data.Length));
        }

        return o;
    }

    /// <summary>
    /// PyBytes_FromStringAndSize(NULL, size): a new bytes object of <paramref name="size"/>
    /// bytes for the caller to fill before anyone else sees it (b'' for size 0). Null with
    /// MemoryError on failure.
    /// </summary>
    public PyObject* NewBytesToFill(nint size) => size == 0 ? NewRef(_emptyBytes) : AllocBytes(size);

    /// <summary>True for b'' and the one-byte singletons.</summary>
    public bool IsBytesSingleton(PyObject* o) =>
        o == _emptyBytes || (o->Type == BytesType && BytesSize(o) == 1 && _byteChars[BytesData(o)[0]] == (nint)o);

    private static void BytesDealloc(PyRuntime rt, PyObject* o)
    {
        if (rt.IsBytesSingleton(o))
        {
            throw new InvalidOperationException("Fatal Python error: deallocating a bytes singleton");
        }

        rt.FreeObject(o);
    }

    private static nint BytesHash(PyRuntime rt, PyObject* o) => BytesHashValue(o);

    /// <summary>bytes_hash: _Py_HashBytes, cached in ob_shash.</summary>
    public static nint BytesHashValue(PyObject* o)
    {
        var b = (PyBytesObject*)o;
        if (b->Hash == -1)
        {
            b->Hash = (nint)PyHash.HashBytes(BytesSpan(o));
        }

        return b->Hash;
    }

    /// <summary>bytes_richcompare: bytes against bytes only (NotImplemented otherwise).</summary>
    public PyObject* BytesRichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        if (!IsBytes(a) || !IsBytes(b))
        {
            return NewRef(NotImplemented);
        }

        return NewBool(CompareOutcome(a == b ? 0 : BytesSpan(a).SequenceCompareTo(BytesSpan(b)), op));
    }

    private static PyObject* BytesRichCompareSlot(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op) =>
        rt.BytesRichCompare(a, b, op);

    /// <summary>
    /// bytes_concat (a + b) with a bytes or bytearray on the right. An empty side returns the
    /// other operand itself when that is an exact bytes. TypeError "can't concat T to bytes".
    /// </summary>
    public PyObject* BytesConcat(PyObject* a, PyObject* b)
    {
        ReadOnlySpan<byte> right;
        if (!IsBytes(a))
        {
            SetError(TypeErrorType, $"can't concat {TypeName(b)} to {TypeName(a)}");
            return null;
        }

        if (IsBytes(b))
        {
            right = BytesSpan(b);
        }
        else if (IsByteArray(b))
        {
            right = ByteArraySpan(b);
        }
        else
        {
            SetError(TypeErrorType, $"can't concat {TypeName(b)} to {TypeName(a)}");
            return null;
        }

        ReadOnlySpan<byte> left = BytesSpan(a);
        if (left.IsEmpty && b->Type == BytesType)
        {
            return NewRef(b);
        }

        if (right.IsEmpty && a->Type == BytesType)
        {
            return NewRef(a);
        }

        long size = (long)left.Length + right.Length;
        if (size > int.MaxValue)
        {
            return NoMemory();
        }

        PyObject* o = size == 0 ? NewRef(_emptyBytes) : AllocBytes((nint)size);
        if (o != null && size != 0)
        {
            left.CopyTo(new Span<byte>(BytesData(o), (int)size));
            right.CopyTo(new Span<byte>(BytesData(o) + left.Length, right.Length));
        }

        return o;
    }

    /// <summary>bytes_repr (PyBytes_Repr with smart quotes): b'...', or b"..." when it holds ' but no ".</summary>
    public PyObject* BytesRepr(PyObject* o) => NewStr(FormatBytesRepr(BytesSpan(o), "b", ""));

    private static PyObject* BytesReprSlot(PyRuntime rt, PyObject* o) => rt.BytesRepr(o);

    /// <summary>
    /// The b'...' body shared by bytes and bytearray. bytes escapes only the chosen quote;
    /// bytearray_repr always escapes a single quote (3.11: bytearray(b"it\'s")).
    /// </summary>
    private static string FormatBytesRepr(ReadOnlySpan<byte> data, string prefix, string suffix, bool alwaysEscapeSingle = false)
    {
        bool single = data.Contains((byte)'\'');
        bool dbl = data.Contains((byte)'"');
        char quote = single && !dbl ? '"' : '\'';
        var sb = new StringBuilder(prefix.Length + suffix.Length + data.Length + 3);
        sb.Append(prefix).Append(quote);
        foreach (byte c in data)
        {
            if (c == quote || c == '\\' || (alwaysEscapeSingle && c == '\''))
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c < ' ' || c >= 0x7f)
            {
                sb.Append("\\x").Append(HexDigit(c >> 4)).Append(HexDigit(c & 15));
            }
            else
            {
                sb.Append((char)c);
            }
        }

        return sb.Append(quote).Append(suffix).ToString();
    }

    private static char HexDigit(int v) => (char)(v < 10 ? '0' + v : 'a' + v - 10);
}
