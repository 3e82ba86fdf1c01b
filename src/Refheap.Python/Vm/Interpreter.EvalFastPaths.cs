using System.Runtime.CompilerServices;
using Refheap.Python.Compiler;
using Refheap.Python.Objects.Methods;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Inline fast paths of the evaluation loop for the commonest operand types (what 3.11's
// specialised instructions do: BINARY_OP_ADD_INT, BINARY_OP_MULTIPLY_FLOAT, COMPARE_OP_FLOAT_JUMP,
// FOR_ITER_RANGE, FOR_ITER_LIST). Each computes what the general path would, allocating the same
// objects, or declines (null / false) so that the general path runs.
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// v op w for exact ints of at most one digit and exact floats (an int of at most one digit
    /// converts to a double exactly). Null when the operands or the operator are not covered
    /// (or, rarely, the allocation failed: the general path then retries and reports it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* BinaryOpFast(PyRuntime rt, PyObject* v, PyObject* w, int op)
    {
        PyTypeObject* tv = v->Type;
        PyTypeObject* tw = w->Type;
        PyTypeObject* intType = _loopIntType;
        PyTypeObject* floatType = _loopFloatType;
        if (tv == intType)
        {
            if (!LoopIsMediumInt(v))
            {
                return null;
            }

            if (tw == intType)
            {
                return LoopIsMediumInt(w) ? MediumIntBinary(rt, LoopMediumValue(v), LoopMediumValue(w), op & 15) : null;
            }

            return tw == floatType ? FloatBinaryFast(rt, LoopMediumValue(v), LoopFloatValue(w), op & 15) : null;
        }

        if (tv == floatType)
        {
            if (tw == floatType)
            {
                return FloatBinaryFast(rt, LoopFloatValue(v), LoopFloatValue(w), op & 15);
            }

            return tw == intType && LoopIsMediumInt(w) ? FloatBinaryFast(rt, LoopFloatValue(v), LoopMediumValue(w), op & 15) : null;
        }

        return null;
    }

    /// <summary>long_add, long_sub, long_mul, fast_floor_div, fast_mod and the bitwise operators for one-digit ints.</summary>
    private static PyObject* MediumIntBinary(PyRuntime rt, long a, long b, int op)
    {
        switch (op)
        {
            case BinaryOps.Add:
                return rt.NewInt(a + b);
            case BinaryOps.Subtract:
                return rt.NewInt(a - b);
            case BinaryOps.Multiply:
                return rt.NewInt(a * b);
            case BinaryOps.FloorDivide:
                if (b == 0)
                {
                    return null;
                }

                long q = System.Math.DivRem(a, b, out long rem);
                return rt.NewInt(rem != 0 && (rem < 0) != (b < 0) ? q - 1 : q);
            case BinaryOps.Remainder:
                if (b == 0)
                {
                    return null;
                }

                long m = a % b;
                return rt.NewInt(m != 0 && (m < 0) != (b < 0) ? m + b : m);
            case BinaryOps.And:
                return rt.NewInt(a & b);
            case BinaryOps.Or:
                return rt.NewInt(a | b);
            case BinaryOps.Xor:
                return rt.NewInt(a ^ b);
            default:
                return null;
        }
    }

    /// <summary>float_add, float_sub, float_mul and float_div (by a non-zero divisor).</summary>
    private static PyObject* FloatBinaryFast(PyRuntime rt, double x, double y, int op)
    {
        switch (op)
        {
            case BinaryOps.Add:
                return rt.NewFloat(x + y);
            case BinaryOps.Subtract:
                return rt.NewFloat(x - y);
            case BinaryOps.Multiply:
                return rt.NewFloat(x * y);
            case BinaryOps.TrueDivide:
                return y == 0 ? null : rt.NewFloat(x / y);
            default:
                return null;
        }
    }

    /// <summary>Whether `v op w` on two exact floats is followed by a conditional jump (COMPARE_OP_FLOAT_JUMP).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsJumpAfterFloatCompare(PyObject* v, PyObject* w, int next)
    {
        OpCode op = (OpCode)(byte)next;
        return v->Type == _loopFloatType && w->Type == _loopFloatType && (op == OpCode.PopJumpIfFalse || op == OpCode.PopJumpIfTrue);
    }

    /// <summary>Whether the jump after `v op w` (two exact floats) is taken; NaN compares unequal and unordered.</summary>
    private static bool FloatCompareTaken(PyObject* v, PyObject* w, int op, int jump)
    {
        double a = LoopFloatValue(v);
        double b = LoopFloatValue(w);
        bool r = (CompareOp)op switch
        {
            CompareOp.Lt => a < b,
            CompareOp.Le => a <= b,
            CompareOp.Eq => a == b,
            CompareOp.Ne => a != b,
            CompareOp.Gt => a > b,
            _ => a >= b,
        };
        return r == ((OpCode)(byte)jump == OpCode.PopJumpIfTrue);
    }

    /// <summary>ForIterFast's answer for an iterator it does not cover (never a real object address).</summary>
    private static PyObject* NotCovered => (PyObject*)1;

    /// <summary>
    /// FOR_ITER_RANGE / FOR_ITER_LIST: the next item of a range or list iterator; null at the
    /// end (no error) or when the int could not be allocated (error set); <see cref="NotCovered"/>
    /// for any other iterator.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* ForIterFast(PyRuntime rt, PyObject* it)
    {
        PyTypeObject* t = it->Type;
        if (t == RangeIteratorType)
        {
            var r = (PyRangeIterObject*)it;
            if (r->Index >= r->Len)
            {
                return null;
            }

            long value = unchecked(r->Start + (r->Index * r->Step));
            r->Index++;
            return rt.NewIntInline(value);
        }

        return t == _loopListIterType ? rt.ListIterNextItem(it) : NotCovered;
    }

    /// <summary>
    /// BINARY_SUBSCR_LIST_INT / BINARY_SUBSCR_TUPLE_INT: v[w] for an exact list or tuple and an
    /// exact int of at most one digit that is in range (negative indexes count from the end).
    /// Null for anything else (an index out of range included: the general path raises).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PyObject* SubscrFast(PyObject* v, PyObject* w)
    {
        if (w->Type != _loopIntType || !LoopIsMediumInt(w))
        {
            return null;
        }

        long i = LoopMediumValue(w);
        PyTypeObject* t = v->Type;
        PyObject** items;
        if (t == _loopListType)
        {
            items = LoopListItems(v);
        }
        else if (t == _loopTupleType)
        {
            items = LoopTupleItems(v);
        }
        else
        {
            return null;
        }

        long n = ((PyVarObject*)v)->Size;
        if (i < 0)
        {
            i += n;
        }

        return (ulong)i < (ulong)n ? LoopNewRef(items[i]) : null;
    }

    /// <summary>v op w as a bool for two exact ints of at most one digit (int's rich comparison).</summary>
    private PyObject* MediumIntCompare(PyObject* v, PyObject* w, int op)
    {
        long a = LoopMediumValue(v);
        long b = LoopMediumValue(w);
        bool r = (CompareOp)op switch
        {
            CompareOp.Lt => a < b,
            CompareOp.Le => a <= b,
            CompareOp.Eq => a == b,
            CompareOp.Ne => a != b,
            CompareOp.Gt => a > b,
            _ => a >= b,
        };
        return LoopNewRef(r ? _loopTrue : _loopFalse);
    }
}
