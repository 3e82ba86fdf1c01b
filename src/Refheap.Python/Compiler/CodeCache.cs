using System;
using System.IO;
using System.Text;

namespace Refheap.Python.Compiler;

/// <summary>
/// A cache of compiled code for the library embedded in this assembly (CPython's .pyc files in
/// spirit): every run imports `_bootstrap` and parsing plus compiling it was about half of an
/// empty script's start-up. Entries live in a `refheap-codecache` directory next to the
/// assembly, one file per module, and hold the serialized <see cref="CompiledCode"/>
/// (<see cref="CodeSerializer"/>) after a header that ties it to this exact build of the
/// assembly (its module version id), to the source (length and hash) and to the filename.
/// A stale, corrupt or unreadable entry is a miss; an unwritable directory means no cache. Files
/// are written under a temporary name and renamed into place, so concurrent runs only ever see
/// whole entries. Only managed data is involved: the code objects made from a hit are the ones
/// a fresh compile makes, so nothing observable from Python changes.
/// </summary>
internal static class CodeCache
{
    private const string DirectoryName = "refheap-codecache";
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "RHCC"u8.ToArray();

    private static string? s_directory;
    private static bool s_directoryKnown;

    /// <summary>The compiled code of <paramref name="source"/> (named <paramref name="filename"/>) from the cache, or null.</summary>
    public static CompiledCode? TryLoad(string filename, byte[] source)
    {
        string? path = PathOf(filename);
        if (path == null)
        {
            return null;
        }

        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            byte[] data = File.ReadAllBytes(path);
            using var ms = new MemoryStream(data, writable: false);
            using var r = new BinaryReader(ms, Encoding.UTF8);
            byte[] header = Header(filename, source);
            if (data.Length < header.Length + 12 || !data.AsSpan(0, header.Length).SequenceEqual(header))
            {
                return null;
            }

            ms.Position = header.Length;
            int length = r.ReadInt32();
            ulong checksum = r.ReadUInt64();
            int start = (int)ms.Position;
            if (length != data.Length - start || Fnv1a(data.AsSpan(start)) != checksum)
            {
                return null;
            }

            CompiledCode code = CodeSerializer.Read(r);
            return ms.Position == data.Length ? code : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores the compiled code of <paramref name="source"/>; any failure leaves the cache as it was.</summary>
    public static void TryStore(string filename, byte[] source, CompiledCode code)
    {
        string? path = PathOf(filename);
        if (path == null)
        {
            return;
        }

        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            if (!CodeSerializer.TryWrite(w, code))
            {
                return;
            }
        }

        byte[] body = payload.ToArray();
        using var file = new MemoryStream();
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Header(filename, source));
            w.Write(body.Length);
            w.Write(Fnv1a(body));
            w.Write(body);
        }

        string temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, file.ToArray());
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // Nothing to do: a leftover temporary file is never read.
        }
    }

    /// <summary>Magic, format version, the assembly's module version id, the filename and the source's length and hash.</summary>
    private static byte[] Header(string filename, byte[] source)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(typeof(CodeCache).Module.ModuleVersionId.ToByteArray());
            byte[] name = Encoding.UTF8.GetBytes(filename);
            w.Write(name.Length);
            w.Write(name);
            w.Write(source.Length);
            w.Write(Fnv1a(source));
        }

        return ms.ToArray();
    }

    private static string? PathOf(string filename)
    {
        string? dir = CacheDirectory();
        if (dir == null)
        {
            return null;
        }

        var leaf = new StringBuilder(filename.Length + 4);
        foreach (char c in filename)
        {
            leaf.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        leaf.Append(".rhc");
        return Path.Combine(dir, leaf.ToString());
    }

    private static string? CacheDirectory()
    {
        if (!s_directoryKnown)
        {
            // Empty when the assembly was loaded from memory or bundled into a single file: no cache then.
            string location = typeof(CodeCache).Assembly.Location;
            string? assemblyDir = location.Length == 0 ? null : Path.GetDirectoryName(location);
            s_directory = string.IsNullOrEmpty(assemblyDir) ? null : Path.Combine(assemblyDir, DirectoryName);
            s_directoryKnown = true;
        }

        return s_directory;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in data)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h;
    }
}
