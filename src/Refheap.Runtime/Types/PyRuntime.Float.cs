using System;
using System.Numerics;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// float (Objects/floatobject.c, 3.11): 24 bytes, not GC. A free list of at most 100 exact
// floats, linked through ob_type: PyFloat_FromDouble pops, _PyFloat_ExactDealloc pushes
// while fewer than 100 are free, and every full collection empties it. Free-list traffic
// never touches the allocator.
public sealed unsafe partial class PyRuntime
{
    /// <summary>PyFloat_MAXFREELIST.</summary>
    public const int FloatMaxFreeList = 100;

    /// <summary>_PyHASH_INF.</summary>
    public const int HashInf = 314159;

    private PyObject* _floatFreeList;
    private int _floatNumFree;

    public PyTypeObject* FloatType { get; private set; }

    /// <summary>Floats waiting on the free list (state->numfree).</summary>
    public int FloatFreeCount => _floatNumFree;

    private void InitFloatType()
    {
        FloatType = NewStaticType("float", sizeof(PyFloatObject), 0, TypeFlags.BaseType, ObjectType);
        FloatType->Dealloc = &FloatDealloc;
        FloatType->Hash = &FloatHash;
        FloatType->RichCompare = &FloatRichCompareSlot;
        FloatType->Repr = &FloatReprSlot;
    }

    /// <summary>PyFloat_Check.</summary>
    public bool IsFloat(PyObject* o) => o->Type == FloatType || IsSubtype(o->Type, FloatType);

    /// <summary>PyFloat_AS_DOUBLE.</summary>
    public static double FloatValue(PyObject* o) => ((PyFloatObject*)o)->Value;

    /// <summary>PyFloat_FromDouble: pops the free list, else allocates 24 bytes.</summary>
    public PyObject* NewFloat(double value)
    {
        PyObject* o = _floatFreeList;
        if (o != null)
        {
            _floatFreeList = (PyObject*)o->Type;
            _floatNumFree--;
        }
        else
        {
            o = (PyObject*)Allocator.TryAllocate(sizeof(PyFloatObject));
            if (o == null)
            {
                return NoMemory();
            }
        }

        InitHeader(o, FloatType);
        ((PyFloatObject*)o)->Value = value;
        return o;
    }

    /// <summary>float_dealloc: exact floats go to the free list (_PyFloat_ExactDealloc) while it has room.</summary>
    private static void FloatDealloc(PyRuntime rt, PyObject* o)
    {
        if (o->Type != rt.FloatType)
        {
            rt.FreeObject(o);
            return;
        }

        if (rt._floatNumFree >= FloatMaxFreeList)
        {
            rt.Allocator.Free(o);
            return;
        }

        rt._floatNumFree++;
        o->Type = (PyTypeObject*)rt._floatFreeList;
        rt._floatFreeList = o;
    }

    /// <summary>_PyFloat_ClearFreeList.</summary>
    private void ClearFloatFreeList()
    {
        PyObject* f = _floatFreeList;
        while (f != null)
        {
            PyObject* next = (PyObject*)f->Type;
            Allocator.Free(f);
            f = next;
        }

        _floatFreeList = null;
        _floatNumFree = 0;
    }

    private static nint FloatHash(PyRuntime rt, PyObject* o) => HashDouble(o, FloatValue(o));

    /// <summary>
    /// _Py_HashDouble: integral values hash like the equal int; ±inf give ±314159; a NaN hashes
    /// by identity (_Py_HashPointer of <paramref name="inst"/>), as since 3.10.
    /// </summary>
    public static nint HashDouble(PyObject* inst, double v)
    {
        if (!double.IsFinite(v))
        {
            return double.IsInfinity(v) ? (v > 0 ? HashInf : -HashInf) : HashPointer(inst);
        }

        double m = FrExp(v, out int e);
        long sign = 1;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }

        // 28 bits at a time: x = x * 2**28 + next 28 bits, modulo 2**61 - 1.
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & HashModulus) | (x >> (HashBits - 28));
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= HashModulus)
            {
                x -= HashModulus;
            }
        }

        // Multiply by 2**e modulo 2**61 - 1: a rotation by e mod 61.
        e = e >= 0 ? e % HashBits : HashBits - 1 - ((-1 - e) % HashBits);
        x = ((x << e) & HashModulus) | (x >> (HashBits - e));
        long h = (long)x * sign;
        return (nint)(h == -1 ? -2 : h);
    }

    /// <summary>_Py_HashPointer: the address rotated right by 4 bits.</summary>
    public static nint HashPointer(void* p)
    {
        nuint y = (nuint)p;
        y = (y >> 4) | (y << ((8 * sizeof(nuint)) - 4));
        nint x = (nint)y;
        return x == -1 ? -2 : x;
    }

    /// <summary>C frexp: v = m * 2**e with 0.5 &lt;= |m| &lt; 1 (v finite and non-zero).</summary>
    private static double FrExp(double v, out int e)
    {
        if (v == 0)
        {
            e = 0;
            return v;
        }

        e = Math.ILogB(v) + 1;
        return Math.ScaleB(v, -e);
    }

    /// <summary>
    /// CONVERT_TO_DOUBLE: 1 with the value, 0 for "not a number type" (NotImplemented), -1 with
    /// OverflowError for an int too large for a float.
    /// </summary>
    private int ConvertToDouble(PyObject* o, out double v)
    {
        if (IsFloat(o))
        {
            v = FloatValue(o);
            return 1;
        }

        if (IsInt(o))
        {
            return TryIntToDouble(o, out v) ? 1 : -1;
        }

        v = 0;
        return 0;
    }

    private int ConvertPair(PyObject* a, PyObject* b, out double x, out double y)
    {
        int ca = ConvertToDouble(a, out x);
        if (ca <= 0)
        {
            y = 0;
            return ca;
        }

        return ConvertToDouble(b, out y);
    }

    /// <summary>float_add: float + float, float + int, int + float.</summary>
    public PyObject* FloatAdd(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        return c == 1 ? NewFloat(x + y) : c == 0 ? NewRef(NotImplemented) : null;
    }

    /// <summary>float_sub.</summary>
    public PyObject* FloatSubtract(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        return c == 1 ? NewFloat(x - y) : c == 0 ? NewRef(NotImplemented) : null;
    }

    /// <summary>float_mul.</summary>
    public PyObject* FloatMultiply(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        return c == 1 ? NewFloat(x * y) : c == 0 ? NewRef(NotImplemented) : null;
    }

    /// <summary>float_div; ZeroDivisionError "float division by zero".</summary>
    public PyObject* FloatTrueDivide(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        if (c != 1)
        {
            return c == 0 ? NewRef(NotImplemented) : null;
        }

        if (y == 0.0)
        {
            SetError(ZeroDivisionErrorType, "float division by zero");
            return null;
        }

        return NewFloat(x / y);
    }

    /// <summary>float_floor_div; ZeroDivisionError "float floor division by zero".</summary>
    public PyObject* FloatFloorDivide(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        if (c != 1)
        {
            return c == 0 ? NewRef(NotImplemented) : null;
        }

        if (y == 0.0)
        {
            SetError(ZeroDivisionErrorType, "float floor division by zero");
            return null;
        }

        FloatDivMod(x, y, out double div, out _);
        return NewFloat(div);
    }

    /// <summary>float_rem; ZeroDivisionError "float modulo". The result takes the divisor's sign.</summary>
    public PyObject* FloatModulo(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        if (c != 1)
        {
            return c == 0 ? NewRef(NotImplemented) : null;
        }

        if (y == 0.0)
        {
            SetError(ZeroDivisionErrorType, "float modulo");
            return null;
        }

        double mod = x % y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, y);
        }

        return NewFloat(mod);
    }

    /// <summary>float_divmod: the tuple (a // b, a % b); ZeroDivisionError "float divmod()".</summary>
    public PyObject* FloatDivMod(PyObject* a, PyObject* b)
    {
        int c = ConvertPair(a, b, out double x, out double y);
        if (c != 1)
        {
            return c == 0 ? NewRef(NotImplemented) : null;
        }

        if (y == 0.0)
        {
            SetError(ZeroDivisionErrorType, "float divmod()");
            return null;
        }

        FloatDivMod(x, y, out double div, out double mod);
        PyObject* t = NewTuple(2);
        if (t == null)
        {
            return null;
        }

        TupleItems(t)[0] = NewFloat(div);
        TupleItems(t)[1] = NewFloat(mod);
        if (TupleItems(t)[0] == null || TupleItems(t)[1] == null)
        {
            DecRef(t);
            return null;
        }

        return t;
    }

    /// <summary>_float_div_mod: fmod, sign fix-up, and the quotient snapped to an integral value.</summary>
    public static void FloatDivMod(double vx, double wx, out double floorDiv, out double mod)
    {
        mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }

        if (div != 0)
        {
            floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5)
            {
                floorDiv += 1.0;
            }
        }
        else
        {
            floorDiv = Math.CopySign(0.0, vx / wx);
        }
    }

    /// <summary>float_neg.</summary>
    public PyObject* FloatNegative(PyObject* a) => NewFloat(-FloatValue(a));

    /// <summary>float_abs.</summary>
    public PyObject* FloatAbsolute(PyObject* a) => NewFloat(Math.Abs(FloatValue(a)));

    /// <summary>
    /// float_richcompare with a float or an int on the other side, exact for ints of any size.
    /// An int on the left is handled as CPython's reflected call does (the operator swapped).
    /// Anything else gives NotImplemented.
    /// </summary>
    public PyObject* FloatRichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        if (!IsFloat(a) && IsFloat(b))
        {
            PyObject* t = a;
            a = b;
            b = t;
            op = op switch
            {
                CompareOp.Lt => CompareOp.Gt,
                CompareOp.Le => CompareOp.Ge,
                CompareOp.Gt => CompareOp.Lt,
                CompareOp.Ge => CompareOp.Le,
                _ => op,
            };
        }

        if (!IsFloat(a))
        {
            return NewRef(NotImplemented);
        }

        double i = FloatValue(a);
        double j;
        if (IsFloat(b))
        {
            j = FloatValue(b);
        }
        else if (IsInt(b))
        {
            if (!double.IsFinite(i))
            {
                // inf and nan compare with any int as with 0.0.
                j = 0.0;
            }
            else
            {
                return NewBool(CompareOutcome(CompareDoubleWithInt(i, b), op));
            }
        }
        else
        {
            return NewRef(NotImplemented);
        }

        bool r = op switch
        {
            CompareOp.Lt => i < j,
            CompareOp.Le => i <= j,
            CompareOp.Eq => i == j,
            CompareOp.Ne => i != j,
            CompareOp.Gt => i > j,
            _ => i >= j,
        };
        return NewBool(r);
    }

    private static PyObject* FloatRichCompareSlot(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op) =>
        rt.FloatRichCompare(a, b, op);

    /// <summary>The exact order of a finite double and an int.</summary>
    private static int CompareDoubleWithInt(double x, PyObject* n)
    {
        if (TryIntToLong(n, out long v) && v > -(1L << DoubleMantissaBits) && v < 1L << DoubleMantissaBits)
        {
            return x.CompareTo((double)v);
        }

        double f = Math.Floor(x);
        int c = new BigInteger(f).CompareTo(IntToBigInteger(n));
        return c == 0 && f != x ? 1 : c;
    }

    /// <summary>float_repr: the shortest text that round-trips, 'r' format with Py_DTSF_ADD_DOT_0.</summary>
    public PyObject* FloatRepr(PyObject* o)
    {
        Span<byte> text = stackalloc byte[FloatReprMaxLength];
        return NewStrFromAscii(text[..FormatFloatRepr(FloatValue(o), text)]);
    }

    private static PyObject* FloatReprSlot(PyRuntime rt, PyObject* o) => rt.FloatRepr(o);
}
