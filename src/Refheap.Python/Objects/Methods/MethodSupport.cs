using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>Small helpers shared by the container and number method files.</summary>
internal static unsafe class MethodSupport
{
    public static PyObject* None(PyRuntime rt) => PyRuntime.NewRef(rt.None);

    public static PyObject* NotImplemented(PyRuntime rt) => PyRuntime.NewRef(rt.NotImplemented);

    /// <summary>A comparison result as a bool object, or null when <paramref name="r"/> is negative (error).</summary>
    public static PyObject* BoolOrNull(PyRuntime rt, int r) => r < 0 ? null : rt.NewBool(r != 0);

    /// <summary>
    /// The self check of a method descriptor called unbound with a wrong first argument
    /// ("descriptor 'append' for 'list' objects doesn't apply to a 'int' object").
    /// </summary>
    public static bool CheckSelf(PyRuntime rt, PyObject* self, PyTypeObject* type, string typeName, string name)
    {
        if (self != null && PyRuntime.IsSubtype(self->Type, type))
        {
            return true;
        }

        rt.SetError(rt.TypeErrorType, $"descriptor '{name}' for '{typeName}' objects doesn't apply to a '{(self == null ? "NoneType" : rt.TypeName(self))}' object");
        return false;
    }

    /// <summary>
    /// Converts an index argument as _PyEval_SliceIndex / Py_ssize_t converters do: ints and
    /// objects with __index__, clamped to the nint range. False with an error otherwise.
    /// </summary>
    public static bool SsizeArg(Interpreter interp, PyObject* o, out nint value, bool clamp)
    {
        PyRuntime rt = interp.Rt;
        value = 0;
        PyObject* idx = interp.TryIndex(o);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, clamp
                    ? "slice indices must be integers or have an __index__ method"
                    : $"'{rt.TypeName(o)}' object cannot be interpreted as an integer");
            }

            return false;
        }

        System.Numerics.BigInteger b = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        if (b > long.MaxValue || b < long.MinValue)
        {
            if (!clamp)
            {
                rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C ssize_t");
                return false;
            }

            value = b.Sign < 0 ? nint.MinValue : nint.MaxValue;
            return true;
        }

        value = (nint)(long)b;
        return true;
    }

    /// <summary>Clamps start/stop for index() and count() the way the sequence methods do.</summary>
    public static void AdjustRange(nint length, ref nint start, ref nint stop)
    {
        if (start < 0)
        {
            start += length;
            if (start < 0)
            {
                start = 0;
            }
        }

        if (stop < 0)
        {
            stop += length;
            if (stop < 0)
            {
                stop = 0;
            }
        }
    }

    /// <summary>Reads the optional start and stop of index(value, start, stop).</summary>
    public static bool StartStop(Interpreter interp, PyObject** args, nint nargs, out nint start, out nint stop)
    {
        start = 0;
        stop = nint.MaxValue;
        if (nargs > 1 && !SsizeArg(interp, args[1], out start, clamp: true))
        {
            return false;
        }

        return nargs <= 2 || SsizeArg(interp, args[2], out stop, clamp: true);
    }

    /// <summary>A number as a double (OverflowError for ints too large), without letting the conversion throw.</summary>
    public static bool ToDouble(Interpreter interp, PyObject* o, out double value)
    {
        try
        {
            return interp.ToDouble(o, out value);
        }
        catch (Lib.PythonLibException e)
        {
            value = 0;
            interp.RaiseLibError(e);
            return false;
        }
    }

    /// <summary>The keyword count of a vectorcall.</summary>
    public static nint KwCount(PyObject* kwnames) => kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);

    /// <summary>Compares a and b with an operator; the result object (a new reference) or null.</summary>
    public static PyObject* Compare(Interpreter interp, PyObject* a, PyObject* b, CompareOp op) => interp.RichCompare(a, b, op);
}
