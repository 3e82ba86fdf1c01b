using Refheap.Python.Compiler;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>dict_keys, dict_values and dict_items: length, iteration, membership, set operations, mapping.</summary>
internal static unsafe class DictViewMethods
{
    private static readonly string[] s_views = ["dict_keys", "dict_values", "dict_items"];

    public static void Register()
    {
        foreach (string v in s_views)
        {
            SlotDunders.AddLen(v, &ViewLen);
            SlotDunders.AddIter(v);
            SlotDunders.AddRepr(v);
            SlotDunders.AddUnary(v, "__reversed__", &ViewReversed);
            BuiltinMethods.AddGetSet(v, "mapping", (interp, self) => interp.MappingProxy(PyRuntime.DictViewDict(self)));
        }

        foreach (string v in new[] { "dict_keys", "dict_items" })
        {
            SlotDunders.AddCompare(v);
            SlotDunders.AddContains(v, &ViewContains);
            BuiltinMethods.Add(v, "isdisjoint", (rt, self, args, n, kw) =>
                ArgParse.OneArg(rt, "isdisjoint", n, kw) ? MethodSupport.BoolOrNull(rt, IsDisjoint(Interpreter.Of(rt), self, args[0])) : null);
            SlotDunders.AddBinary(v, "__and__", &And);
            SlotDunders.AddBinary(v, "__rand__", &RAnd);
            SlotDunders.AddBinary(v, "__or__", &Or);
            SlotDunders.AddBinary(v, "__ror__", &ROr);
            SlotDunders.AddBinary(v, "__sub__", &Sub);
            SlotDunders.AddBinary(v, "__rsub__", &RSub);
            SlotDunders.AddBinary(v, "__xor__", &Xor);
            SlotDunders.AddBinary(v, "__rxor__", &RXor);
        }
    }

    /// <summary>Gives the view types (which the interpreter does not list) their dicts.</summary>
    public static void FillViewDicts(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        foreach (string name in s_views)
        {
            PyTypeObject* t = SlotDunders.TypeByName(rt, name);
            PyObject* dict = rt.NewDict();
            foreach (MethodSpec m in BuiltinMethods.MethodsOf(name))
            {
                BuiltinDef def = rt.DefineBuiltin(m.Name, m.Body, name);
                PyObject* d = interp.NewMethodDescriptor(t, def, m.Kind);
                rt.DictSetItem(dict, interp.Str(m.Name), d);
                rt.DecRef(d);
            }

            foreach (GetSetSpec g in BuiltinMethods.GetSetsOf(name))
            {
                PyObject* d = interp.NewGetSetDescriptor(t, g);
                rt.DictSetItem(dict, interp.Str(g.Name), d);
                rt.DecRef(d);
            }

            rt.DictSetItem(dict, interp.Str("__doc__"), rt.None);
            rt.DictSetItem(dict, interp.Str("__hash__"), rt.None);
            rt.SetStaticTypeDict(t, dict);
            rt.DecRef(dict);
        }
    }

    private static nint ViewLen(PyRuntime rt, PyObject* o) => rt.DictViewLength(o);

    private static PyObject* ViewReversed(PyRuntime rt, PyObject* o)
    {
        PyObject* list = Interpreter.Of(rt).SequenceToList(o);
        if (list == null)
        {
            return null;
        }

        PyObject* r = rt.ListReversed(list);
        rt.DecRef(list);
        return r;
    }

    /// <summary>dictkeys_contains / dictitems_contains.</summary>
    internal static int ViewContains(PyRuntime rt, PyObject* view, PyObject* x)
    {
        PyObject* d = PyRuntime.DictViewDict(view);
        if (d == null)
        {
            return 0;
        }

        if (view->Type == rt.DictKeysType)
        {
            return rt.DictContains(d, x);
        }

        if (!PyRuntime.IsSubtype(x->Type, rt.TupleType) || PyRuntime.TupleSize(x) != 2)
        {
            return 0;
        }

        PyObject* found = rt.DictGetItemWithError(d, PyRuntime.TupleItems(x)[0]);
        if (found == null)
        {
            return rt.ErrorOccurred ? -1 : 0;
        }

        PyRuntime.IncRef(found);
        int r = rt.ObjectRichCompareBool(found, PyRuntime.TupleItems(x)[1], CompareOp.Eq);
        rt.DecRef(found);
        return r;
    }

    /// <summary>True when either operand is a keys or items view (the operands of the view set operators).</summary>
    public static bool IsSetView(PyRuntime rt, PyObject* a, PyObject* b) =>
        a->Type == rt.DictKeysType || a->Type == rt.DictItemsType || b->Type == rt.DictKeysType || b->Type == rt.DictItemsType;

    private static bool IsSetLike(PyRuntime rt, PyObject* o) =>
        rt.IsAnySet(o) || o->Type == rt.DictKeysType || o->Type == rt.DictItemsType;

    private static int IsDisjoint(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (self == other)
        {
            return rt.DictViewLength(self) == 0 ? 1 : 0;
        }

        PyObject* iterate = other;
        PyObject* probe = self;
        if (IsSetLike(rt, other))
        {
            nint lenOther = interp.Length(other);
            if (lenOther < 0)
            {
                return -1;
            }

            if (lenOther > rt.DictViewLength(self))
            {
                iterate = self;
                probe = other;
            }
        }

        PyObject* it = interp.GetIter(iterate);
        if (it == null)
        {
            return -1;
        }

        int result = 1;
        while (true)
        {
            PyObject* x = interp.IterNext(it);
            if (x == null)
            {
                if (rt.ErrorOccurred)
                {
                    result = -1;
                }

                break;
            }

            int c = interp.Contains(probe, x);
            rt.DecRef(x);
            if (c != 0)
            {
                result = c < 0 ? -1 : 0;
                break;
            }
        }

        rt.DecRef(it);
        return result;
    }

    /// <summary>dictviews_to_set: set(left), taking a keys view's dict directly.</summary>
    private static PyObject* ToSet(Interpreter interp, PyObject* o)
    {
        PyRuntime rt = interp.Rt;
        PyObject* src = o->Type == rt.DictKeysType && PyRuntime.DictViewDict(o) != null ? PyRuntime.DictViewDict(o) : o;
        PyObject* s = rt.NewSet((PyObject*)null);
        if (s == null)
        {
            return null;
        }

        if (interp.SetUpdate(s, src) < 0)
        {
            rt.DecRef(s);
            return null;
        }

        return s;
    }

    /// <summary>The set operators of the views, left op right, one of them a view.</summary>
    public static PyObject* SetOp(Interpreter interp, PyObject* left, PyObject* right, int op)
    {
        PyRuntime rt = interp.Rt;
        if (op == BinaryOps.And)
        {
            return Intersect(interp, left, right);
        }

        PyObject* result = ToSet(interp, left);
        if (result == null)
        {
            return null;
        }

        int status = op switch
        {
            BinaryOps.Or => interp.SetUpdate(result, right),
            BinaryOps.Subtract => SetMethods.DifferenceUpdate(interp, result, right),
            _ => SetMethods.SymmetricDifferenceUpdate(interp, result, right),
        };
        if (status < 0)
        {
            rt.DecRef(result);
            return null;
        }

        return result;
    }

    /// <summary>_PyDictView_Intersect: iterate the other operand (or the smaller view), keep what the view holds.</summary>
    private static PyObject* Intersect(Interpreter interp, PyObject* self, PyObject* other)
    {
        PyRuntime rt = interp.Rt;
        if (!rt.IsDictView(self))
        {
            PyObject* swap = self;
            self = other;
            other = swap;
        }

        nint lenSelf = interp.Length(self);
        if (lenSelf < 0)
        {
            return null;
        }

        if (IsSetLike(rt, other) && !rt.IsAnySet(other))
        {
            nint lenOther = interp.Length(other);
            if (lenOther < 0)
            {
                return null;
            }

            if (lenOther > lenSelf)
            {
                PyObject* swap = self;
                self = other;
                other = swap;
            }
        }

        PyObject* result = rt.NewSet((PyObject*)null);
        if (result == null)
        {
            return null;
        }

        PyObject* it = interp.GetIter(other);
        if (it == null)
        {
            rt.DecRef(result);
            return null;
        }

        while (true)
        {
            PyObject* x = interp.IterNext(it);
            if (x == null)
            {
                break;
            }

            int c = rt.IsDictView(self) ? ViewContains(rt, self, x) : interp.Contains(self, x);
            if (c > 0 && rt.SetAdd(result, x) < 0)
            {
                c = -1;
            }

            rt.DecRef(x);
            if (c < 0)
            {
                break;
            }
        }

        rt.DecRef(it);
        if (rt.ErrorOccurred)
        {
            rt.DecRef(result);
            return null;
        }

        return result;
    }

    private static PyObject* And(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), a, b, BinaryOps.And);

    private static PyObject* RAnd(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), b, a, BinaryOps.And);

    private static PyObject* Or(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), a, b, BinaryOps.Or);

    private static PyObject* ROr(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), b, a, BinaryOps.Or);

    private static PyObject* Sub(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), a, b, BinaryOps.Subtract);

    private static PyObject* RSub(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), b, a, BinaryOps.Subtract);

    private static PyObject* Xor(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), a, b, BinaryOps.Xor);

    private static PyObject* RXor(PyRuntime rt, PyObject* a, PyObject* b) => SetOp(Interpreter.Of(rt), b, a, BinaryOps.Xor);
}
