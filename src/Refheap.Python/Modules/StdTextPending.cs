using System;
using Refheap.Python.Objects.Methods;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

/// <summary>
/// The object side of CPython 3.11's TextIOWrapper for sys.stdout and sys.stderr
/// (Modules/_io/textio.c: <c>pending_bytes</c>, <c>_textiowrapper_writeflush</c>). The text
/// itself goes to the host's writers at once (Hosting/StandardStreams does the byte-level
/// buffering); this class holds the Python objects CPython's C io holds between writes, so that
/// <c>sys.getrefcount</c>, <c>sys.getallocatedblocks()</c>, <c>gc.get_count()</c> and object
/// lifetimes around print() are CPython's:
/// <list type="bullet">
/// <item>an ASCII str of at most <see cref="ChunkSize"/> characters is kept itself (a new
/// reference); other text is kept as a new bytes object of its encoding (UTF-8 with the
/// stream's error handler, which can raise UnicodeEncodeError);</item>
/// <item>the first kept object is the pending object; the second makes a list of two (PyList_New,
/// so through the list free list); later ones are appended;</item>
/// <item>before a write that would take the pending size past <see cref="ChunkSize"/> bytes, and
/// after a write that reaches it, needs a line flush (line buffering and a '\n' or '\r' in the
/// text) or goes through (unbuffered mode), the pending data is flushed: a bytes object of the
/// pending size is made (the joined data CPython hands to the buffered writer), the pending
/// object is released, then that bytes object.</item>
/// </list>
/// Invariants: <see cref="_pending"/> is null (and <see cref="_count"/> 0), or a str, a bytes
/// object or a list of them; <see cref="_count"/> is the byte size of what is pending and is below
/// <see cref="ChunkSize"/> between writes.
/// </summary>
internal sealed unsafe class StdTextPending
{
    /// <summary>TextIOWrapper's chunk_size (8192).</summary>
    public const int ChunkSize = 8192;

    private readonly string _errors;
    private PyObject* _pending;
    private long _count;

    public StdTextPending(bool lineBuffering, bool writeThrough, string errors)
    {
        LineBuffering = lineBuffering;
        WriteThrough = writeThrough;
        _errors = errors;
    }

    /// <summary>TextIOWrapper.line_buffering: a write with '\n' or '\r' flushes.</summary>
    public bool LineBuffering { get; }

    /// <summary>TextIOWrapper.write_through (python3 -u): every write flushes.</summary>
    public bool WriteThrough { get; }

    /// <summary>The byte size of what is pending.</summary>
    public long PendingBytes => _count;

    /// <summary>
    /// The object side of TextIOWrapper.write(<paramref name="text"/>), whose characters are
    /// <paramref name="chars"/>. False with an exception set (the encoding failed, or no memory);
    /// then nothing was kept.
    /// </summary>
    public bool Write(PyRuntime rt, PyObject* text, string chars)
    {
        bool needFlush = WriteThrough
            || (LineBuffering && chars.AsSpan().IndexOfAny('\n', '\r') >= 0);

        PyObject* b;
        long length;
        if (PyRuntime.StrIsAscii(text) && PyRuntime.StrLength(text) <= ChunkSize)
        {
            b = PyRuntime.NewRef(text);
            length = PyRuntime.StrLength(text);
        }
        else
        {
            b = Codecs.Encode(rt, text, "utf-8", _errors);
            if (b == null)
            {
                return false;
            }

            length = PyRuntime.BytesSize(b);
        }

        // Never more than chunk_size bytes joined at once.
        if (_count + length > ChunkSize)
        {
            Flush(rt);
        }

        if (_pending == null)
        {
            _count = 0;
            _pending = b;
        }
        else if (_pending->Type != rt.ListType)
        {
            PyObject* list = rt.NewList(2);
            if (list == null)
            {
                rt.DecRef(b);
                return false;
            }

            PyRuntime.ListItems(list)[0] = _pending;
            PyRuntime.ListItems(list)[1] = b;
            _pending = list;
        }
        else
        {
            bool appended = rt.ListAppend(_pending, b);
            rt.DecRef(b);
            if (!appended)
            {
                return false;
            }
        }

        _count += length;
        if (_count >= ChunkSize || needFlush)
        {
            Flush(rt);
        }

        return true;
    }

    /// <summary>
    /// _textiowrapper_writeflush: the joined bytes are made (a new object unless the pending
    /// object is bytes already), the pending object is released, then the joined bytes after the
    /// buffered writer has copied them.
    /// </summary>
    public void Flush(PyRuntime rt)
    {
        PyObject* pending = _pending;
        if (pending == null)
        {
            return;
        }

        PyObject* joined = pending->Type == rt.BytesType ? PyRuntime.NewRef(pending) : rt.NewBytesToFill((nint)_count);
        if (joined == null)
        {
            // Out of memory for the joined copy: the text has reached the host already, so
            // only the objects are let go.
            rt.ClearError();
        }
        else if (joined != pending)
        {
            // Its contents are never read (the host writers have the text); zero them so no
            // stale heap bytes sit in an object, however briefly.
            new Span<byte>(PyRuntime.BytesData(joined), (int)_count).Clear();
        }

        _pending = null;
        _count = 0;
        rt.DecRef(pending);
        rt.XDecRef(joined);
    }

    /// <summary>Checks the invariants above; throws InvalidOperationException when one fails.</summary>
    public void AssertValid(PyRuntime rt)
    {
        if (_pending == null)
        {
            if (_count != 0)
            {
                throw new InvalidOperationException($"nothing pending but a size of {_count}");
            }

            return;
        }

        if (_count >= ChunkSize)
        {
            throw new InvalidOperationException($"pending size {_count} reached the chunk size");
        }

        long sum = 0;
        if (_pending->Type == rt.ListType)
        {
            for (nint i = 0; i < PyRuntime.ListSize(_pending); i++)
            {
                sum += SizeOf(rt, PyRuntime.ListItems(_pending)[i]);
            }
        }
        else
        {
            sum = SizeOf(rt, _pending);
        }

        if (sum != _count)
        {
            throw new InvalidOperationException($"pending objects hold {sum} bytes, the count says {_count}");
        }
    }

    private static long SizeOf(PyRuntime rt, PyObject* o)
    {
        if (o->Type == rt.BytesType)
        {
            return PyRuntime.BytesSize(o);
        }

        if (PyRuntime.IsStr(o) && PyRuntime.StrIsAscii(o))
        {
            return PyRuntime.StrLength(o);
        }

        throw new InvalidOperationException($"a pending {rt.TypeName(o)} object");
    }
}
