using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Refheap.Memory.Platform;

/// <summary>
/// write(2) and isatty(3) on an inherited file descriptor (Unix), for the interpreter's standard
/// streams. A FileStream over fd 1 would write with pwrite at an offset of its own, so stdout
/// and stderr redirected to one file (`&gt; log 2&gt;&amp;1`) would overwrite each other; and
/// System.Console's streams drop EPIPE silently, where Python raises BrokenPipeError.
/// Kept here with the other native calls so that only Platform/ binds to native libraries.
/// </summary>
public static unsafe partial class NativeFiles
{
    private const int EIntr = 4;

    /// <summary>Whether this OS has the calls (every Unix); elsewhere the caller uses System.Console.</summary>
    public static bool Available => !OperatingSystem.IsWindows();

    /// <summary>isatty(fd).</summary>
    public static bool IsTerminal(int fd) => IsATty(fd) == 1;

    /// <summary>
    /// Writes all of <paramref name="data"/> to <paramref name="fd"/> at the descriptor's shared
    /// offset, retrying partial writes and EINTR. Throws <see cref="IOException"/> whose
    /// HResult is the errno (32 for a closed pipe) and whose message is strerror's text.
    /// </summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = Write(fd, p + done, (nuint)(data.Length - done));
                if (n < 0)
                {
                    // Read at once, as LibraryImport's SetLastError code would (its errno
                    // save/restore goes through runtime P/Invokes JIT-compiled in every process).
                    int errno = *LinuxMemory.ErrnoLocation();
                    if (errno == EIntr)
                    {
                        continue;
                    }

                    throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
                }

                done += (int)n;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);
}
