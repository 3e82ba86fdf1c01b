using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of set and frozenset (Objects/setobject.c, 3.11 behaviour).</summary>
internal static unsafe partial class SetMethods
{
    public static void Register()
    {
        foreach (string t in new[] { "set", "frozenset" })
        {
            string tn = t;
            BuiltinMethods.Add(t, "copy", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, tn + ".copy", n, kw) ? Copy(rt, self) : null);
            BuiltinMethods.Add(t, "union", (rt, self, args, n, kw) => ArgParse.NoKeywords(rt, tn + ".union", kw) ? Union(Interpreter.Of(rt), self, args, n) : null);
            BuiltinMethods.Add(t, "intersection", (rt, self, args, n, kw) => ArgParse.NoKeywords(rt, tn + ".intersection", kw) ? IntersectionMulti(Interpreter.Of(rt), self, args, n) : null);
            BuiltinMethods.Add(t, "difference", (rt, self, args, n, kw) => ArgParse.NoKeywords(rt, tn + ".difference", kw) ? DifferenceMulti(Interpreter.Of(rt), self, args, n) : null);
            BuiltinMethods.Add(t, "symmetric_difference", (rt, self, args, n, kw) =>
                ArgParse.OneArg(rt, tn + ".symmetric_difference", n, kw) ? SymmetricDifference(Interpreter.Of(rt), self, args[0]) : null);
            BuiltinMethods.Add(t, "issubset", (rt, self, args, n, kw) =>
                ArgParse.OneArg(rt, tn + ".issubset", n, kw) ? MethodSupport.BoolOrNull(rt, IsSubset(Interpreter.Of(rt), self, args[0])) : null);
            BuiltinMethods.Add(t, "issuperset", (rt, self, args, n, kw) =>
                ArgParse.OneArg(rt, tn + ".issuperset", n, kw) ? MethodSupport.BoolOrNull(rt, IsSuperset(Interpreter.Of(rt), self, args[0])) : null);
            BuiltinMethods.Add(t, "isdisjoint", (rt, self, args, n, kw) =>
                ArgParse.OneArg(rt, tn + ".isdisjoint", n, kw) ? MethodSupport.BoolOrNull(rt, IsDisjoint(Interpreter.Of(rt), self, args[0])) : null);
            RegisterDunders(t);
        }

        const string S = "set";
        BuiltinMethods.Add(S, "add", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "set.add", n, kw) ? (rt.SetAdd(self, args[0]) < 0 ? null : MethodSupport.None(rt)) : null);
        BuiltinMethods.Add(S, "discard", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "set.discard", n, kw) ? (Discard(rt, self, args[0]) < 0 ? null : MethodSupport.None(rt)) : null);
        BuiltinMethods.Add(S, "remove", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "set.remove", n, kw))
            {
                return null;
            }

            int r = Discard(rt, self, args[0]);
            if (r == 0)
            {
                Interpreter.Of(rt).SetKeyError(args[0]);
            }

            return r <= 0 ? null : MethodSupport.None(rt);
        });
        BuiltinMethods.Add(S, "pop", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "set.pop", n, kw) ? Pop(rt, self) : null);
        BuiltinMethods.Add(S, "clear", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "set.clear", n, kw))
            {
                return null;
            }

            rt.SetClear(self);
            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(S, "update", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "set.update", kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            for (nint i = 0; i < n; i++)
            {
                if (interp.SetUpdate(self, args[i]) < 0)
                {
                    return null;
                }
            }

            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(S, "intersection_update", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "set.intersection_update", kw))
            {
                return null;
            }

            PyObject* tmp = IntersectionMulti(Interpreter.Of(rt), self, args, n);
            return tmp == null ? null : ReplaceContents(rt, self, tmp);
        });
        BuiltinMethods.Add(S, "difference_update", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoKeywords(rt, "set.difference_update", kw))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(rt);
            for (nint i = 0; i < n; i++)
            {
                if (DifferenceUpdate(interp, self, args[i]) < 0)
                {
                    return null;
                }
            }

            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(S, "symmetric_difference_update", (rt, self, args, n, kw) =>
            ArgParse.OneArg(rt, "set.symmetric_difference_update", n, kw)
                ? (SymmetricDifferenceUpdate(Interpreter.Of(rt), self, args[0]) < 0 ? null : MethodSupport.None(rt))
                : null);
    }

    /// <summary>Replaces a set's items with those of <paramref name="tmp"/> (consumed); returns None.</summary>
    private static PyObject* ReplaceContents(PyRuntime rt, PyObject* self, PyObject* tmp)
    {
        rt.SetClear(self);
        int r = Interpreter.Of(rt).SetUpdate(self, tmp);
        rt.DecRef(tmp);
        return r < 0 ? null : MethodSupport.None(rt);
    }

    /// <summary>A set key as a lookup key: a set becomes a frozenset (set_contains_key's retry).</summary>
    private static int WithFrozenRetry(PyRuntime rt, PyObject* key, delegate*<PyRuntime, PyObject*, PyObject*, int> op, PyObject* self)
    {
        int r = op(rt, self, key);
        if (r >= 0 || !rt.IsSet(key) || !rt.ErrorMatches(rt.TypeErrorType))
        {
            return r;
        }

        rt.ClearError();
        PyObject* tmp = rt.NewFrozenSet(key);
        if (tmp == null)
        {
            return -1;
        }

        r = op(rt, self, tmp);
        rt.DecRef(tmp);
        return r;
    }

    private static int DiscardRaw(PyRuntime rt, PyObject* self, PyObject* key) => rt.SetDiscard(self, key);

    private static int ContainsRaw(PyRuntime rt, PyObject* self, PyObject* key) => rt.SetContains(self, key);

    /// <summary>set.discard: 1 if removed, 0 if absent, -1 on error (a set key is looked up as a frozenset).</summary>
    internal static int Discard(PyRuntime rt, PyObject* self, PyObject* key) => WithFrozenRetry(rt, key, &DiscardRaw, self);

    internal static int Contains(PyRuntime rt, PyObject* self, PyObject* key) => WithFrozenRetry(rt, key, &ContainsRaw, self);

    /// <summary>set.pop: from the finger on, the first live slot.</summary>
    private static PyObject* Pop(PyRuntime rt, PyObject* self)
    {
        var so = (PySetObject*)self;
        if (so->Used == 0)
        {
            rt.SetError(rt.KeyErrorType, "pop from an empty set");
            return null;
        }

        nint i = so->Finger & so->Mask;
        PyObject* dummy = rt.SetDummy;
        while (so->Table[i].Key == null || so->Table[i].Key == dummy)
        {
            i++;
            if (i > so->Mask)
            {
                i = 0;
            }
        }

        PyObject* key = so->Table[i].Key;
        so->Table[i].Key = dummy;
        so->Table[i].Hash = -1;
        so->Used--;
        so->Finger = i + 1;
        return key;
    }

    /// <summary>make_new_set_basetype: an exact set or frozenset holding <paramref name="iterable"/>'s items.</summary>
    internal static PyObject* NewOfBase(Interpreter interp, PyObject* like, PyObject* iterable) =>
        NewOfKind(interp, interp.Rt.IsFrozenSet(like), iterable);

    /// <summary>make_new_set: a new exact set or frozenset filled from an iterable (null for none).</summary>
    internal static PyObject* NewOfKind(Interpreter interp, bool frozen, PyObject* iterable)
    {
        PyRuntime rt = interp.Rt;
        if (iterable == null || rt.IsAnySet(iterable) || iterable->Type == rt.DictType || iterable->Type == rt.ListType || iterable->Type == rt.TupleType)
        {
            return frozen ? rt.NewFrozenSet(iterable) : rt.NewSet(iterable);
        }

        PyObject* s = frozen ? rt.NewFrozenSet((PyObject*)null) : rt.NewSet((PyObject*)null);
        if (s == null || interp.SetUpdate(s, iterable) < 0)
        {
            rt.XDecRef(s);
            return null;
        }

        return s;
    }

    /// <summary>set.copy / frozenset.copy (an exact frozenset's copy is itself).</summary>
    internal static PyObject* Copy(PyRuntime rt, PyObject* self) =>
        self->Type == rt.FrozenSetType ? PyRuntime.NewRef(self) : NewOfBase(Interpreter.Of(rt), self, self);

    private static PyObject* Union(Interpreter interp, PyObject* self, PyObject** args, nint n)
    {
        PyRuntime rt = interp.Rt;
        PyObject* result = NewOfBase(interp, self, self);
        if (result == null)
        {
            return null;
        }

        for (nint i = 0; i < n; i++)
        {
            if (args[i] == self)
            {
                continue;
            }

            if (interp.SetUpdate(result, args[i]) < 0)
            {
                rt.DecRef(result);
                return null;
            }
        }

        return result;
    }
}
