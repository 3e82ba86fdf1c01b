using System.Runtime.InteropServices;

namespace Refheap.Memory.Platform;

/// <summary>
/// The C library's special functions (glibc libm), for the interpreter's math module: erf,
/// erfc, tgamma, lgamma and exp2 as CPython 3.11 gets them on Linux (its gamma and lgamma are
/// its own Lanczos sums, so their last digit can differ). Kept here with the other native
/// calls so that only Platform/ binds to native libraries.
/// </summary>
public static partial class NativeMath
{
    [LibraryImport("libm.so.6", EntryPoint = "erf")]
    public static partial double Erf(double x);

    [LibraryImport("libm.so.6", EntryPoint = "erfc")]
    public static partial double Erfc(double x);

    [LibraryImport("libm.so.6", EntryPoint = "tgamma")]
    public static partial double TGamma(double x);

    [LibraryImport("libm.so.6", EntryPoint = "lgamma")]
    public static partial double LGamma(double x);

    [LibraryImport("libm.so.6", EntryPoint = "exp2")]
    public static partial double Exp2(double x);
}
