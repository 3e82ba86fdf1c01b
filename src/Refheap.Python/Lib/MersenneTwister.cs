using System;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Refheap.Python.Lib;

/// <summary>
/// CPython 3.11's <c>random.Random</c>: the MT19937 core of Modules/_randommodule.c plus the Python-level
/// algorithms of Lib/random.py (in <c>MersenneTwister.Distributions.cs</c>), re-implemented so that a seeded
/// generator produces exactly CPython's sequences. Not thread-safe (neither is CPython's without the GIL).
/// </summary>
public sealed partial class MersenneTwister
{
    /// <summary>MT19937 state size in 32-bit words.</summary>
    public const int StateSize = 624;

    /// <summary>The version number <c>random.Random.getstate()</c> puts first (Lib/random.py, 3.11: VERSION = 3).</summary>
    public const int StateVersion = 3;

    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _mt = new uint[StateSize];
    private int _index;

    /// <summary>A generator seeded from the operating system's entropy (CPython: <c>Random()</c> with no seed).</summary>
    public MersenneTwister()
    {
        SeedFromEntropy();
    }

    /// <summary>A generator seeded as <c>random.Random(seed)</c> with an int.</summary>
    public MersenneTwister(BigInteger seed)
    {
        Seed(seed);
    }

    /// <summary>The cached second normal deviate of <see cref="Gauss"/> (random.py's <c>gauss_next</c>); null for None.</summary>
    public double? GaussNext { get; set; }

    /// <summary>
    /// <c>seed(n)</c> for an int: CPython uses abs(n) split into little-endian 32-bit words (one zero word for 0)
    /// and MT's init_by_array (Modules/_randommodule.c, 3.11: random_seed). Clears <see cref="GaussNext"/>.
    /// </summary>
    public void Seed(BigInteger seed)
    {
        BigInteger n = BigInteger.Abs(seed);
        byte[] bytes = n.IsZero ? [] : n.ToByteArray(isUnsigned: true, isBigEndian: false);
        int words = Math.Max(1, (bytes.Length + 3) / 4);
        uint[] key = new uint[words];
        for (int i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        // A ToByteArray result can carry no extra zero words for unsigned input, but a value like 2**32
        // has 5 bytes -> 2 words, which is what CPython's bit-length rule gives as well.
        InitByArray(key);
        GaussNext = null;
    }

    /// <summary><c>seed(s)</c> for a str, version 2: the UTF-8 bytes (see <see cref="Seed(byte[])"/>).</summary>
    public void Seed(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Seed(EncodeUtf8Python(seed));
    }

    /// <summary>
    /// <c>seed(b)</c> for bytes/bytearray, version 2: <c>int.from_bytes(b + sha512(b).digest(), 'big')</c>
    /// (Lib/random.py, 3.11: Random.seed).
    /// </summary>
    public void Seed(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        byte[] digest = SHA512.HashData(seed);
        byte[] all = new byte[seed.Length + digest.Length];
        seed.CopyTo(all, 0);
        digest.CopyTo(all, seed.Length);
        Seed(new BigInteger(all, isUnsigned: true, isBigEndian: true));
    }

    /// <summary>
    /// Seeding with a value that is neither int, str nor bytes (e.g. a float): CPython seeds from
    /// <c>hash(x)</c> reinterpreted as an unsigned 64-bit number (Modules/_randommodule.c: PyLong_FromSize_t).
    /// </summary>
    public void SeedFromHash(long hash)
    {
        Seed(new BigInteger(unchecked((ulong)hash)));
    }

    /// <summary><c>seed(None)</c>: 624 words from the operating system's entropy source.</summary>
    public void SeedFromEntropy()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(StateSize * 4);
        uint[] key = new uint[StateSize];
        Buffer.BlockCopy(bytes, 0, key, 0, bytes.Length);
        InitByArray(key);
        GaussNext = null;
    }

    /// <summary><c>random()</c>: a double in [0, 1) with 53 random bits (genrand_res53).</summary>
    public double Random()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>The next raw tempered 32-bit output of MT19937 (genrand_uint32).</summary>
    public uint NextUInt32()
    {
        uint[] mt = _mt;
        if (_index >= StateSize)
        {
            int kk;
            uint y;
            for (kk = 0; kk < StateSize - M; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }

            for (; kk < StateSize - 1; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + (M - StateSize)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }

            y = (mt[StateSize - 1] & UpperMask) | (mt[0] & LowerMask);
            mt[StateSize - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            _index = 0;
        }

        uint r = mt[_index++];
        r ^= r >> 11;
        r ^= (r << 7) & 0x9d2c5680U;
        r ^= (r << 15) & 0xefc60000U;
        r ^= r >> 18;
        return r;
    }

    /// <summary>
    /// <c>getrandbits(k)</c>: an int of k random bits. For k &gt; 32 CPython fills 32-bit words from the least
    /// significant end, the last word shifted right to keep only the bits needed.
    /// </summary>
    public BigInteger GetRandBits(int k)
    {
        if (k < 0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "number of bits must be non-negative");
        }

        if (k == 0)
        {
            return BigInteger.Zero;
        }

        if (k <= 32)
        {
            return NextUInt32() >> (32 - k);
        }

        int words = ((k - 1) / 32) + 1;
        byte[] bytes = new byte[words * 4];
        for (int i = 0; i < words; i++, k -= 32)
        {
            uint r = NextUInt32();
            if (k < 32)
            {
                r >>= 32 - k;
            }

            bytes[4 * i] = (byte)r;
            bytes[(4 * i) + 1] = (byte)(r >> 8);
            bytes[(4 * i) + 2] = (byte)(r >> 16);
            bytes[(4 * i) + 3] = (byte)(r >> 24);
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary><c>getrandbits(k)</c> for 0 &lt;= k &lt;= 64 without a BigInteger (same draws).</summary>
    public ulong GetRandBits64(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        if (k == 0)
        {
            return 0;
        }

        if (k <= 32)
        {
            return NextUInt32() >> (32 - k);
        }

        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - k);
        return low | (high << 32);
    }

    /// <summary><c>getrandbits(k)</c> for 0 &lt;= k &lt;= 128 without a BigInteger: the same draws as <see cref="GetRandBits"/>, least significant word first.</summary>
    public UInt128 GetRandBits128(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 128);
        if (k <= 64)
        {
            return GetRandBits64(k);
        }

        UInt128 value = 0;
        for (int shift = 0; k > 0; shift += 32, k -= 32)
        {
            uint r = NextUInt32();
            if (k < 32)
            {
                r >>= 32 - k;
            }

            value |= (UInt128)r << shift;
        }

        return value;
    }

    /// <summary><c>randbytes(n)</c>: <c>getrandbits(n * 8).to_bytes(n, 'little')</c> (Lib/random.py, 3.11).</summary>
    public byte[] RandBytes(int n)
    {
        if (n < 0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "negative argument not allowed");
        }

        byte[] result = new byte[n];
        byte[] bits = GetRandBits(n * 8).ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Copy(bits, result, Math.Min(bits.Length, n));
        return result;
    }

    /// <summary>
    /// The C-level state (<c>_random.Random.getstate()</c>): 624 words followed by the position, 625 numbers.
    /// <c>random.Random.getstate()</c> is <c>(StateVersion, tuple(GetState()), GaussNext)</c>.
    /// </summary>
    public uint[] GetState()
    {
        uint[] state = new uint[StateSize + 1];
        _mt.CopyTo(state, 0);
        state[StateSize] = (uint)_index;
        return state;
    }

    /// <summary>
    /// <c>_random.Random.setstate(state)</c>: 625 numbers; each word is taken modulo 2**32 as CPython's
    /// unsigned-long conversion does for version 3 tuples, and the position must lie in [0, 624].
    /// </summary>
    public void SetState(ReadOnlySpan<BigInteger> state)
    {
        if (state.Length != StateSize + 1)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "state vector is the wrong size");
        }

        uint[] words = new uint[StateSize];
        for (int i = 0; i < StateSize; i++)
        {
            if (state[i].Sign < 0 || state[i] > ulong.MaxValue)
            {
                throw new PythonLibException(
                    PythonErrorKind.OverflowError,
                    state[i].Sign < 0 ? "can't convert negative int to unsigned" : "Python int too large to convert to C unsigned long");
            }

            words[i] = (uint)(ulong)(state[i] & uint.MaxValue);
        }

        BigInteger index = state[StateSize];
        if (index < 0 || index > StateSize)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "invalid state");
        }

        words.CopyTo(_mt, 0);
        _index = (int)index;
    }

    /// <summary><see cref="SetState(ReadOnlySpan{BigInteger})"/> for a state taken by <see cref="GetState"/>.</summary>
    public void SetState(ReadOnlySpan<uint> state)
    {
        BigInteger[] big = new BigInteger[state.Length];
        for (int i = 0; i < state.Length; i++)
        {
            big[i] = state[i];
        }

        SetState(big);
    }

    /// <summary>MT's init_genrand: the linear-congruential fill from one 32-bit seed.</summary>
    private void InitGenRand(uint s)
    {
        uint[] mt = _mt;
        mt[0] = s;
        for (int i = 1; i < StateSize; i++)
        {
            mt[i] = unchecked((1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30))) + (uint)i);
        }

        _index = StateSize;
    }

    /// <summary>MT's init_by_array (Matsumoto and Nishimura's 2002 reference algorithm).</summary>
    private void InitByArray(uint[] key)
    {
        uint[] mt = _mt;
        InitGenRand(19650218U);
        int i = 1;
        int j = 0;
        for (int k = Math.Max(StateSize, key.Length); k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= StateSize)
            {
                mt[0] = mt[StateSize - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = StateSize - 1; k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint)i);
            i++;
            if (i >= StateSize)
            {
                mt[0] = mt[StateSize - 1];
                i = 1;
            }
        }

        mt[0] = 0x80000000U;
    }

    /// <summary>str.encode() (UTF-8, strict) of a UTF-16 string; a lone surrogate is an error in CPython too.</summary>
    private static byte[] EncodeUtf8Python(string s)
    {
        try
        {
            return new UTF8Encoding(false, true).GetBytes(s);
        }
        catch (EncoderFallbackException e)
        {
            throw new PythonLibException(
                PythonErrorKind.ValueError,
                "'utf-8' codec can't encode character: surrogates not allowed",
                e);
        }
    }
}
