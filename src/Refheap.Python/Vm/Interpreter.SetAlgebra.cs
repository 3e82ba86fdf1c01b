using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// |, &, - and ^ of sets and frozensets, and their in-place forms (Objects/setobject.c).
internal sealed unsafe partial class Interpreter
{
    private PyObject* SetBinary(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        PyObject* result = rt.IsFrozenSet(a) ? rt.NewSet((PyObject*)null) : rt.NewSet((PyObject*)null);
        if (result == null)
        {
            return null;
        }

        int status = SetAlgebra(result, a, b, op);
        if (status < 0)
        {
            rt.DecRef(result);
            return null;
        }

        if (rt.IsFrozenSet(a))
        {
            PyObject* frozen = rt.NewFrozenSet(result);
            rt.DecRef(result);
            return frozen;
        }

        return result;
    }

    private PyObject* SetInPlace(PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        if (op is not (Compiler.BinaryOps.Or or Compiler.BinaryOps.And or Compiler.BinaryOps.Subtract or Compiler.BinaryOps.Xor))
        {
            return PyRuntime.NewRef(rt.NotImplemented);
        }

        PyObject* tmp = rt.NewSet((PyObject*)null);
        if (tmp == null || SetAlgebra(tmp, a, b, op) < 0)
        {
            rt.XDecRef(tmp);
            return null;
        }

        rt.SetClear(a);
        int r = SetUpdate(a, tmp);
        rt.DecRef(tmp);
        return r < 0 ? null : PyRuntime.NewRef(a);
    }

    /// <summary>Fills <paramref name="result"/> with a op b (| &amp; - ^), in a's iteration order first.</summary>
    private int SetAlgebra(PyObject* result, PyObject* a, PyObject* b, int op)
    {
        PyRuntime rt = Rt;
        nint pos = 0;
        switch (op)
        {
            case Compiler.BinaryOps.Or:
                return SetUpdate(result, a) < 0 ? -1 : SetUpdate(result, b);
            case Compiler.BinaryOps.And:
                {
                    // CPython iterates the smaller set.
                    PyObject* small = rt.SetSize(a) <= rt.SetSize(b) ? a : b;
                    PyObject* big = small == a ? b : a;
                    while (rt.SetNext(small, ref pos, out PyObject* key, out _))
                    {
                        int c = rt.SetContains(big, key);
                        if (c < 0 || (c == 1 && rt.SetAdd(result, key) < 0))
                        {
                            return -1;
                        }
                    }

                    return 0;
                }

            case Compiler.BinaryOps.Subtract:
                while (rt.SetNext(a, ref pos, out PyObject* key, out _))
                {
                    int c = rt.SetContains(b, key);
                    if (c < 0 || (c == 0 && rt.SetAdd(result, key) < 0))
                    {
                        return -1;
                    }
                }

                return 0;
            default:
                while (rt.SetNext(a, ref pos, out PyObject* key, out _))
                {
                    int c = rt.SetContains(b, key);
                    if (c < 0 || (c == 0 && rt.SetAdd(result, key) < 0))
                    {
                        return -1;
                    }
                }

                pos = 0;
                while (rt.SetNext(b, ref pos, out PyObject* key, out _))
                {
                    int c = rt.SetContains(a, key);
                    if (c < 0 || (c == 0 && rt.SetAdd(result, key) < 0))
                    {
                        return -1;
                    }
                }

                return 0;
        }
    }
}
