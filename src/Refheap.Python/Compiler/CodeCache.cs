using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Compiler;

/// <summary>
/// A cache of compiled code for the library embedded in this assembly (CPython's .pyc files in
/// spirit): every run imports `_bootstrap` and parsing plus compiling it was about half of an
/// empty script's start-up. Entries live in a `refheap-codecache` directory beside the application
/// (refheap.dll, or the native executable), one file per module, and hold the serialized <see cref="CompiledCode"/>
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
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "RHCC"u8.ToArray();

    private static readonly Guid ModuleVersionId = typeof(CodeCache).Module.ModuleVersionId;

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
            byte[] header = Header(filename, source);

            // The header, then the payload's length and checksum (8 bytes each), then the payload.
            int start = header.Length + 16;
            if (data.Length < start || !data.AsSpan(0, header.Length).SequenceEqual(header))
            {
                return null;
            }

            long length = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(header.Length));
            ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(header.Length + 8));
            if (length != data.Length - start || Checksum(data.AsSpan(start)) != checksum)
            {
                return null;
            }

            var r = new CodeReader(data, start, data.Length);
            CompiledCode code = CodeSerializer.Read(r);
            return r.Position == data.Length ? code : null;
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

        var payload = new CodeWriter();
        if (!CodeSerializer.TryWrite(payload, code))
        {
            return;
        }

        byte[] body = payload.ToArray();
        byte[] header = Header(filename, source);
        byte[] file = new byte[header.Length + 16 + body.Length];
        header.CopyTo(file, 0);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(header.Length), body.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(header.Length + 8), Checksum(body));
        body.CopyTo(file, header.Length + 16);

        string temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, file);
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

    /// <summary>Magic, format version, the assembly's module version id, the filename and the source's length and checksum.</summary>
    private static byte[] Header(string filename, byte[] source)
    {
        byte[] name = Encoding.UTF8.GetBytes(filename);
        byte[] header = new byte[Magic.Length + 4 + 16 + 4 + name.Length + 4 + 8];
        Span<byte> h = header;
        new ReadOnlySpan<byte>(Magic).CopyTo(h);
        h = h[Magic.Length..];
        BinaryPrimitives.WriteInt32LittleEndian(h, FormatVersion);
        h = h[4..];
        ModuleVersionId.TryWriteBytes(h);
        h = h[16..];
        BinaryPrimitives.WriteInt32LittleEndian(h, name.Length);
        h = h[4..];
        new ReadOnlySpan<byte>(name).CopyTo(h);
        h = h[name.Length..];
        BinaryPrimitives.WriteInt32LittleEndian(h, source.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(h[4..], Checksum(source));
        return header;
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
            // The application's directory: beside refheap.dll, or beside the native executable
            // (eng/build-native), whose assemblies have no location of their own.
            string baseDir = AppContext.BaseDirectory;
            s_directory = string.IsNullOrEmpty(baseDir) ? null : Path.Combine(baseDir, DirectoryName);
            s_directoryKnown = true;
        }

        return s_directory;
    }

    /// <summary>A 64-bit checksum, eight bytes at a time (multiply and rotate; not cryptographic: it catches damage, not forgery).</summary>
    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)data.Length;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(data[i..])) * 0xFF51AFD7ED558CCDUL, 29);
        }

        for (; i < data.Length; i++)
        {
            h = BitOperations.RotateLeft((h ^ data[i]) * 0xC4CEB9FE1A85EC53UL, 13);
        }

        return h ^ (h >> 32);
    }
}
