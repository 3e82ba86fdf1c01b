using System;
using System.Runtime.InteropServices;
using Refheap.Python.Lib;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

/// <summary>PyComplexObject (3.11): 32 bytes, not a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyComplexObject
{
    public PyObject Base;
    public double Real;
    public double Imag;
}

// complex (Objects/complexobject.c, 3.11): the value, its repr, hash, arithmetic and the
// constructor.
internal sealed unsafe partial class Interpreter
{
    public PyTypeObject* ComplexType { get; private set; }

    private void InitComplexType()
    {
        ComplexType = NewType("complex", sizeof(PyComplexObject), TypeFlags.BaseType);
        ComplexType->Repr = &ComplexRepr;
        ComplexType->Hash = &ComplexHash;
        ComplexType->RichCompare = &ComplexCompare;
    }

    public bool IsComplex(PyObject* o) => PyRuntime.IsSubtypeMro(o->Type, ComplexType);

    public PyObject* NewComplex(double real, double imag)
    {
        PyObject* o = Rt.NewObject(ComplexType, sizeof(PyComplexObject));
        if (o == null)
        {
            return null;
        }

        ((PyComplexObject*)o)->Real = real;
        ((PyComplexObject*)o)->Imag = imag;
        return o;
    }

    private static string ComplexPart(double v)
    {
        string s = FloatFormatter.Repr(v);
        return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
    }

    private static PyObject* ComplexRepr(PyRuntime rt, PyObject* o)
    {
        var c = (PyComplexObject*)o;
        if (c->Real == 0 && !double.IsNegative(c->Real))
        {
            return rt.NewStr(ComplexPart(c->Imag) + "j");
        }

        string im = ComplexPart(c->Imag);
        string sign = im.StartsWith('-') ? "" : "+";
        return rt.NewStr("(" + ComplexPart(c->Real) + sign + im + "j)");
    }

    private static nint ComplexHash(PyRuntime rt, PyObject* o)
    {
        var c = (PyComplexObject*)o;
        nint hr = PyRuntime.HashDouble(o, c->Real);
        nint hi = PyRuntime.HashDouble(o, c->Imag);
        nint h = unchecked(hr + (1000003 * hi));
        return h == -1 ? -2 : h;
    }

    private static PyObject* ComplexCompare(PyRuntime rt, PyObject* a, PyObject* b, CompareOp op)
    {
        Interpreter interp = Of(rt);
        if (op is not (CompareOp.Eq or CompareOp.Ne) || !interp.AsComplex(b, out double br, out double bi))
        {
            rt.ClearError();
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        var c = (PyComplexObject*)a;
        bool eq = c->Real == br && c->Imag == bi;
        return rt.NewBool(op == CompareOp.Eq ? eq : !eq);
    }

    /// <summary>A number as a complex (int, float or complex); false for other types (no error).</summary>
    public bool AsComplex(PyObject* o, out double real, out double imag)
    {
        imag = 0;
        if (IsComplex(o))
        {
            real = ((PyComplexObject*)o)->Real;
            imag = ((PyComplexObject*)o)->Imag;
            return true;
        }

        if (PyRuntime.IsInt(o) || Rt.IsFloat(o))
        {
            return ToDouble(o, out real);
        }

        real = 0;
        return false;
    }

    /// <summary>Arithmetic when either operand is complex; NotImplemented otherwise.</summary>
    private PyObject* ComplexBinary(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        if (!AsComplex(a, out double ar, out double ai) || !AsComplex(b, out double br, out double bi))
        {
            return rt.ErrorOccurred ? null : PyRuntime.NewRef(rt.NotImplemented);
        }

        switch (op)
        {
            case Compiler.BinaryOps.Add:
                return NewComplex(ar + br, ai + bi);
            case Compiler.BinaryOps.Subtract:
                return NewComplex(ar - br, ai - bi);
            case Compiler.BinaryOps.Multiply:
                return NewComplex((ar * br) - (ai * bi), (ar * bi) + (ai * br));
            case Compiler.BinaryOps.TrueDivide:
                if (br == 0 && bi == 0)
                {
                    rt.SetError(rt.ZeroDivisionErrorType, "complex division by zero");
                    return null;
                }

                // _Py_c_quot: scale by the larger component of the divisor.
                if (Math.Abs(br) >= Math.Abs(bi))
                {
                    double ratio = bi / br;
                    double denom = br + (bi * ratio);
                    return NewComplex((ar + (ai * ratio)) / denom, (ai - (ar * ratio)) / denom);
                }
                else
                {
                    double ratio = br / bi;
                    double denom = (br * ratio) + bi;
                    return NewComplex(((ar * ratio) + ai) / denom, ((ai * ratio) - ar) / denom);
                }

            case Compiler.BinaryOps.Power:
                if (bi == 0 && br == Math.Floor(br) && Math.Abs(br) <= 100)
                {
                    // c_powi: repeated multiplication for small integral exponents.
                    int n = (int)br;
                    double rr = 1;
                    double ri = 0;
                    double xr = ar;
                    double xi = ai;
                    int m = Math.Abs(n);
                    while (m > 0)
                    {
                        if ((m & 1) != 0)
                        {
                            (rr, ri) = ((rr * xr) - (ri * xi), (rr * xi) + (ri * xr));
                        }

                        (xr, xi) = ((xr * xr) - (xi * xi), 2 * xr * xi);
                        m >>= 1;
                    }

                    if (n < 0)
                    {
                        double d = (rr * rr) + (ri * ri);
                        return NewComplex(rr / d, -ri / d);
                    }

                    return NewComplex(rr, ri);
                }

                var r = System.Numerics.Complex.Pow(new System.Numerics.Complex(ar, ai), new System.Numerics.Complex(br, bi));
                return NewComplex(r.Real, r.Imaginary);
            default:
                return PyRuntime.NewRef(rt.NotImplemented);
        }
    }

    public static void RegisterComplexMethods()
    {
        BuiltinMethods.Add("complex", "__new__", Objects.Constructors.Subtyped((rt, self, args, n, kw) =>
        {
            Interpreter i = Of(rt);
            PyObject** p = stackalloc PyObject*[2];
            if (!ArgParse.Parse(rt, "complex", args + 1, n - 1, kw, ["real", "imag"], 0, p))
            {
                return null;
            }

            if (p[0] != null && PyRuntime.IsStr(p[0]))
            {
                if (p[1] != null)
                {
                    rt.SetError(rt.TypeErrorType, "complex() can't take second arg if first is a string");
                    return null;
                }

                return i.ParseComplex(PyRuntime.StrToString(p[0]));
            }

            double re = 0;
            double im = 0;
            if (p[0] != null && !i.AsComplex(p[0], out re, out im))
            {
                rt.SetError(rt.TypeErrorType, $"complex() first argument must be a string or a number, not '{rt.TypeName(p[0])}'");
                return null;
            }

            if (p[1] != null)
            {
                if (!i.AsComplex(p[1], out double r2, out double i2))
                {
                    rt.SetError(rt.TypeErrorType, $"complex() second argument must be a number, not '{rt.TypeName(p[1])}'");
                    return null;
                }

                re -= i2;
                im = p[0] != null && i.IsComplex(p[0]) ? im + r2 : r2;
            }

            return i.NewComplex(re, im);
        }), MethodKind.Static);
        BuiltinMethods.AddGetSet("complex", "real", (i, s) => i.Rt.NewFloat(((PyComplexObject*)s)->Real));
        BuiltinMethods.AddGetSet("complex", "imag", (i, s) => i.Rt.NewFloat(((PyComplexObject*)s)->Imag));
        BuiltinMethods.Add("complex", "conjugate", (rt, self, args, n, kw) => Of(rt).NewComplex(((PyComplexObject*)self)->Real, -((PyComplexObject*)self)->Imag));
        BuiltinMethods.Add("complex", "__abs__", (rt, self, args, n, kw) => rt.NewFloat(Hypot((PyComplexObject*)self)));
    }

    private static double Hypot(PyComplexObject* c) => double.Hypot(c->Real, c->Imag);

    private PyObject* ParseComplex(string text)
    {
        string t = DecimalAndSpaceToAscii(text).Trim();
        if (t.StartsWith('(') && t.EndsWith(')'))
        {
            t = t[1..^1].Trim();
        }

        double re = 0;
        double im = 0;
        bool ok;
        if (t.EndsWith('j') || t.EndsWith('J'))
        {
            string body = t[..^1];
            int split = -1;
            for (int k = body.Length - 1; k > 0; k--)
            {
                if ((body[k] == '+' || body[k] == '-') && body[k - 1] != 'e' && body[k - 1] != 'E')
                {
                    split = k;
                    break;
                }
            }

            string imText = split < 0 ? body : body[split..];
            string reText = split < 0 ? "" : body[..split];
            imText = imText is "" or "+" ? "1" : imText == "-" ? "-1" : imText;
            double? imv = Constructors.ParseFloat(imText);
            double? rev = reText.Length == 0 ? 0 : Constructors.ParseFloat(reText);
            ok = imv != null && rev != null;
            if (ok)
            {
                re = rev!.Value;
                im = imv!.Value;
            }
        }
        else
        {
            double? v = Constructors.ParseFloat(t);
            ok = v != null;
            re = v ?? 0;
        }

        if (!ok)
        {
            Rt.SetError(Rt.ValueErrorType, "complex() arg is a malformed string");
            return null;
        }

        return NewComplex(re, im);
    }
}
