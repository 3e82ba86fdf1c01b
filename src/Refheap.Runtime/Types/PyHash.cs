using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Refheap.Runtime.Types;

/// <summary>
/// _Py_HashBytes (Python/pyhash.c, 3.11): SipHash-1-3, 3.11's default string hash, over the
/// raw bytes. CPython keys it with a per-process random secret unless PYTHONHASHSEED=0, which
/// zeroes the key; Refheap always uses the zero key, so its values are those of CPython run
/// with PYTHONHASHSEED=0 (a deviation from a randomised CPython, where no value is stable).
/// </summary>
public static class PyHash
{
    /// <summary>_Py_HashBytes: 0 for no bytes, SipHash-1-3 otherwise, -1 mapped to -2.</summary>
    public static long HashBytes(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return 0;
        }

        long x = (long)SipHash13(0, 0, data);
        return x == -1 ? -2 : x;
    }

    /// <summary>
    /// SipHash with one compression round per 8-byte word and three finalisation rounds, and
    /// the final value folded as v0 ^ v1 ^ v2 ^ v3 (pyhash.c: siphash13).
    /// </summary>
    public static ulong SipHash13(ulong k0, ulong k1, ReadOnlySpan<byte> data)
    {
        ulong v0 = k0 ^ 0x736f6d6570736575UL;
        ulong v1 = k1 ^ 0x646f72616e646f6dUL;
        ulong v2 = k0 ^ 0x6c7967656e657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;

        int whole = data.Length & ~7;
        for (int i = 0; i < whole; i += 8)
        {
            ulong m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        // The last word: the remaining bytes, little-endian, with the length in the top byte.
        ulong b = (ulong)data.Length << 56;
        for (int i = data.Length - 1; i >= whole; i--)
        {
            b |= (ulong)data[i] << (8 * (i - whole));
        }

        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v2 += v3;
        v1 = BitOperations.RotateLeft(v1, 13) ^ v0;
        v3 = BitOperations.RotateLeft(v3, 16) ^ v2;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v1;
        v0 += v3;
        v1 = BitOperations.RotateLeft(v1, 17) ^ v2;
        v3 = BitOperations.RotateLeft(v3, 21) ^ v0;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
