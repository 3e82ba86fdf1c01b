using System;
using System.Collections.Generic;
using System.IO;
using Refheap.Memory;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

/// <summary>
/// One Python heap: an allocator, the types, the singletons, the free lists, the cycle
/// collector and the error indicator. One owner thread at a time (the interpreter lock);
/// several runtimes can live in one process and never share objects. Raw object pointers
/// are the internal currency; see <see cref="PyRef"/> for the host-facing handles.
/// </summary>
public sealed unsafe partial class PyRuntime : IDisposable
{
    private readonly List<TypeInfo> _types = new();
    private bool _disposed;

    public PyRuntime()
        : this(new RuntimeOptions())
    {
    }

    public PyRuntime(RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Allocator = new Allocator(new AllocatorOptions
        {
            Profile = options.Profile,
            MaxBytes = options.MaxBytes,
            Debug = options.DebugAllocator,
        });
        RecursionLimit = options.RecursionLimit;
        InitGc();
        InitCoreTypes();
    }

    public RuntimeOptions Options { get; }

    /// <summary>The allocator every object of this runtime lives in.</summary>
    public Allocator Allocator { get; }

    /// <summary>Where the collector's debug output and unraisable errors go (sys.stderr).</summary>
    public TextWriter Stderr
    {
        get => _stderr ??= Console.Error;
        set => _stderr = value;
    }

    private TextWriter? _stderr;

    /// <summary>sys.getrecursionlimit().</summary>
    public int RecursionLimit { get; set; }

    /// <summary>The managed half of a type.</summary>
    public TypeInfo InfoOf(PyTypeObject* type) => _types[type->TypeId];

    /// <summary>tp_name of an object's type.</summary>
    public string TypeName(PyObject* o) => _types[o->Type->TypeId].Name;

    /// <summary>The embedder's state (the interpreter running on this runtime), for callbacks that only get the runtime.</summary>
    public object? Host { get; set; }

    /// <summary>
    /// Releases every object the runtime itself holds (singletons, caches, free lists, type
    /// objects) and then the allocator. Objects a host still holds are freed with the heap.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Allocator.Dispose();
        FreeGcHeads();
    }

    /// <summary>
    /// Drops every reference the runtime holds and empties the free lists, leaving only what
    /// user code still owns. After it, <see cref="Allocator"/> reports zero blocks when the
    /// user released everything; the runtime can no longer be used.
    /// </summary>
    public void Shutdown()
    {
        ClearError();

        // Classes are always in cycles (their MRO holds them): as Py_FinalizeEx does, collect
        // before releasing the runtime's own objects.
        CollectNoFail();
        ClearError();
        ClearFreeLists();
        ReleaseSingletonsAndTypes();
    }

    /// <summary>Registers a type object's managed half and returns it.</summary>
    internal TypeInfo Register(PyTypeObject* type, string name)
    {
        var info = new TypeInfo(name, type);
        type->TypeId = _types.Count;
        _types.Add(info);
        return info;
    }

    internal IReadOnlyList<TypeInfo> Types => _types;
}
