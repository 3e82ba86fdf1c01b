using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime.Types;

/// <summary>
/// The 32-byte layout shared by 3.11's sequence iterators: listiterobject,
/// listreviterobject, _PyTupleIterObject, unicodeiterobject, striterobject (bytes) and
/// bytearrayiterobject: { PyObject_HEAD; Py_ssize_t it_index; seq *it_seq; }. All GC types
/// (48 bytes with the GC head).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySeqIterObject
{
    public PyObject Base;

    /// <summary>it_index: the next index (list_reverseiterator: counts down, -1 when done).</summary>
    public nint Index;

    /// <summary>it_seq: the sequence; null once the iterator is exhausted.</summary>
    public PyObject* Seq;
}

/// <summary>setiterobject (Objects/setobject.c, 3.11): 48 bytes, GC (64 with the GC head).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySetIterObject
{
    public PyObject Base;

    /// <summary>si_set: null once exhausted.</summary>
    public PyObject* Set;

    /// <summary>si_used: the set's used count when iteration started; -1 after a size change was reported.</summary>
    public nint Used;

    /// <summary>si_pos: the next table slot to look at.</summary>
    public nint Pos;

    /// <summary>len: items still expected (__length_hint__).</summary>
    public nint Len;
}

/// <summary>dictiterobject (Objects/dictobject.c, 3.11): 56 bytes, GC (72 with the GC head).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictIterObject
{
    public PyObject Base;

    /// <summary>di_dict: null once exhausted (or after "keys changed").</summary>
    public PyObject* Dict;

    /// <summary>di_used: the dict's ma_used when iteration started; -1 after a size change was reported.</summary>
    public nint Used;

    /// <summary>di_pos: the next entry index.</summary>
    public nint Pos;

    /// <summary>di_result: the reusable (key, value) tuple of an item iterator; null for the others.</summary>
    public PyObject* Result;

    /// <summary>len: items still expected; finding one more means the keys changed.</summary>
    public nint Len;
}

/// <summary>_PyDictViewObject (Include/internal/pycore_dict.h, 3.11): 24 bytes, GC (40 with the GC head).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictViewObject
{
    public PyObject Base;

    /// <summary>dv_dict.</summary>
    public PyObject* Dict;
}
