using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Deque;

// rotate, reverse, count, index, insert, remove and item deletion, with 3.11's messages.
// Rotation moves item pointers between the ends (no reference changes), one at a time.
internal static unsafe partial class Deque
{
    public static void RegisterSequenceMethods()
    {
        const string T = TypeName;
        BuiltinMethods.Add(T, "rotate", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.Positional(rt, "rotate", n, 0, 1, kw))
            {
                return null;
            }

            nint steps = 1;
            if (n == 1 && !SsizeIndex(rt, args[0], out steps))
            {
                return null;
            }

            Rotate(rt, self, steps);
            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add(T, "reverse", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "deque.reverse", n, kw))
            {
                return null;
            }

            Reverse(self);
            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add(T, "count", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "deque.count", n, kw))
            {
                return null;
            }

            nint found = 0;
            var d = (PyDequeObject*)self;
            nuint state = d->State;
            for (nint i = 0, size = Size(self); i < size; i++)
            {
                PyObject* item = PyRuntime.NewRef(*ItemSlot(self, i));
                int cmp = rt.ObjectRichCompareBool(item, args[0], CompareOp.Eq);
                rt.DecRef(item);
                if (cmp < 0)
                {
                    return null;
                }

                found += cmp;
                if (state != d->State)
                {
                    rt.SetError(rt.RuntimeErrorType, "deque mutated during iteration");
                    return null;
                }
            }

            return rt.NewInt(found);
        });
        BuiltinMethods.Add(T, "index", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "index", kw) || !ArgParse.Positional(rt, "index", n, 1, 3))
            {
                return null;
            }

            nint size = Size(self);
            nint start = 0, stop = size;
            if ((n > 1 && !SliceIndex(rt, args[1], out start)) || (n > 2 && !SliceIndex(rt, args[2], out stop)))
            {
                return null;
            }

            start = start < 0 ? System.Math.Max(start + size, 0) : start;
            stop = stop < 0 ? System.Math.Max(stop + size, 0) : System.Math.Min(stop, size);
            var d = (PyDequeObject*)self;
            nuint state = d->State;
            for (nint i = start; i < stop; i++)
            {
                PyObject* item = PyRuntime.NewRef(*ItemSlot(self, i));
                int cmp = item == args[0] ? 1 : rt.ObjectRichCompareBool(item, args[0], CompareOp.Eq);
                rt.DecRef(item);
                if (cmp < 0)
                {
                    return null;
                }

                if (cmp > 0)
                {
                    return rt.NewInt(i);
                }

                if (state != d->State)
                {
                    rt.SetError(rt.RuntimeErrorType, "deque mutated during iteration");
                    return null;
                }
            }

            return NotInDeque(rt, args[0]);
        });
        BuiltinMethods.Add(T, "insert", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "insert", kw) || !ArgParse.Positional(rt, "insert", n, 2, 2) || !SsizeIndex(rt, args[0], out nint index))
            {
                return null;
            }

            var d = (PyDequeObject*)self;
            nint size = Size(self);
            if (d->MaxLen == size)
            {
                rt.SetError(rt.IndexErrorType, "deque already at its maximum size");
                return null;
            }

            PyObject* v = PyRuntime.NewRef(args[1]);
            bool ok;
            if (index >= size)
            {
                ok = Append(rt, self, v, d->MaxLen);
            }
            else if (index <= -size || index == 0)
            {
                ok = AppendLeft(rt, self, v, d->MaxLen);
            }
            else
            {
                Rotate(rt, self, -index);
                ok = index < 0 ? Append(rt, self, v, d->MaxLen) : AppendLeft(rt, self, v, d->MaxLen);
                Rotate(rt, self, index);
            }

            return ok ? PyRuntime.NewRef(rt.None) : null;
        });
        BuiltinMethods.Add(T, "remove", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "deque.remove", n, kw))
            {
                return null;
            }

            var d = (PyDequeObject*)self;
            nuint state = d->State;
            for (nint i = 0, size = Size(self); i < size; i++)
            {
                PyObject* item = PyRuntime.NewRef(*ItemSlot(self, i));
                int cmp = item == args[0] ? 1 : rt.ObjectRichCompareBool(item, args[0], CompareOp.Eq);
                rt.DecRef(item);
                if (cmp < 0)
                {
                    return null;
                }

                if (state != d->State)
                {
                    rt.SetError(rt.IndexErrorType, "deque mutated during iteration");
                    return null;
                }

                if (cmp > 0)
                {
                    DeleteItem(rt, self, i);
                    return PyRuntime.NewRef(rt.None);
                }
            }

            return NotInDeque(rt, args[0]);
        });
        BuiltinMethods.Add(T, "__delitem__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunderArgs(rt, n, kw, 1) || !Position(rt, self, args[0], out nint i))
            {
                return null;
            }

            DeleteItem(rt, self, i);
            return PyRuntime.NewRef(rt.None);
        });
    }

    private static PyObject* NotInDeque(PyRuntime rt, PyObject* value)
    {
        PyObject* r = Interpreter.Of(rt).ToRepr(value);
        if (r != null)
        {
            rt.SetError(rt.ValueErrorType, $"{PyRuntime.StrToString(r)} is not in deque");
            rt.DecRef(r);
        }

        return null;
    }

    /// <summary>An "n" argument (_PyNumber_Index then PyLong_AsSsize_t) in CPython's words.</summary>
    private static bool SsizeIndex(PyRuntime rt, PyObject* v, out nint value)
    {
        bool ok = ToLong(rt, v, "'{0}' object cannot be interpreted as an integer", out long l, out bool fits);
        value = (nint)l;
        if (ok && !fits)
        {
            rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C ssize_t");
            return false;
        }

        return ok;
    }

    /// <summary>_PyEval_SliceIndexNotNone: an int or __index__, clamped to the ssize_t range.</summary>
    private static bool SliceIndex(PyRuntime rt, PyObject* v, out nint value)
    {
        bool ok = ToLong(rt, v, "slice indices must be integers or have an __index__ method", out long l, out _);
        value = (nint)l;
        return ok;
    }

    /// <summary>_deque_rotate: n steps to the right (negative: left), reduced modulo the length.</summary>
    public static void Rotate(PyRuntime rt, PyObject* self, nint n)
    {
        nint len = Size(self);
        nint half = len >> 1;
        if (len <= 1)
        {
            return;
        }

        if (n > half || n < -half)
        {
            n %= len;
            if (n > half)
            {
                n -= len;
            }
            else if (n < -half)
            {
                n += len;
            }
        }

        for (; n > 0; n--)
        {
            AppendLeft(rt, self, Pop(rt, self), -1);
        }

        for (; n < 0; n++)
        {
            Append(rt, self, PopLeft(rt, self), -1);
        }
    }

    private static void Reverse(PyObject* self)
    {
        var d = (PyDequeObject*)self;
        DequeBlock* lb = d->LeftBlock;
        DequeBlock* rb = d->RightBlock;
        nint li = d->LeftIndex;
        nint ri = d->RightIndex;
        for (nint k = Size(self) / 2; k > 0; k--)
        {
            PyObject** l = DequeBlock.Items(lb) + li;
            PyObject** r = DequeBlock.Items(rb) + ri;
            PyObject* tmp = *l;
            *l = *r;
            *r = tmp;
            if (++li == BlockLen)
            {
                lb = lb->RightLink;
                li = 0;
            }

            if (--ri < 0)
            {
                rb = rb->LeftLink;
                ri = BlockLen - 1;
            }
        }
    }

    /// <summary>deque_del_item: rotate the item to the left end, drop it, rotate back.</summary>
    private static void DeleteItem(PyRuntime rt, PyObject* self, nint i)
    {
        Rotate(rt, self, -i);
        PyObject* item = PopLeft(rt, self);
        Rotate(rt, self, i);
        rt.DecRef(item);
    }
}
