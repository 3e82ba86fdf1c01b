using System.Runtime.InteropServices;

namespace Refheap.Runtime.Types;

/// <summary>
/// PyLongObject (Include/cpython/longintrepr.h, 3.11): a PyVarObject whose ob_size is the
/// signed number of 30-bit digits (negative for negative numbers, 0 for zero), followed
/// by the digits, least significant first, each in a uint32. 24 bytes + 4 per digit, with
/// room for at least one digit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PyLongObject
{
    public Objects.PyVarObject Base;

    /// <summary>ob_digit[0]; more digits follow in memory.</summary>
    public uint Digit0;

    /// <summary>PyLong_SHIFT.</summary>
    public const int Shift = 30;

    /// <summary>PyLong_MASK.</summary>
    public const uint Mask = (1u << Shift) - 1;

    /// <summary>offsetof(PyLongObject, ob_digit).</summary>
    public const int HeaderSize = 24;
}
