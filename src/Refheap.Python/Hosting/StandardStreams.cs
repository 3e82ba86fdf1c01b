using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Refheap.Python.Hosting;

/// <summary>
/// The process's standard streams as CPython 3.11 buffers them (Python/pylifecycle.c
/// create_stdio): stdout is line-buffered on a terminal and block-buffered otherwise, so a
/// script piped into a file or another program costs one write per 8 KiB, not one per print;
/// stderr is line-buffered everywhere (3.9+). Unbuffered (python3 -u, PYTHONUNBUFFERED set
/// to a non-empty string), every write goes straight to the OS on both. Text is UTF-8 (the
/// C.UTF-8 / UTF-8 locale's encoding). Buffered text reaches the OS when the interpreter
/// flushes at exit, on sys.stdout.flush(), or before input() reads; so with stdout and stderr
/// on one pipe, a traceback comes out before the program's earlier buffered prints, as on
/// CPython.
/// </summary>
/// <remarks>
/// The streams wrap file descriptors 1 and 2 directly: System.Console's writers flush after
/// every write, and creating them costs several milliseconds of start-up.
/// </remarks>
public static class StandardStreams
{
    private const int BufferSize = 8192;

    /// <summary>A writer for fd 1: line-buffered if it is a terminal, else block-buffered; or unbuffered.</summary>
    public static TextWriter OpenStdout(bool unbuffered) =>
        Open(1, unbuffered ? FlushAfter.EveryWrite : Console.IsOutputRedirected ? FlushAfter.FullBuffer : FlushAfter.LineEnd);

    /// <summary>A writer for fd 2: line-buffered, or unbuffered.</summary>
    public static TextWriter OpenStderr(bool unbuffered) =>
        Open(2, unbuffered ? FlushAfter.EveryWrite : FlushAfter.LineEnd);

    private enum FlushAfter
    {
        FullBuffer,
        LineEnd,
        EveryWrite,
    }

    private static TextWriter Open(int fd, FlushAfter mode)
    {
        var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        var writer = new StreamWriter(stream, new UTF8Encoding(false), BufferSize, leaveOpen: true);
        return mode == FlushAfter.FullBuffer ? writer : new FlushingWriter(writer, mode == FlushAfter.EveryWrite);
    }

    /// <summary>Flushes its inner writer after every write, or after writes that contain a line end.</summary>
    private sealed class FlushingWriter(StreamWriter inner, bool always) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            inner.Write(value);
            if (always || value is '\n' or '\r')
            {
                inner.Flush();
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            inner.Write(buffer);
            if (always || buffer.IndexOfAny('\n', '\r') >= 0)
            {
                inner.Flush();
            }
        }

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
