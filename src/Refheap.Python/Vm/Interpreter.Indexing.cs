using System;
using System.Numerics;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Indices and slices (PyNumber_AsSsize_t, PySlice_GetIndicesEx) and the subscripts of str,
// bytes and range.
internal sealed unsafe partial class Interpreter
{
    /// <summary>An index from an int or an object with __index__; TypeError in CPython's words otherwise.</summary>
    public bool IndexOf(PyObject* key, string typeName, out nint index)
    {
        index = 0;
        if (PyRuntime.IsInt(key))
        {
            if (!PyRuntime.TryIntToLong(key, out long v))
            {
                Rt.SetError(Rt.IndexErrorType, $"cannot fit 'int' into an index-sized integer");
                return false;
            }

            index = (nint)v;
            return true;
        }

        PyObject* idx = TryIndex(key);
        if (idx != null)
        {
            bool ok = IndexOf(idx, typeName, out index);
            Rt.DecRef(idx);
            return ok;
        }

        if (!Rt.ErrorOccurred)
        {
            Rt.SetError(Rt.TypeErrorType, $"{typeName} indices must be integers or slices, not {Rt.TypeName(key)}");
        }

        return false;
    }

    /// <summary>operator.index(o) for non-int objects with __index__: a new int, or null (no error if there is none).</summary>
    public PyObject* TryIndex(PyObject* o)
    {
        if (PyRuntime.IsInt(o))
        {
            return PyRuntime.NewRef(o);
        }

        if ((o->Type->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(o->Type, "__index__");
            if (fn != null)
            {
                PyObject* r = CallDunder(fn, o, null);
                if (r != null && !PyRuntime.IsInt(r))
                {
                    Rt.SetError(Rt.TypeErrorType, $"__index__ returned non-int (type {Rt.TypeName(r)})");
                    Rt.DecRef(r);
                    return null;
                }

                return r;
            }
        }

        return null;
    }

    /// <summary>PySlice_GetIndicesEx: start, stop, step and the number of items for a sequence of length n.</summary>
    public bool SliceIndices(PyObject* slice, nint length, out nint start, out nint stop, out nint step, out nint count)
    {
        var s = (PySliceObject*)slice;
        start = stop = count = 0;
        step = 1;
        if (s->Step != Rt.None)
        {
            if (!SliceInt(s->Step, out step))
            {
                return false;
            }

            if (step == 0)
            {
                Rt.SetError(Rt.ValueErrorType, "slice step cannot be zero");
                return false;
            }
        }

        nint lower = step < 0 ? -1 : 0;
        nint upper = step < 0 ? length - 1 : length;
        if (s->Start == Rt.None)
        {
            start = step < 0 ? upper : lower;
        }
        else
        {
            if (!SliceInt(s->Start, out start))
            {
                return false;
            }

            if (start < 0)
            {
                start = Math.Max(start + length, lower);
            }
            else
            {
                start = Math.Min(start, upper);
            }
        }

        if (s->Stop == Rt.None)
        {
            stop = step < 0 ? lower : upper;
        }
        else
        {
            if (!SliceInt(s->Stop, out stop))
            {
                return false;
            }

            if (stop < 0)
            {
                stop = Math.Max(stop + length, lower);
            }
            else
            {
                stop = Math.Min(stop, upper);
            }
        }

        if (step < 0)
        {
            count = stop < start ? ((start - stop - 1) / -step) + 1 : 0;
        }
        else
        {
            count = start < stop ? ((stop - start - 1) / step) + 1 : 0;
        }

        return true;
    }

    /// <summary>
    /// _PySlice_GetLongIndices: clamped start, stop and step of a slice over a length beyond
    /// Py_ssize_t (a range such as range(-2**63, 2**63)), in unbounded integers.
    /// </summary>
    private bool LongSliceIndices(PyObject* slice, BigInteger length, out BigInteger start, out BigInteger stop, out BigInteger step)
    {
        var sl = (PySliceObject*)slice;
        start = stop = 0;
        step = 1;
        if (sl->Step != Rt.None && !SliceBigInt(sl->Step, out step))
        {
            return false;
        }

        if (step.IsZero)
        {
            Rt.SetError(Rt.ValueErrorType, "slice step cannot be zero");
            return false;
        }

        BigInteger lower = step < 0 ? -1 : 0;
        BigInteger upper = step < 0 ? length - 1 : length;
        return Bound(sl->Start, step < 0 ? upper : lower, out start) && Bound(sl->Stop, step < 0 ? lower : upper, out stop);

        bool Bound(PyObject* v, BigInteger dflt, out BigInteger value)
        {
            value = dflt;
            if (v == Rt.None)
            {
                return true;
            }

            if (!SliceBigInt(v, out value))
            {
                return false;
            }

            if (value < 0)
            {
                value += length;
            }

            value = BigInteger.Max(lower, BigInteger.Min(upper, value));
            return true;
        }
    }

    private bool SliceBigInt(PyObject* v, out BigInteger value)
    {
        value = 0;
        PyObject* idx = TryIndex(v);
        if (idx == null)
        {
            if (!Rt.ErrorOccurred)
            {
                Rt.SetError(Rt.TypeErrorType, "slice indices must be integers or None or have an __index__ method");
            }

            return false;
        }

        value = PyRuntime.IntToBigInteger(idx);
        Rt.DecRef(idx);
        return true;
    }

    private bool SliceInt(PyObject* v, out nint value)
    {
        value = 0;
        if (!SliceBigInt(v, out BigInteger b))
        {
            return false;
        }

        value = b > long.MaxValue ? nint.MaxValue : b < long.MinValue ? nint.MinValue : (nint)(long)b;
        return true;
    }

    private PyObject* StrSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.StrLength(o);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count))
            {
                return null;
            }

            if (step == 1 && count == n && o->Type == rt.StrType)
            {
                return PyRuntime.NewRef(o);
            }

            if (step == 1)
            {
                return rt.StrSubstring(o, start, count);
            }

            var cps = new int[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                cps[i] = PyRuntime.StrRead(o, j);
            }

            return rt.NewStrFromCodePoints(cps);
        }

        nint index;
        if (key->Type == rt.IntType && PyRuntime.IsMediumInt(key))
        {
            index = (nint)PyRuntime.MediumValue(key);
        }
        else if (!IndexOf(key, "string", out index))
        {
            return null;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, "string index out of range");
            return null;
        }

        return rt.StrSubstring(o, index, 1);
    }

    private PyObject* BytesSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        bool isBytes = PyRuntime.IsBytes(o);
        nint n = isBytes ? PyRuntime.BytesSize(o) : PyRuntime.ByteArraySize(o);
        byte* data = isBytes ? PyRuntime.BytesData(o) : ByteArrayData(o);
        if (key->Type == rt.SliceType)
        {
            if (!SliceIndices(key, n, out nint start, out nint stop, out nint step, out nint count))
            {
                return null;
            }

            var buf = new byte[count];
            for (nint i = 0, j = start; i < count; i++, j += step)
            {
                buf[i] = data[j];
            }

            return isBytes ? rt.NewBytes(buf) : rt.NewByteArray(buf);
        }

        if (!IndexOf(key, isBytes ? "byte" : "bytearray", out nint index))
        {
            return null;
        }

        if (index < 0)
        {
            index += n;
        }

        if (index < 0 || index >= n)
        {
            rt.SetError(rt.IndexErrorType, isBytes ? "index out of range" : "bytearray index out of range");
            return null;
        }

        return rt.NewInt(data[index]);
    }

    private PyObject* RangeSubscript(PyObject* o, PyObject* key)
    {
        PyRuntime rt = Rt;
        var r = (PyRangeObject*)o;
        BigInteger start = PyRuntime.IntToBigInteger(r->Start);
        BigInteger step = PyRuntime.IntToBigInteger(r->Step);
        BigInteger len = PyRuntime.IntToBigInteger(r->Length);
        if (key->Type == rt.SliceType)
        {
            // compute_slice: the new range's start and stop are the old range's items at the
            // slice's (clamped) start and stop indices.
            BigInteger s0, s1, st;
            if (len <= long.MaxValue)
            {
                if (!SliceIndices(key, (nint)(long)len, out nint n0, out nint n1, out nint nst, out _))
                {
                    return null;
                }

                (s0, s1, st) = (n0, n1, nst);
            }
            else if (!LongSliceIndices(key, len, out s0, out s1, out st))
            {
                return null;
            }

            BigInteger newStart = start + (s0 * step);
            BigInteger newStep = step * st;
            BigInteger newStop = start + (s1 * step);
            PyObject* a = rt.NewInt(newStart);
            PyObject* b = rt.NewInt(newStop);
            PyObject* c = rt.NewInt(newStep);
            PyObject* res = a == null || b == null || c == null ? null : rt.NewRange(a, b, c);
            rt.XDecRef(a);
            rt.XDecRef(b);
            rt.XDecRef(c);
            return res;
        }

        // compute_range_item works on the int itself: any index of a range longer than 2**63
        // is valid, and one past the length is "out of range", not an overflow.
        PyObject* idx = PyRuntime.IsInt(key) ? PyRuntime.NewRef(key) : TryIndex(key);
        if (idx == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, $"range indices must be integers or slices, not {rt.TypeName(key)}");
            }

            return null;
        }

        BigInteger i = PyRuntime.IntToBigInteger(idx);
        rt.DecRef(idx);
        if (i < 0)
        {
            i += len;
        }

        if (i < 0 || i >= len)
        {
            rt.SetError(rt.IndexErrorType, "range object index out of range");
            return null;
        }

        return rt.NewInt(start + (i * step));
    }
}
