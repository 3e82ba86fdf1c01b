using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// ints of up to 128 bits made from and read into UInt128 without a BigInteger: getrandbits
// results, decimal parsing of up to 38 digits. The objects are the ones PyLong_FromLong and
// friends make: the cached int for -5..256, otherwise exactly the digits the value needs.
public sealed unsafe partial class PyRuntime
{
    /// <summary>The magnitude and sign of an int of at most four digits (120 bits); false for a longer one.</summary>
    public static bool TryIntToMagnitude(PyObject* o, out UInt128 magnitude, out bool negative)
    {
        nint size = ((PyVarObject*)o)->Size;
        nint n = size < 0 ? -size : size;
        negative = size < 0;
        magnitude = 0;
        if (n > 4)
        {
            return false;
        }

        uint* d = IntDigits(o);
        for (nint i = n - 1; i >= 0; i--)
        {
            magnitude = (magnitude << PyLongObject.Shift) | d[i];
        }

        return true;
    }

    /// <summary>An int of value <paramref name="magnitude"/> (negated when <paramref name="negative"/>).</summary>
    public PyObject* NewIntFromMagnitude(UInt128 magnitude, bool negative)
    {
        if (magnitude <= (ulong)long.MaxValue)
        {
            return NewInt(negative ? -(long)(ulong)magnitude : (long)(ulong)magnitude);
        }

        nint ndigits = 0;
        for (UInt128 t = magnitude; t != 0; t >>= PyLongObject.Shift)
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
            d[i] = (uint)(magnitude & PyLongObject.Mask);
            magnitude >>= PyLongObject.Shift;
        }

        ((PyVarObject*)o)->Size = negative ? -ndigits : ndigits;
        return o;
    }
}
