using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Objects.Methods;

/// <summary>The methods of dict (Objects/dictobject.c, 3.11 behaviour).</summary>
internal static unsafe partial class DictMethods
{
    private const string D = "dict";

    public static void Register()
    {
        BuiltinMethods.Add(D, "keys", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "dict.keys", n, kw) ? rt.DictKeysView(self) : null);
        BuiltinMethods.Add(D, "values", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "dict.values", n, kw) ? rt.DictValuesView(self) : null);
        BuiltinMethods.Add(D, "items", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "dict.items", n, kw) ? rt.DictItemsView(self) : null);
        BuiltinMethods.Add(D, "get", Get);
        BuiltinMethods.Add(D, "setdefault", SetDefault);
        BuiltinMethods.Add(D, "pop", (rt, self, args, n, kw) =>
            ArgParse.NoKeywords(rt, "dict.pop", kw) && ArgParse.Positional(rt, "pop", n, 1, 2) ? rt.DictPop(self, args[0], n > 1 ? args[1] : null) : null);
        BuiltinMethods.Add(D, "popitem", PopItem);
        BuiltinMethods.Add(D, "update", Update);
        BuiltinMethods.Add(D, "clear", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, "dict.clear", n, kw))
            {
                return null;
            }

            rt.DictClear(self);
            return MethodSupport.None(rt);
        });
        BuiltinMethods.Add(D, "copy", (rt, self, args, n, kw) => ArgParse.NoArgs(rt, "dict.copy", n, kw) ? rt.DictCopy(self) : null);
        BuiltinMethods.Add(D, "fromkeys", FromKeys, MethodKind.Class);
        RegisterDunders();
    }

    private static PyObject* Get(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "dict.get", kw) || !ArgParse.Positional(rt, "get", n, 1, 2))
        {
            return null;
        }

        PyObject* v = rt.DictGetItemWithError(self, args[0]);
        if (v == null)
        {
            if (rt.ErrorOccurred)
            {
                return null;
            }

            v = n > 1 ? args[1] : rt.None;
        }

        return PyRuntime.NewRef(v);
    }

    private static PyObject* SetDefault(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "dict.setdefault", kw) || !ArgParse.Positional(rt, "setdefault", n, 1, 2))
        {
            return null;
        }

        PyObject* v = rt.DictGetItemWithError(self, args[0]);
        if (v != null)
        {
            return PyRuntime.NewRef(v);
        }

        if (rt.ErrorOccurred)
        {
            return null;
        }

        PyObject* dflt = n > 1 ? args[1] : rt.None;
        return rt.DictSetItem(self, args[0], dflt) < 0 ? null : PyRuntime.NewRef(dflt);
    }

    /// <summary>dict.popitem: the last entry, LIFO; the entry count drops to it so the slot is reused.</summary>
    private static PyObject* PopItem(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoArgs(rt, "dict.popitem", n, kw))
        {
            return null;
        }

        PyObject* res = rt.NewTuple(2);
        if (res == null)
        {
            return null;
        }

        var mp = (PyDictObject*)self;
        if (mp->Used == 0)
        {
            rt.DecRef(res);
            rt.SetError(rt.KeyErrorType, "popitem(): dictionary is empty");
            return null;
        }

        if (rt.DictPrepareForPopItem(self) < 0)
        {
            rt.DecRef(res);
            return null;
        }

        PyDictKeysObject* dk = mp->Keys;
        bool unicode = dk->Kind != (byte)DictKeysKind.General;
        nint i = dk->NEntries - 1;
        PyObject* key = null;
        while (i >= 0)
        {
            key = unicode ? PyRuntime.UnicodeEntries(dk)[i].Key : PyRuntime.GeneralEntries(dk)[i].Key;
            PyObject* val = unicode ? PyRuntime.UnicodeEntries(dk)[i].Value : PyRuntime.GeneralEntries(dk)[i].Value;
            if (key != null && val != null)
            {
                break;
            }

            i--;
        }

        PyRuntime.IncRef(key);
        PyObject* value = rt.DictPop(self, key, null);
        if (value == null)
        {
            rt.DecRef(key);
            rt.DecRef(res);
            return null;
        }

        if (mp->Keys == dk)
        {
            dk->NEntries = i;
        }

        PyRuntime.TupleItems(res)[0] = key;
        PyRuntime.TupleItems(res)[1] = value;
        return res;
    }

    /// <summary>dict.update([other], **kwargs).</summary>
    private static PyObject* Update(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (n > 1)
        {
            rt.SetError(rt.TypeErrorType, $"update expected at most 1 argument, got {n}");
            return null;
        }

        return UpdateCommon(rt, self, args, n, kw) < 0 ? null : MethodSupport.None(rt);
    }

    /// <summary>dict_update_common: the positional mapping or pairs, then the keywords.</summary>
    internal static int UpdateCommon(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        Interpreter interp = Interpreter.Of(rt);
        if (n == 1 && interp.DictUpdateFrom(self, args[0]) < 0)
        {
            return -1;
        }

        nint nkw = MethodSupport.KwCount(kw);
        for (nint k = 0; k < nkw; k++)
        {
            if (rt.DictSetItem(self, PyRuntime.TupleItems(kw)[k], args[n + k]) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>dict.fromkeys(iterable, value=None) as a class method.</summary>
    private static PyObject* FromKeys(PyRuntime rt, PyObject* cls, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "dict.fromkeys", kw) || !ArgParse.Positional(rt, "fromkeys", n, 1, 2))
        {
            return null;
        }

        Interpreter interp = Interpreter.Of(rt);
        PyObject* value = n > 1 ? args[1] : rt.None;
        PyObject* d = interp.CallNoArgs(cls);
        if (d == null)
        {
            return null;
        }

        bool exactDict = d->Type == rt.DictType;
        PyObject* iterable = args[0];
        if (exactDict && rt.DictSize(d) == 0 && (iterable->Type == rt.DictType || iterable->Type == rt.SetType || iterable->Type == rt.FrozenSetType))
        {
            // Presize as CPython does for dict and set sources.
            bool isDict = iterable->Type == rt.DictType;
            nint count = isDict ? rt.DictSize(iterable) : rt.SetSize(iterable);
            bool unicode = isDict && ((PyDictObject*)iterable)->Keys->Kind != (byte)DictKeysKind.General;
            PyObject* sized = rt.NewDictPresized(count, unicode);
            if (sized == null)
            {
                rt.DecRef(d);
                return null;
            }

            rt.DecRef(d);
            d = sized;
        }

        PyObject* it = interp.GetIter(iterable);
        if (it == null)
        {
            rt.DecRef(d);
            return null;
        }

        while (true)
        {
            PyObject* key = interp.IterNext(it);
            if (key == null)
            {
                break;
            }

            int r = exactDict ? rt.DictSetItem(d, key, value) : interp.SetItem(d, key, value);
            rt.DecRef(key);
            if (r < 0)
            {
                break;
            }
        }

        rt.DecRef(it);
        if (rt.ErrorOccurred)
        {
            rt.DecRef(d);
            return null;
        }

        return d;
    }
}
