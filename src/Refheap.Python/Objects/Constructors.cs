using System.Numerics;
using Refheap.Python.Lib;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// The builtin types' constructors (__new__ / __init__): int, float, str, bool, list, tuple,
// dict, set, frozenset, range, slice, bytes, bytearray, enumerate, zip, map, filter, reversed.
internal static unsafe class Constructors
{
    public static void Register()
    {
        BuiltinMethods.Add("int", "__new__", IntNew, MethodKind.Static);
        BuiltinMethods.Add("float", "__new__", FloatNew, MethodKind.Static);
        BuiltinMethods.Add("str", "__new__", StrNew, MethodKind.Static);
        BuiltinMethods.Add("bool", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "bool", n - 1, 0, 1, kw))
            {
                return null;
            }

            if (n == 1)
            {
                return PyRuntime.NewRef(rt.False);
            }

            int t = Interpreter.Of(rt).IsTrue(args[1]);
            return t < 0 ? null : rt.NewBool(t != 0);
        }, MethodKind.Static);
        BuiltinMethods.Add("list", "__new__", (rt, self, args, n, kw) => Interpreter.Of(rt).AllocLike((PyTypeObject*)args[0], rt.NewList(0)), MethodKind.Static);
        BuiltinMethods.Add("list", "__init__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "list", n, 0, 1, kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            interp.ListClearItems(self);
            if (n == 1 && interp.ListExtend(self, args[0]) < 0)
            {
                return null;
            }

            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add("tuple", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "tuple", n - 1, 0, 1, kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* t = n == 1 ? PyRuntime.NewRef(rt.EmptyTuple) : interp.SequenceToTuple(args[1]);
            return t == null ? null : interp.AllocLike((PyTypeObject*)args[0], t);
        }, MethodKind.Static);
        BuiltinMethods.Add("dict", "__new__", (rt, self, args, n, kw) => Interpreter.Of(rt).AllocLike((PyTypeObject*)args[0], rt.NewDict()), MethodKind.Static);
        BuiltinMethods.Add("dict", "__init__", (rt, self, args, n, kw) =>
        {
            nint nkw = kw == null ? 0 : PyRuntime.TupleSize(kw);
            if (n > 1)
            {
                rt.SetError(rt.TypeErrorType, $"dict expected at most 1 argument, got {n}");
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            if (n == 1 && interp.DictUpdateFrom(self, args[0]) < 0)
            {
                return null;
            }

            for (nint k = 0; k < nkw; k++)
            {
                if (rt.DictSetItem(self, PyRuntime.TupleItems(kw)[k], args[n + k]) < 0)
                {
                    return null;
                }
            }

            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add("set", "__new__", (rt, self, args, n, kw) => Interpreter.Of(rt).AllocLike((PyTypeObject*)args[0], rt.NewSet((PyObject*)null)), MethodKind.Static);
        BuiltinMethods.Add("set", "__init__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "set", n, 0, 1, kw))
            {
                return null;
            }

            rt.SetClear(self);
            return n == 1 && Interpreter.Of(rt).SetUpdate(self, args[0]) < 0 ? null : PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add("frozenset", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "frozenset", n - 1, 0, 1, kw))
            {
                return null;
            }

            if (n == 1)
            {
                return Interpreter.Of(rt).AllocLike((PyTypeObject*)args[0], rt.NewFrozenSet((PyObject*)null));
            }

            if (args[1]->Type == rt.FrozenSetType && args[0] == (PyObject*)rt.FrozenSetType)
            {
                return PyRuntime.NewRef(args[1]);
            }

            // frozenset(iterable) fills the new frozenset directly (make_new_set), and a
            // subclass gets an instance of itself.
            Interpreter interp = Interpreter.Of(rt);
            var type = (PyTypeObject*)args[0];
            if (type == rt.FrozenSetType)
            {
                return Methods.SetMethods.NewOfKind(interp, frozen: true, args[1]);
            }

            PyObject* f = interp.AllocLike(type, rt.NewFrozenSet((PyObject*)null));
            if (f == null || interp.SetUpdate(f, args[1]) < 0)
            {
                rt.XDecRef(f);
                return null;
            }

            return f;
        }, MethodKind.Static);
        BuiltinMethods.Add("range", "__new__", RangeNew, MethodKind.Static);
        BuiltinMethods.Add("slice", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "slice", n - 1, 1, 3, kw))
            {
                return null;
            }

            if (n == 2)
            {
                return rt.NewSlice(rt.None, args[1], rt.None);
            }

            return rt.NewSlice(args[1], args[2], n > 3 ? args[3] : rt.None);
        }, MethodKind.Static);
        BuiltinMethods.Add("bytes", "__new__", Subtyped(BytesNew), MethodKind.Static);
        BuiltinMethods.Add("bytearray", "__new__", Subtyped((rt, self, args, n, kw) =>
        {
            PyObject* b = BytesNew(rt, self, args, n, kw);
            if (b == null)
            {
                return null;
            }

            PyObject* ba = rt.NewByteArray(Interpreter.BytesOf(b));
            rt.DecRef(b);
            return ba;
        }), MethodKind.Static);
        BuiltinMethods.Add("enumerate", "__new__", (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[2];
            if (!ArgParse.Parse(rt, "enumerate", args + 1, n - 1, kw, ["iterable", "start"], 1, a))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* it = interp.GetIter(a[0]);
            if (it == null)
            {
                return null;
            }

            nint start = 0;
            PyObject* big = null;
            if (a[1] != null)
            {
                PyObject* idx = interp.TryIndex(a[1]);
                if (idx == null)
                {
                    rt.DecRef(it);
                    if (!rt.ErrorOccurred)
                    {
                        rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(a[1])}' object cannot be interpreted as an integer");
                    }

                    return null;
                }

                BigInteger v = PyRuntime.IntToBigInteger(idx);
                if (v >= long.MinValue && v <= long.MaxValue / 2)
                {
                    start = (nint)(long)v;
                    rt.DecRef(idx);
                }
                else
                {
                    big = idx;
                }
            }

            PyObject* result = interp.NoneResultTuple(2);
            PyObject* r = interp.NewIterObject((PyTypeObject*)args[0], it, big, result, start, 0);
            rt.DecRef(it);
            rt.XDecRef(big);
            rt.XDecRef(result);
            return r;
        }, MethodKind.Static);
        BuiltinMethods.Add("zip", "__new__", (rt, self, args, n, kw) =>
        {
            Interpreter interp = Interpreter.Of(rt);
            nint strict = 0;
            nint nkw = kw == null ? 0 : PyRuntime.TupleSize(kw);
            for (nint k = 0; k < nkw; k++)
            {
                if (PyRuntime.StrToString(PyRuntime.TupleItems(kw)[k]) != "strict")
                {
                    rt.SetError(rt.TypeErrorType, "zip() got an unexpected keyword argument '" + PyRuntime.StrToString(PyRuntime.TupleItems(kw)[k]) + "'");
                    return null;
                }

                int t = interp.IsTrue(args[n + k]);
                if (t < 0)
                {
                    return null;
                }

                strict = t;
            }

            PyObject* iters = rt.NewTuple(n - 1);
            for (nint i = 1; i < n; i++)
            {
                PyObject* it = interp.GetIter(args[i]);
                if (it == null)
                {
                    rt.DecRef(iters);
                    if (interp.ErrorMatches(rt.TypeErrorType))
                    {
                        rt.ClearError();
                        rt.SetError(rt.TypeErrorType, $"zip argument #{i} must support iteration");
                    }

                    return null;
                }

                PyRuntime.TupleItems(iters)[i - 1] = it;
            }

            PyObject* result = interp.NoneResultTuple(n - 1);
            PyObject* r = interp.NewIterObject((PyTypeObject*)args[0], iters, null, result, 0, strict);
            rt.DecRef(iters);
            rt.XDecRef(result);
            return r;
        }, MethodKind.Static);
        BuiltinMethods.Add("map", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "map", kw))
            {
                return null;
            }

            if (n < 3)
            {
                rt.SetError(rt.TypeErrorType, "map() must have at least two arguments.");
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* iters = rt.NewTuple(n - 2);
            for (nint i = 2; i < n; i++)
            {
                PyObject* it = interp.GetIter(args[i]);
                if (it == null)
                {
                    rt.DecRef(iters);
                    return null;
                }

                PyRuntime.TupleItems(iters)[i - 2] = it;
            }

            PyObject* r = interp.NewIterObject((PyTypeObject*)args[0], args[1], iters, null, 0, 0);
            rt.DecRef(iters);
            return r;
        }, MethodKind.Static);
        BuiltinMethods.Add("filter", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "filter", n - 1, 2, 2, kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            PyObject* it = interp.GetIter(args[2]);
            if (it == null)
            {
                return null;
            }

            PyObject* r = interp.NewIterObject((PyTypeObject*)args[0], args[1], it, null, 0, 0);
            rt.DecRef(it);
            return r;
        }, MethodKind.Static);
        BuiltinMethods.Add("reversed", "__new__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "reversed", n - 1, 1, 1, kw))
            {
                return null;
            }

            return Interpreter.Of(rt).NewReversed(args[1]);
        }, MethodKind.Static);
    }

    private static PyObject* IntNew(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        Interpreter interp = Interpreter.Of(rt);
        PyObject** a = stackalloc PyObject*[2];
        if (!ArgParse.Parse(rt, "int", args + 1, n - 1, kw, ["x", "base"], 0, a, posOnly: 1))
        {
            return null;
        }

        PyObject* r = interp.ToInt(a[0], a[1]);
        return r == null ? null : interp.AllocLike((PyTypeObject*)args[0], r);
    }

    /// <summary>
    /// A builtin __new__ that builds an exact instance, made to honour a subclass in args[0]
    /// (the instance is moved into an object of the subclass, as the C types' subtype_new do).
    /// </summary>
    internal static VectorCall Subtyped(VectorCall exactNew) => (rt, self, args, n, kw) =>
    {
        PyObject* r = exactNew(rt, self, args, n, kw);
        return r == null || n == 0 ? r : Interpreter.Of(rt).AllocLike((PyTypeObject*)args[0], r);
    };

    private static PyObject* FloatNew(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.Positional(rt, "float", n - 1, 0, 1, kw))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        PyObject* r = n == 1 ? rt.NewFloat(0.0) : interp.ToFloat(args[1]);
        return r == null ? null : interp.AllocLike((PyTypeObject*)args[0], r);
    }

    private static PyObject* StrNew(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        Interpreter interp = Interpreter.Of(rt);
        PyObject** a = stackalloc PyObject*[3];
        if (!ArgParse.Parse(rt, "str", args + 1, n - 1, kw, ["object", "encoding", "errors"], 0, a))
        {
            return null;
        }

        PyObject* r;
        if (a[0] == null)
        {
            r = PyRuntime.NewRef(rt.EmptyStr);
        }
        else if (a[1] != null || a[2] != null)
        {
            r = interp.DecodeBytes(a[0], a[1], a[2]);
        }
        else
        {
            r = interp.ToStr(a[0]);
        }

        return r == null ? null : interp.AllocLike((PyTypeObject*)args[0], r);
    }

    private static PyObject* RangeNew(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.Positional(rt, "range", n - 1, 1, 3, kw))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        var vals = new nint[3];
        for (nint i = 1; i < n; i++)
        {
            PyObject* idx = interp.TryIndex(args[i]);
            if (idx == null)
            {
                if (!rt.ErrorOccurred)
                {
                    rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(args[i])}' object cannot be interpreted as an integer");
                }

                for (nint j = 0; j < i - 1; j++)
                {
                    rt.DecRef((PyObject*)vals[j]);
                }

                return null;
            }

            vals[i - 1] = (nint)idx;
        }

        PyObject* start;
        PyObject* stop;
        PyObject* step;
        if (n == 2)
        {
            start = rt.NewInt(0);
            stop = (PyObject*)vals[0];
            step = rt.NewInt(1);
        }
        else
        {
            start = (PyObject*)vals[0];
            stop = (PyObject*)vals[1];
            step = n == 4 ? (PyObject*)vals[2] : rt.NewInt(1);
        }

        if (PyRuntime.IntDigitCount(step) == 0)
        {
            rt.DecRef(start);
            rt.DecRef(stop);
            rt.DecRef(step);
            rt.SetError(rt.ValueErrorType, "range() arg 3 must not be zero");
            return null;
        }

        PyObject* r = rt.NewRange(start, stop, step);
        rt.DecRef(start);
        rt.DecRef(stop);
        rt.DecRef(step);
        return r;
    }

    private static PyObject* BytesNew(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        Interpreter interp = Interpreter.Of(rt);
        PyObject** a = stackalloc PyObject*[3];
        if (!ArgParse.Parse(rt, "bytes", args + 1, n - 1, kw, ["source", "encoding", "errors"], 0, a))
        {
            return null;
        }

        if (a[0] == null)
        {
            return rt.NewBytes([]);
        }

        if (PyRuntime.IsStr(a[0]))
        {
            if (a[1] == null)
            {
                rt.SetError(rt.TypeErrorType, "string argument without an encoding");
                return null;
            }

            return interp.EncodeStr(a[0], a[1], a[2]);
        }

        if (PyRuntime.IsInt(a[0]))
        {
            BigInteger size = PyRuntime.IntToBigInteger(a[0]);
            if (size < 0)
            {
                rt.SetError(rt.ValueErrorType, "negative count");
                return null;
            }

            if (size > long.MaxValue)
            {
                rt.SetError(rt.OverflowErrorType, "cannot fit 'int' into an index-sized integer");
                return null;
            }

            // Zeroed straight in the heap: no managed array of the size first, so a size past
            // the heap cap or the C heap is MemoryError (the allocator's refusal), never a crash.
            if (size > int.MaxValue)
            {
                // Past what a bytes object here can hold (its data is read through spans).
                return rt.NoMemory();
            }

            PyObject* zeroed = rt.NewBytesToFill((nint)(long)size);
            if (zeroed != null)
            {
                System.Runtime.InteropServices.NativeMemory.Clear(PyRuntime.BytesData(zeroed), (nuint)(long)size);
            }

            return zeroed;
        }

        if (PyRuntime.IsBytes(a[0]) || rt.IsByteArray(a[0]))
        {
            return rt.NewBytes(Interpreter.BytesOf(a[0]));
        }

        PyObject* list = interp.SequenceToList(a[0]);
        if (list == null)
        {
            if (interp.ErrorMatches(rt.TypeErrorType))
            {
                rt.ClearError();
                rt.SetError(rt.TypeErrorType, $"cannot convert '{rt.TypeName(a[0])}' object to bytes");
            }

            return null;
        }

        nint len = PyRuntime.ListSize(list);
        var buf = new byte[len];
        for (nint i = 0; i < len; i++)
        {
            PyObject* item = PyRuntime.ListItems(list)[i];
            PyObject* idx = interp.TryIndex(item);
            if (idx == null)
            {
                rt.DecRef(list);
                if (!rt.ErrorOccurred)
                {
                    rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(item)}' object cannot be interpreted as an integer");
                }

                return null;
            }

            BigInteger v = PyRuntime.IntToBigInteger(idx);
            rt.DecRef(idx);
            if (v < 0 || v > 255)
            {
                rt.DecRef(list);
                rt.SetError(rt.ValueErrorType, "bytes must be in range(0, 256)");
                return null;
            }

            buf[i] = (byte)v;
        }

        rt.DecRef(list);
        return rt.NewBytes(buf);
    }

    /// <summary>Parses a float from text as float() does; null for invalid text.</summary>
    public static double? ParseFloat(string text)
    {
        if (text.Length > 0 && !System.MemoryExtensions.ContainsAnyExcept(text, FloatChars))
        {
            // Only digits, '.', 'e', 'E' and signs: nothing to trim, strip or spell out.
            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double plain) ? plain : null;
        }

        string t = text.Trim().Replace("_", "", System.StringComparison.Ordinal);
        if (text.Contains("__", System.StringComparison.Ordinal) || text.Trim().StartsWith('_') || text.Trim().EndsWith('_'))
        {
            return null;
        }

        string lower = t.ToLowerInvariant();
        switch (lower)
        {
            case "inf" or "+inf" or "infinity" or "+infinity":
                return double.PositiveInfinity;
            case "-inf" or "-infinity":
                return double.NegativeInfinity;
            case "nan" or "+nan" or "-nan":
                return double.NaN;
        }

        foreach (char c in t)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return null;
            }
        }

        return double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : null;
    }

    private static readonly System.Buffers.SearchValues<char> FloatChars = System.Buffers.SearchValues.Create("0123456789.eE+-");

    internal static string FloatReprText(double d) => FloatFormatter.Repr(d);
}
