using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Deque;

// The methods of the native deque type: construction, the four ends, extend, clear, length,
// iteration, indexing, membership, copy and the size. The collections module's deque class adds
// the rest (repr, comparisons, arithmetic, rotate, index, insert, remove, pickling) in Python.
internal static unsafe partial class Deque
{
    private static readonly string[] s_initNames = ["iterable", "maxlen"];

    public static void Register()
    {
        const string T = TypeName;
        BuiltinMethods.Add(T, "__new__", New, MethodKind.Static);
        BuiltinMethods.Add(T, "__init__", Init);
        BuiltinMethods.Add(T, "append", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "deque.append", n, kw) && Append(rt, self, PyRuntime.NewRef(args[0]), ((PyDequeObject*)self)->MaxLen) ? PyRuntime.NewRef(rt.None) : null);
        BuiltinMethods.Add(T, "appendleft", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "deque.appendleft", n, kw) && AppendLeft(rt, self, PyRuntime.NewRef(args[0]), ((PyDequeObject*)self)->MaxLen) ? PyRuntime.NewRef(rt.None) : null);
        BuiltinMethods.Add(T, "pop", (rt, self, args, n, kw) => PopMethod(rt, self, n, kw, "deque.pop", left: false));
        BuiltinMethods.Add(T, "popleft", (rt, self, args, n, kw) => PopMethod(rt, self, n, kw, "deque.popleft", left: true));
        BuiltinMethods.Add(T, "extend", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "deque.extend", n, kw) && Extend(rt, self, args[0], left: false) ? PyRuntime.NewRef(rt.None) : null);
        BuiltinMethods.Add(T, "extendleft", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "deque.extendleft", n, kw) && Extend(rt, self, args[0], left: true) ? PyRuntime.NewRef(rt.None) : null);
        BuiltinMethods.Add(T, "clear", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "deque.clear", n, kw))
            {
                return null;
            }

            Clear(rt, self);
            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add(T, "__len__", (rt, self, args, n, kw) =>
            SlotDunderArgs(rt, n, kw, 0) ? rt.NewInt(Size(self)) : null);
        BuiltinMethods.Add(T, "__iter__", (rt, self, args, n, kw) =>
            SlotDunderArgs(rt, n, kw, 0) ? NewIterator(rt, self, false) : null);
        BuiltinMethods.Add(T, "__reversed__", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, "deque.__reversed__", n, kw) ? NewIterator(rt, self, true) : null);
        BuiltinMethods.Add(T, "__getitem__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunderArgs(rt, n, kw, 1) || !Position(rt, self, args[0], out nint i))
            {
                return null;
            }

            return PyRuntime.NewRef(*ItemSlot(self, i));
        });
        BuiltinMethods.Add(T, "__setitem__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunderArgs(rt, n, kw, 2) || !Position(rt, self, args[0], out nint i))
            {
                return null;
            }

            PyObject** slot = ItemSlot(self, i);
            PyObject* old = *slot;
            *slot = PyRuntime.NewRef(args[1]);
            rt.DecRef(old);
            return PyRuntime.NewRef(rt.None);
        });
        BuiltinMethods.Add(T, "__contains__", (rt, self, args, n, kw) =>
        {
            if (!SlotDunderArgs(rt, n, kw, 1))
            {
                return null;
            }

            int r = Contains(rt, self, args[0]);
            return r < 0 ? null : rt.NewBool(r == 1);
        });
        BuiltinMethods.Add(T, "__sizeof__", (rt, self, args, n, kw) =>
            ArgParse.NoArgs(rt, "deque.__sizeof__", n, kw) ? rt.NewInt(SizeOf(rt, self)) : null);
        BuiltinMethods.AddGetSet(T, "maxlen", (interp, self) =>
        {
            nint m = ((PyDequeObject*)self)->MaxLen;
            return m < 0 ? PyRuntime.NewRef(interp.Rt.None) : interp.Rt.NewInt(m);
        });
        RegisterSequenceMethods();
    }

    /// <summary>The _collections module: the native deque and its iterator types.</summary>
    public static PyObject* CreateModule(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_collections");
        PyObject* d = PyRuntime.ModuleDict(m);
        rt.DictSetItem(d, interp.Str("deque"), (PyObject*)interp.DequeType);
        rt.DictSetItem(d, interp.Str("_deque_iterator"), (PyObject*)interp.DequeIterType);
        rt.DictSetItem(d, interp.Str("_deque_reverse_iterator"), (PyObject*)interp.DequeReverseIterType);
        return m;
    }

    private static bool SlotDunderArgs(PyRuntime rt, nint n, PyObject* kw, int expected) => Methods.SlotDunders.Expect(rt, n, kw, expected);

    /// <summary>deque_new for the type in args[0] (deque or a subclass).</summary>
    private static PyObject* New(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        Interpreter interp = Interpreter.Of(rt);
        if (n < 1 || !PyRuntime.IsSubtype(args[0]->Type, rt.TypeType) || !PyRuntime.IsSubtype((PyTypeObject*)args[0], interp.DequeType))
        {
            rt.SetError(rt.TypeErrorType, "deque.__new__(X): X is not a subtype of deque");
            return null;
        }

        PyObject* o = rt.NewInstance((PyTypeObject*)args[0]);
        if (o == null)
        {
            return null;
        }

        if (!InitEmpty(rt, o))
        {
            rt.DecRef(o);
            return null;
        }

        return o;
    }

    /// <summary>deque_init: deque(iterable=(), maxlen=None); a second __init__ clears first.</summary>
    private static PyObject* Init(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        PyObject** a = stackalloc PyObject*[2];
        if (!ArgParse.Parse(rt, "deque", args, n, kw, s_initNames, 0, a))
        {
            return null;
        }

        nint maxlen = -1;
        if (a[1] != null && a[1] != rt.None)
        {
            if (!MaxLenValue(rt, a[1], out maxlen))
            {
                return null;
            }
        }

        var d = (PyDequeObject*)self;
        d->MaxLen = maxlen;
        if (d->Base.Size > 0)
        {
            Clear(rt, self);
        }

        if (a[0] != null && !Extend(rt, self, a[0], left: false))
        {
            return null;
        }

        return PyRuntime.NewRef(rt.None);
    }

    private static bool MaxLenValue(PyRuntime rt, PyObject* v, out nint maxlen)
    {
        maxlen = 0;
        if (!ToLong(rt, v, "an integer is required", out long value, out bool fits))
        {
            return false;
        }

        if (!fits)
        {
            rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C ssize_t");
            return false;
        }

        if (value < 0)
        {
            rt.SetError(rt.ValueErrorType, "maxlen must be non-negative");
            return false;
        }

        maxlen = (nint)value;
        return true;
    }

    /// <summary>
    /// The value of an int or of an object's __index__, and whether it fits in 64 bits; false
    /// with TypeError <paramref name="typeError"/> ({0}: the object's type name) when there is none.
    /// </summary>
    private static bool ToLong(PyRuntime rt, PyObject* v, string typeError, out long value, out bool fits)
    {
        value = 0;
        fits = false;
        PyObject* index = PyRuntime.IsInt(v) ? PyRuntime.NewRef(v) : Interpreter.Of(rt).TryIndex(v);
        if (index == null)
        {
            if (!rt.ErrorOccurred)
            {
                rt.SetError(rt.TypeErrorType, string.Format(System.Globalization.CultureInfo.InvariantCulture, typeError, rt.TypeName(v)));
            }

            return false;
        }

        fits = PyRuntime.TryIntToLong(index, out value);
        if (!fits)
        {
            value = PyRuntime.IntDigitCount(index) < 0 ? long.MinValue : long.MaxValue;
        }

        rt.DecRef(index);
        return true;
    }

    private static PyObject* PopMethod(PyRuntime rt, PyObject* self, nint n, PyObject* kw, string name, bool left)
    {
        if (!ArgParse.NoArgs(rt, name, n, kw))
        {
            return null;
        }

        if (Size(self) == 0)
        {
            rt.SetError(rt.IndexErrorType, "pop from an empty deque");
            return null;
        }

        return left ? PopLeft(rt, self) : Pop(rt, self);
    }

    /// <summary>deque_extend / deque_extendleft: the deque itself is copied to a list first; maxlen 0 just drains the iterator.</summary>
    public static bool Extend(PyRuntime rt, PyObject* self, PyObject* iterable, bool left)
    {
        Interpreter interp = Interpreter.Of(rt);
        if (iterable == self)
        {
            PyObject* copy = interp.SequenceToList(iterable);
            if (copy == null)
            {
                return false;
            }

            bool ok = Extend(rt, self, copy, left);
            rt.DecRef(copy);
            return ok;
        }

        PyObject* it = rt.GetIter(iterable);
        if (it == null)
        {
            return false;
        }

        var d = (PyDequeObject*)self;
        nint maxlen = d->MaxLen;
        if (maxlen != 0 && d->Base.Size == 0)
        {
            // The space-saving heuristic: fill from the start (end) of the one block.
            d->LeftIndex = left ? BlockLen - 1 : 1;
            d->RightIndex = left ? BlockLen - 2 : 0;
        }

        while (true)
        {
            PyObject* item = interp.IterNext(it);
            if (item == null)
            {
                break;
            }

            if (maxlen == 0)
            {
                rt.DecRef(item);
                continue;
            }

            if (!(left ? AppendLeft(rt, self, item, maxlen) : Append(rt, self, item, maxlen)))
            {
                rt.DecRef(it);
                return false;
            }
        }

        rt.DecRef(it);
        return !rt.ErrorOccurred;
    }

    /// <summary>deque_contains: == against each item; a change of the deque during a comparison raises RuntimeError.</summary>
    public static int Contains(PyRuntime rt, PyObject* self, PyObject* value)
    {
        var d = (PyDequeObject*)self;
        nuint state = d->State;
        nint n = d->Base.Size;
        for (nint i = 0; i < n; i++)
        {
            PyObject* item = PyRuntime.NewRef(*ItemSlot(self, i));
            int cmp = item == value ? 1 : rt.ObjectRichCompareBool(item, value, CompareOp.Eq);
            rt.DecRef(item);
            if (cmp != 0)
            {
                return cmp;
            }

            if (state != d->State)
            {
                rt.SetError(rt.RuntimeErrorType, "deque mutated during iteration");
                return -1;
            }
        }

        return 0;
    }

    /// <summary>An item position from an index (negative from the end); IndexError "deque index out of range".</summary>
    private static bool Position(PyRuntime rt, PyObject* self, PyObject* key, out nint i)
    {
        i = 0;
        if (!ToLong(rt, key, "sequence index must be integer, not '{0}'", out long v, out bool fits))
        {
            return false;
        }

        if (!fits)
        {
            rt.SetError(rt.IndexErrorType, "cannot fit 'int' into an index-sized integer");
            return false;
        }

        nint size = Size(self);
        if (v < 0)
        {
            v += size;
        }

        if (v < 0 || v >= size)
        {
            rt.SetError(rt.IndexErrorType, "deque index out of range");
            return false;
        }

        i = (nint)v;
        return true;
    }
}
