using System.Collections.Generic;
using System.Numerics;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// The mutating methods of bytearray: append, extend, insert, pop, remove, clear, copy, reverse.
internal static unsafe class ByteArrayMethods
{
    private const string T = "bytearray";

    /// <summary>An item stored into a bytearray: an index in range(256).</summary>
    private static bool ByteValue(PyRuntime rt, PyObject* o, out byte value)
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
        if (b < 0 || b > 255)
        {
            rt.SetError(rt.ValueErrorType, "byte must be in range(0, 256)");
            return false;
        }

        value = (byte)b;
        return true;
    }

    private static PyObject* None(PyRuntime rt) => PyRuntime.NewRef(rt.None);

    public static void Register()
    {
        BuiltinMethods.Add(T, "append", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, T + ".append", n, kw) || !ByteValue(rt, args[0], out byte b))
            {
                return null;
            }

            return rt.ByteArrayAppend(self, b) ? None(rt) : null;
        });
        BuiltinMethods.Add(T, "extend", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, T + ".extend", n, kw))
            {
                return null;
            }

            if (BytesMethods.IsBytesLike(rt, args[0]))
            {
                return rt.ByteArrayExtend(self, Interpreter.BytesOf(args[0])) ? None(rt) : null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* it = interp.GetIter(args[0]);
            if (it == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"can't extend bytearray with {rt.TypeName(args[0])}");
                }

                return null;
            }

            var data = new List<byte>();
            PyObject* item;
            while ((item = interp.IterNext(it)) != null)
            {
                bool ok = ByteValue(rt, item, out byte b);
                rt.DecRef(item);
                if (!ok)
                {
                    rt.DecRef(it);
                    return null;
                }

                data.Add(b);
            }

            rt.DecRef(it);
            if (rt.ErrorOccurred)
            {
                return null;
            }

            return rt.ByteArrayExtend(self, data.ToArray()) ? None(rt) : null;
        });
        BuiltinMethods.Add(T, "insert", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, T + ".insert", kw) || !ArgParse.Positional(rt, "insert", n, 2, 2))
            {
                return null;
            }

            if (!MethodArgs.AsSsize(rt, args[0], out nint index) || !ByteValue(rt, args[1], out byte b))
            {
                return null;
            }

            nint len = PyRuntime.ByteArraySize(self);
            if (index < 0)
            {
                index = System.Math.Max(0, index + len);
            }

            index = System.Math.Min(index, len);
            return rt.ByteArraySetSlice(self, index, index, [b]) ? None(rt) : null;
        });
        BuiltinMethods.Add(T, "pop", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, T + ".pop", kw) || !ArgParse.Positional(rt, "pop", n, 0, 1))
            {
                return null;
            }

            nint index = -1;
            if (n > 0 && !MethodArgs.AsSsize(rt, args[0], out index))
            {
                return null;
            }

            return rt.ByteArrayPop(self, index);
        });
        BuiltinMethods.Add(T, "remove", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, T + ".remove", n, kw) || !ByteValue(rt, args[0], out byte b))
            {
                return null;
            }

            int i = System.Array.IndexOf(Interpreter.BytesOf(self), b);
            if (i < 0)
            {
                rt.SetError(rt.ValueErrorType, "value not found in bytearray");
                return null;
            }

            return rt.ByteArrayDeleteSlice(self, i, i + 1) ? None(rt) : null;
        });
        BuiltinMethods.Add(T, "clear", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, T + ".clear", n, kw) ? (rt.ByteArrayClear(self) ? None(rt) : null) : null);
        BuiltinMethods.Add(T, "copy", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, T + ".copy", n, kw) ? rt.NewByteArray(Interpreter.BytesOf(self)) : null);
        BuiltinMethods.Add(T, "reverse", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, T + ".reverse", n, kw))
            {
                return null;
            }

            byte[] data = Interpreter.BytesOf(self);
            System.Array.Reverse(data);
            return rt.ByteArraySetSlice(self, 0, data.Length, data) ? None(rt) : null;
        });
    }
}
