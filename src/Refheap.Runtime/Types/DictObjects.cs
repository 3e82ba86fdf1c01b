using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime.Types;

/// <summary>
/// PyDictObject (Include/cpython/dictobject.h, 3.11): 48 bytes, a GC type. The table lives
/// in a separate keys object; every dict with no items shares the runtime's empty keys.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictObject
{
    public PyObject Base;

    /// <summary>ma_used: number of items.</summary>
    public nint Used;

    /// <summary>ma_version_tag: changes whenever the dict changes.</summary>
    public ulong VersionTag;

    /// <summary>ma_keys.</summary>
    public PyDictKeysObject* Keys;

    /// <summary>ma_values: the values of a split table; always null here (no split tables yet).</summary>
    public void* Values;
}

/// <summary>
/// PyDictKeysObject (Include/internal/pycore_dict.h, 3.11): a 32-byte header, then
/// 2^Log2IndexBytes bytes of indices (1, 2, 4 or 8 bytes each by table size), then
/// USABLE_FRACTION(size) entries: <see cref="PyDictUnicodeEntry"/> when every key is an
/// exact str, <see cref="PyDictKeyEntry"/> otherwise. One PyObject_Malloc block.
/// <para>
/// Invariants (combined tables, checked by CheckDictInvariants): Usable + NEntries ==
/// USABLE_FRACTION(2^Log2Size); entries [0, NEntries) were handed out in order and are
/// live (key and value set) or deleted (both null); every live entry has exactly one index
/// pointing at it, on the probe path of its hash; deleted entries have none; a deleted
/// entry's index became DKIX_DUMMY, never DKIX_EMPTY.
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyDictKeysObject
{
    /// <summary>dk_refcnt: 1 for a combined table.</summary>
    public nint RefCount;

    /// <summary>dk_log2_size: log2 of the number of index slots.</summary>
    public byte Log2Size;

    /// <summary>dk_log2_index_bytes: log2 of the size of the index array in bytes.</summary>
    public byte Log2IndexBytes;

    /// <summary>dk_kind (<see cref="DictKeysKind"/>).</summary>
    public byte Kind;

    public byte Padding;

    /// <summary>dk_version: reset to 0 by any change to the keys.</summary>
    public uint Version;

    /// <summary>dk_usable: entries that can still be appended before a resize.</summary>
    public nint Usable;

    /// <summary>dk_nentries: entries handed out so far, deleted ones included.</summary>
    public nint NEntries;
}

/// <summary>PyDictKeyEntry: 24 bytes, for general (non-str) tables.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictKeyEntry
{
    /// <summary>me_hash: the key's cached hash.</summary>
    public nint Hash;

    public PyObject* Key;

    public PyObject* Value;
}

/// <summary>PyDictUnicodeEntry: 16 bytes; the key is an exact str whose hash is cached in it.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyDictUnicodeEntry
{
    public PyObject* Key;

    public PyObject* Value;
}

/// <summary>DictKeysKind.</summary>
public enum DictKeysKind : byte
{
    /// <summary>DICT_KEYS_GENERAL: any hashable keys, 24-byte entries.</summary>
    General = 0,

    /// <summary>DICT_KEYS_UNICODE: exact str keys only, 16-byte entries.</summary>
    Unicode = 1,

    /// <summary>DICT_KEYS_SPLIT: shared keys of instance dicts (not used by this runtime yet).</summary>
    Split = 2,
}
