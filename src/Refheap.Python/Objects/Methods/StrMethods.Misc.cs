using System.Collections.Generic;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// translate, maketrans, encode.
internal static unsafe partial class StrMethods
{
    private static void RegisterMisc()
    {
        Add("translate", (rt, self, args, n, kw) => ArgParse.OneArg(rt, T + ".translate", n, kw) ? Translate(rt, self, args[0]) : null);
        BuiltinMethods.Add(T, "maketrans", MakeTrans, MethodKind.Static);
        Add("encode", (rt, self, args, n, kw) =>
        {
            PyObject** a = stackalloc PyObject*[2];
            if (!ArgParse.Parse(rt, "encode", args, n, kw, ["encoding", "errors"], 0, a))
            {
                return null;
            }

            string[] names = ["encoding", "errors"];
            for (int k = 0; k < 2; k++)
            {
                if (a[k] != null && !PyRuntime.IsStr(a[k]))
                {
                    rt.SetError(rt.TypeErrorType, $"encode() argument '{names[k]}' must be str, not {rt.TypeName(a[k])}");
                    return null;
                }
            }

            return Codecs.Encode(rt, self, a[0] == null ? "utf-8" : PyRuntime.StrToString(a[0]), a[1] == null ? "strict" : PyRuntime.StrToString(a[1]));
        });
    }

    private static PyObject* Translate(PyRuntime rt, PyObject* self, PyObject* table)
    {
        Interpreter interp = Interpreter.Of(rt);
        int[] s = PyRuntime.StrCodePoints(self);
        var cache = new Dictionary<int, int[]>();
        var output = new List<int>(s.Length);
        foreach (int c in s)
        {
            if (!cache.TryGetValue(c, out int[]? mapped))
            {
                PyObject* key = rt.NewInt(c);
                PyObject* v = interp.GetItem(table, key);
                rt.DecRef(key);
                if (v == null)
                {
                    if (!rt.ErrorMatches(rt.LookupErrorType))
                    {
                        return null;
                    }

                    rt.ClearError();
                    mapped = [c];
                }
                else
                {
                    mapped = TranslateValue(rt, v);
                    rt.DecRef(v);
                    if (mapped == null)
                    {
                        return null;
                    }
                }

                cache[c] = mapped;
            }

            output.AddRange(mapped);
        }

        return New(rt, output);
    }

    private static int[]? TranslateValue(PyRuntime rt, PyObject* v)
    {
        if (v == rt.None)
        {
            return [];
        }

        if (PyRuntime.IsInt(v))
        {
            System.Numerics.BigInteger b = PyRuntime.IntToBigInteger(v);
            if (b < 0 || b > 0x10FFFF)
            {
                rt.SetError(rt.ValueErrorType, "character mapping must be in range(0x110000)");
                return null;
            }

            return [(int)b];
        }

        if (PyRuntime.IsStr(v))
        {
            return PyRuntime.StrCodePoints(v);
        }

        rt.SetError(rt.TypeErrorType, "character mapping must return integer, None or str");
        return null;
    }

    private static PyObject* MakeTrans(PyRuntime rt, PyObject* self, PyObject** args, nint n, PyObject* kw)
    {
        if (!ArgParse.NoKeywords(rt, "maketrans", kw) || !ArgParse.Positional(rt, "maketrans", n, 1, 3))
        {
            return null;
        }

        PyObject* result = rt.NewDict();
        if (n == 1)
        {
            if (!PyRuntime.IsSubtype(args[0]->Type, rt.DictType))
            {
                rt.DecRef(result);
                rt.SetError(rt.TypeErrorType, "if you give only one argument to maketrans it must be a dict");
                return null;
            }

            nint pos = 0;
            while (rt.DictNext(args[0], ref pos, out PyObject* key, out PyObject* value))
            {
                PyObject* k;
                if (PyRuntime.IsStr(key))
                {
                    if (PyRuntime.StrLength(key) != 1)
                    {
                        rt.DecRef(result);
                        rt.SetError(rt.ValueErrorType, "string keys in translate table must be of length 1");
                        return null;
                    }

                    k = rt.NewInt(PyRuntime.StrRead(key, 0));
                }
                else if (PyRuntime.IsInt(key))
                {
                    k = PyRuntime.NewRef(key);
                }
                else
                {
                    rt.DecRef(result);
                    rt.SetError(rt.TypeErrorType, "keys in translate table must be strings or integers");
                    return null;
                }

                int r = rt.DictSetItem(result, k, value);
                rt.DecRef(k);
                if (r < 0)
                {
                    rt.DecRef(result);
                    return null;
                }
            }

            return result;
        }

        for (int i = 1; i < n; i++)
        {
            if (!PyRuntime.IsStr(args[i]))
            {
                rt.DecRef(result);
                rt.SetError(rt.TypeErrorType, $"maketrans() argument {i + 1} must be str, not {rt.TypeName(args[i])}");
                return null;
            }
        }

        if (!PyRuntime.IsStr(args[0]))
        {
            rt.DecRef(result);
            rt.SetError(rt.TypeErrorType, "first maketrans argument must be a string if there is a second argument");
            return null;
        }

        int[] x = PyRuntime.StrCodePoints(args[0]);
        int[] y = PyRuntime.StrCodePoints(args[1]);
        if (x.Length != y.Length)
        {
            rt.DecRef(result);
            rt.SetError(rt.ValueErrorType, "the first two maketrans arguments must have equal length");
            return null;
        }

        for (int i = 0; i < x.Length; i++)
        {
            SetIntItem(rt, result, x[i], rt.NewInt(y[i]));
        }

        if (n == 3)
        {
            foreach (int c in PyRuntime.StrCodePoints(args[2]))
            {
                SetIntItem(rt, result, c, PyRuntime.NewRef(rt.None));
            }
        }

        return result;
    }

    private static void SetIntItem(PyRuntime rt, PyObject* dict, int key, PyObject* value)
    {
        PyObject* k = rt.NewInt(key);
        rt.DictSetItem(dict, k, value);
        rt.DecRef(k);
        rt.DecRef(value);
    }
}
