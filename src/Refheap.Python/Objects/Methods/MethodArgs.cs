using System.Numerics;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>Argument conversions shared by the str, bytes and bytearray methods, with CPython's messages.</summary>
internal static unsafe class MethodArgs
{
    /// <summary>_PyNumber_Index then PyLong_AsSsize_t: OverflowError "... C ssize_t".</summary>
    public static bool AsSsize(PyRuntime rt, PyObject* o, out nint value, string cType = "ssize_t")
    {
        value = 0;
        PyObject* idx = Interpreter.Of(rt).TryIndex(o);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(o)}' object cannot be interpreted as an integer");
            }

            return false;
        }

        BigInteger b = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        long max = cType == "int" ? int.MaxValue : long.MaxValue;
        long min = cType == "int" ? int.MinValue : long.MinValue;
        if (b > max || b < min)
        {
            rt.SetError(rt.OverflowErrorType, $"Python int too large to convert to C {cType}");
            return false;
        }

        value = (nint)(long)b;
        return true;
    }

    /// <summary>_PyEval_SliceIndex: None leaves the default; big ints clamp.</summary>
    public static bool SliceIndex(PyRuntime rt, PyObject* o, ref nint value)
    {
        if (o == null || o == rt.None)
        {
            return true;
        }

        PyObject* idx = Interpreter.Of(rt).TryIndex(o);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, "slice indices must be integers or None or have an __index__ method");
            }

            return false;
        }

        BigInteger b = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        value = b > long.MaxValue ? nint.MaxValue : b < long.MinValue ? nint.MinValue : (nint)(long)b;
        return true;
    }

    /// <summary>
    /// The (sub[, start[, end]]) arguments of find, count, index, startswith...: no keywords
    /// ("str.NAME() takes no keyword arguments"), 1 to 3 positional arguments.
    /// </summary>
    public static bool SubStartEnd(PyRuntime rt, string typeName, string name, PyObject** args, nint n, PyObject* kw,
        out nint start, out nint end)
    {
        start = 0;
        end = nint.MaxValue;
        if (!(kw == null || ArgParse.NoKeywords(rt, typeName + "." + name, kw)))
        {
            return false;
        }

        if (n < 1)
        {
            rt.SetError(rt.TypeErrorType, $"{name}() takes at least 1 argument ({n} given)");
            return false;
        }

        if (n > 3)
        {
            rt.SetError(rt.TypeErrorType, $"{name}() takes at most 3 arguments ({n} given)");
            return false;
        }

        return (n < 2 || SliceIndex(rt, args[1], ref start)) && (n < 3 || SliceIndex(rt, args[2], ref end));
    }

    /// <summary>Reads a keyword-capable argument list into <paramref name="output"/>.</summary>
    public static bool Parse(PyRuntime rt, string name, PyObject** args, nint n, PyObject* kw, string[] names, int required, PyObject** output) =>
        ArgParse.Parse(rt, name, args, n, kw, names, required, output);
}
