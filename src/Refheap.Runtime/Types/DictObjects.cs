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

    /// <summary>
    /// ma_values. Refheap's tables are always combined; a dict that 3.11 would keep split (an
    /// instance __dict__ sharing its class's cached keys) points here at the class's
    /// <see cref="SharedKeysRecord"/> instead, so that its size and its conversion to a
    /// combined table follow 3.11's (docs/design/objects.md, "Instance dicts"). Null otherwise.
    /// </summary>
    public void* Values;
}

/// <summary>
/// What a split dict of 3.11 sees of its class's cached keys (ht_cached_keys): the number of
/// names (dk_nentries) and the entries left (dk_usable), which give its size
/// (48 + 8 * (nentries + usable)), and a reference count like dk_refcnt: one for the class
/// while it lives (<see cref="Owner"/>), one per dict marked with it. The block is as large as
/// 3.11's cached keys object (768 bytes, so from the raw allocator, as there).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SharedKeysRecord
{
    public nint RefCount;

    public nint NEntries;

    public nint Usable;

    /// <summary>The class, or null once it died (the keys then count in the dict's size, dk_refcnt == 1).</summary>
    public PyTypeObject* Owner;
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
