using System;
using System.Numerics;
using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Sequence + and * (PySequence_Concat/Repeat and their in-place forms, 3.11's rules for
// str, bytes, bytearray, list and tuple) and `in` for bytes.
internal sealed unsafe partial class Interpreter
{
    private PyObject* SequenceConcat(PyObject* a, PyObject* b, bool inplace)
    {
        PyRuntime rt = Rt;
        if (PyRuntime.IsStr(a) && PyRuntime.IsStr(b))
        {
            return rt.StrConcat(a, b);
        }

        bool aList = PyRuntime.IsSubtype(a->Type, rt.ListType);
        bool aTuple = PyRuntime.IsSubtype(a->Type, rt.TupleType);
        if ((aList && PyRuntime.IsSubtype(b->Type, rt.ListType)) || (aTuple && PyRuntime.IsSubtype(b->Type, rt.TupleType)))
        {
            nint na = ((PyVarObject*)a)->Size;
            nint nb = ((PyVarObject*)b)->Size;
            PyObject* r = aList ? rt.NewList(na + nb) : rt.NewTuple(na + nb);
            if (r == null)
            {
                return null;
            }

            PyObject** dst = aList ? PyRuntime.ListItems(r) : PyRuntime.TupleItems(r);
            PyObject** sa = aList ? PyRuntime.ListItems(a) : PyRuntime.TupleItems(a);
            PyObject** sb = aList ? PyRuntime.ListItems(b) : PyRuntime.TupleItems(b);
            for (nint i = 0; i < na; i++)
            {
                dst[i] = PyRuntime.NewRef(sa[i]);
            }

            for (nint i = 0; i < nb; i++)
            {
                dst[na + i] = PyRuntime.NewRef(sb[i]);
            }

            return r;
        }

        if ((PyRuntime.IsBytes(a) || rt.IsByteArray(a)) && (PyRuntime.IsBytes(b) || rt.IsByteArray(b)))
        {
            byte[] x = BytesOf(a);
            byte[] y = BytesOf(b);
            var all = new byte[x.Length + y.Length];
            x.CopyTo(all, 0);
            y.CopyTo(all, x.Length);
            return PyRuntime.IsBytes(a) ? rt.NewBytes(all) : rt.NewByteArray(all);
        }

        _ = inplace;
        return PyRuntime.NewRef(rt.NotImplemented);
    }

    /// <summary>
    /// The contents of a bytes or bytearray object where they lie: valid only until Python code
    /// next runs (a bytearray can be resized), so take it after every argument is converted.
    /// </summary>
    public static ReadOnlySpan<byte> BytesView(PyObject* o) =>
        PyRuntime.IsBytes(o)
            ? new ReadOnlySpan<byte>(PyRuntime.BytesData(o), (int)PyRuntime.BytesSize(o))
            : new ReadOnlySpan<byte>(ByteArrayData(o), (int)PyRuntime.ByteArraySize(o));

    public static byte[] BytesOf(PyObject* o)
    {
        if (PyRuntime.IsBytes(o))
        {
            return new ReadOnlySpan<byte>(PyRuntime.BytesData(o), (int)PyRuntime.BytesSize(o)).ToArray();
        }

        return new ReadOnlySpan<byte>(ByteArrayData(o), (int)PyRuntime.ByteArraySize(o)).ToArray();
    }

    private PyObject* SequenceRepeat(PyObject* a, PyObject* b, bool inplace)
    {
        PyRuntime rt = Rt;
        PyObject* seq = a;
        PyObject* count = b;
        if (!PyRuntime.IsInt(b) && PyRuntime.IsInt(a))
        {
            seq = b;
            count = a;
        }

        if (!PyRuntime.IsInt(count))
        {
            PyObject* idx = TryIndex(count);
            if (idx == null)
            {
                if (IsSequence(seq) && !rt.ErrorOccurred)
                {
                    rt.SetError(rt.TypeErrorType, $"can't multiply sequence by non-int of type '{rt.TypeName(count)}'");
                    return null;
                }

                return rt.ErrorOccurred ? null : PyRuntime.NewRef(rt.NotImplemented);
            }

            PyObject* r0 = SequenceRepeat(seq, idx, inplace);
            rt.DecRef(idx);
            return r0;
        }

        if (!PyRuntime.TryIntToLong(count, out long cv))
        {
            // PyNumber_AsSsize_t(count, OverflowError), before any size check.
            rt.SetError(rt.OverflowErrorType, "cannot fit 'int' into an index-sized integer");
            return null;
        }

        long n = Math.Clamp(cv, 0, int.MaxValue);
        if (PyRuntime.IsStr(seq))
        {
            if (PyRuntime.StrKind(seq) == 1 && n * PyRuntime.StrLength(seq) <= int.MaxValue / 2)
            {
                // Latin-1 (no surrogates to pair up): straight from the data.
                return rt.StrRepeatLatin1(seq, n);
            }

            string s = PyRuntime.StrToString(seq);
            if (n * s.Length > int.MaxValue / 2)
            {
                return rt.NoMemory();
            }

            var sb = new StringBuilder(s.Length * (int)n);
            for (long i = 0; i < n; i++)
            {
                sb.Append(s);
            }

            return rt.NewStr(sb.ToString());
        }

        bool isList = PyRuntime.IsSubtype(seq->Type, rt.ListType);
        if (isList || PyRuntime.IsSubtype(seq->Type, rt.TupleType))
        {
            nint len = ((PyVarObject*)seq)->Size;
            if (len * n > int.MaxValue / 8)
            {
                return rt.NoMemory();
            }

            nint total = (nint)(len * n);
            if (!isList && (total == len && seq->Type == rt.TupleType))
            {
                return PyRuntime.NewRef(seq);
            }

            PyObject* r = isList ? rt.NewList(total) : rt.NewTuple(total);
            if (r == null)
            {
                return null;
            }

            PyObject** src = isList ? PyRuntime.ListItems(seq) : PyRuntime.TupleItems(seq);
            PyObject** dst = isList ? PyRuntime.ListItems(r) : PyRuntime.TupleItems(r);
            for (nint i = 0; i < total; i++)
            {
                dst[i] = PyRuntime.NewRef(src[i % len]);
            }

            return r;
        }

        if (PyRuntime.IsBytes(seq) || rt.IsByteArray(seq))
        {
            byte[] x = BytesOf(seq);
            if (x.Length * n > Array.MaxLength)
            {
                return rt.NoMemory();
            }

            var all = new byte[x.Length * n];
            for (long i = 0; i < n; i++)
            {
                x.CopyTo(all, i * x.Length);
            }

            return PyRuntime.IsBytes(seq) ? rt.NewBytes(all) : rt.NewByteArray(all);
        }

        return PyRuntime.NewRef(rt.NotImplemented);
    }

    private bool IsSequence(PyObject* o) =>
        PyRuntime.IsStr(o) || PyRuntime.IsBytes(o) || Rt.IsByteArray(o) || PyRuntime.IsSubtype(o->Type, Rt.ListType) || PyRuntime.IsSubtype(o->Type, Rt.TupleType);

    private PyObject* ListInPlaceRepeat(PyObject* list, PyObject* count)
    {
        PyObject* r = SequenceRepeat(list, count, true);
        if (r == null || r == Rt.NotImplemented)
        {
            return r;
        }

        // Replace the list's contents with the repeated ones.
        int status = ListAssignSlice(list, null, r);
        Rt.DecRef(r);
        return status < 0 ? null : PyRuntime.NewRef(list);
    }

    private PyObject* ByteArrayInPlaceConcat(PyObject* a, PyObject* b)
    {
        if (!(PyRuntime.IsBytes(b) || Rt.IsByteArray(b)))
        {
            Rt.SetError(Rt.TypeErrorType, $"can't concat {Rt.TypeName(b)} to bytearray");
            return null;
        }

        return Rt.ByteArrayExtend(a, BytesOf(b)) ? PyRuntime.NewRef(a) : null;
    }

    private int BytesContains(PyObject* container, PyObject* item)
    {
        if (PyRuntime.IsInt(item))
        {
            BigInteger v = PyRuntime.IntToBigInteger(item);
            if (v < 0 || v > 255)
            {
                Rt.SetError(Rt.ValueErrorType, "byte must be in range(0, 256)");
                return -1;
            }

            return BytesView(container).IndexOf((byte)v) >= 0 ? 1 : 0;
        }

        if (PyRuntime.IsBytes(item) || Rt.IsByteArray(item))
        {
            return BytesView(container).IndexOf(BytesView(item)) >= 0 ? 1 : 0;
        }

        Rt.SetError(Rt.TypeErrorType, $"a bytes-like object is required, not '{Rt.TypeName(item)}'");
        return -1;
    }
}
