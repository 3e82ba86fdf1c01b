using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// Intersection, difference, symmetric difference and the subset tests.
internal static unsafe partial class SetMethods
{
    /// <summary>Iterates <paramref name="iterable"/>, calling <paramref name="body"/> on each item (borrowed); stops on a negative result.</summary>
    private static int ForEach(Interpreter interp, PyObject* iterable, delegate*<Interpreter, PyObject*, PyObject*, PyObject*, int> body, PyObject* a, PyObject* b)
    {
        PyRuntime rt = interp.Rt;
        if (rt.IsAnySet(iterable))
        {
            nint pos = 0;
            while (rt.SetNext(iterable, ref pos, out PyObject* key, out _))
            {
                PyRuntime.IncRef(key);
                int r = body(interp, key, a, b);
                rt.DecRef(key);
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        PyObject* it = interp.GetIter(iterable);
        if (it == null)
        {
            return -1;
        }

        while (true)
        {
            PyObject* x = interp.IterNext(it);
            if (x == null)
            {
                rt.DecRef(it);
                return rt.ErrorOccurred ? -1 : 0;
            }

            int r = body(interp, x, a, b);
            rt.DecRef(x);
            if (r != 0)
            {
                rt.DecRef(it);
                return r;
            }
        }
    }

    /// <summary>Adds x to result when probe holds it.</summary>
    private static int AddIfIn(Interpreter interp, PyObject* x, PyObject* probe, PyObject* result)
    {
        int c = interp.Contains(probe, x);
        return c < 0 ? -1 : c == 0 ? 0 : (interp.Rt.SetAdd(result, x) < 0 ? -1 : 0);
    }

    /// <summary>Adds x to result when probe lacks it.</summary>
    private static int AddIfNotIn(Interpreter interp, PyObject* x, PyObject* probe, PyObject* result)
    {
        int c = interp.Contains(probe, x);
        return c < 0 ? -1 : c == 1 ? 0 : (interp.Rt.SetAdd(result, x) < 0 ? -1 : 0);
    }

    private static int DiscardItem(Interpreter interp, PyObject* x, PyObject* set, PyObject* unused) =>
        interp.Rt.SetDiscard(set, x) < 0 ? -1 : 0;

    /// <summary>set_symmetric_difference_update's step: remove x if present, else add it.</summary>
    private static int Toggle(Interpreter interp, PyObject* x, PyObject* set, PyObject* unused)
    {
        int r = interp.Rt.SetDiscard(set, x);
        return r < 0 ? -1 : r == 1 ? 0 : (interp.Rt.SetAdd(set, x) < 0 ? -1 : 0);
    }

    /// <summary>1 (stop) when probe lacks x.</summary>
    private static int StopIfNotIn(Interpreter interp, PyObject* x, PyObject* probe, PyObject* unused)
    {
        int c = interp.Contains(probe, x);
        return c < 0 ? -1 : c == 0 ? 1 : 0;
    }

    /// <summary>1 (stop) when probe holds x.</summary>
    private static int StopIfIn(Interpreter interp, PyObject* x, PyObject* probe, PyObject* unused)
    {
        int c = interp.Contains(probe, x);
        return c < 0 ? -1 : c;
    }

    /// <summary>set_intersection: a new set (of self's base kind) of self's items that other holds.</summary>
    internal static PyObject* Intersection(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (self == other)
        {
            return NewOfBase(interp, self, self);
        }

        PyObject* result = NewOfBase(interp, self, null);
        if (result == null)
        {
            return null;
        }

        int r;
        if (rt.IsAnySet(other))
        {
            PyObject* small = rt.SetSize(other) > rt.SetSize(self) ? self : other;
            PyObject* big = small == self ? other : self;
            r = ForEach(interp, small, &AddIfIn, big, result);
        }
        else
        {
            r = ForEach(interp, other, &AddIfIn, self, result);
        }

        if (r < 0)
        {
            rt.DecRef(result);
            return null;
        }

        return result;
    }

    internal static PyObject* IntersectionMulti(Interpreter interp, PyObject* self, PyObject** args, nint n)
    {
        PyRuntime rt = interp.Rt;
        if (n == 0)
        {
            return NewOfBase(interp, self, self);
        }

        PyObject* result = PyRuntime.NewRef(self);
        for (nint i = 0; i < n; i++)
        {
            PyObject* next = Intersection(interp, result, args[i]);
            rt.DecRef(result);
            if (next == null)
            {
                return null;
            }

            result = next;
        }

        return result;
    }

    /// <summary>set_difference_update_internal.</summary>
    internal static int DifferenceUpdate(Interpreter interp, PyObject* self, PyObject* other)
    {
        if (self == other)
        {
            return interp.Rt.SetClear(self) < 0 ? -1 : 0;
        }

        return ForEach(interp, other, &DiscardItem, self, null);
    }

    private static PyObject* DifferenceMulti(Interpreter interp, PyObject* self, PyObject** args, nint n)
    {
        PyRuntime rt = interp.Rt;
        PyObject* result;
        if (n > 0 && (rt.IsAnySet(args[0]) || rt.IsDict(args[0])) && args[0] != self)
        {
            result = NewOfBase(interp, self, null);
            if (result == null || ForEach(interp, self, &AddIfNotIn, args[0], result) < 0)
            {
                rt.XDecRef(result);
                return null;
            }

            args++;
            n--;
        }
        else
        {
            // Discarding needs a mutable set: a frozenset's result is frozen at the end.
            result = rt.IsFrozenSet(self) && n > 0 ? NewPlainSet(interp, self) : NewOfBase(interp, self, self);
            if (result == null)
            {
                return null;
            }
        }

        if (n > 0 && rt.IsFrozenSet(result))
        {
            PyObject* thawed = NewPlainSet(interp, result);
            rt.DecRef(result);
            if (thawed == null)
            {
                return null;
            }

            result = thawed;
        }

        for (nint i = 0; i < n; i++)
        {
            if (DifferenceUpdate(interp, result, args[i]) < 0)
            {
                rt.DecRef(result);
                return null;
            }
        }

        if (n > 0 && rt.IsFrozenSet(self))
        {
            PyObject* frozen = rt.NewFrozenSet(result);
            rt.DecRef(result);
            return frozen;
        }

        return result;
    }

    /// <summary>set_symmetric_difference_update.</summary>
    internal static int SymmetricDifferenceUpdate(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (self == other)
        {
            return rt.SetClear(self) < 0 ? -1 : 0;
        }

        if (rt.IsAnySet(other))
        {
            return ForEach(interp, other, &Toggle, self, null);
        }

        PyObject* otherSet = NewPlainSet(interp, other);
        if (otherSet == null)
        {
            return -1;
        }

        int r = ForEach(interp, otherSet, &Toggle, self, null);
        rt.DecRef(otherSet);
        return r;
    }

    /// <summary>A new exact set of an iterable's items.</summary>
    private static PyObject* NewPlainSet(Interpreter interp, PyObject* iterable) => NewOfBase(interp, interp.Rt.None, iterable);

    /// <summary>set_symmetric_difference: a set of other's items, toggled by self's.</summary>
    private static PyObject* SymmetricDifference(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        PyObject* result = rt.NewSet((PyObject*)null);
        if (result == null || interp.SetUpdate(result, other) < 0 || SymmetricDifferenceUpdate(interp, result, self) < 0)
        {
            rt.XDecRef(result);
            return null;
        }

        if (!rt.IsFrozenSet(self))
        {
            return result;
        }

        PyObject* f = rt.NewFrozenSet(result);
        rt.DecRef(result);
        return f;
    }

    /// <summary>set_issubset: 1, 0 or -1.</summary>
    internal static int IsSubset(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (!rt.IsAnySet(other))
        {
            PyObject* tmp = NewPlainSet(interp, other);
            if (tmp == null)
            {
                return -1;
            }

            int r0 = IsSubset(interp, self, tmp);
            rt.DecRef(tmp);
            return r0;
        }

        if (rt.SetSize(self) > rt.SetSize(other))
        {
            return 0;
        }

        int r = ForEach(interp, self, &StopIfNotIn, other, null);
        return r < 0 ? -1 : r == 1 ? 0 : 1;
    }

    /// <summary>set_issuperset: 1, 0 or -1.</summary>
    internal static int IsSuperset(Interpreter interp, PyObject* self, PyObject* other)
    {
        if (interp.Rt.IsAnySet(other))
        {
            return IsSubset(interp, other, self);
        }

        int r = ForEach(interp, other, &StopIfNotIn, self, null);
        return r < 0 ? -1 : r == 1 ? 0 : 1;
    }

    /// <summary>set_isdisjoint: 1, 0 or -1.</summary>
    internal static int IsDisjoint(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (self == other)
        {
            return rt.SetSize(self) == 0 ? 1 : 0;
        }

        int r;
        if (rt.IsAnySet(other))
        {
            PyObject* small = rt.SetSize(other) > rt.SetSize(self) ? self : other;
            PyObject* big = small == self ? other : self;
            r = ForEach(interp, small, &StopIfIn, big, null);
        }
        else
        {
            r = ForEach(interp, other, &StopIfIn, self, null);
        }

        return r < 0 ? -1 : r == 1 ? 0 : 1;
    }
}
