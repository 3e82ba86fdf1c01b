using System.Numerics;
using Refheap.Python.Compiler;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of int and bool (Objects/longobject.c, Objects/boolobject.c, 3.11 behaviour).</summary>
internal static unsafe partial class IntMethods
{
    private const string I = "int";

    public static void Register()
    {
        BuiltinMethods.Add(I, "bit_length", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, "int.bit_length", n, kw) ? rt.NewInt((long)BigInteger.Abs(Big(self)).GetBitLength()) : null);
        BuiltinMethods.Add(I, "bit_count", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, "int.bit_count", n, kw) ? rt.NewInt(PopCount(BigInteger.Abs(Big(self)))) : null);
        BuiltinMethods.Add(I, "as_integer_ratio", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "int.as_integer_ratio", n, kw))
            {
                return null;
            }

            PyObject* num = Exact(rt, self);
            PyObject* one = rt.NewInt(1);
            PyObject* t = rt.NewTuple((nint)num, (nint)one);
            rt.DecRef(num);
            rt.DecRef(one);
            return t;
        });
        BuiltinMethods.Add(I, "conjugate", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "int.conjugate", n, kw) ? Exact(rt, self) : null);
        BuiltinMethods.Add(I, "to_bytes", ToBytes);
        BuiltinMethods.Add(I, "from_bytes", FromBytes, MethodKind.Class);
        foreach (string name in new[] { "__int__", "__index__", "__trunc__", "__floor__", "__ceil__", "__pos__" })
        {
            SlotDunders.AddUnary(I, name, &Exact);
        }

        BuiltinMethods.Add(I, "__round__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "__round__", n, 0, 1, kw))
            {
                return null;
            }

            PyObject* exact = Exact(rt, self);
            PyObject* r = n == 0 || args[0] == rt.None ? PyRuntime.NewRef(exact) : Interpreter.Of(rt).Round(exact, args[0]);
            rt.DecRef(exact);
            return r;
        });
        BuiltinMethods.Add(I, "__getnewargs__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "int.__getnewargs__", n, kw))
            {
                return null;
            }

            PyObject* e = Exact(rt, self);
            PyObject* t = rt.NewTuple([(nint)e]);
            rt.DecRef(e);
            return t;
        });
        BuiltinMethods.Add(I, "__format__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "__format__", n, kw))
            {
                return null;
            }

            PyObject* e = Exact(rt, self);
            PyObject* r = Interpreter.Of(rt).Format(e, args[0]);
            rt.DecRef(e);
            return r;
        });
        SlotDunders.AddUnary(I, "__abs__", &Abs);
        SlotDunders.AddUnary(I, "__neg__", &Neg);
        SlotDunders.AddUnary(I, "__invert__", &Invert);
        SlotDunders.AddUnary(I, "__bool__", &Bool);
        SlotDunders.AddUnary(I, "__float__", &ToFloat);
        SlotDunders.AddSizeOf(I, &IntExtraSize);
        SlotDunders.AddCompare(I);
        SlotDunders.AddRepr(I);
        SlotDunders.AddHash(I);
        BuiltinMethods.AddGetSet(I, "real", (interp, self) => Exact(interp.Rt, self));
        BuiltinMethods.AddGetSet(I, "imag", (interp, self) => interp.Rt.NewInt(0));
        BuiltinMethods.AddGetSet(I, "numerator", (interp, self) => Exact(interp.Rt, self));
        BuiltinMethods.AddGetSet(I, "denominator", (interp, self) => interp.Rt.NewInt(1));
        RegisterArithmetic();
        RegisterBool();
    }

    internal static BigInteger Big(PyObject* o) => PyRuntime.IntToBigInteger(o);

    /// <summary>The value as an exact int: the object itself when it already is one.</summary>
    internal static PyObject* Exact(PyRuntime rt, PyObject* o) =>
        o->Type == rt.IntType ? PyRuntime.NewRef(o) : rt.NewInt(Big(o));

    private static long PopCount(BigInteger v)
    {
        long c = 0;
        foreach (byte b in v.ToByteArray(isUnsigned: true))
        {
            c += BitOperations.PopCount(b);
        }

        return c;
    }

    private static nint IntExtraSize(PyRuntime rt, PyObject* o)
    {
        nint digits = ((PyVarObject*)o)->Size;
        return (digits < 0 ? -digits : digits == 0 ? 1 : digits) * 4;
    }

    private static PyObject* Abs(PyRuntime rt, PyObject* o) => rt.IntAbsolute(o);

    private static PyObject* Neg(PyRuntime rt, PyObject* o) => rt.IntNegative(o);

    private static PyObject* Invert(PyRuntime rt, PyObject* o) => rt.IntInvert(o);

    private static PyObject* Bool(PyRuntime rt, PyObject* o) => rt.NewBool(((PyVarObject*)o)->Size != 0);

    private static PyObject* ToFloat(PyRuntime rt, PyObject* o) =>
        MethodSupport.ToDouble(Interpreter.Of(rt), o, out double d) ? rt.NewFloat(d) : null;

    private static void RegisterArithmetic()
    {
        (string Name, int Op)[] ops =
        [
            ("add", BinaryOps.Add), ("sub", BinaryOps.Subtract), ("mul", BinaryOps.Multiply), ("floordiv", BinaryOps.FloorDivide),
            ("truediv", BinaryOps.TrueDivide), ("mod", BinaryOps.Remainder), ("lshift", BinaryOps.LShift), ("rshift", BinaryOps.RShift),
            ("and", BinaryOps.And), ("or", BinaryOps.Or), ("xor", BinaryOps.Xor),
        ];
        foreach ((string name, int op) in ops)
        {
            int o = op;
            BuiltinMethods.Add(I, "__" + name + "__", (rt, self, args, n, kw) =>
                SlotDunders.Expect(rt, n, kw, 1) ? Binary(rt, self, args[0], o) : null);
            BuiltinMethods.Add(I, "__r" + name + "__", (rt, self, args, n, kw) =>
                SlotDunders.Expect(rt, n, kw, 1) ? Binary(rt, args[0], self, o) : null);
        }

        BuiltinMethods.Add(I, "__divmod__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? DivMod(rt, self, args[0]) : null);
        BuiltinMethods.Add(I, "__rdivmod__", (rt, self, args, n, kw) => SlotDunders.Expect(rt, n, kw, 1) ? DivMod(rt, args[0], self) : null);
        BuiltinMethods.Add(I, "__pow__", (rt, self, args, n, kw) => Pow(rt, self, args, n, kw, reflected: false));
        BuiltinMethods.Add(I, "__rpow__", (rt, self, args, n, kw) => Pow(rt, self, args, n, kw, reflected: true));
    }

    /// <summary>int op int; NotImplemented unless both are ints.</summary>
    private static PyObject* Binary(PyRuntime rt, PyObject* a, PyObject* b, int op)
    {
        if (!PyRuntime.IsInt(a) || !PyRuntime.IsInt(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return Interpreter.Of(rt).IntBinaryBase(a, b, op);
    }

    private static PyObject* DivMod(PyRuntime rt, PyObject* a, PyObject* b)
    {
        if (!PyRuntime.IsInt(a) || !PyRuntime.IsInt(b))
        {
            return MethodSupport.NotImplemented(rt);
        }

        return rt.IntDivMod(a, b);
    }

    private static PyObject* Pow(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw, bool reflected)
    {
        if (!ArgParse.Positional(rt, reflected ? "__rpow__" : "__pow__", n, 1, 2, kw))
        {
            return null;
        }

        PyObject* a = reflected ? args[0] : self;
        PyObject* b = reflected ? self : args[0];
        PyObject* mod = n > 1 ? args[1] : rt.None;
        if (!PyRuntime.IsInt(a) || !PyRuntime.IsInt(b) || (mod != rt.None && !PyRuntime.IsInt(mod)))
        {
            return MethodSupport.NotImplemented(rt);
        }

        if (mod == rt.None)
        {
            return Interpreter.Of(rt).IntBinaryBase(a, b, BinaryOps.Power);
        }

        return Interpreter.Of(rt).PowMod(a, b, mod);
    }

    private static void RegisterBool()
    {
        const string B = "bool";
        SlotDunders.AddRepr(B);
        (string Name, int Op)[] ops = [("and", BinaryOps.And), ("or", BinaryOps.Or), ("xor", BinaryOps.Xor)];
        foreach ((string name, int op) in ops)
        {
            int o = op;
            BuiltinMethods.Add(B, "__" + name + "__", (rt, self, args, n, kw) =>
                SlotDunders.Expect(rt, n, kw, 1) ? BoolBinary(rt, self, args[0], o) : null);
            BuiltinMethods.Add(B, "__r" + name + "__", (rt, self, args, n, kw) =>
                SlotDunders.Expect(rt, n, kw, 1) ? BoolBinary(rt, args[0], self, o) : null);
        }
    }

    private static PyObject* BoolBinary(PyRuntime rt, PyObject* a, PyObject* b, int op)
    {
        if (a->Type == rt.BoolType && b->Type == rt.BoolType)
        {
            bool x = a == rt.True;
            bool y = b == rt.True;
            return rt.NewBool(op == BinaryOps.And ? x & y : op == BinaryOps.Or ? x | y : x ^ y);
        }

        return Binary(rt, a, b, op);
    }
}
