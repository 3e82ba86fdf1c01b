using System.Text;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

// Methods and attributes of object, type, function, method, module, cell, code, frame,
// traceback, generator, classmethod, staticmethod, property and super.
internal static unsafe partial class CoreMethods
{
    private static PyObject* None(PyRuntime rt) => PyRuntime.NewRef(rt.None);

    private static PyObject* OrNone(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(o == null ? rt.None : o);

    /// <summary>type_set_module (3.11): a heap type's __module__ lives in its dict.</summary>
    private static int SetTypeModule(Interpreter interp, PyObject* self, PyObject* value)
    {
        var t = (PyTypeObject*)self;
        PyRuntime rt = interp.Rt;
        // check_set_special_type_attr: immutability is checked before deletion.
        if ((t->Flags & TypeFlags.HeapType) == 0 || value == null)
        {
            string verb = (t->Flags & TypeFlags.HeapType) != 0 ? "delete" : "set";
            rt.SetError(rt.TypeErrorType, $"cannot {verb} '__module__' attribute of immutable type '{rt.InfoOf(t).Name}'");
            return -1;
        }

        rt.TypeModified(t);
        int r = rt.DictSetItem(t->Dict, interp.Str("__module__"), value);
        rt.TypeModified(t);
        return r;
    }

    /// <summary>type_name (3.11): a static type's __name__ is its tp_name after the last dot.</summary>
    private static string StaticTypeShortName(PyTypeObject* t, string name) =>
        (t->Flags & TypeFlags.HeapType) == 0 ? name[(name.LastIndexOf('.') + 1)..] : name;

    private static PyObject* Str(PyRuntime rt, string s) => rt.NewStr(s);

    public static void Register()
    {
        RegisterObject();
        RegisterType();
        RegisterFunctions();
        RegisterExceptions();
        RegisterWrappers();
        RegisterFrames();
    }

    private static void RegisterObject()
    {
        const string O = "object";
        BuiltinMethods.Add(O, "__new__", (rt, self, args, n, kw) =>
        {
            Interpreter interp = Interpreter.Of(rt);
            if (n < 1 || !PyRuntime.IsSubtype(args[0]->Type, rt.TypeType))
            {
                rt.SetError(rt.TypeErrorType, "object.__new__(X): X is not a type object");
                return null;
            }

            return interp.ObjectNewPublic((PyTypeObject*)args[0], n - 1 + (kw == null ? 0 : PyRuntime.TupleSize(kw)));
        }, MethodKind.Static);
        BuiltinMethods.Add(O, "__init__", (rt, self, args, n, kw) => None(rt));
        BuiltinMethods.Add(O, "__repr__", (rt, self, args, n, kw) => Interpreter.Of(rt).DefaultRepr(self));
        BuiltinMethods.Add(O, "__str__", (rt, self, args, n, kw) => Interpreter.Of(rt).ToRepr(self));
        BuiltinMethods.Add(O, "__hash__", (rt, self, args, n, kw) => rt.NewInt((long)PyRuntime.HashPointer(self)));
        BuiltinMethods.Add(O, "__eq__", (rt, self, args, n, kw) => PyRuntime.NewRef(self == args[0] ? rt.True : rt.NotImplemented));
        BuiltinMethods.Add(O, "__ne__", (rt, self, args, n, kw) =>
        {
            PyObject* r = Interpreter.Of(rt).RichCompare(self, args[0], CompareOp.Eq);
            if (r == null || r == rt.NotImplemented)
            {
                return r;
            }

            int t = Interpreter.Of(rt).IsTrue(r);
            rt.DecRef(r);
            return t < 0 ? null : rt.NewBool(t == 0);
        });
        BuiltinMethods.Add(O, "__format__", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, "__format__", n, kw))
            {
                return null;
            }

            return Interpreter.Of(rt).Format(self, args[0]);
        });
        BuiltinMethods.Add(O, "__getattribute__", (rt, self, args, n, kw) => Interpreter.Of(rt).GenericGetAttr(self, args[0], suppress: false));
        BuiltinMethods.Add(O, "__setattr__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).GenericSetAttr(self, args[0], args[1]) < 0 ? null : None(rt));
        BuiltinMethods.Add(O, "__delattr__", (rt, self, args, n, kw) =>
            Interpreter.Of(rt).GenericSetAttr(self, args[0], null) < 0 ? null : None(rt));
        BuiltinMethods.Add(O, "__init_subclass__", (rt, self, args, n, kw) => None(rt), MethodKind.Class);
        BuiltinMethods.Add(O, "__subclasshook__", (rt, self, args, n, kw) => PyRuntime.NewRef(rt.NotImplemented), MethodKind.Class);
        BuiltinMethods.Add(O, "__sizeof__", (rt, self, args, n, kw) => rt.NewInt((long)rt.SizeOf(self) - (long)PyRuntime.ReportedPreHeaderSize(self->Type)));
        BuiltinMethods.Add(O, "__dir__", (rt, self, args, n, kw) => Interpreter.Of(rt).DefaultDir(self));
        BuiltinMethods.Add(O, "__reduce_ex__", (rt, self, args, n, kw) => Interpreter.Of(rt).ReduceEx(self, n > 0 ? args[0] : null, checkOverride: true));
        BuiltinMethods.Add(O, "__reduce__", (rt, self, args, n, kw) => Interpreter.Of(rt).ReduceEx(self, null, checkOverride: false));
        BuiltinMethods.Add(O, "__getstate__", (rt, self, args, n, kw) => Interpreter.Of(rt).CopyregCall("_object_getstate", self, null));
        BuiltinMethods.AddGetSet(O, "__class__", (interp, self) => PyRuntime.NewRef((PyObject*)self->Type), (interp, self, value) =>
        {
            PyRuntime rt = interp.Rt;
            if (value == null || !PyRuntime.IsSubtype(value->Type, rt.TypeType))
            {
                rt.SetError(rt.TypeErrorType, "__class__ must be set to a class");
                return -1;
            }

            var nt = (PyTypeObject*)value;
            PyTypeObject* old = self->Type;
            if ((nt->Flags & TypeFlags.HeapType) == 0 || (old->Flags & TypeFlags.HeapType) == 0 || nt->BasicSize != old->BasicSize
                || ((nt->Flags ^ old->Flags) & TypeFlags.ManagedDict) != 0 || PyRuntime.BuiltinBase(nt) != PyRuntime.BuiltinBase(old))
            {
                rt.SetError(rt.TypeErrorType, $"__class__ assignment: '{rt.InfoOf(nt).Name}' object layout differs from '{rt.InfoOf(old).Name}'");
                return -1;
            }

            PyRuntime.IncRef(value);
            self->Type = nt;
            rt.DecRef((PyObject*)old);
            return 0;
        });
    }

    private static void RegisterType()
    {
        const string T = "type";
        BuiltinMethods.Add(T, "__new__", (rt, self, args, n, kw) =>
        {
            Interpreter interp = Interpreter.Of(rt);
            if (n == 2 && args[0] == (PyObject*)rt.TypeType && (kw == null || PyRuntime.TupleSize(kw) == 0))
            {
                return PyRuntime.NewRef((PyObject*)args[1]->Type);
            }

            if (n != 4)
            {
                rt.SetError(rt.TypeErrorType, "type() takes 1 or 3 arguments");
                return null;
            }

            return interp.TypeNew((PyTypeObject*)args[0], args[1], args[2], args[3], args + 4, kw);
        }, MethodKind.Static);
        BuiltinMethods.Add(T, "__init__", (rt, self, args, n, kw) => None(rt));
        BuiltinMethods.Add(T, "__repr__", (rt, self, args, n, kw) => Interpreter.Of(rt).TypeRepr((PyTypeObject*)self));
        // type.__call__ is the default class call; it must not look the metaclass's __call__ up
        // again (a metaclass __call__ reaches it through super()).
        BuiltinMethods.Add(T, "__call__", (rt, self, args, n, kw) =>
            PyRuntime.IsSubtype(self->Type, rt.TypeType)
                ? Interpreter.Of(rt).TypeCall((PyTypeObject*)self, args, n, kw)
                : Interpreter.Of(rt).Call(self, args, n, kw));
        BuiltinMethods.Add(T, "mro", (rt, self, args, n, kw) =>
        {
            var t = (PyTypeObject*)self;
            PyObject* list = rt.NewList(0);
            for (nint i = 0; i < PyRuntime.TupleSize(t->Mro); i++)
            {
                rt.ListAppend(list, PyRuntime.TupleItems(t->Mro)[i]);
            }

            return list;
        });
        BuiltinMethods.Add(T, "__subclasses__", (rt, self, args, n, kw) => Interpreter.Of(rt).Subclasses((PyTypeObject*)self));
        BuiltinMethods.Add(T, "__instancecheck__", (rt, self, args, n, kw) =>
            rt.NewBool(PyRuntime.IsSubtypeMro(args[0]->Type, (PyTypeObject*)self)));
        BuiltinMethods.Add(T, "__subclasscheck__", (rt, self, args, n, kw) =>
            rt.NewBool(PyRuntime.IsSubtype(args[0]->Type, rt.TypeType) && PyRuntime.IsSubtypeMro((PyTypeObject*)args[0], (PyTypeObject*)self)));
        BuiltinMethods.Add(T, "__prepare__", (rt, self, args, n, kw) => rt.NewDict(), MethodKind.Class);
        BuiltinMethods.AddGetSet(T, "__name__", (interp, self) => interp.Rt.NewStr(StaticTypeShortName((PyTypeObject*)self, interp.Rt.InfoOf((PyTypeObject*)self).Name)), (interp, self, v) => interp.SetTypeName((PyTypeObject*)self, v, qualname: false));
        BuiltinMethods.AddGetSet(T, "__qualname__", (interp, self) => interp.Rt.NewStr(StaticTypeShortName((PyTypeObject*)self, interp.QualNameOf((PyTypeObject*)self))), (interp, self, v) => interp.SetTypeName((PyTypeObject*)self, v, qualname: true));
        BuiltinMethods.AddGetSet(T, "__basicsize__", (interp, self) => interp.Rt.NewInt(((PyTypeObject*)self)->BasicSize));
        BuiltinMethods.AddGetSet(T, "__itemsize__", (interp, self) => interp.Rt.NewInt(((PyTypeObject*)self)->ItemSize));
        BuiltinMethods.AddGetSet(T, "__dictoffset__", (interp, self) => interp.Rt.NewInt(((PyTypeObject*)self)->DictOffset));
        BuiltinMethods.AddGetSet(T, "__weakrefoffset__", (interp, self) => interp.Rt.NewInt(((PyTypeObject*)self)->WeakListOffset));
        BuiltinMethods.AddGetSet(T, "__flags__", (interp, self) => interp.Rt.NewInt((long)((PyTypeObject*)self)->Flags));
        BuiltinMethods.AddGetSet(T, "__module__", (interp, self) =>
        {
            var t = (PyTypeObject*)self;
            if ((t->Flags & TypeFlags.HeapType) != 0)
            {
                PyObject* m = interp.Rt.DictGetItemStr(t->Dict, interp.Str("__module__"));
                if (m != null)
                {
                    return PyRuntime.NewRef(m);
                }
            }

            // A static type's tp_name "module.Name" names its module (type_module, 3.11).
            string full = interp.Rt.InfoOf(t).Name;
            int dot = (t->Flags & TypeFlags.HeapType) == 0 ? full.LastIndexOf('.') : -1;
            return interp.Rt.NewStr(dot >= 0 ? full[..dot] : "builtins");
        }, SetTypeModule);
        BuiltinMethods.AddGetSet(T, "__dict__", (interp, self) => interp.MappingProxy(((PyTypeObject*)self)->Dict));
        BuiltinMethods.AddGetSet(T, "__bases__", (interp, self) => OrNone(interp.Rt, ((PyTypeObject*)self)->Bases));
        BuiltinMethods.AddGetSet(T, "__base__", (interp, self) => OrNone(interp.Rt, (PyObject*)((PyTypeObject*)self)->Base));
        BuiltinMethods.AddGetSet(T, "__mro__", (interp, self) => OrNone(interp.Rt, ((PyTypeObject*)self)->Mro));
        BuiltinMethods.AddGetSet(T, "__doc__", (interp, self) =>
        {
            var t = (PyTypeObject*)self;
            PyObject* d = t->Dict == null ? null : interp.Rt.DictGetItemStr(t->Dict, interp.Str("__doc__"));
            return OrNone(interp.Rt, d);
        });
        BuiltinMethods.AddGetSet(T, "__abstractmethods__", (interp, self) =>
        {
            var t = (PyTypeObject*)self;
            PyObject* v = t->Dict == null ? null : interp.Rt.DictGetItemStr(t->Dict, interp.Str("__abstractmethods__"));
            if (v == null)
            {
                interp.Rt.SetError(interp.Rt.AttributeErrorType, "__abstractmethods__");
                return null;
            }

            return PyRuntime.NewRef(v);
        }, (interp, self, value) =>
        {
            var t = (PyTypeObject*)self;
            interp.Rt.TypeModified(t);
            int r = value == null ? interp.Rt.DictDelItem(t->Dict, interp.Str("__abstractmethods__")) : interp.Rt.DictSetItem(t->Dict, interp.Str("__abstractmethods__"), value);
            interp.Rt.TypeModified(t);
            return r;
        });
    }

    private static void RegisterFunctions()
    {
        const string F = "function";
        BuiltinMethods.AddGetSet(F, "__name__", (i, s) => PyRuntime.NewRef(((PyFunctionObject*)s)->Name), (i, s, v) => SetField(i, ref ((PyFunctionObject*)s)->Name, v, "__name__"));
        BuiltinMethods.AddGetSet(F, "__qualname__", (i, s) => PyRuntime.NewRef(((PyFunctionObject*)s)->QualName), (i, s, v) => SetField(i, ref ((PyFunctionObject*)s)->QualName, v, "__qualname__"));
        BuiltinMethods.AddGetSet(F, "__doc__", (i, s) => OrNone(i.Rt, ((PyFunctionObject*)s)->Doc), (i, s, v) => SetAny(i, ref ((PyFunctionObject*)s)->Doc, v));
        BuiltinMethods.AddGetSet(F, "__module__", (i, s) => OrNone(i.Rt, ((PyFunctionObject*)s)->Module), (i, s, v) => SetAny(i, ref ((PyFunctionObject*)s)->Module, v));
        BuiltinMethods.AddGetSet(F, "__defaults__", (i, s) => OrNone(i.Rt, ((PyFunctionObject*)s)->Defaults), (i, s, v) => SetTypedOrNone(i, ref ((PyFunctionObject*)s)->Defaults, v, "__defaults__", i.Rt.TupleType, "tuple"));
        BuiltinMethods.AddGetSet(F, "__kwdefaults__", (i, s) => OrNone(i.Rt, ((PyFunctionObject*)s)->KwDefaults), (i, s, v) => SetTypedOrNone(i, ref ((PyFunctionObject*)s)->KwDefaults, v, "__kwdefaults__", i.Rt.DictType, "dict"));
        BuiltinMethods.AddGetSet(F, "__code__", (i, s) => PyRuntime.NewRef(((PyFunctionObject*)s)->Code));
        BuiltinMethods.AddGetSet(F, "__globals__", (i, s) => PyRuntime.NewRef(((PyFunctionObject*)s)->Globals));
        BuiltinMethods.AddGetSet(F, "__builtins__", (i, s) => PyRuntime.NewRef(((PyFunctionObject*)s)->Builtins));
        BuiltinMethods.AddGetSet(F, "__closure__", (i, s) => OrNone(i.Rt, ((PyFunctionObject*)s)->Closure));
        BuiltinMethods.AddGetSet(F, "__annotations__", (i, s) =>
        {
            var f = (PyFunctionObject*)s;
            if (f->Annotations == null)
            {
                f->Annotations = i.Rt.NewDict();
            }

            return PyRuntime.NewRef(f->Annotations);
        }, (i, s, v) => SetAnyNone(i, ref ((PyFunctionObject*)s)->Annotations, v));
        BuiltinMethods.AddGetSet(F, "__dict__", (i, s) =>
        {
            PyObject** p = i.Rt.InstanceDictPointer(s);
            return p == null ? null : PyRuntime.NewRef(*p);
        });
        BuiltinMethods.Add(F, "__get__", (rt, self, args, n, kw) =>
        {
            PyObject* obj = n > 0 ? args[0] : rt.None;
            return obj == rt.None ? PyRuntime.NewRef(self) : rt.NewMethod(self, obj);
        });

        const string M = "method";
        BuiltinMethods.AddGetSet(M, "__func__", (i, s) => PyRuntime.NewRef(((PyMethodObject*)s)->Func));
        BuiltinMethods.AddGetSet(M, "__self__", (i, s) => PyRuntime.NewRef(((PyMethodObject*)s)->Self));
        BuiltinMethods.AddGetSet(M, "__name__", (i, s) => i.GetAttr(((PyMethodObject*)s)->Func, i.Str("__name__")));
        BuiltinMethods.AddGetSet(M, "__qualname__", (i, s) => i.GetAttr(((PyMethodObject*)s)->Func, i.Str("__qualname__")));
        BuiltinMethods.AddGetSet(M, "__doc__", (i, s) => i.GetAttr(((PyMethodObject*)s)->Func, i.Str("__doc__")));
        BuiltinMethods.AddGetSet(M, "__module__", (i, s) => i.GetAttr(((PyMethodObject*)s)->Func, i.Str("__module__")));
        BuiltinMethods.AddGetSet(M, "__wrapped__", (i, s) => i.GetAttr(((PyMethodObject*)s)->Func, i.Str("__wrapped__")));

        const string B = "builtin_function_or_method";
        BuiltinMethods.AddGetSet(B, "__name__", (i, s) => i.Rt.NewStr(i.Rt.BuiltinDefOf(s).Name));
        BuiltinMethods.AddGetSet(B, "__qualname__", (i, s) =>
        {
            BuiltinDef def = i.Rt.BuiltinDefOf(s);
            PyObject* self = ((PyManagedFunctionObject*)s)->Self;
            return i.Rt.NewStr(self == null || self->Type == i.Rt.ModuleType || def.OwnerName == null ? def.Name : def.OwnerName + "." + def.Name);
        });
        BuiltinMethods.AddGetSet(B, "__self__", (i, s) =>
        {
            PyObject* self = ((PyManagedFunctionObject*)s)->Self;
            return OrNone(i.Rt, self);
        });
        BuiltinMethods.AddGetSet(B, "__doc__", (i, s) => i.Rt.BuiltinDefOf(s).Doc is string doc ? i.Rt.NewStr(doc) : None(i.Rt));
        BuiltinMethods.AddGetSet(B, "__module__", (i, s) => OrNone(i.Rt, ((PyManagedFunctionObject*)s)->Module));

        BuiltinMethods.AddGetSet("module", "__dict__", (i, s) => PyRuntime.NewRef(PyRuntime.ModuleDict(s)));
        BuiltinMethods.AddGetSet("cell", "cell_contents", (i, s) =>
        {
            PyObject* v = PyRuntime.CellGet(s);
            if (v == null)
            {
                i.Rt.SetError(i.Rt.ValueErrorType, "Cell is empty");
                return null;
            }

            return PyRuntime.NewRef(v);
        }, (i, s, v) =>
        {
            i.Rt.CellSet(s, v);
            return 0;
        });
    }

    private static int SetField(Interpreter interp, ref PyObject* field, PyObject* value, string name)
    {
        if (value == null || !PyRuntime.IsStr(value))
        {
            interp.Rt.SetError(interp.Rt.TypeErrorType, $"{name} must be set to a string object");
            return -1;
        }

        return SetAny(interp, ref field, value);
    }

    private static int SetAny(Interpreter interp, ref PyObject* field, PyObject* value)
    {
        PyObject* old = field;
        field = value == null ? null : PyRuntime.NewRef(value);
        interp.Rt.XDecRef(old);
        return 0;
    }

    private static int SetAnyNone(Interpreter interp, ref PyObject* field, PyObject* value) =>
        SetAny(interp, ref field, value == interp.Rt.None ? null : value);

    /// <summary>func_set_defaults / func_set_kwdefaults: None or deletion clears; else an instance of <paramref name="required"/>.</summary>
    private static int SetTypedOrNone(Interpreter interp, ref PyObject* field, PyObject* value, string attr, PyTypeObject* required, string requiredName)
    {
        PyRuntime rt = interp.Rt;
        if (value == rt.None)
        {
            value = null;
        }

        if (value != null && !PyRuntime.IsSubtype(value->Type, required))
        {
            rt.SetError(rt.TypeErrorType, $"{attr} must be set to a {requiredName} object");
            return -1;
        }

        return SetAny(interp, ref field, value);
    }

    /// <summary>Builds a repr of the form &lt;NAME object at 0x...&gt; for objects without one.</summary>
    public static string AddressRepr(PyRuntime rt, PyObject* o, string qualname, string module)
    {
        var sb = new StringBuilder("<");
        if (module != "builtins")
        {
            sb.Append(module).Append('.');
        }

        sb.Append(qualname).Append(" object at 0x").Append(((nuint)o).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('>');
        _ = rt;
        return sb.ToString();
    }
}
