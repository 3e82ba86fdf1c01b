using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// Dunder methods that call a builtin type's own slot (wrapper descriptors in CPython):
/// comparisons, __repr__, __hash__, __iter__. The slot is the named builtin type's, so a
/// subclass's override is not found again (super().__eq__ and friends).
/// </summary>
internal static unsafe class SlotDunders
{
    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>The builtin type called <paramref name="name"/> (tp_name) in this runtime.</summary>
    public static PyTypeObject* TypeByName(PyRuntime rt, string name) => name switch
    {
        "list" => rt.ListType,
        "tuple" => rt.TupleType,
        "dict" => rt.DictType,
        "set" => rt.SetType,
        "frozenset" => rt.FrozenSetType,
        "int" => rt.IntType,
        "bool" => rt.BoolType,
        "float" => rt.FloatType,
        "range" => rt.RangeType,
        "slice" => rt.SliceType,
        "dict_keys" => rt.DictKeysType,
        "dict_values" => rt.DictValuesType,
        "dict_items" => rt.DictItemsType,
        _ => rt.ObjectType,
    };

    /// <summary>Wrapper-style argument count check: "expected N argument(s), got M".</summary>
    public static bool Expect(PyRuntime rt, nint nargs, PyObject* kwnames, int expected)
    {
        if (MethodSupport.KwCount(kwnames) != 0)
        {
            rt.SetError(rt.TypeErrorType, "wrapper takes no keyword arguments");
            return false;
        }

        if (nargs != expected)
        {
            rt.SetError(rt.TypeErrorType, $"expected {expected} argument{(expected == 1 ? "" : "s")}, got {nargs}");
            return false;
        }

        return true;
    }

    public static void AddCompare(string typeName)
    {
        for (int i = 0; i < s_compareNames.Length; i++)
        {
            var op = (CompareOp)i;
            BuiltinMethods.Add(typeName, s_compareNames[i], (rt, self, args, n, kw) =>
            {
                if (!Expect(rt, n, kw, 1))
                {
                    return null;
                }

                PyTypeObject* t = TypeByName(rt, typeName);
                if (t->RichCompare == null)
                {
                    return MethodSupport.NotImplemented(rt);
                }

                return t->RichCompare(rt, self, args[0], op);
            });
        }
    }

    public static void AddRepr(string typeName)
    {
        BuiltinMethods.Add(typeName, "__repr__", (rt, self, args, n, kw) =>
        {
            if (!Expect(rt, n, kw, 0))
            {
                return null;
            }

            PyTypeObject* t = TypeByName(rt, typeName);
            if (!rt.EnterRecursiveCall(" while getting the repr of an object"))
            {
                return null;
            }

            PyObject* r = t->Repr(rt, self);
            rt.LeaveRecursiveCall();
            return r;
        });
    }

    public static void AddHash(string typeName)
    {
        BuiltinMethods.Add(typeName, "__hash__", (rt, self, args, n, kw) =>
        {
            if (!Expect(rt, n, kw, 0))
            {
                return null;
            }

            PyTypeObject* t = TypeByName(rt, typeName);
            nint h = t->Hash(rt, self);
            return h == -1 && rt.ErrorOccurred ? null : rt.NewInt(h);
        });
    }

    public static void AddIter(string typeName)
    {
        BuiltinMethods.Add(typeName, "__iter__", (rt, self, args, n, kw) =>
        {
            if (!Expect(rt, n, kw, 0))
            {
                return null;
            }

            return TypeByName(rt, typeName)->Iter(rt, self);
        });
    }

    /// <summary>__len__ from a length function.</summary>
    public static void AddLen(string typeName, delegate*<PyRuntime, PyObject*, nint> len)
    {
        nint fn = (nint)len;
        BuiltinMethods.Add(typeName, "__len__", (rt, self, args, n, kw) =>
        {
            if (!Expect(rt, n, kw, 0))
            {
                return null;
            }

            nint r = ((delegate*<PyRuntime, PyObject*, nint>)fn)(rt, self);
            return r < 0 ? null : rt.NewInt(r);
        });
    }

    /// <summary>A one-argument dunder whose body is given.</summary>
    public static void AddUnary(string typeName, string name, delegate*<PyRuntime, PyObject*, PyObject*> body)
    {
        nint fn = (nint)body;
        BuiltinMethods.Add(typeName, name, (rt, self, args, n, kw) =>
            Expect(rt, n, kw, 0) ? ((delegate*<PyRuntime, PyObject*, PyObject*>)fn)(rt, self) : null);
    }

    /// <summary>A two-argument dunder whose body is given.</summary>
    public static void AddBinary(string typeName, string name, delegate*<PyRuntime, PyObject*, PyObject*, PyObject*> body)
    {
        nint fn = (nint)body;
        BuiltinMethods.Add(typeName, name, (rt, self, args, n, kw) =>
            Expect(rt, n, kw, 1) ? ((delegate*<PyRuntime, PyObject*, PyObject*, PyObject*>)fn)(rt, self, args[0]) : null);
    }

    /// <summary>__contains__ from Interpreter-free containment (1, 0, -1).</summary>
    public static void AddContains(string typeName, delegate*<PyRuntime, PyObject*, PyObject*, int> contains)
    {
        nint fn = (nint)contains;
        BuiltinMethods.Add(typeName, "__contains__", (rt, self, args, n, kw) =>
        {
            if (!Expect(rt, n, kw, 1))
            {
                return null;
            }

            return MethodSupport.BoolOrNull(rt, ((delegate*<PyRuntime, PyObject*, PyObject*, int>)fn)(rt, self, args[0]));
        });
    }

    /// <summary>__sizeof__: the instance size plus <paramref name="extra"/>'s bytes.</summary>
    public static void AddSizeOf(string typeName, delegate*<PyRuntime, PyObject*, nint> extra)
    {
        nint fn = (nint)extra;
        BuiltinMethods.Add(typeName, "__sizeof__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.NoArgs(rt, typeName + ".__sizeof__", n, kw))
            {
                return null;
            }

            return rt.NewInt((long)self->Type->BasicSize + ((delegate*<PyRuntime, PyObject*, nint>)fn)(rt, self));
        });
    }

    internal static Interpreter Interp(PyRuntime rt) => Interpreter.Of(rt);
}
