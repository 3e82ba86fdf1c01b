using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// int (Objects/longobject.c, 3.11): 30-bit digits in uint32, ob_size the signed digit count,
// at least one digit allocated (_PyLong_New), so 0 is 28 bytes. The ints -5..256 are
// singletons made once at startup with refcount 999999999, and every operation whose result
// lands in that range returns the singleton (maybe_small_long, get_small_int). Values go
// through System.Numerics.BigInteger for the multi-digit algorithms; what is stored is
// exactly CPython's digit layout, so sizes, hashes and identities agree.
public sealed unsafe partial class PyRuntime
{
    /// <summary>-_PY_NSMALLNEGINTS: the smallest cached int.</summary>
    public const int SmallIntMin = -5;

    /// <summary>_PY_NSMALLPOSINTS - 1: the largest cached int.</summary>
    public const int SmallIntMax = 256;

    /// <summary>_PY_LONG_DEFAULT_MAX_STR_DIGITS.</summary>
    public const int DefaultIntMaxStrDigits = 4300;

    /// <summary>_PY_LONG_MAX_STR_DIGITS_THRESHOLD: the smallest non-zero limit sys.set_int_max_str_digits accepts.</summary>
    public const int IntMaxStrDigitsThreshold = 640;

    /// <summary>MAX_LONG_DIGITS: _PyLong_New refuses more digits with OverflowError.</summary>
    private const long MaxLongDigits = (long.MaxValue - PyLongObject.HeaderSize) / sizeof(uint);

    /// <summary>
    /// Deviation: one int holds at most int.MaxValue bits (about 268 MB; BigInteger shift
    /// counts and spans are 32-bit). Past it, MemoryError; CPython would try malloc.
    /// </summary>
    private const long MaxIntDigits = int.MaxValue / PyLongObject.Shift;

    private const long HashModulus = (1L << 61) - 1;
    private const int HashBits = 61;

    private readonly nint[] _smallInts = new nint[SmallIntMax - SmallIntMin + 1];
    private int _intMaxStrDigits = DefaultIntMaxStrDigits;

    /// <summary>sys.get_int_max_str_digits / sys.set_int_max_str_digits: 0 (no limit) or at least 640.</summary>
    public int IntMaxStrDigits
    {
        get => _intMaxStrDigits;
        set
        {
            if (value != 0 && value < IntMaxStrDigitsThreshold)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "maxdigits must be 0 or larger than 640");
            }

            _intMaxStrDigits = value;
        }
    }

    /// <summary>PyLong_Check: int or a subclass (bool included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInt(PyObject* o) => (o->Type->Flags & TypeFlags.LongSubclass) != 0;

    /// <summary>ob_digit: the digits, least significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint* IntDigits(PyObject* o) => &((PyLongObject*)o)->Digit0;

    /// <summary>ob_size of an int: the signed digit count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint IntDigitCount(PyObject* o) => ((PyVarObject*)o)->Size;

    /// <summary>IS_MEDIUM_VALUE: at most one digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMediumInt(PyObject* o) => (nuint)(((PyVarObject*)o)->Size + 1) < 3;

    /// <summary>medium_value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MediumValue(PyObject* o) => ((PyVarObject*)o)->Size * (long)((PyLongObject*)o)->Digit0;

    private void InitIntSlots()
    {
        IntType->Dealloc = &IntDealloc;
        IntType->Hash = &IntHash;
        IntType->RichCompare = &IntRichCompareSlot;
        IntType->Repr = &IntReprSlot;

        // bool was made before these slots existed; it inherits them (bool_repr aside).
        BoolType->Hash = &IntHash;
        BoolType->RichCompare = &IntRichCompareSlot;
        BoolType->Repr = &BoolReprSlot;
    }

    private void InitSmallInts()
    {
        for (int v = SmallIntMin; v <= SmallIntMax; v++)
        {
            PyObject* o = NewObject(IntType, PyLongObject.HeaderSize + sizeof(uint));
            if (o == null)
            {
                throw new InvalidOperationException("Cannot create the small ints: the heap cap is too small.");
            }

            o->RefCount = ImmortalInitRefCount;
            ((PyVarObject*)o)->Size = Math.Sign(v);
            IntDigits(o)[0] = (uint)Math.Abs(v);
            _smallInts[v - SmallIntMin] = (nint)o;
        }
    }

    private void ReleaseSmallInts()
    {
        for (int i = 0; i < _smallInts.Length; i++)
        {
            if (_smallInts[i] != 0)
            {
                Allocator.Free((void*)_smallInts[i]);
                _smallInts[i] = 0;
            }
        }
    }

    /// <summary>get_small_int: a new reference to a cached int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* SmallInt(long v) => NewRef((PyObject*)_smallInts[v - SmallIntMin]);

    /// <summary>True when <paramref name="o"/> is one of the cached ints -5..256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsSmallIntSingleton(PyObject* o)
    {
        if (o->Type != IntType || !IsMediumInt(o))
        {
            return false;
        }

        long v = MediumValue(o);
        return v >= SmallIntMin && v <= SmallIntMax && _smallInts[v - SmallIntMin] == (nint)o;
    }

    /// <summary>
    /// object_dealloc for ints. The cached ints never reach zero in a correct program (they
    /// start at 999999999); if one does, this is the fatal error CPython's debug build gives.
    /// </summary>
    private static void IntDealloc(PyRuntime rt, PyObject* o)
    {
        if (rt.IsSmallIntSingleton(o))
        {
            ThrowSmallIntDealloc();
        }

        // An exact int has no pre-header (int is a static, non-GC type): the block starts at
        // the object. Static subtypes that inherit this slot (bool) take the general path.
        if (o->Type == rt.IntType)
        {
            rt.Allocator.Free(o);
        }
        else
        {
            rt.FreeObject(o);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSmallIntDealloc() =>
        throw new InvalidOperationException("Fatal Python error: deallocating a small int singleton");

    /// <summary>_PyLong_New: ob_size = ndigits, digit 0 cleared; OverflowError past MAX_LONG_DIGITS.</summary>
    internal PyObject* AllocInt(nint ndigits)
    {
        if (ndigits > MaxLongDigits)
        {
            SetError(OverflowErrorType, "too many digits in integer");
            return null;
        }

        nint n = ndigits == 0 ? 1 : ndigits;
        if (n > MaxIntDigits)
        {
            return NoMemory();
        }

        PyObject* o = NewObject(IntType, PyLongObject.HeaderSize + (n * sizeof(uint)));
        if (o == null)
        {
            return null;
        }

        ((PyVarObject*)o)->Size = ndigits;
        IntDigits(o)[0] = 0;
        return o;
    }

    /// <summary>PyLong_FromLong: the cached object for -5..256, else a new int of exactly the digits needed.</summary>
    public PyObject* NewInt(long value) => NewIntInline(value);

    /// <summary>
    /// <see cref="NewInt(long)"/> compiled into its caller, for the eval loop's hottest site (FOR_ITER
    /// over a range): no call for a cached or one-digit int.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject* NewIntInline(long value)
    {
        if (value >= SmallIntMin && value <= SmallIntMax)
        {
            return SmallInt(value);
        }

        // One digit (|value| < 2**30): the loops' common case, allocated here without the
        // digit count loop and the calls of AllocInt / NewObject (same block, same header).
        if ((ulong)(value + PyLongObject.Mask) <= 2 * (ulong)PyLongObject.Mask)
        {
            var o = (PyObject*)Allocator.TryAllocate(PyLongObject.HeaderSize + sizeof(uint));
            if (o == null)
            {
                return NoMemory();
            }

            o->RefCount = 1;
            o->Type = IntType;
            ((PyVarObject*)o)->Size = value < 0 ? -1 : 1;
            ((PyLongObject*)o)->Digit0 = (uint)(value < 0 ? -value : value);
            return o;
        }

        return NewMultiDigitInt(value);
    }

    /// <summary>NewInt for a value of two or three digits.</summary>
    private PyObject* NewMultiDigitInt(long value)
    {
        ulong abs = value < 0 ? 0UL - (ulong)value : (ulong)value;
        nint ndigits = 0;
        for (ulong t = abs; t != 0; t >>= PyLongObject.Shift)
        {
            ndigits++;
        }

        PyObject* o = AllocInt(ndigits);
        if (o == null)
        {
            return null;
        }

        uint* d = IntDigits(o);
        for (nint i = 0; i < ndigits; i++)
        {
            d[i] = (uint)(abs & PyLongObject.Mask);
            abs >>= PyLongObject.Shift;
        }

        if (value < 0)
        {
            ((PyVarObject*)o)->Size = -ndigits;
        }

        return o;
    }

    /// <summary>An int of any size: the cached object for -5..256, else a new int.</summary>
    public PyObject* NewInt(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? NewInt((long)value) : IntFromBigInteger(value, 0);

    /// <summary>
    /// A new int of value <paramref name="v"/> (the cached one for -5..256: maybe_small_long),
    /// allocated with room for at least <paramref name="allocDigits"/> digits, so a result takes
    /// the same block as in CPython, whose x_add, x_mul, ... allocate before normalising.
    /// </summary>
    private PyObject* IntFromBigInteger(BigInteger v, nint allocDigits)
    {
        if (v >= SmallIntMin && v <= SmallIntMax)
        {
            return SmallInt((long)v);
        }

        BigInteger mag = BigInteger.Abs(v);
        long bits = mag.GetBitLength();
        nint ndigits = (nint)((bits + PyLongObject.Shift - 1) / PyLongObject.Shift);
        PyObject* z = AllocInt(Math.Max(ndigits, allocDigits));
        if (z == null)
        {
            return null;
        }

        WriteDigits(mag, IntDigits(z), ndigits);
        ((PyVarObject*)z)->Size = v.Sign < 0 ? -ndigits : ndigits;
        return z;
    }

    private static void WriteDigits(BigInteger mag, uint* digits, nint ndigits)
    {
        if (ndigits <= 4)
        {
            // Up to 120 bits: through UInt128, without the byte round trip.
            var m = (UInt128)mag;
            for (nint i = 0; i < ndigits; i++)
            {
                digits[i] = (uint)(m & PyLongObject.Mask);
                m >>= PyLongObject.Shift;
            }

            return;
        }

        int byteCount = mag.GetByteCount(isUnsigned: true);
        byte[] rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            mag.TryWriteBytes(rented, out int written, isUnsigned: true, isBigEndian: false);
            ulong acc = 0;
            int accBits = 0;
            nint d = 0;
            for (int i = 0; i < written; i++)
            {
                acc |= (ulong)rented[i] << accBits;
                accBits += 8;
                if (accBits >= PyLongObject.Shift)
                {
                    digits[d++] = (uint)(acc & PyLongObject.Mask);
                    acc >>= PyLongObject.Shift;
                    accBits -= PyLongObject.Shift;
                }
            }

            while (d < ndigits)
            {
                digits[d++] = (uint)(acc & PyLongObject.Mask);
                acc >>= PyLongObject.Shift;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The value of an int (or bool) as a BigInteger.</summary>
    public static BigInteger IntToBigInteger(PyObject* o)
    {
        nint size = ((PyVarObject*)o)->Size;
        nint n = size < 0 ? -size : size;
        uint* d = IntDigits(o);
        if (n <= 2)
        {
            long v = n == 0 ? 0 : d[0] | (n == 2 ? (long)d[1] << PyLongObject.Shift : 0);
            return size < 0 ? -v : v;
        }

        if (n <= 4)
        {
            BigInteger m = SmallMagnitude(d, n);
            return size < 0 ? -m : m;
        }

        int byteCount = (int)(((n * PyLongObject.Shift) + 7) / 8);
        byte[] rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            int k = 0;
            ulong acc = 0;
            int accBits = 0;
            for (nint i = 0; i < n; i++)
            {
                acc |= (ulong)d[i] << accBits;
                accBits += PyLongObject.Shift;
                while (accBits >= 8)
                {
                    rented[k++] = (byte)acc;
                    acc >>= 8;
                    accBits -= 8;
                }
            }

            if (accBits > 0)
            {
                rented[k++] = (byte)acc;
            }

            var mag = new BigInteger(rented.AsSpan(0, k), isUnsigned: true, isBigEndian: false);
            return size < 0 ? -mag : mag;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The magnitude of at most four digits (120 bits).</summary>
    private static UInt128 SmallMagnitude(uint* d, nint n)
    {
        UInt128 m = 0;
        for (nint i = n - 1; i >= 0; i--)
        {
            m = (m << PyLongObject.Shift) | d[i];
        }

        return m;
    }

    /// <summary>PyLong_AsLongAndOverflow without the error: false when the value does not fit in a long.</summary>
    public static bool TryIntToLong(PyObject* o, out long value)
    {
        nint size = ((PyVarObject*)o)->Size;
        nint n = size < 0 ? -size : size;
        uint* d = IntDigits(o);
        value = 0;
        if (n > 3)
        {
            return false;
        }

        ulong abs = 0;
        for (nint i = n - 1; i >= 0; i--)
        {
            if (i == 2 && d[2] > 8)
            {
                return false;
            }

            abs = (abs << PyLongObject.Shift) | d[i];
        }

        if (size >= 0)
        {
            if (abs > long.MaxValue)
            {
                return false;
            }

            value = (long)abs;
            return true;
        }

        if (abs > 1UL << 63)
        {
            return false;
        }

        value = (long)(0UL - abs);
        return true;
    }

    /// <summary>PyLong_FromDouble (int(x) for a float): truncates toward zero.</summary>
    public PyObject* IntFromDouble(double x)
    {
        if (double.IsNaN(x))
        {
            SetError(ValueErrorType, "cannot convert float NaN to integer");
            return null;
        }

        if (double.IsInfinity(x))
        {
            SetError(OverflowErrorType, "cannot convert float infinity to integer");
            return null;
        }

        double t = Math.Truncate(x);
        return t > -9.2e18 && t < 9.2e18 ? NewInt((long)t) : IntFromBigInteger(new BigInteger(t), 0);
    }
}
