using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime.Types;

/// <summary>setentry (Include/cpython/setobject.h, 3.11): 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SetEntry
{
    /// <summary>The key; null for a never-used slot, the runtime's dummy for a discarded one.</summary>
    public PyObject* Key;

    /// <summary>The key's cached hash; -1 for a dummy, 0 for an unused slot.</summary>
    public nint Hash;
}

/// <summary>The 8 entries of a small set, inside the object (PySet_MINSIZE).</summary>
[InlineArray(8)]
public struct SetSmallTable
{
    private SetEntry _element0;
}

/// <summary>
/// PySetObject (Include/cpython/setobject.h, 3.11): 200 bytes, a GC type, weakrefable
/// (tp_weaklistoffset 192). Sets of up to 4 items use the inline 8-entry table; larger ones
/// a PyMem block of Mask + 1 entries.
/// <para>
/// Invariants (checked by CheckSetInvariants): Mask + 1 is a power of two, at least 8,
/// and Table is the inline table iff Mask == 7; Fill counts active and dummy slots, Used
/// the active ones, and Fill &lt;= Mask so a failing probe always ends; every active key is
/// found by its hash's probe sequence (9 linear probes, then the perturbed jump); a
/// frozenset's cached hash, once computed, is the hash of its current table.
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PySetObject
{
    public PyObject Base;

    /// <summary>fill: active + dummy slots.</summary>
    public nint Fill;

    /// <summary>used: active slots (the length).</summary>
    public nint Used;

    /// <summary>mask: table size - 1.</summary>
    public nint Mask;

    /// <summary>table: the inline small table or a separate block.</summary>
    public SetEntry* Table;

    /// <summary>hash: a frozenset's cached hash, -1 until computed.</summary>
    public nint Hash;

    /// <summary>finger: where set.pop() resumes.</summary>
    public nint Finger;

    /// <summary>smalltable.</summary>
    public SetSmallTable SmallTable;

    /// <summary>weakreflist.</summary>
    public PyObject* WeakRefList;
}
