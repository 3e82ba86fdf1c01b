using System.Runtime.CompilerServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Vm;

/// <summary>
/// One LOAD_GLOBAL cache entry of a code object (3.11 specialises LOAD_GLOBAL on the dicts'
/// keys versions; here the dicts' ma_version_tag is the guard).
/// <para>
/// Invariant: while the globals dict at <see cref="Globals"/> still has version
/// <see cref="GlobalsVersion"/> and, when <see cref="BuiltinsVersion"/> is not 0, the
/// builtins dict at <see cref="Builtins"/> still has that version, looking the name up
/// gives <see cref="Value"/> (borrowed: the dict that holds it has not changed). Every
/// change to a dict gives it a new version from a runtime-wide counter and every new dict
/// starts with a fresh one, so a version also tells a dict apart from a later one at the
/// same address. Entries are filled only for exact dicts whose versions did not move during
/// the lookup (a lookup can run __eq__ of an odd key).
/// </para>
/// </summary>
internal struct GlobalCacheEntry
{
    public nint Globals;
    public ulong GlobalsVersion;
    public nint Builtins;
    public ulong BuiltinsVersion;
    public nint Value;
}

// LOAD_GLOBAL with its per-name cache.
internal sealed unsafe partial class Interpreter
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* LoadGlobalCached(InterpreterFrame* f, CodeInfo info, int arg)
    {
        ref GlobalCacheEntry e = ref info.GlobalCache[arg];
        var g = (PyDictObject*)f->Globals;
        if (e.Globals == (nint)g && e.GlobalsVersion == g->VersionTag
            && (e.BuiltinsVersion == 0 || (e.Builtins == (nint)f->Builtins && ((PyDictObject*)f->Builtins)->VersionTag == e.BuiltinsVersion)))
        {
            return LoopNewRef((PyObject*)e.Value);
        }

        return LoadGlobalMiss(f, info, arg, ref e);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyObject* LoadGlobalMiss(InterpreterFrame* f, CodeInfo info, int arg, ref GlobalCacheEntry e)
    {
        PyRuntime rt = Rt;
        var g = (PyDictObject*)f->Globals;
        var b = (PyDictObject*)f->Builtins;
        if (g->Base.Type != rt.DictType || b->Base.Type != rt.DictType)
        {
            return LoadGlobal(f, info.Names[arg]);
        }

        ulong gv = g->VersionTag;
        ulong bv = b->VersionTag;
        PyObject* name = info.Names[arg];
        PyObject* v = rt.DictGetItemStr((PyObject*)g, name);
        bool inBuiltins = false;
        if (v == null)
        {
            v = rt.DictGetItemStr((PyObject*)b, name);
            if (v == null)
            {
                RaiseNameError(name);
                return null;
            }

            inBuiltins = true;
        }

        if (gv == g->VersionTag && bv == b->VersionTag && gv != 0 && (!inBuiltins || bv != 0))
        {
            // Only the frame's own dicts are ever read through (they are alive); a dict freed
            // and made again at the same address has a new version.
            e.Globals = (nint)g;
            e.GlobalsVersion = gv;
            e.Builtins = inBuiltins ? (nint)b : 0;
            e.BuiltinsVersion = inBuiltins ? bv : 0;
            e.Value = (nint)v;
        }

        return PyRuntime.NewRef(v);
    }
}
