using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// The methods bytes and bytearray share (Objects/bytes_methods.c, bytesobject.c,
// bytearrayobject.c, 3.11); each is registered on both types, and results take the type of self.
internal static unsafe partial class BytesMethods
{
    private static readonly string[] s_types = ["bytes", "bytearray"];

    public static void Register()
    {
        RegisterCase();
        RegisterPadding();
        RegisterSearch();
        RegisterSplit();
        RegisterMisc();
        RegisterDunders();
        ByteArrayMethods.Register();
    }

    /// <summary>Registers the body on bytes and on bytearray; the body gets the type name for its messages.</summary>
    private static void Add(string name, Func<string, VectorCall> body, MethodKind kind = MethodKind.Instance)
    {
        foreach (string t in s_types)
        {
            BuiltinMethods.Add(t, name, body(t), kind);
        }
    }

    internal static bool IsBytesLike(PyRuntime rt, PyObject* o) => PyRuntime.IsBytes(o) || rt.IsByteArray(o);

    /// <summary>The bytes of a bytes-like argument; TypeError "a bytes-like object is required, not 'T'".</summary>
    internal static byte[]? BytesArg(PyRuntime rt, PyObject* o)
    {
        if (!IsBytesLike(rt, o))
        {
            rt.SetError(rt.TypeErrorType, $"a bytes-like object is required, not '{rt.TypeName(o)}'");
            return null;
        }

        return Interpreter.BytesOf(o);
    }

    /// <summary>A new object of self's kind: bytes for bytes (and subclasses), bytearray for bytearray.</summary>
    internal static PyObject* Make(PyRuntime rt, PyObject* self, ReadOnlySpan<byte> data) =>
        rt.IsByteArray(self) ? rt.NewByteArray(data) : rt.NewBytes(data);

    internal static PyObject* Make(PyRuntime rt, PyObject* self, List<byte> data) => Make(rt, self, CollectionsMarshal.AsSpan(data));

    /// <summary>An unchanged result: bytes returns itself when exact; bytearray always copies.</summary>
    internal static PyObject* Unchanged(PyRuntime rt, PyObject* self)
    {
        if (self->Type == rt.BytesType)
        {
            return PyRuntime.NewRef(self);
        }

        return Make(rt, self, Interpreter.BytesOf(self));
    }

    internal static bool IsSpace(byte b) => b == ' ' || (b >= 9 && b <= 13);

    private static bool IsLowerB(byte b) => b >= 'a' && b <= 'z';

    private static bool IsUpperB(byte b) => b >= 'A' && b <= 'Z';

    private static bool IsAlphaB(byte b) => IsLowerB(b) || IsUpperB(b);

    private static bool IsDigitB(byte b) => b >= '0' && b <= '9';

    private static byte Lower(byte b) => IsUpperB(b) ? (byte)(b + 32) : b;

    private static byte Upper(byte b) => IsLowerB(b) ? (byte)(b - 32) : b;

    private static void AddNoArgs(string name, Func<byte[], byte[]> transform)
    {
        Add(name, t => (rt, self, args, n, kw) =>
            ((n == 0 && kw == null) || ArgParse.NoArgs(rt, t + "." + name, n, kw)) ? Make(rt, self, transform(Interpreter.BytesOf(self))) : null);
    }

    private static void AddPredicate(string name, Func<byte[], bool> test)
    {
        Add(name, t => (rt, self, args, n, kw) =>
            ((n == 0 && kw == null) || ArgParse.NoArgs(rt, t + "." + name, n, kw)) ? rt.NewBool(test(Interpreter.BytesOf(self))) : null);
    }

    private static bool All(byte[] s, Func<byte, bool> test) => s.Length > 0 && Array.TrueForAll(s, b => test(b));

    private static void RegisterCase()
    {
        AddNoArgs("upper", s => Array.ConvertAll(s, Upper));
        AddNoArgs("lower", s => Array.ConvertAll(s, Lower));
        AddNoArgs("swapcase", s => Array.ConvertAll(s, b => IsUpperB(b) ? Lower(b) : Upper(b)));
        AddNoArgs("capitalize", s =>
        {
            var o = Array.ConvertAll(s, Lower);
            if (o.Length > 0)
            {
                o[0] = Upper(o[0]);
            }

            return o;
        });
        AddNoArgs("title", s =>
        {
            var o = new byte[s.Length];
            bool previousCased = false;
            for (int i = 0; i < s.Length; i++)
            {
                o[i] = previousCased ? Lower(s[i]) : Upper(s[i]);
                previousCased = IsAlphaB(s[i]);
            }

            return o;
        });
        AddPredicate("isalpha", s => All(s, IsAlphaB));
        AddPredicate("isalnum", s => All(s, b => IsAlphaB(b) || IsDigitB(b)));
        AddPredicate("isdigit", s => All(s, IsDigitB));
        AddPredicate("isspace", s => All(s, IsSpace));
        AddPredicate("isascii", s => Array.TrueForAll(s, b => b < 128));
        AddPredicate("islower", s => Array.Exists(s, IsLowerB) && !Array.Exists(s, IsUpperB));
        AddPredicate("isupper", s => Array.Exists(s, IsUpperB) && !Array.Exists(s, IsLowerB));
        AddPredicate("istitle", s =>
        {
            bool cased = false;
            bool previousCased = false;
            foreach (byte b in s)
            {
                if (IsUpperB(b))
                {
                    if (previousCased)
                    {
                        return false;
                    }

                    previousCased = cased = true;
                }
                else if (IsLowerB(b))
                {
                    if (!previousCased)
                    {
                        return false;
                    }

                    previousCased = cased = true;
                }
                else
                {
                    previousCased = false;
                }
            }

            return cased;
        });
    }

    private static void AddPad(string name, Func<nint, nint, (nint Left, nint Right)> split)
    {
        Add(name, t => (rt, self, args, n, kw) =>
        {
            if (!(kw == null || ArgParse.NoKeywords(rt, t + "." + name, kw)) || !ArgParse.Positional(rt, name, n, 1, 2))
            {
                return null;
            }

            if (!MethodArgs.AsSsize(rt, args[0], out nint width))
            {
                return null;
            }

            byte fill = (byte)' ';
            if (n > 1)
            {
                PyObject* f = args[1];
                if (!IsBytesLike(rt, f) || Interpreter.BytesOf(f).Length != 1)
                {
                    rt.SetError(rt.TypeErrorType, $"{name}() argument 2 must be a byte string of length 1, not {rt.TypeName(f)}");
                    return null;
                }

                fill = Interpreter.BytesOf(f)[0];
            }

            byte[] s = Interpreter.BytesOf(self);
            if (width <= s.Length)
            {
                return Unchanged(rt, self);
            }

            (nint left, nint right) = split(width - s.Length, width);
            var o = new byte[left + s.Length + right];
            o.AsSpan(0, (int)left).Fill(fill);
            s.CopyTo(o, left);
            o.AsSpan((int)(left + s.Length)).Fill(fill);
            return Make(rt, self, o);
        });
    }

    private static void RegisterPadding()
    {
        AddPad("center", StrMethods.CenterSplit);
        AddPad("ljust", (m, w) => (0, m));
        AddPad("rjust", (m, w) => (m, 0));
        Add("zfill", t => (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, t + ".zfill", n, kw) || !MethodArgs.AsSsize(rt, args[0], out nint width))
            {
                return null;
            }

            byte[] s = Interpreter.BytesOf(self);
            if (width <= s.Length)
            {
                return Unchanged(rt, self);
            }

            nint fill = width - s.Length;
            var o = new byte[width];
            o.AsSpan(0, (int)fill).Fill((byte)'0');
            s.CopyTo(o, fill);
            if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
            {
                o[0] = s[0];
                o[fill] = (byte)'0';
            }

            return Make(rt, self, o);
        });
        Add("expandtabs", t => (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[1];
            if (!ArgParse.Parse(rt, "expandtabs", args, n, kw, ["tabsize"], 0, a))
            {
                return null;
            }

            nint tabsize = 8;
            if (a[0] != null && !MethodArgs.AsSsize(rt, a[0], out tabsize, "int"))
            {
                return null;
            }

            return Make(rt, self, SeqOps.ExpandTabs<byte>(Interpreter.BytesOf(self), tabsize, (byte)' ', b => b));
        });
    }
}
