using Refheap.Python.Compiler;

namespace Refheap.Python.Vm;

/// <summary>
/// Empty arrays of Refheap's own structs, used where `[]` would be Array.Empty&lt;T&gt;():
/// the framework's generic static for a type outside its version bubble has no precompiled
/// code, so each such `[]` made every start-up JIT-compile a class constructor.
/// </summary>
internal static class StartupArrays
{
#pragma warning disable CA1825 // Array.Empty<T> is what this replaces (see above).
    public static readonly HandlerEntry[] NoHandlers = new HandlerEntry[0];

    public static readonly GlobalCacheEntry[] NoGlobalCache = new GlobalCacheEntry[0];
#pragma warning restore CA1825
}
