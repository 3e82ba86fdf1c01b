using System;
using System.Collections.Generic;

namespace Refheap.Python.Compiler;

// A scope's symbol flags and resolved scopes by name. Not Dictionary<string, SymFlags> and
// Dictionary<string, NameScope>: the framework's dictionaries with a value-type value are in no
// ReadyToRun image, so every process that compiled anything JIT-compiled about twenty of their
// methods. Boxed values in a Dictionary<string, object> share the framework's precompiled code.
// Neither table is enumerated (Scope.Order keeps the names' order).

/// <summary>Symbol flags by name.</summary>
internal sealed class SymbolFlagsTable
{
    private readonly Dictionary<string, object> _flags = new(StringComparer.Ordinal);

    public SymFlags this[string name]
    {
        get => (SymFlags)_flags[name];
        set => _flags[name] = value;
    }

    public bool TryGetValue(string name, out SymFlags flags)
    {
        if (_flags.TryGetValue(name, out object? boxed))
        {
            flags = (SymFlags)boxed;
            return true;
        }

        flags = default;
        return false;
    }
}

/// <summary>Resolved name scopes by name.</summary>
internal sealed class NameScopeTable
{
    private readonly Dictionary<string, object> _scopes = new(StringComparer.Ordinal);

    public NameScope this[string name]
    {
        get => (NameScope)_scopes[name];
        set => _scopes[name] = value;
    }

    public bool TryGetValue(string name, out NameScope scope)
    {
        if (_scopes.TryGetValue(name, out object? boxed))
        {
            scope = (NameScope)boxed;
            return true;
        }

        scope = default;
        return false;
    }
}
