using System;
using System.Collections.Generic;
using System.Text;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// decode, hex, fromhex, translate, maketrans and the dunders of bytes and bytearray.
internal static unsafe partial class BytesMethods
{
    private static void RegisterMisc()
    {
        Add("decode", t => (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[2];
            if (!ArgParse.Parse(rt, "decode", args, n, kw, ["encoding", "errors"], 0, a))
            {
                return null;
            }

            string[] names = ["encoding", "errors"];
            for (int k = 0; k < 2; k++)
            {
                if (a[k] != null && !PyRuntime.IsStr(a[k]))
                {
                    rt.SetError(rt.TypeErrorType, $"decode() argument '{names[k]}' must be str, not {rt.TypeName(a[k])}");
                    return null;
                }
            }

            // A bytes object's own data (immutable; the codecs call no Python code); a
            // bytearray's is copied first.
            ReadOnlySpan<byte> data = PyRuntime.IsBytes(self) ? PyRuntime.BytesSpan(self) : Interpreter.BytesOf(self);
            return Codecs.Decode(rt, data, a[0] == null ? "utf-8" : PyRuntime.StrToString(a[0]), a[1] == null ? "strict" : PyRuntime.StrToString(a[1]));
        });
        Add("hex", t => Hex);
        Add("fromhex", t => FromHex, MethodKind.Class);
        Add("maketrans", t => (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "maketrans", kw) || !ArgParse.Positional(rt, "maketrans", n, 2, 2))
            {
                return null;
            }

            byte[]? from = BytesArg(rt, args[0]);
            byte[]? to = from == null ? null : BytesArg(rt, args[1]);
            if (to == null)
            {
                return null;
            }

            if (from!.Length != to.Length)
            {
                rt.SetError(rt.ValueErrorType, "maketrans arguments must have same length");
                return null;
            }

            var table = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                table[i] = (byte)i;
            }

            for (int i = 0; i < from.Length; i++)
            {
                table[from[i]] = to[i];
            }

            return rt.NewBytes(table);
        }, MethodKind.Static);
        Add("translate", t => (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[2];
            if (n < 1)
            {
                rt.SetError(rt.TypeErrorType, $"translate() takes at least 1 positional argument ({n} given)");
                return null;
            }

            if (!ArgParse.Parse(rt, "translate", args, n, kw, ["table", "delete"], 1, a, posOnly: 1))
            {
                return null;
            }

            byte[]? table = null;
            if (a[0] != rt.None)
            {
                table = BytesArg(rt, a[0]);
                if (table == null)
                {
                    return null;
                }

                if (table.Length != 256)
                {
                    rt.SetError(rt.ValueErrorType, "translation table must be 256 characters long");
                    return null;
                }
            }

            byte[]? delete = [];
            if (a[1] != null && (delete = BytesArg(rt, a[1])) == null)
            {
                return null;
            }

            var output = new List<byte>();
            foreach (byte b in Interpreter.BytesOf(self))
            {
                if (System.Array.IndexOf(delete, b) < 0)
                {
                    output.Add(table == null ? b : table[b]);
                }
            }

            return Make(rt, self, output);
        });
    }

    private static PyObject* Hex(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        PyObject** a = stackalloc PyObject*[2];
        if (!ArgParse.Parse(rt, "hex", args, n, kw, ["sep", "bytes_per_sep"], 0, a))
        {
            return null;
        }

        byte[] data = Interpreter.BytesOf(self);
        char sep = '\0';
        if (a[0] != null)
        {
            string? text = PyRuntime.IsStr(a[0]) ? PyRuntime.StrToString(a[0]) : IsBytesLike(rt, a[0]) ? Encoding.Latin1.GetString(Interpreter.BytesOf(a[0])) : null;
            if (text == null)
            {
                rt.SetError(rt.TypeErrorType, $"object of type '{rt.TypeName(a[0])}' has no len()");
                return null;
            }

            if (text.Length != 1)
            {
                rt.SetError(rt.ValueErrorType, "sep must be length 1.");
                return null;
            }

            if (text[0] > 127)
            {
                rt.SetError(rt.ValueErrorType, "sep must be ASCII.");
                return null;
            }

            sep = text[0];
        }

        nint per = 1;
        if (a[1] != null && !MethodArgs.AsSsize(rt, a[1], out per, "int"))
        {
            return null;
        }

        var sb = new StringBuilder(data.Length * 3);
        nint group = per < 0 ? -per : per;
        for (int i = 0; i < data.Length; i++)
        {
            if (sep != '\0' && group > 0 && i > 0)
            {
                bool boundary = per > 0 ? (data.Length - i) % group == 0 : i % group == 0;
                if (boundary)
                {
                    sb.Append(sep);
                }
            }

            sb.Append("0123456789abcdef"[data[i] >> 4]).Append("0123456789abcdef"[data[i] & 15]);
        }

        return rt.NewStr(sb.ToString());
    }

    private static int HexValue(int c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    private static PyObject* FromHex(PyRuntime rt, PyObject* cls, PyObject** args, nint n, PyObject* kw)
    {
        string owner = rt.InfoOf(PyRuntime.BuiltinBase((PyTypeObject*)cls)).Name;
        if (!ArgParse.OneArg(rt, owner + ".fromhex", n, kw))
        {
            return null;
        }

        if (!PyRuntime.IsStr(args[0]))
        {
            rt.SetError(rt.TypeErrorType, $"fromhex() argument must be str, not {rt.TypeName(args[0])}");
            return null;
        }

        int[] s = PyRuntime.StrCodePoints(args[0]);
        var output = new List<byte>(s.Length / 2);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] < 128 && IsSpace((byte)s[i]))
            {
                i++;
                continue;
            }

            int hi = HexValue(s[i]);
            int lo = i + 1 < s.Length ? HexValue(s[i + 1]) : -1;
            if (hi < 0 || lo < 0)
            {
                rt.SetError(rt.ValueErrorType, $"non-hexadecimal number found in fromhex() arg at position {(hi < 0 ? i : i + 1)}");
                return null;
            }

            output.Add((byte)((hi << 4) | lo));
            i += 2;
        }

        System.ReadOnlySpan<byte> bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output);
        if (cls == (PyObject*)rt.BytesType)
        {
            return rt.NewBytes(bytes);
        }

        if (cls == (PyObject*)rt.ByteArrayType)
        {
            return rt.NewByteArray(bytes);
        }

        PyObject* value = rt.NewBytes(bytes);
        PyObject* r = Interpreter.Of(rt).CallOneArg(cls, value);
        rt.DecRef(value);
        return r;
    }

    private static void RegisterDunders()
    {
        Add("__len__", t => (rt, self, args, n, kw) => StrMethods.WrapperArgs(rt, n, 0) ? rt.NewInt(Interpreter.BytesOf(self).Length) : null);
        Add("__repr__", t => (rt, self, args, n, kw) =>
            StrMethods.WrapperArgs(rt, n, 0) ? (rt.IsByteArray(self) ? rt.ByteArrayRepr(self) : rt.BytesRepr(self)) : null);
        Add("__contains__", t => (rt, self, args, n, kw) =>
        {
            if (!StrMethods.WrapperArgs(rt, n, 1))
            {
                return null;
            }

            byte[]? sub = SubArg(rt, args[0]);
            if (sub == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType) && !IsBytesLike(rt, args[0]) && PyRuntime.IsStr(args[0]))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"a bytes-like object is required, not '{rt.TypeName(args[0])}'");
                }

                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            return rt.NewBool(SeqOps.Find<byte>(s, sub, 0, s.Length, false) >= 0);
        });
        Add("__getitem__", t => (rt, self, args, n, kw) => StrMethods.WrapperArgs(rt, n, 1) ? GetItem(rt, self, args[0], t) : null);
        Add("__iter__", t => (rt, self, args, n, kw) =>
        {
            if (!StrMethods.WrapperArgs(rt, n, 0))
            {
                return null;
            }

            PyObject* copy = rt.NewBytes(Interpreter.BytesOf(self));
            PyObject* it = Interpreter.Of(rt).GetIter(copy);
            rt.DecRef(copy);
            return it;
        });
        Add("__add__", t => (rt, self, args, n, kw) =>
        {
            if (!StrMethods.WrapperArgs(rt, n, 1))
            {
                return null;
            }

            if (!IsBytesLike(rt, args[0]))
            {
                rt.SetError(rt.TypeErrorType, $"can't concat {rt.TypeName(args[0])} to {t}");
                return null;
            }

            var all = new List<byte>(Interpreter.BytesOf(self));
            all.AddRange(Interpreter.BytesOf(args[0]));
            return Make(rt, self, all);
        });
        VectorCall Repeat(string t) => (rt, self, args, n, kw) =>
        {
            if (!StrMethods.WrapperArgs(rt, n, 1) || !MethodArgs.AsSsize(rt, args[0], out nint count))
            {
                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            if (count <= 0 || s.Length == 0)
            {
                return Make(rt, self, default(System.ReadOnlySpan<byte>));
            }

            if (count > int.MaxValue / 2 / s.Length)
            {
                rt.SetError(rt.MemoryErrorType, "");
                return null;
            }

            var o = new byte[count * s.Length];
            for (nint k = 0; k < count; k++)
            {
                s.CopyTo(o, k * s.Length);
            }

            return Make(rt, self, o);
        };
        Add("__mul__", Repeat);
        Add("__rmul__", Repeat);
        foreach ((string name, CompareOp op) in new[] { ("__eq__", CompareOp.Eq), ("__ne__", CompareOp.Ne), ("__lt__", CompareOp.Lt), ("__le__", CompareOp.Le), ("__gt__", CompareOp.Gt), ("__ge__", CompareOp.Ge) })
        {
            Add(name, t => (rt, self, args, n, kw) =>
            {
                if (!StrMethods.WrapperArgs(rt, n, 1))
                {
                    return null;
                }

                return rt.IsByteArray(self) ? rt.ByteArrayRichCompare(self, args[0], op) : rt.BytesRichCompare(self, args[0], op);
            });
        }

        BuiltinMethods.Add("bytes", "__hash__", (rt, self, args, n, kw) =>
            StrMethods.WrapperArgs(rt, n, 0) ? rt.NewInt((long)PyRuntime.BytesHashValue(self)) : null);
        BuiltinMethods.Add("bytes", "__getnewargs__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "bytes.__getnewargs__", n, kw))
            {
                return null;
            }

            PyObject* tuple = rt.NewTuple(1);
            PyRuntime.TupleItems(tuple)[0] = rt.NewBytes(Interpreter.BytesOf(self));
            return tuple;
        });
    }

    private static PyObject* GetItem(PyRuntime rt, PyObject* self, PyObject* key, string typeName)
    {
        Interpreter interp = Interpreter.Of(rt);
        byte[] s = Interpreter.BytesOf(self);
        if (key->Type == rt.SliceType)
        {
            if (!interp.SliceIndices(key, s.Length, out nint start, out _, out nint step, out nint count))
            {
                return null;
            }

            var o = new byte[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                o[i] = s[j];
            }

            return Make(rt, self, o);
        }

        bool isBytes = typeName == "bytes";
        if (!interp.IndexOf(key, isBytes ? "byte" : "bytearray", out nint index))
        {
            return null;
        }

        if (index < 0)
        {
            index += s.Length;
        }

        if (index < 0 || index >= s.Length)
        {
            rt.SetError(rt.IndexErrorType, isBytes ? "index out of range" : "bytearray index out of range");
            return null;
        }

        return rt.NewInt(s[index]);
    }
}
