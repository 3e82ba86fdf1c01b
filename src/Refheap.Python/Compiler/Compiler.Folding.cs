using System.Collections.Generic;
using System.Numerics;
using System.Text;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

// Constant folding of arithmetic (Python/ast_opt.c, 3.11: fold_binop, fold_unaryop and the
// safe_multiply / safe_power / safe_lshift limits). A BinOp or UnaryOp whose operands are (or
// fold to) constants compiles to the one constant it evaluates to, as CPython's AST optimiser
// leaves it: `2 ** 64` is a LOAD_CONST of 18446744073709551616 and `-5` of -5. The folding runs
// at compile time only, so `ast.parse` still shows the operations. This covers ints and bools,
// floats for + - * /, int / int with both operands exact in a double, str + str, bytes +
// bytes, str * int and tuples of constants; an operation that would raise or go over CPython's
// size limits (128-bit ints, 4096-character strs) is left to run, as CPython leaves it. A
// constant indexed by a constant (`'ab'[0]`, fold_subscr) folds too.
public sealed partial class PyCompiler
{
    private const int MaxIntSize = 128;   // MAX_INT_SIZE (bits)
    private const int MaxStrSize = 4096;  // MAX_STR_SIZE

    /// <summary>The constant an expression folds to: a Constant's value, or a foldable operation's result.</summary>
    private static bool TryFold(ExprNode e, out object? value)
    {
        switch (e)
        {
            case Constant c:
                value = c.Value;
                return true;
            case BinOp bo when TryFold(bo.Left, out object? left) && TryFold(bo.Right, out object? right):
                value = FoldBinary(bo.Op, left, right);
                return value != null;
            case UnaryOp uo when TryFold(uo.Operand, out object? operand):
                value = FoldUnary(uo.Op, operand);
                return value != null;
            case TupleExpr { Ctx: ExprContext.Load } t when TryFoldAll(t.Elts, out object?[] items):
                // fold_tuple: a tuple display of constants is one constant tuple.
                value = new ConstTuple(items);
                return true;
            case Subscript { Ctx: ExprContext.Load, Slice: not Slice } sub
                when TryFold(sub.Value, out object? container) && TryFold(sub.Slice, out object? index):
                // fold_subscr: a constant indexed by a constant, when that does not raise.
                value = FoldSubscript(container, index);
                return value != null;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// PyObject_GetItem of a str, bytes or tuple constant by an int (or bool) constant; null when
    /// that would raise (out of range, another type), so the subscript is left to run.
    /// </summary>
    private static object? FoldSubscript(object? container, object? index)
    {
        BigInteger? i = index switch
        {
            BigInteger b => b,
            bool flag => flag ? BigInteger.One : BigInteger.Zero,
            _ => null,
        };
        if (i is not BigInteger at)
        {
            return null;
        }

        switch (container)
        {
            case string text:
                List<string> points = CodePoints(text);
                return Index(points.Count, at) is int k ? points[k] : null;
            case byte[] bytes:
                return Index(bytes.Length, at) is int b ? new BigInteger(bytes[b]) : null;
            case ConstTuple tuple:
                return Index(tuple.Items.Length, at) is int t ? tuple.Items[t] : null;
            default:
                return null;
        }

        static int? Index(int length, BigInteger at)
        {
            BigInteger k = at < 0 ? at + length : at;
            return k >= 0 && k < length ? (int)k : null;
        }
    }

    /// <summary>A str constant's code points, each as a string (a surrogate pair is one; a lone surrogate is one).</summary>
    private static List<string> CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            points.Add(text.Substring(i, pair ? 2 : 1));
            if (pair)
            {
                i++;
            }
        }

        return points;
    }

    /// <summary>The folded values of all of <paramref name="elts"/> (no starred item), or false.</summary>
    private static bool TryFoldAll(List<ExprNode> elts, out object?[] values)
    {
        values = new object?[elts.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!TryFold(elts[i], out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static object? FoldUnary(UnaryOperator op, object? v) => (op, v is bool flag ? (flag ? BigInteger.One : BigInteger.Zero) : v) switch
    {
        (UnaryOperator.USub, BigInteger i) => -i,
        (UnaryOperator.USub, double d) => -d,
        (UnaryOperator.UAdd, BigInteger i) => i,
        (UnaryOperator.UAdd, double d) => d,
        (UnaryOperator.Invert, BigInteger i) => -i - 1,
        _ => null,
    };

    private static object? FoldBinary(Operator op, object? a, object? b)
    {
        if (a is bool p1 && b is bool q1 && op is Operator.BitAnd or Operator.BitOr or Operator.BitXor)
        {
            return op == Operator.BitAnd ? p1 & q1 : op == Operator.BitOr ? p1 | q1 : p1 ^ q1;
        }

        // Otherwise a bool is the int it equals.
        a = a is bool ba ? (ba ? BigInteger.One : BigInteger.Zero) : a;
        b = b is bool bb ? (bb ? BigInteger.One : BigInteger.Zero) : b;
        if (a is byte[] u && b is byte[] v && op == Operator.Add)
        {
            byte[] joined = [.. u, .. v];
            return joined;
        }

        if (a is BigInteger x && b is BigInteger y && op != Operator.Div)
        {
            return FoldInts(op, x, y);
        }

        if (a is double or BigInteger && b is double or BigInteger && ExactDouble(a, out double p) && ExactDouble(b, out double q))
        {
            return op switch
            {
                Operator.Add => p + q,
                Operator.Sub => p - q,
                Operator.Mult => p * q,
                Operator.Div when q != 0 => p / q,
                _ => null,
            };
        }

        if (a is string s && b is string t && op == Operator.Add)
        {
            return s + t;
        }

        // safe_multiply: str * int (either order) folds while the result has at most 4096 characters.
        if (op == Operator.Mult && (a, b) is (string, BigInteger) or (BigInteger, string))
        {
            string text = a as string ?? (string)b!;
            var count = (BigInteger)(a is BigInteger ? a : b)!;
            if (text.Length == 0)
            {
                return string.Empty;
            }

            if (count < 0 || count > MaxStrSize / CodePointCount(text))
            {
                return null;
            }

            var repeated = new StringBuilder(text.Length * (int)count);
            return repeated.Insert(0, text, (int)count).ToString();
        }

        return null;
    }

    private static BigInteger? FoldInts(Operator op, BigInteger x, BigInteger y)
    {
        switch (op)
        {
            case Operator.Add:
                return x + y;
            case Operator.Sub:
                return x - y;
            case Operator.Mult:
                // safe_multiply: both non-zero and more than 128 bits between them: not folded.
                return !x.IsZero && !y.IsZero && Bits(x) + Bits(y) > MaxIntSize ? null : x * y;
            case Operator.FloorDiv:
            case Operator.Mod:
                if (y.IsZero)
                {
                    return null;
                }

                BigInteger quotient = BigInteger.DivRem(x, y, out BigInteger rem);
                if (!rem.IsZero && (rem.Sign < 0) != (y.Sign < 0))
                {
                    quotient -= 1;
                    rem += y;
                }

                return op == Operator.FloorDiv ? quotient : rem;
            case Operator.Pow:
                // safe_power; a negative exponent makes a float (not folded here).
                if (y.Sign < 0)
                {
                    return null;
                }

                if (x.IsZero || y.IsZero)
                {
                    return y.IsZero ? BigInteger.One : BigInteger.Zero;
                }

                return y > MaxIntSize || Bits(x) > MaxIntSize / (long)y ? null : BigInteger.Pow(x, (int)y);
            case Operator.LShift:
                // safe_lshift; a negative count raises.
                if (y.Sign < 0)
                {
                    return null;
                }

                if (x.IsZero || y.IsZero)
                {
                    return x;
                }

                return y > MaxIntSize || Bits(x) > MaxIntSize - (long)y ? null : x << (int)y;
            case Operator.RShift:
                if (y.Sign < 0)
                {
                    return null;
                }

                return y > int.MaxValue ? (x.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero) : x >> (int)y;
            case Operator.BitAnd:
                return x & y;
            case Operator.BitOr:
                return x | y;
            case Operator.BitXor:
                return x ^ y;
            default:
                return null;
        }
    }

    /// <summary>_PyLong_NumBits: the bits of |v|.</summary>
    private static long Bits(BigInteger v) => (long)BigInteger.Abs(v).GetBitLength();

    /// <summary>A float, or an int that a double holds exactly (|i| &lt;= 2**53), as a double.</summary>
    private static bool ExactDouble(object? v, out double d)
    {
        switch (v)
        {
            case double f:
                d = f;
                return true;
            case BigInteger i when BigInteger.Abs(i) <= (BigInteger.One << 53):
                d = (double)i;
                return true;
            default:
                d = 0;
                return false;
        }
    }

    private static int CodePointCount(string text)
    {
        int n = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            n++;
        }

        return n;
    }
}
