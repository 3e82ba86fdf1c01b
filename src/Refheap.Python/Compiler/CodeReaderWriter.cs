using System;
using System.IO;
using System.Text;

namespace Refheap.Python.Compiler;

/// <summary>
/// The serialized form's primitives: ints as zigzag varints, longs as 8 little-endian bytes,
/// strings as UTF-8 when they are valid Unicode and as UTF-16 code units otherwise (lone
/// surrogates), byte strings with their length.
/// </summary>
internal sealed class CodeWriter
{
    private byte[] _buffer = new byte[4096];
    private int _length;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteByte(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    public void WriteBool(bool b) => WriteByte(b ? (byte)1 : (byte)0);

    public void WriteInt(int v)
    {
        uint z = (uint)((v << 1) ^ (v >> 31));
        Ensure(5);
        while (z >= 0x80)
        {
            _buffer[_length++] = (byte)(z | 0x80);
            z >>= 7;
        }

        _buffer[_length++] = (byte)z;
    }

    public void WriteLong(long v)
    {
        Ensure(8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), v);
        _length += 8;
    }

    public void WriteBytes(byte[] bytes)
    {
        WriteInt(bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer, _length);
        _length += bytes.Length;
    }

    /// <summary>The length times two plus a flag (0: UTF-8 bytes follow, 1: UTF-16 code units follow), then the text.</summary>
    public void WriteString(string s)
    {
        if (!HasSurrogates(s))
        {
            int n = Encoding.UTF8.GetByteCount(s);
            WriteInt(n * 2);
            Ensure(n);
            _length += Encoding.UTF8.GetBytes(s, 0, s.Length, _buffer, _length);
            return;
        }

        WriteInt((s.Length * 2) + 1);
        Ensure(s.Length * 2);
        foreach (char c in s)
        {
            _buffer[_length++] = (byte)c;
            _buffer[_length++] = (byte)(c >> 8);
        }
    }

    // Surrogate pairs would round-trip through UTF-8, but a lone one would not: any surrogate takes the UTF-16 form.
    private static bool HasSurrogates(string s)
    {
        foreach (char c in s)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}

/// <summary>Reads what <see cref="CodeWriter"/> wrote; malformed input throws <see cref="InvalidDataException"/>.</summary>
internal sealed class CodeReader
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _pos;

    public CodeReader(byte[] data, int start, int end)
    {
        _data = data;
        _pos = start;
        _end = end;
    }

    public int Position => _pos;

    public byte ReadByte()
    {
        if (_pos >= _end)
        {
            throw new InvalidDataException("truncated code");
        }

        return _data[_pos++];
    }

    public bool ReadBool() => ReadByte() != 0;

    public int ReadInt()
    {
        uint z = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            z |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)(z >> 1) ^ -(int)(z & 1);
            }
        }

        throw new InvalidDataException("bad varint");
    }

    /// <summary>A count, which cannot exceed the bytes left.</summary>
    public int ReadCount()
    {
        int n = ReadInt();
        if (n < 0 || n > _end - _pos)
        {
            throw new InvalidDataException("bad count " + n);
        }

        return n;
    }

    public long ReadLong()
    {
        if (_end - _pos < 8)
        {
            throw new InvalidDataException("truncated code");
        }

        long v = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(_pos, 8));
        _pos += 8;
        return v;
    }

    public byte[] ReadBytes()
    {
        int n = ReadCount();
        byte[] result = _data.AsSpan(_pos, n).ToArray();
        _pos += n;
        return result;
    }

    public string ReadString()
    {
        int header = ReadInt();
        if (header < 0)
        {
            throw new InvalidDataException("bad string");
        }

        int n = header >> 1;
        if ((header & 1) == 0)
        {
            if (n > _end - _pos)
            {
                throw new InvalidDataException("bad string length");
            }

            string s = n == 0 ? "" : Encoding.UTF8.GetString(_data, _pos, n);
            _pos += n;
            return s;
        }

        if (n > (_end - _pos) / 2)
        {
            throw new InvalidDataException("bad string length");
        }

        char[] chars = new char[n];
        for (int i = 0; i < n; i++)
        {
            chars[i] = (char)(_data[_pos] | (_data[_pos + 1] << 8));
            _pos += 2;
        }

        return new string(chars);
    }
}
