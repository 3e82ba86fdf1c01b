using System;
using System.IO;
using System.Text;
using Refheap.Memory.Platform;

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
/// The streams write to file descriptors 1 and 2 with write(2) (<see cref="NativeFiles"/>):
/// System.Console's writers flush after every write, cost several milliseconds to create, and
/// ignore a closed pipe.
/// </remarks>
public static class StandardStreams
{
    private const int BufferSize = 8192;

    /// <summary>A writer for fd 1: line-buffered if it is a terminal, else block-buffered; or unbuffered.</summary>
    public static TextWriter OpenStdout(bool unbuffered) =>
        Open(1, unbuffered ? FlushAfter.EveryWrite : IsTerminal(1) ? FlushAfter.LineEnd : FlushAfter.FullBuffer);

    /// <summary>A writer for fd 2: line-buffered, or unbuffered.</summary>
    public static TextWriter OpenStderr(bool unbuffered) =>
        Open(2, unbuffered ? FlushAfter.EveryWrite : FlushAfter.LineEnd);

    private enum FlushAfter
    {
        FullBuffer,
        LineEnd,
        EveryWrite,
    }

    private static bool IsTerminal(int fd) =>
        NativeFiles.Available ? NativeFiles.IsTerminal(fd) : fd == 1 ? !Console.IsOutputRedirected : !Console.IsErrorRedirected;

    private static StdWriter Open(int fd, FlushAfter mode) => new(fd, mode);

    /// <summary>
    /// How <paramref name="writer"/> flushes, as TextIOWrapper's line_buffering and write_through
    /// (Modules/StdTextPending models the objects CPython's io keeps between writes). A writer
    /// not made here (a host's StringWriter) counts as block-buffered, as a pipe is.
    /// </summary>
    internal static (bool LineBuffered, bool WriteThrough) BufferingOf(TextWriter writer) =>
        writer is StdWriter w ? (w.Mode == FlushAfter.LineEnd, w.Mode == FlushAfter.EveryWrite) : (false, false);

    /// <summary>
    /// Text buffered as chars and written as UTF-8 when the mode says so. A write or flush that
    /// fails (EPIPE on a closed pipe, ENOSPC) throws <see cref="IOException"/> and keeps the text,
    /// as CPython's buffered writer keeps its buffer: the flush at exit then fails too and is
    /// reported ("Exception ignored in: ... BrokenPipeError", exit status 120).
    /// </summary>
    private sealed class StdWriter(int fd, FlushAfter mode) : TextWriter
    {
        public FlushAfter Mode => mode;

        private Stream? _consoleStream;
        private static readonly UTF8Encoding Utf8 = new(false);
        private char[] _chars = new char[BufferSize];
        private int _length;

        public override Encoding Encoding => Utf8;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (_length + buffer.Length > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + buffer.Length));
            }

            buffer.CopyTo(_chars.AsSpan(_length));
            _length += buffer.Length;
            bool flush = mode switch
            {
                FlushAfter.EveryWrite => true,
                FlushAfter.LineEnd => buffer.IndexOfAny('\n', '\r') >= 0,
                _ => _length >= BufferSize,
            };
            if (flush)
            {
                // A write that fails here loses its text (as CPython's text layer drops its
                // pending bytes when the buffered write under it fails).
                FlushCore(keepOnFailure: false);
            }
        }

        public override void Flush() => FlushCore(keepOnFailure: true);

        private void FlushCore(bool keepOnFailure)
        {
            if (_length == 0)
            {
                return;
            }

            ReadOnlySpan<char> text = _chars.AsSpan(0, _length);
            byte[] bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
            try
            {
                int n = Utf8.GetBytes(text, bytes);
                if (!keepOnFailure)
                {
                    _length = 0;
                }

                if (NativeFiles.Available)
                {
                    NativeFiles.WriteAll(fd, bytes.AsSpan(0, n));
                }
                else
                {
                    _consoleStream ??= fd == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
                    _consoleStream.Write(bytes, 0, n);
                }

                _length = 0;
                if (_chars.Length > 4 * BufferSize)
                {
                    _chars = new char[BufferSize];
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _consoleStream?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
