using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The dict's whole-structure check (Objects/dictobject.c, 3.11: _PyDict_CheckConsistency
// with check_content, plus the probe-path and tracking facts it leaves implicit).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Checks a dict against the keys object's invariants and throws
    /// <see cref="InvalidOperationException"/> naming the first one broken:
    /// the empty keys iff no entries were ever added since the last clear; 0 &lt;= used &lt;=
    /// usable fraction; Usable + NEntries == USABLE_FRACTION(size) for an owned table;
    /// unicode tables hold exact str keys only; every live entry has a hash (the str's cached
    /// one), a value, and exactly one index, which lies on its hash's probe path before any
    /// DKIX_EMPTY slot; deleted entries have no index; live entries count to ma_used; an
    /// untracked dict holds nothing that may be tracked (MAINTAIN_TRACKING).
    /// </summary>
    public void CheckDictInvariants(PyObject* op)
    {
        if (!IsDict(op))
        {
            throw new InvalidOperationException("dict invariant: not a dict");
        }

        var mp = (PyDictObject*)op;
        PyDictKeysObject* dk = mp->Keys;
        if (mp->Values != null)
        {
            var rec = (SharedKeysRecord*)mp->Values;
            if (rec->RefCount < 1 || rec->NEntries < 0 || rec->Usable < 0 || rec->NEntries + rec->Usable > SharedKeysMaxSize)
            {
                Fail($"bad shared keys of a split dict: refcount {rec->RefCount}, nentries {rec->NEntries}, usable {rec->Usable}");
            }
        }

        if (dk == EmptyKeys)
        {
            if (mp->Used != 0 || dk->NEntries != 0 || dk->Usable != 0 || dk->Log2Size != 0)
            {
                Fail("the shared empty keys are not empty");
            }

            return;
        }

        nint size = DictKeysSize(dk);
        nint usable = UsableFraction(size);
        if (dk->Log2Size < DictLog2MinSize || dk->RefCount != 1)
        {
            Fail($"bad keys header: log2 size {dk->Log2Size}, refcount {dk->RefCount}");
        }

        int expectedIndexBytes = dk->Log2Size < 8 ? dk->Log2Size : dk->Log2Size < 16 ? dk->Log2Size + 1 : dk->Log2Size >= 32 ? dk->Log2Size + 3 : dk->Log2Size + 2;
        if (dk->Log2IndexBytes != expectedIndexBytes)
        {
            Fail($"log2 index bytes {dk->Log2IndexBytes}, expected {expectedIndexBytes}");
        }

        if (mp->Used < 0 || mp->Used > usable || dk->Usable < 0 || dk->NEntries < 0 || dk->Usable + dk->NEntries != usable)
        {
            Fail($"counts: used {mp->Used}, usable {dk->Usable}, nentries {dk->NEntries}, usable fraction {usable}");
        }

        if (dk->Kind != (byte)DictKeysKind.General && dk->Kind != (byte)DictKeysKind.Unicode)
        {
            Fail($"kind {dk->Kind} in a combined table");
        }

        var indexOf = new Dictionary<nint, nint>();
        for (nint i = 0; i < size; i++)
        {
            nint ix = GetIndex(dk, i);
            if (ix < DkixDummy || ix >= dk->NEntries)
            {
                Fail($"index slot {i} holds {ix}");
            }

            if (ix >= 0 && !indexOf.TryAdd(ix, i))
            {
                Fail($"entry {ix} has two index slots");
            }
        }

        nint live = 0;
        bool mayTrack = false;
        for (nint ix = 0; ix < dk->NEntries; ix++)
        {
            EntryAt(dk, ix, out PyObject* key, out PyObject* value, out nint hash);
            if (key == null)
            {
                if (value != null || indexOf.ContainsKey(ix))
                {
                    Fail($"deleted entry {ix} still has a value or an index");
                }

                continue;
            }

            live++;
            if (value == null || key->RefCount <= 0 || value->RefCount <= 0)
            {
                Fail($"live entry {ix} has no value or a dead key or value");
            }

            if (IsUnicodeKeys(dk) && key->Type != StrType)
            {
                Fail($"entry {ix} of a unicode table has a key of type {TypeName(key)}");
            }

            if (hash == -1 || (key->Type == StrType && StrCachedHash(key) != hash))
            {
                Fail($"entry {ix} has hash {hash}");
            }

            if (!indexOf.TryGetValue(ix, out nint slot) || LookdictIndex(dk, hash, ix) != slot)
            {
                Fail($"entry {ix} is not reachable along its probe path");
            }

            mayTrack |= MayBeTracked(key) || MayBeTracked(value);
        }

        if (live != mp->Used)
        {
            Fail($"{live} live entries, but ma_used is {mp->Used}");
        }

        if (mayTrack && !IsTracked(op))
        {
            Fail("untracked, but holds an object that may be tracked");
        }

        static void Fail(string what) => throw new InvalidOperationException("dict invariant violated: " + what);
    }

    private static void EntryAt(PyDictKeysObject* dk, nint ix, out PyObject* key, out PyObject* value, out nint hash)
    {
        if (IsUnicodeKeys(dk))
        {
            key = UnicodeEntries(dk)[ix].Key;
            value = UnicodeEntries(dk)[ix].Value;
            hash = key == null ? 0 : StrCachedHash(key);
        }
        else
        {
            key = GeneralEntries(dk)[ix].Key;
            value = GeneralEntries(dk)[ix].Value;
            hash = GeneralEntries(dk)[ix].Hash;
        }
    }
}
