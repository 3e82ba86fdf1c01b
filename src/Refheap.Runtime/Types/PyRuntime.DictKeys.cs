using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The dict's hash table (Objects/dictobject.c, 3.11): keys objects, their index array, the
// open-addressing probe (i = (5*i + perturb + 1) & mask, perturb >>= 5), and resizing.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyDict_LOG_MINSIZE.</summary>
    internal const int DictLog2MinSize = 3;

    /// <summary>PyDict_MINSIZE.</summary>
    internal const int DictMinSize = 8;

    /// <summary>DKIX_EMPTY: an index slot never used.</summary>
    internal const nint DkixEmpty = -1;

    /// <summary>DKIX_DUMMY: an index slot whose entry was deleted.</summary>
    internal const nint DkixDummy = -2;

    /// <summary>DKIX_ERROR: a comparison raised.</summary>
    internal const nint DkixError = -3;

    /// <summary>DKIX_KEY_CHANGED: a comparison mutated the dict; the lookup restarts.</summary>
    private const nint DkixKeyChanged = -4;

    /// <summary>PERTURB_SHIFT.</summary>
    private const int PerturbShift = 5;

    private const nint SizeOfKeysHeader = 32;

    /// <summary>USABLE_FRACTION(n) = 2n/3.</summary>
    internal static nint UsableFraction(nint n) => (n << 1) / 3;

    /// <summary>
    /// calculate_log2_keysize, the 64-bit form: bit_length(((minsize | 8) - 1) | 7). This is
    /// not quite "the smallest power of two >= minsize": 1..7 give 4 (16 slots), and a power
    /// of two of 16 or more gives twice itself. 3.11 behaves so (recorded in the facts).
    /// </summary>
    internal static int CalculateLog2KeySize(nint minSize)
    {
        nuint m = ((nuint)minSize | DictMinSize) - 1;
        return 64 - BitOperations.LeadingZeroCount(m | (DictMinSize - 1));
    }

    /// <summary>estimate_log2_keysize: the size that takes n items without a resize.</summary>
    internal static int EstimateLog2KeySize(nint n) => CalculateLog2KeySize(((n * 3) + 1) / 2);

    /// <summary>GROWTH_RATE(d) = used * 3, through calculate_log2_keysize (insertion_resize).</summary>
    private int InsertionResize(PyDictObject* mp, bool unicode) =>
        DictResize(mp, CalculateLog2KeySize(mp->Used * 3), unicode);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint DictKeysSize(PyDictKeysObject* dk) => (nint)1 << dk->Log2Size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyDictKeyEntry* GeneralEntries(PyDictKeysObject* dk) =>
        (PyDictKeyEntry*)((byte*)(dk + 1) + ((nint)1 << dk->Log2IndexBytes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyDictUnicodeEntry* UnicodeEntries(PyDictKeysObject* dk) =>
        (PyDictUnicodeEntry*)((byte*)(dk + 1) + ((nint)1 << dk->Log2IndexBytes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUnicodeKeys(PyDictKeysObject* dk) => dk->Kind != (byte)DictKeysKind.General;

    /// <summary>unicode_get_hash: the str's cached hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint StrCachedHash(PyObject* s) => ((PyAsciiObject*)s)->Hash;

    /// <summary>dictkeys_get_index: int8 indices below 2^8 slots, int16 below 2^16, int64 from 2^32, else int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint GetIndex(PyDictKeysObject* dk, nint i)
    {
        void* indices = dk + 1;
        int log2 = dk->Log2Size;
        if (log2 < 8)
        {
            return ((sbyte*)indices)[i];
        }

        if (log2 < 16)
        {
            return ((short*)indices)[i];
        }

        return log2 >= 32 ? (nint)((long*)indices)[i] : ((int*)indices)[i];
    }

    /// <summary>dictkeys_set_index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetIndex(PyDictKeysObject* dk, nint i, nint ix)
    {
        void* indices = dk + 1;
        int log2 = dk->Log2Size;
        if (log2 < 8)
        {
            ((sbyte*)indices)[i] = (sbyte)ix;
        }
        else if (log2 < 16)
        {
            ((short*)indices)[i] = (short)ix;
        }
        else if (log2 >= 32)
        {
            ((long*)indices)[i] = ix;
        }
        else
        {
            ((int*)indices)[i] = (int)ix;
        }
    }

    /// <summary>_PyDict_KeysSize: header + index bytes + USABLE_FRACTION(size) entries.</summary>
    internal static nint KeysSize(PyDictKeysObject* dk)
    {
        nint entrySize = IsUnicodeKeys(dk) ? sizeof(PyDictUnicodeEntry) : sizeof(PyDictKeyEntry);
        return SizeOfKeysHeader + ((nint)1 << dk->Log2IndexBytes) + (UsableFraction(DictKeysSize(dk)) * entrySize);
    }

    /// <summary>
    /// new_keys_object: an 8-slot unicode keys object comes from the keys free list when it
    /// can; anything else is a new block. Indices start DKIX_EMPTY, entries zeroed.
    /// </summary>
    private PyDictKeysObject* NewKeysObject(int log2Size, bool unicode)
    {
        nint usable = UsableFraction((nint)1 << log2Size);
        int log2Bytes = log2Size < 8 ? log2Size
            : log2Size < 16 ? log2Size + 1
            : log2Size >= 32 ? log2Size + 3
            : log2Size + 2;
        nint entrySize = unicode ? sizeof(PyDictUnicodeEntry) : sizeof(PyDictKeyEntry);
        PyDictKeysObject* dk;
        if (log2Size == DictLog2MinSize && unicode && _dictKeysNumFree > 0)
        {
            dk = (PyDictKeysObject*)_dictKeysFreeList[--_dictKeysNumFree];
            _dictKeysFreeList[_dictKeysNumFree] = 0;
        }
        else
        {
            dk = (PyDictKeysObject*)Allocator.TryAllocate(SizeOfKeysHeader + ((nint)1 << log2Bytes) + (entrySize * usable));
            if (dk == null)
            {
                NoMemory();
                return null;
            }
        }

        dk->RefCount = 1;
        dk->Log2Size = (byte)log2Size;
        dk->Log2IndexBytes = (byte)log2Bytes;
        dk->Kind = (byte)(unicode ? DictKeysKind.Unicode : DictKeysKind.General);
        dk->Padding = 0;
        dk->NEntries = 0;
        dk->Usable = usable;
        dk->Version = 0;
        if (log2Size == DictLog2MinSize)
        {
            // The commonest table (8 slots, 5 entries): fixed-size stores, no memset calls.
            *(ulong*)(dk + 1) = ulong.MaxValue;
            byte* entries = (byte*)(dk + 1) + DictMinSize;
            if (unicode)
            {
                Unsafe.InitBlockUnaligned(entries, 0, 5 * (uint)sizeof(PyDictUnicodeEntry));
            }
            else
            {
                Unsafe.InitBlockUnaligned(entries, 0, 5 * (uint)sizeof(PyDictKeyEntry));
            }

            return dk;
        }

        // The index bytes all DKIX_EMPTY, by 16-byte stores (8 bytes for the smallest table):
        // the framework's fills (NativeMemory.Fill, InitBlock) have no precompiled code.
        byte* ix = (byte*)(dk + 1);
        if (log2Bytes == 3)
        {
            *(ulong*)ix = ulong.MaxValue;
        }
        else
        {
            Vector128<byte> ones = Vector128<byte>.AllBitsSet;
            for (byte* end = ix + ((nint)1 << log2Bytes); ix < end; ix += 16)
            {
                ones.Store(ix);
            }
        }

        NativeMemory.Clear((byte*)(dk + 1) + ((nint)1 << log2Bytes), (nuint)(entrySize * usable));
        return dk;
    }

    /// <summary>dictkeys_decref; the shared empty keys are never freed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DictKeysDecRef(PyDictKeysObject* dk)
    {
        if (dk == EmptyKeys)
        {
            return;
        }

        if (--dk->RefCount == 0)
        {
            FreeKeysObject(dk);
        }
    }

    /// <summary>
    /// free_keys_object: for each entry in entry order, release the key and then the value;
    /// then the keys free list (8-slot unicode only) or PyObject_Free.
    /// </summary>
    private void FreeKeysObject(PyDictKeysObject* dk)
    {
        nint n = dk->NEntries;
        if (IsUnicodeKeys(dk))
        {
            PyDictUnicodeEntry* entries = UnicodeEntries(dk);
            for (nint i = 0; i < n; i++)
            {
                XDecRef(entries[i].Key);
                XDecRef(entries[i].Value);
            }
        }
        else
        {
            PyDictKeyEntry* entries = GeneralEntries(dk);
            for (nint i = 0; i < n; i++)
            {
                XDecRef(entries[i].Key);
                XDecRef(entries[i].Value);
            }
        }

        ReleaseKeysBlock(dk);
    }

    /// <summary>The end of free_keys_object and of dictresize: keys free list or PyObject_Free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReleaseKeysBlock(PyDictKeysObject* dk)
    {
        if (dk->Log2Size == DictLog2MinSize && IsUnicodeKeys(dk) && _dictKeysNumFree < DictMaxFreeList)
        {
            _dictKeysFreeList[_dictKeysNumFree++] = (nint)dk;
            return;
        }

        Allocator.Free(dk);
    }

    /// <summary>lookdict_index: the slot that holds entry <paramref name="index"/>, or DKIX_EMPTY.</summary>
    private static nint LookdictIndex(PyDictKeysObject* dk, nint hash, nint index)
    {
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        nuint perturb = (nuint)hash;
        nuint i = (nuint)hash & mask;
        while (true)
        {
            nint ix = GetIndex(dk, (nint)i);
            if (ix == index)
            {
                return (nint)i;
            }

            if (ix == DkixEmpty)
            {
                return DkixEmpty;
            }

            perturb >>= PerturbShift;
            i = mask & ((i * 5) + perturb + 1);
        }
    }

    /// <summary>unicodekeys_lookup_unicode: an exact str in a unicode table (no user code runs).</summary>
    private static nint UnicodeKeysLookupUnicode(PyDictKeysObject* dk, PyObject* key, nint hash)
    {
        PyDictUnicodeEntry* entries = UnicodeEntries(dk);
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        nuint perturb = (nuint)hash;
        nuint i = (nuint)hash & mask;
        while (true)
        {
            nint ix = GetIndex(dk, (nint)i);
            if (ix >= 0)
            {
                PyObject* k = entries[ix].Key;
                if (k == key || (StrCachedHash(k) == hash && StrEquals(k, key)))
                {
                    return ix;
                }
            }
            else if (ix == DkixEmpty)
            {
                return DkixEmpty;
            }

            perturb >>= PerturbShift;
            i = mask & ((i * 5) + perturb + 1);
        }
    }

    /// <summary>unicodekeys_lookup_generic: a key that is not an exact str, in a unicode table.</summary>
    private nint UnicodeKeysLookupGeneric(PyDictObject* mp, PyDictKeysObject* dk, PyObject* key, nint hash)
    {
        PyDictUnicodeEntry* entries = UnicodeEntries(dk);
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        nuint perturb = (nuint)hash;
        nuint i = (nuint)hash & mask;
        while (true)
        {
            nint ix = GetIndex(dk, (nint)i);
            if (ix >= 0)
            {
                PyObject* startKey = entries[ix].Key;
                if (startKey == key)
                {
                    return ix;
                }

                if (StrCachedHash(startKey) == hash)
                {
                    nint r = CompareProbedKey(mp, dk, &entries[ix].Key, startKey, key, ix);
                    if (r != DkixEmpty)
                    {
                        return r;
                    }
                }
            }
            else if (ix == DkixEmpty)
            {
                return DkixEmpty;
            }

            perturb >>= PerturbShift;
            i = mask & ((i * 5) + perturb + 1);
        }
    }

    /// <summary>dictkeys_generic_lookup: any key in a general table.</summary>
    private nint GeneralLookup(PyDictObject* mp, PyDictKeysObject* dk, PyObject* key, nint hash)
    {
        PyDictKeyEntry* entries = GeneralEntries(dk);
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        nuint perturb = (nuint)hash;
        nuint i = (nuint)hash & mask;
        while (true)
        {
            nint ix = GetIndex(dk, (nint)i);
            if (ix >= 0)
            {
                PyObject* startKey = entries[ix].Key;
                if (startKey == key)
                {
                    return ix;
                }

                if (entries[ix].Hash == hash)
                {
                    nint r = CompareProbedKey(mp, dk, &entries[ix].Key, startKey, key, ix);
                    if (r != DkixEmpty)
                    {
                        return r;
                    }
                }
            }
            else if (ix == DkixEmpty)
            {
                return DkixEmpty;
            }

            perturb >>= PerturbShift;
            i = mask & ((i * 5) + perturb + 1);
        }
    }

    /// <summary>
    /// The comparison step of the generic lookups: compare the entry's key (kept alive
    /// across the call) with <paramref name="key"/>. Returns ix on a match, DKIX_ERROR,
    /// DKIX_KEY_CHANGED when the comparison changed the table under us, or DKIX_EMPTY to go on.
    /// </summary>
    private nint CompareProbedKey(PyDictObject* mp, PyDictKeysObject* dk, PyObject** slot, PyObject* startKey, PyObject* key, nint ix)
    {
        IncRef(startKey);
        int cmp = ObjectRichCompareBool(startKey, key, CompareOp.Eq);
        DecRef(startKey);
        if (cmp < 0)
        {
            return DkixError;
        }

        if (dk != mp->Keys || *slot != startKey)
        {
            return DkixKeyChanged;
        }

        return cmp > 0 ? ix : DkixEmpty;
    }

    /// <summary>
    /// _Py_dict_lookup: the entry index of <paramref name="key"/> (its value in
    /// <paramref name="value"/>), DKIX_EMPTY when absent, DKIX_ERROR when a comparison raised.
    /// </summary>
    internal nint DictLookup(PyDictObject* mp, PyObject* key, nint hash, out PyObject* value)
    {
        while (true)
        {
            PyDictKeysObject* dk = mp->Keys;
            nint ix;
            if (IsUnicodeKeys(dk))
            {
                if (key->Type == StrType)
                {
                    ix = UnicodeKeysLookupUnicode(dk, key, hash);
                }
                else
                {
                    ix = UnicodeKeysLookupGeneric(mp, dk, key, hash);
                    if (ix == DkixKeyChanged)
                    {
                        continue;
                    }
                }

                value = ix >= 0 ? UnicodeEntries(dk)[ix].Value : null;
            }
            else
            {
                ix = GeneralLookup(mp, dk, key, hash);
                if (ix == DkixKeyChanged)
                {
                    continue;
                }

                value = ix >= 0 ? GeneralEntries(dk)[ix].Value : null;
            }

            return ix;
        }
    }

    /// <summary>find_empty_slot: the first EMPTY or DUMMY slot on the hash's probe path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint FindEmptySlot(PyDictKeysObject* dk, nint hash)
    {
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        nuint i = (nuint)hash & mask;
        nint ix = GetIndex(dk, (nint)i);
        for (nuint perturb = (nuint)hash; ix >= 0;)
        {
            perturb >>= PerturbShift;
            i = ((i * 5) + perturb + 1) & mask;
            ix = GetIndex(dk, (nint)i);
        }

        return (nint)i;
    }

    /// <summary>build_indices_generic / build_indices_unicode: index n fresh entries into an empty index array.</summary>
    private static void BuildIndices(PyDictKeysObject* dk, nint n)
    {
        bool unicode = IsUnicodeKeys(dk);
        nuint mask = (nuint)DictKeysSize(dk) - 1;
        for (nint ix = 0; ix < n; ix++)
        {
            nint hash = unicode ? StrCachedHash(UnicodeEntries(dk)[ix].Key) : GeneralEntries(dk)[ix].Hash;
            nuint i = (nuint)hash & mask;
            for (nuint perturb = (nuint)hash; GetIndex(dk, (nint)i) != DkixEmpty;)
            {
                perturb >>= PerturbShift;
                i = mask & ((i * 5) + perturb + 1);
            }

            SetIndex(dk, (nint)i, ix);
        }
    }

    /// <summary>
    /// dictresize for combined tables: a new keys object of 2^log2NewSize slots (unicode only
    /// if the old one was and <paramref name="unicode"/> asks for it), the live entries moved
    /// over in order (references move, none are taken), the indices rebuilt, the old block
    /// to the keys free list or freed. -1 with MemoryError on failure, the dict unchanged.
    /// </summary>
    private int DictResize(PyDictObject* mp, int log2NewSize, bool unicode)
    {
        if (log2NewSize >= 64)
        {
            NoMemory();
            return -1;
        }

        PyDictKeysObject* oldKeys = mp->Keys;
        if (!IsUnicodeKeys(oldKeys))
        {
            unicode = false;
        }

        PyDictKeysObject* newKeys = NewKeysObject(log2NewSize, unicode);
        if (newKeys == null)
        {
            return -1;
        }

        mp->Keys = newKeys;
        nint numEntries = mp->Used;
        if (!IsUnicodeKeys(oldKeys))
        {
            // generic -> generic
            PyDictKeyEntry* src = GeneralEntries(oldKeys);
            PyDictKeyEntry* dst = GeneralEntries(newKeys);
            for (nint i = 0; i < numEntries; i++)
            {
                while (src->Value == null)
                {
                    src++;
                }

                dst[i] = *src++;
            }
        }
        else if (unicode)
        {
            // combined unicode -> combined unicode
            PyDictUnicodeEntry* src = UnicodeEntries(oldKeys);
            PyDictUnicodeEntry* dst = UnicodeEntries(newKeys);
            for (nint i = 0; i < numEntries; i++)
            {
                while (src->Value == null)
                {
                    src++;
                }

                dst[i] = *src++;
            }
        }
        else
        {
            // combined unicode -> generic: the entries gain the keys' cached hashes.
            PyDictUnicodeEntry* src = UnicodeEntries(oldKeys);
            PyDictKeyEntry* dst = GeneralEntries(newKeys);
            for (nint i = 0; i < numEntries; i++)
            {
                while (src->Value == null)
                {
                    src++;
                }

                dst[i].Key = src->Key;
                dst[i].Hash = StrCachedHash(src->Key);
                dst[i].Value = src->Value;
                src++;
            }
        }

        BuildIndices(newKeys, numEntries);

        // The references moved with the entries, so the old block is released without
        // touching them (dictresize cannot use free_keys_object).
        if (oldKeys != EmptyKeys)
        {
            ReleaseKeysBlock(oldKeys);
        }

        newKeys->Usable -= numEntries;
        newKeys->NEntries = numEntries;
        return 0;
    }
}
