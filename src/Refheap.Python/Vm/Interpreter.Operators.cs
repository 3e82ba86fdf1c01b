using System;
using Refheap.Python.Compiler;
using Refheap.Python.Lib;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Binary and unary operators (Objects/abstract.c, 3.11: binary_op1, binary_iop1, the
// sequence fallbacks for + and *, the reflected-operand rule for subclasses).
internal sealed unsafe partial class Interpreter
{
    private static readonly string[] s_opNames = BuildNames("__", "__");
    private static readonly string[] s_ropNames = BuildNames("__r", "__");
    private static readonly string[] s_iopNames = BuildNames("__i", "__");

    private static string[] BuildNames(string prefix, string suffix)
    {
        var names = new string[BinaryOps.Names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = prefix + BinaryOps.Names[i] + suffix;
        }

        return names;
    }

    /// <summary>PyNumber_Add and friends (in-place when op has <see cref="BinaryOps.InPlace"/>).</summary>
    public PyObject* BinaryOp(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        int baseOp = op & 15;
        bool inplace = (op & BinaryOps.InPlace) != 0;

        // Fast paths for exact ints and floats.
        if (a->Type == rt.IntType && b->Type == rt.IntType)
        {
            PyObject* r = IntBinary(a, b, baseOp);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }
        else if (a->Type == rt.FloatType && b->Type == rt.FloatType)
        {
            PyObject* r = FloatBinary(PyRuntime.FloatValue(a), PyRuntime.FloatValue(b), baseOp);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }
        else if (a->Type == rt.StrType && (baseOp == BinaryOps.Remainder || baseOp == BinaryOps.Multiply))
        {
            // Exact str with an exact tuple, str, int or float (none defines a reflected
            // operator the str's own would have to yield to): unicode_mod, or int's long_mul
            // declining and unicode_repeat, as binary_op1 and the sequence fallback reach them.
            PyTypeObject* tb = b->Type;
            if (baseOp == BinaryOps.Remainder && (tb == rt.TupleType || tb == rt.StrType || tb == rt.IntType || tb == rt.FloatType))
            {
                return StrPercentFormat(a, b);
            }

            if (baseOp == BinaryOps.Multiply && tb == rt.IntType)
            {
                return SequenceRepeat(a, b, inplace);
            }
        }
        else if (a->Type == rt.StrType && b->Type == rt.StrType && baseOp == BinaryOps.Add)
        {
            // BINARY_OP_ADD_UNICODE: PyUnicode_Concat (str has no nb_add; sq_concat decides).
            return rt.StrConcat(a, b);
        }
        else if ((a->Type == rt.FloatType && b->Type == rt.IntType) || (a->Type == rt.IntType && b->Type == rt.FloatType))
        {
            // Exact int with exact float: what float's slot does after int's declines.
            if (!ToDouble(a, out double x) || !ToDouble(b, out double y))
            {
                return null;
            }

            PyObject* r = FloatBinary(x, y, baseOp);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }

        if (rt.IsWeakProxy(a) || rt.IsWeakProxy(b))
        {
            return ProxyBinary(a, b, op);
        }

        if (inplace)
        {
            PyObject* r = InPlaceSlot(a, b, baseOp);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
        }

        PyObject* res = BinaryOp1(a, b, baseOp);
        if (res != rt.NotImplemented)
        {
            return res;
        }

        rt.DecRef(res);

        // Sequence fallbacks.
        if (baseOp == BinaryOps.Add)
        {
            PyObject* c = SequenceConcat(a, b, inplace);
            if (c != rt.NotImplemented)
            {
                return c;
            }

            rt.DecRef(c);
        }
        else if (baseOp == BinaryOps.Multiply)
        {
            PyObject* c = SequenceRepeat(a, b, inplace);
            if (c != rt.NotImplemented)
            {
                return c;
            }

            rt.DecRef(c);
        }

        if (baseOp == BinaryOps.Or && IsUnionOperand(a) && IsUnionOperand(b))
        {
            return MakeUnion(a, b);
        }

        string sym = BinaryOps.Symbols[baseOp];
        if (inplace)
        {
            sym = baseOp == BinaryOps.Power ? "**=" : sym + "=";
        }

        if (baseOp == BinaryOps.Add && !inplace && a->Type == rt.StrType)
        {
            rt.SetError(rt.TypeErrorType, $"can only concatenate str (not \"{rt.TypeName(b)}\") to str");
            return null;
        }

        if (baseOp == BinaryOps.Add && (PyRuntime.IsSubtype(a->Type, rt.ListType) || PyRuntime.IsSubtype(a->Type, rt.TupleType)))
        {
            string tn = PyRuntime.IsSubtype(a->Type, rt.ListType) ? "list" : "tuple";
            rt.SetError(rt.TypeErrorType, $"can only concatenate {tn} (not \"{rt.TypeName(b)}\") to {tn}");
            return null;
        }

        rt.SetError(rt.TypeErrorType, $"unsupported operand type(s) for {sym}: '{rt.TypeName(a)}' and '{rt.TypeName(b)}'");
        return null;
    }

    /// <summary>binary_op1: a's slot, b's reflected slot (first when b's type is a proper subtype that overrides it).</summary>
    private PyObject* BinaryOp1(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        PyTypeObject* ta = a->Type;
        PyTypeObject* tb = b->Type;
        bool tryB = ta != tb;
        if (tryB && PyRuntime.IsSubtypeMro(tb, ta) && HasUserDunder(tb, s_ropNames[op]))
        {
            PyObject* r = NumberSlot(b, a, op, reflected: true);
            if (r != rt.NotImplemented)
            {
                return r;
            }

            rt.DecRef(r);
            tryB = false;
        }

        PyObject* res = NumberSlot(a, b, op, reflected: false);
        if (res != rt.NotImplemented)
        {
            return res;
        }

        rt.DecRef(res);
        if (tryB)
        {
            return NumberSlot(b, a, op, reflected: true);
        }

        return PyRuntime.NewRef(rt.NotImplemented);
    }

    /// <summary>The operator implementation of <paramref name="self"/>'s type: a class's dunder, else its builtin base's.</summary>
    private PyObject* NumberSlot(PyObject* self, PyObject* other, int op, bool reflected)
    {
        PyTypeObject* t = self->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, reflected ? s_ropNames[op] : s_opNames[op]);
            if (fn != null)
            {
                return CallDunder(fn, self, other);
            }

            if (Rt.ErrorOccurred)
            {
                return null;
            }
        }

        return reflected ? BuiltinBinary(other, self, op, selfIsRight: true) : BuiltinBinary(self, other, op, selfIsRight: false);
    }

    private PyObject* InPlaceSlot(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = a->Type;
        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, s_iopNames[op]);
            if (fn != null)
            {
                return CallDunder(fn, a, b);
            }

            if (rt.ErrorOccurred)
            {
                return null;
            }
        }

        if (PyRuntime.IsSubtype(t, rt.ListType))
        {
            if (op == BinaryOps.Add)
            {
                if (ListExtend(a, b) < 0)
                {
                    return null;
                }

                return PyRuntime.NewRef(a);
            }

            if (op == BinaryOps.Multiply && PyRuntime.IsInt(b))
            {
                return ListInPlaceRepeat(a, b);
            }
        }

        if (rt.IsSet(a) && rt.IsAnySet(b))
        {
            return SetInPlace(a, b, op);
        }

        if (rt.IsByteArray(a) && op == BinaryOps.Add)
        {
            return ByteArrayInPlaceConcat(a, b);
        }

        if (PyRuntime.IsSubtype(t, rt.DictType) && op == BinaryOps.Or)
        {
            if (DictUpdateFrom(a, b) < 0)
            {
                return null;
            }

            return PyRuntime.NewRef(a);
        }

        return PyRuntime.NewRef(rt.NotImplemented);
    }

    private PyObject* IntBinary(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        if ((nuint)(((PyVarObject*)a)->Size + 2) <= 4 && (nuint)(((PyVarObject*)b)->Size + 2) <= 4)
        {
            PyObject* small = TwoDigitIntBinary(rt, a, b, op);
            if (small != null)
            {
                return small;
            }
        }

        PyObject* r = op switch
        {
            BinaryOps.Add => rt.IntAdd(a, b),
            BinaryOps.Subtract => rt.IntSubtract(a, b),
            BinaryOps.Multiply => rt.IntMultiply(a, b),
            BinaryOps.FloorDivide => rt.IntFloorDivide(a, b),
            BinaryOps.TrueDivide => rt.IntTrueDivide(a, b),
            BinaryOps.Remainder => rt.IntModulo(a, b),
            BinaryOps.Power => IntPower(a, b),
            BinaryOps.LShift => rt.IntLeftShift(a, b),
            BinaryOps.RShift => rt.IntRightShift(a, b),
            BinaryOps.And => rt.IntAnd(a, b),
            BinaryOps.Or => rt.IntOr(a, b),
            BinaryOps.Xor => rt.IntXor(a, b),
            _ => PyRuntime.NewRef(rt.NotImplemented),
        };
        return r;
    }

    /// <summary>
    /// long_add, long_sub, long_mul, the floor division and modulo, the shifts and the bitwise
    /// operators for ints of at most two digits (below 2**60), computed in 64 bits; null when the
    /// result does not fit in a long or the general path must raise (zero divisor, negative
    /// shift), or for the other operators. The result is the int the digit algorithms give.
    /// </summary>
    private static PyObject* TwoDigitIntBinary(PyRuntime rt, PyObject* a, PyObject* b, int op)
    {
        PyRuntime.TryIntToLong(a, out long x);
        PyRuntime.TryIntToLong(b, out long y);
        switch (op)
        {
            case BinaryOps.Add:
                return rt.NewInt(x + y);
            case BinaryOps.Subtract:
                return rt.NewInt(x - y);
            case BinaryOps.Multiply:
                long high = Math.BigMul(x, y, out long low);
                return high == (low >> 63) ? rt.NewInt(low) : null;
            case BinaryOps.FloorDivide:
                if (y == 0)
                {
                    return null;
                }

                long q = Math.DivRem(x, y, out long rem);
                return rt.NewInt(rem != 0 && (rem < 0) != (y < 0) ? q - 1 : q);
            case BinaryOps.Remainder:
                if (y == 0)
                {
                    return null;
                }

                long m = x % y;
                return rt.NewInt(m != 0 && (m < 0) != (y < 0) ? m + y : m);
            case BinaryOps.RShift:
                return y < 0 ? null : rt.NewInt(y >= 63 ? (x < 0 ? -1 : 0) : x >> (int)y);
            case BinaryOps.LShift:
                if (y < 0 || y >= 63 || ((x << (int)y) >> (int)y) != x)
                {
                    return null;
                }

                return rt.NewInt(x << (int)y);
            case BinaryOps.And:
                return rt.NewInt(x & y);
            case BinaryOps.Or:
                return rt.NewInt(x | y);
            case BinaryOps.Xor:
                return rt.NewInt(x ^ y);
            default:
                return null;
        }
    }

    private PyObject* IntPower(PyObject* a, PyObject* b)
    {
        if (PyRuntime.IntToBigInteger(b).Sign < 0)
        {
            // int ** negative int is a float (long_pow).
            double x = PyFormat.IntToDouble(PyRuntime.IntToBigInteger(a));
            double y = PyFormat.IntToDouble(PyRuntime.IntToBigInteger(b));
            if (x == 0)
            {
                Rt.SetError(Rt.ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
                return null;
            }

            return Rt.NewFloat(Math.Pow(x, y));
        }

        return Rt.IntPower(a, b);
    }

    /// <summary>The builtin types' operators; NotImplemented (a new reference) when the pair is not theirs.</summary>
    private PyObject* BuiltinBinary(PyObject* a, PyObject* b, int op, bool selfIsRight)
    {
        PyRuntime rt = Rt;
        bool aInt = PyRuntime.IsInt(a);
        bool bInt = PyRuntime.IsInt(b);
        if (aInt && bInt)
        {
            if (op is BinaryOps.And or BinaryOps.Or or BinaryOps.Xor && a->Type == rt.BoolType && b->Type == rt.BoolType)
            {
                bool x = a == rt.True;
                bool y = b == rt.True;
                return rt.NewBool(op == BinaryOps.And ? x & y : op == BinaryOps.Or ? x | y : x ^ y);
            }

            return IntBinary(a, b, op);
        }

        if (IsComplex(a) || IsComplex(b))
        {
            return ComplexBinary(a, b, op);
        }

        bool aFloat = rt.IsFloat(a);
        bool bFloat = rt.IsFloat(b);
        if ((aFloat || aInt) && (bFloat || bInt) && (aFloat || bFloat))
        {
            if (!ToDouble(a, out double x) || !ToDouble(b, out double y))
            {
                return null;
            }

            return FloatBinary(x, y, op);
        }

        if (op == BinaryOps.Remainder && !selfIsRight && PyRuntime.IsStr(a))
        {
            return StrPercentFormat(a, b);
        }

        if (op == BinaryOps.Remainder && !selfIsRight && (PyRuntime.IsBytes(a) || rt.IsByteArray(a)))
        {
            return BytesPercentFormat(a, b);
        }

        if (rt.IsAnySet(a) && rt.IsAnySet(b) && op is BinaryOps.Or or BinaryOps.And or BinaryOps.Subtract or BinaryOps.Xor)
        {
            return SetBinary(a, b, op);
        }

        if (op is BinaryOps.Or or BinaryOps.And or BinaryOps.Subtract or BinaryOps.Xor && Objects.Methods.DictViewMethods.IsSetView(rt, a, b))
        {
            return Objects.Methods.DictViewMethods.SetOp(this, a, b, op);
        }

        if (op == BinaryOps.Or && PyRuntime.IsSubtype(a->Type, rt.DictType) && PyRuntime.IsSubtype(b->Type, rt.DictType))
        {
            PyObject* d = rt.DictCopy(a);
            if (d == null)
            {
                return null;
            }

            if (rt.DictUpdate(d, b) < 0)
            {
                rt.DecRef(d);
                return null;
            }

            return d;
        }

        return PyRuntime.NewRef(rt.NotImplemented);
    }

    /// <summary>Unary -, + and ~.</summary>
    public PyObject* UnaryOp(PyObject* v, OpCode op)
    {
        PyRuntime rt = Rt;
        string dunder = op switch { OpCode.UnaryNegative => "__neg__", OpCode.UnaryPositive => "__pos__", _ => "__invert__" };
        if (rt.IsWeakProxy(v))
        {
            return ProxyUnary(v, op);
        }

        if ((v->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(v->Type, dunder);
            if (fn != null)
            {
                return CallDunder(fn, v, null);
            }
        }

        if (PyRuntime.IsInt(v))
        {
            return op switch
            {
                OpCode.UnaryNegative => rt.IntNegative(v),
                OpCode.UnaryPositive => rt.IntPositive(v),
                _ => rt.IntInvert(v),
            };
        }

        if (rt.IsFloat(v) && op != OpCode.UnaryInvert)
        {
            double x = PyRuntime.FloatValue(v);
            return op == OpCode.UnaryNegative ? rt.NewFloat(-x) : (v->Type == rt.FloatType ? PyRuntime.NewRef(v) : rt.NewFloat(x));
        }

        if (IsComplex(v) && op != OpCode.UnaryInvert)
        {
            var c = (PyComplexObject*)v;
            return op == OpCode.UnaryNegative ? NewComplex(-c->Real, -c->Imag) : NewComplex(c->Real, c->Imag);
        }

        string sym = op switch { OpCode.UnaryNegative => "unary -", OpCode.UnaryPositive => "unary +", _ => "unary ~" };
        rt.SetError(rt.TypeErrorType, $"bad operand type for {sym}: '{rt.TypeName(v)}'");
        return null;
    }
}
