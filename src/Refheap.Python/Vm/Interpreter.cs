using System;
using System.IO;
using Refheap.Python.Modules;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

/// <summary>
/// One Python interpreter on one runtime: the builtins, sys.modules, the frame stack, the
/// handled-exception stack and the I/O of a run. Every entry point runs on the thread that
/// created it (the runtime's heap is single-threaded).
/// </summary>
internal sealed unsafe partial class Interpreter : IDisposable
{
    private readonly DataStack _dataStack;

    /// <summary>The thread's base exc_info item: [exc_value, previous] (3.11's _PyErr_StackItem).</summary>
    private readonly PyObject** _baseExcItem;

    public Interpreter(PyRuntime rt, TextWriter stdout, TextWriter stderr, string[] argv, string workingDirectory)
    {
        Rt = rt;
        Stdout = stdout;
        Stderr = stderr;
        Argv = argv;
        WorkingDirectory = workingDirectory;
        _dataStack = new DataStack(rt);
        _baseExcItem = (PyObject**)rt.Allocator.Allocate(16);
        _baseExcItem[0] = null;
        _baseExcItem[1] = null;
        ExcInfo = _baseExcItem;
        (bool outLine, bool outThrough) = Hosting.StandardStreams.BufferingOf(stdout);
        StdoutPending = new StdTextPending(outLine, outThrough, "strict");
        StderrPending = new StdTextPending(lineBuffering: true, Hosting.StandardStreams.BufferingOf(stderr).WriteThrough, "backslashreplace");
        rt.Stderr = stderr;
        rt.VectorCallHook = Call;
        InternFrozenOneCharNames();
        InternPrintNames();
        InitTypes();
        InitBuiltins();
        InitModules();
        InitExceptionGroupType();
    }

    public PyRuntime Rt { get; }

    public TextWriter Stdout { get; set; }

    public TextWriter Stderr { get; set; }

    /// <summary>The objects sys.stdout's C TextIOWrapper would hold between writes (see StdTextPending).</summary>
    public StdTextPending StdoutPending { get; }

    /// <summary>The same for sys.stderr (line-buffered, backslashreplace).</summary>
    public StdTextPending StderrPending { get; }

    /// <summary>What sys.stdin reads; null means the process's stdin (System.Console's reader, created on first read).</summary>
    public TextReader? Stdin { get; set; } = TextReader.Null;

    public string[] Argv { get; }

    public string WorkingDirectory { get; }

    /// <summary>The builtins module's dict.</summary>
    public PyObject* Builtins { get; private set; }

    public PyObject* BuiltinsModule { get; private set; }

    /// <summary>sys.modules.</summary>
    public PyObject* Modules { get; private set; }

    public PyObject* SysModule { get; private set; }

    /// <summary>The frame executing now (the top of the frame stack), or null.</summary>
    public InterpreterFrame* CurrentFrame
    {
        get => _currentFrame;
        set => _currentFrame = value;
    }

    private InterpreterFrame* _currentFrame;

    /// <summary>The innermost handled-exception item: [exc_value, previous item].</summary>
    public PyObject** ExcInfo { get; set; }

    /// <summary>The `...` singleton.</summary>
    public PyObject* Ellipsis { get; private set; }

    /// <summary>Set once the interpreter began finalizing (atexit ran, modules are being cleared).</summary>
    public bool Finalizing { get; private set; }

    /// <summary>sys.exc_info()'s exception: the innermost handled exception that is not None.</summary>
    public PyObject* HandledException()
    {
        for (PyObject** item = ExcInfo; item != null; item = (PyObject**)item[1])
        {
            if (item[0] != null && item[0] != Rt.None)
            {
                return item[0];
            }
        }

        return null;
    }

    internal InterpreterFrame* PushFrame(int frameSize) => _dataStack.Push(InterpreterFrame.SpecialsSize + (8 * frameSize));

    internal void PopFrame(InterpreterFrame* f) => _dataStack.Pop(f);

    /// <summary>hashlib's hash states (Modules/HashlibModule).</summary>
    internal HashlibModule Hashes { get; } = new();

    public void Dispose()
    {
        Hashes.Dispose();
        ReleaseStdioObjects();
        _dataStack.Dispose();
        Rt.Allocator.Free(_baseExcItem);
    }
}

/// <summary>
/// The interpreter's data stack (3.11's per-thread datastack chunks): interpreter frames are
/// pushed and popped in LIFO order from chunks of native memory.
/// Invariants: chunks [0, _chunk] are in use, in push order; _base.._limit is chunk _chunk and
/// _top lies in it; a popped frame's address is the data stack's new top, in the chunk that
/// holds it (found by address when it is not the current one).
/// </summary>
internal sealed unsafe class DataStack : IDisposable
{
    private const int ChunkSize = 256 * 1024;
    private readonly PyRuntime _rt;

    // Plain arrays, not List: the framework's collections over value types would be
    // JIT-compiled at every start-up (they are in no ReadyToRun image).
    private nint[] _chunks = new nint[4];
    private int[] _sizes = new int[4];
    private int _chunkCount;
    private int _chunk = -1;
    private byte* _base;
    private byte* _top;
    private byte* _limit;

    public DataStack(PyRuntime rt)
    {
        _rt = rt;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public InterpreterFrame* Push(int bytes)
    {
        bytes = (bytes + 15) & ~15;
        if (_top + bytes > _limit || _top == null)
        {
            NextChunk(bytes);
        }

        byte* p = _top;
        _top += bytes;
        return (InterpreterFrame*)p;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void NextChunk(int bytes)
    {
        int size = Math.Max(ChunkSize, bytes);
        _chunk++;
        if (_chunk == _chunkCount)
        {
            void* mem = _rt.Allocator.TryAllocate(size);
            if (mem == null)
            {
                _chunk--;
                throw new InsufficientExecutionStackException("the interpreter's data stack cannot grow");
            }

            if (_chunkCount == _chunks.Length)
            {
                _chunks = Grown(_chunks);
                _sizes = Grown(_sizes);
            }

            _chunks[_chunkCount] = (nint)mem;
            _sizes[_chunkCount] = size;
            _chunkCount++;
        }
        else if (_sizes[_chunk] < bytes)
        {
            _rt.Allocator.Free((void*)_chunks[_chunk]);
            void* mem = _rt.Allocator.TryAllocate(size);
            if (mem == null)
            {
                // Drop the freed chunk: the later ones move down one place.
                Array.Copy(_chunks, _chunk + 1, _chunks, _chunk, _chunkCount - _chunk - 1);
                Array.Copy(_sizes, _chunk + 1, _sizes, _chunk, _chunkCount - _chunk - 1);
                _chunkCount--;
                _chunk--;
                throw new InsufficientExecutionStackException("the interpreter's data stack cannot grow");
            }

            _chunks[_chunk] = (nint)mem;
            _sizes[_chunk] = size;
        }

        size = _sizes[_chunk];

        _base = (byte*)_chunks[_chunk];
        _top = _base;
        _limit = _top + size;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Pop(InterpreterFrame* f)
    {
        if ((byte*)f < _base || (byte*)f >= _limit)
        {
            PopToChunkOf((byte*)f);
        }

        _top = (byte*)f;
    }

    /// <summary>The frame being popped lies in an earlier chunk: that chunk becomes current.</summary>
    private void PopToChunkOf(byte* f)
    {
        for (int c = _chunk - 1; c >= 0; c--)
        {
            byte* b = (byte*)_chunks[c];
            if (f >= b && f < b + _sizes[c])
            {
                _chunk = c;
                _base = b;
                _limit = b + _sizes[c];
                return;
            }
        }

        throw new InvalidOperationException("a frame popped off the data stack is not in it");
    }

    // Array.Resize<T> over a value type would be JIT-compiled; Array.Copy is not generic.
    private static nint[] Grown(nint[] a)
    {
        var b = new nint[a.Length * 2];
        Array.Copy(a, b, a.Length);
        return b;
    }

    private static int[] Grown(int[] a)
    {
        var b = new int[a.Length * 2];
        Array.Copy(a, b, a.Length);
        return b;
    }

    public void Dispose()
    {
        for (int c = 0; c < _chunkCount; c++)
        {
            _rt.Allocator.Free((void*)_chunks[c]);
        }

        _chunkCount = 0;
    }
}
