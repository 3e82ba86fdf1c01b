using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The type attribute cache (3.11's method cache in Objects/typeobject.c, with a global epoch
// in place of per-type version tags). _PyType_Lookup walks the MRO with one dict lookup per
// class; attribute gets and sets, LOAD_METHOD, special-method lookups and every class call
// go through it, so its results (found or absent) are remembered in a direct-mapped table
// keyed by (type, name).
//
// Invariants:
// - An entry whose Epoch equals _typeCacheEpoch says that LookupTypeUncached(Type, Name)
//   returns Value (borrowed, possibly null) right now.
// - _typeCacheEpoch is bumped (TypeModified) by everything that could change such a result
//   or make a remembered pointer stand for something else: a write to any type's dict
//   (type_setattro, the __module__ / __abstractmethods__ setters, class creation's own
//   edits), a builtin type getting its dict, a heap type made, cleared or freed (its address
//   can be reused), and an interned str freed (ditto). One global epoch instead of CPython's
//   per-type tags: a write to any class forgets every entry, which costs nothing when
//   classes stop changing after start-up. Writers bump it before the write too when the
//   write releases an old value (its __del__ must not find that value here).
// - Only interned exact str names are remembered: their address identifies their text for
//   as long as they live. No entry owns a reference (nothing here is visible to refcounts).
// - Entries are written only when the epoch did not move during the lookup that filled them
//   (a lookup can run __eq__ of an odd key, which can change a class).
public sealed unsafe partial class PyRuntime
{
    private const int TypeCacheBits = 12;

    /// <summary>REFHEAP_CHECK_TYPE_CACHE=1: every cache hit is checked against a fresh MRO walk.</summary>
    private static readonly bool s_checkTypeCache = Environment.GetEnvironmentVariable("REFHEAP_CHECK_TYPE_CACHE") == "1";

    // The same flag in an instance field: ReadyToRun code reads a static field through a call
    // for the class's statics, and the lookup tests it on every hit.
    private readonly bool _checkTypeCache = s_checkTypeCache;

    private readonly TypeCacheEntry[] _typeCache = new TypeCacheEntry[1 << TypeCacheBits];
    private uint _typeCacheEpoch = 1;

    private struct TypeCacheEntry
    {
        public nint Type;
        public nint Name;
        public nint Value;
        public uint Epoch;
    }

    /// <summary>
    /// _PyType_Lookup: the first value bound to <paramref name="name"/> (a str) in the dicts of
    /// the type's MRO, borrowed; null when absent (no error set).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject* LookupType(PyTypeObject* type, PyObject* name)
    {
        nint h = ((PyAsciiObject*)name)->Hash ^ ((nint)type >> 4);
        ref TypeCacheEntry e = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_typeCache), (int)h & ((1 << TypeCacheBits) - 1));
        if (e.Type == (nint)type && e.Name == (nint)name && e.Epoch == _typeCacheEpoch && !_checkTypeCache)
        {
            return (PyObject*)e.Value;
        }

        return LookupTypeMiss(type, name, ref e);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyObject* LookupTypeMiss(PyTypeObject* type, PyObject* name, ref TypeCacheEntry e)
    {
        uint epoch = _typeCacheEpoch;
        PyObject* v = LookupTypeUncached(type, name);
        if (_checkTypeCache && e.Type == (nint)type && e.Name == (nint)name && e.Epoch == epoch && e.Value != (nint)v)
        {
            throw new InvalidOperationException($"Fatal Python error: stale type cache entry for {InfoOf(type).Name}.{StrToString(name)}");
        }

        if (epoch == _typeCacheEpoch && name->Type == StrType && IsInterned(name))
        {
            e.Type = (nint)type;
            e.Name = (nint)name;
            e.Value = (nint)v;
            e.Epoch = epoch;
        }

        return v;
    }

    /// <summary>
    /// A second table on the same epoch: a managed-dict class's shared-keys index of an
    /// attribute name (InstanceDict.cs). A class's shared keys only grow, each name keeping
    /// its index, and the class owns the (interned) key objects, so an entry filled from a
    /// hit by address stays right until the class dies, which bumps the epoch.
    /// </summary>
    private struct SharedKeyCacheEntry
    {
        public nint Type;
        public nint Name;
        public uint Epoch;
        public int Index;
    }

    private const int SharedKeyCacheBits = 10;

    private readonly SharedKeyCacheEntry[] _sharedKeyCache = new SharedKeyCacheEntry[1 << SharedKeyCacheBits];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref SharedKeyCacheEntry SharedKeyCacheSlot(PyTypeObject* type, PyObject* name)
    {
        nint h = ((nint)name >> 4) ^ ((nint)type >> 6);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sharedKeyCache), (int)h & ((1 << SharedKeyCacheBits) - 1));
    }

    /// <summary>
    /// PyType_Modified: <paramref name="type"/>'s dict, MRO or identity changed; every cached
    /// lookup is forgotten (see the invariants above).
    /// </summary>
    public void TypeModified(PyTypeObject* type)
    {
        _ = type;
        if (++_typeCacheEpoch == 0)
        {
            // Wrapped: old entries could look current again.
            Array.Clear(_typeCache);
            Array.Clear(_sharedKeyCache);
            _typeCacheEpoch = 1;
        }
    }
}
