using System;
using System.Numerics;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// int.to_bytes and int.from_bytes.
internal static unsafe partial class IntMethods
{
    private static readonly string[] s_toBytesNames = ["length", "byteorder", "signed"];
    private static readonly string[] s_fromBytesNames = ["bytes", "byteorder", "signed"];

    /// <summary>Reads byteorder ('big' by default): true for little-endian; false with ValueError otherwise.</summary>
    private static bool ByteOrder(PyRuntime rt, PyObject* o, out bool little)
    {
        little = false;
        if (o == null)
        {
            return true;
        }

        if (!PyRuntime.IsStr(o))
        {
            rt.SetError(rt.TypeErrorType, $"to_bytes() argument 'byteorder' must be str, not {rt.TypeName(o)}");
            return false;
        }

        string s = PyRuntime.StrToString(o);
        if (s == "little" || s == "big")
        {
            little = s == "little";
            return true;
        }

        rt.SetError(rt.ValueErrorType, "byteorder must be either 'little' or 'big'");
        return false;
    }

    private static bool PositionalAtMost(PyRuntime rt, string fname, nint n, int max)
    {
        if (n <= max)
        {
            return true;
        }

        rt.SetError(rt.TypeErrorType, $"{fname}() takes at most {max} positional arguments ({n} given)");
        return false;
    }

    private static PyObject* ToBytes(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        PyObject** a = stackalloc PyObject*[3];
        if (!PositionalAtMost(rt, "to_bytes", n, 2) || !ArgParse.Parse(rt, "to_bytes", args, n, kw, s_toBytesNames, 0, a))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        nint length = 1;
        if (a[0] != null && !MethodSupport.SsizeArg(interp, a[0], out length, clamp: false))
        {
            return null;
        }

        if (length < 0)
        {
            rt.SetError(rt.ValueErrorType, "length argument must be non-negative");
            return null;
        }

        if (!ByteOrder(rt, a[1], out bool little))
        {
            return null;
        }

        bool signed = false;
        if (a[2] != null)
        {
            int t = interp.IsTrue(a[2]);
            if (t < 0)
            {
                return null;
            }

            signed = t == 1;
        }

        BigInteger v = Big(self);
        if (!signed && v.Sign < 0)
        {
            rt.SetError(rt.OverflowErrorType, "can't convert negative int to unsigned");
            return null;
        }

        byte[] raw = v.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        int needed = raw.Length;
        if (!signed && needed == 1 && raw[0] == 0)
        {
            needed = 0;
        }
        else if (signed && needed == 1 && raw[0] == 0)
        {
            needed = 0;
        }

        if (needed > length)
        {
            rt.SetError(rt.OverflowErrorType, "int too big to convert");
            return null;
        }

        var result = new byte[length];
        byte fill = signed && v.Sign < 0 ? (byte)0xFF : (byte)0;
        for (nint i = 0; i < length; i++)
        {
            result[i] = i < raw.Length ? raw[i] : fill;
        }

        if (!little)
        {
            Array.Reverse(result);
        }

        return rt.NewBytes(result);
    }

    private static PyObject* FromBytes(PyRuntime rt, PyObject* cls, PyObject** args, nint n, PyObject* kw)
    {
        PyObject** a = stackalloc PyObject*[3];
        if (!PositionalAtMost(rt, "from_bytes", n, 2) || !ArgParse.Parse(rt, "from_bytes", args, n, kw, s_fromBytesNames, 1, a))
        {
            return null;
        }

        if (!ByteOrder(rt, a[1], out bool little))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        bool signed = false;
        if (a[2] != null)
        {
            int t = interp.IsTrue(a[2]);
            if (t < 0)
            {
                return null;
            }

            signed = t == 1;
        }

        byte[] data;
        PyObject* src = a[0];
        if (PyRuntime.IsBytes(src) || rt.IsByteArray(src))
        {
            data = Interpreter.BytesOf(src);
        }
        else if (PyRuntime.IsStr(src) || PyRuntime.IsInt(src) || rt.IsFloat(src))
        {
            rt.SetError(rt.TypeErrorType, $"cannot convert '{rt.TypeName(src)}' object to bytes");
            return null;
        }
        else
        {
            PyObject* list = interp.SequenceToList(src);
            if (list == null)
            {
                return null;
            }

            nint count = PyRuntime.ListSize(list);
            data = new byte[count];
            for (nint i = 0; i < count; i++)
            {
                PyObject* item = PyRuntime.ListItems(list)[i];
                if (!PyRuntime.IsInt(item) || Big(item) < 0 || Big(item) > 255)
                {
                    rt.SetError(PyRuntime.IsInt(item) ? rt.ValueErrorType : rt.TypeErrorType,
                        PyRuntime.IsInt(item) ? "bytes must be in range(0, 256)" : $"'{rt.TypeName(item)}' object cannot be interpreted as an integer");
                    rt.DecRef(list);
                    return null;
                }

                data[i] = (byte)(int)Big(item);
            }

            rt.DecRef(list);
        }

        var value = new BigInteger(data, isUnsigned: !signed, isBigEndian: !little);
        PyObject* r = rt.NewInt(value);
        if (r == null || (PyTypeObject*)cls == rt.IntType)
        {
            return r;
        }

        PyObject* wrapped = interp.CallOneArg(cls, r);
        rt.DecRef(r);
        return wrapped;
    }
}
