using System.Collections.Generic;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The interpreter's own types (descriptors, classmethod/staticmethod/property, super,
// Ellipsis, the exceptions the runtime does not define) and the builtin types' dicts.
internal sealed unsafe partial class Interpreter
{
    private readonly List<GetSetSpec> _getsets = new();
    private readonly Dictionary<string, nint> _exceptionTypes = new(System.StringComparer.Ordinal);

    public PyTypeObject* MethodDescriptorType { get; private set; }

    public PyTypeObject* GetSetDescriptorType { get; private set; }

    public PyTypeObject* MemberDescriptorType { get; private set; }

    public PyTypeObject* ClassMethodType { get; private set; }

    public PyTypeObject* StaticMethodType { get; private set; }

    public PyTypeObject* PropertyType { get; private set; }

    public PyTypeObject* SuperType { get; private set; }

    public PyTypeObject* EllipsisType { get; private set; }

    public PyTypeObject* NameErrorType { get; private set; }

    public PyTypeObject* UnboundLocalErrorType { get; private set; }

    public PyTypeObject* AssertionErrorType { get; private set; }

    public PyTypeObject* GeneratorExitType { get; private set; }

    public PyTypeObject* SystemExitType { get; private set; }

    public PyTypeObject* ImportErrorType { get; private set; }

    public PyTypeObject* ModuleNotFoundErrorType { get; private set; }

    public PyTypeObject* OSErrorType { get; private set; }

    public PyTypeObject* FileNotFoundErrorType { get; private set; }

    public PyTypeObject* SyntaxErrorType { get; private set; }

    public PyTypeObject* KeyboardInterruptType { get; private set; }

    public PyTypeObject* UnicodeDecodeErrorType { get; private set; }

    /// <summary>An exception class by name (builtins' exception classes).</summary>
    public PyTypeObject* ExceptionType(string name) => (PyTypeObject*)_exceptionTypes[name];

    private PyTypeObject* NewType(string name, int size, TypeFlags flags, PyTypeObject* baseType = null) =>
        Rt.NewStaticType(name, size, 0, flags | TypeFlags.Ready, baseType == null ? Rt.ObjectType : baseType);

    private void InitTypes()
    {
        PyRuntime rt = Rt;
        rt.Host = this;
        rt.UnraisableHook = (r, message, exc, obj) => Of(r).DispatchUnraisable(message, (PyObject*)exc, (PyObject*)obj);
        MethodDescriptorType = NewType("method_descriptor", sizeof(PyMethodDescrObject), TypeFlags.HaveGc);
        MethodDescriptorType->Dealloc = &DescrDealloc;
        MethodDescriptorType->Traverse = &DescrTraverse;
        MethodDescriptorType->DescrGet = &MethodDescrGet;
        MethodDescriptorType->Repr = &MethodDescrRepr;
        GetSetDescriptorType = NewType("getset_descriptor", sizeof(PyGetSetDescrObject), TypeFlags.HaveGc);
        GetSetDescriptorType->Dealloc = &DescrDealloc;
        GetSetDescriptorType->Traverse = &DescrTraverse;
        GetSetDescriptorType->DescrGet = &GetSetDescrGet;
        GetSetDescriptorType->DescrSet = &GetSetDescrSet;
        GetSetDescriptorType->Repr = &GetSetDescrRepr;
        MemberDescriptorType = NewType("member_descriptor", sizeof(PyGetSetDescrObject), TypeFlags.HaveGc);
        MemberDescriptorType->Dealloc = &DescrDealloc;
        MemberDescriptorType->Traverse = &DescrTraverse;
        MemberDescriptorType->DescrGet = &MemberDescrGet;
        MemberDescriptorType->DescrSet = &MemberDescrSet;
        MemberDescriptorType->Repr = &GetSetDescrRepr;

        ClassMethodType = NewType("classmethod", sizeof(PyClassMethodObject), TypeFlags.HaveGc | TypeFlags.BaseType);
        ClassMethodType->DictOffset = 24;
        ClassMethodType->Dealloc = &WrapperDealloc;
        ClassMethodType->Traverse = &WrapperTraverse;
        ClassMethodType->Clear = &WrapperClear;
        ClassMethodType->DescrGet = &ClassMethodGet;
        StaticMethodType = NewType("staticmethod", sizeof(PyClassMethodObject), TypeFlags.HaveGc | TypeFlags.BaseType);
        StaticMethodType->DictOffset = 24;
        StaticMethodType->Dealloc = &WrapperDealloc;
        StaticMethodType->Traverse = &WrapperTraverse;
        StaticMethodType->Clear = &WrapperClear;
        StaticMethodType->DescrGet = &StaticMethodGet;
        PropertyType = NewType("property", sizeof(PyPropertyObject), TypeFlags.HaveGc | TypeFlags.BaseType);
        PropertyType->Dealloc = &PropertyDealloc;
        PropertyType->Traverse = &PropertyTraverse;
        PropertyType->DescrGet = &PropertyGet;
        PropertyType->DescrSet = &PropertySet;
        SuperType = NewType("super", sizeof(PySuperObject), TypeFlags.HaveGc | TypeFlags.BaseType);
        SuperType->Dealloc = &SuperDealloc;
        SuperType->Traverse = &SuperTraverse;
        SuperType->GetAttr = &SuperGetAttr;
        EllipsisType = NewType("ellipsis", 16, TypeFlags.None);
        EllipsisType->Repr = &EllipsisRepr;
        Ellipsis = rt.NewObject(EllipsisType, 16);

        InitExceptionClasses();
        InitComplexType();
        InitIteratorTypes();
        InitGeneratorType();
        InitCoreSlots();
        Objects.Deque.Deque.Install(this);
        InitObjectModel();
    }

    private void InitGeneratorType()
    {
        PyTypeObject* g = Rt.GeneratorType;
        g->Iter = &GenIter;
        g->IterNext = &GenIterNext;
        g->Finalize = &GenFinalize;
        g->Repr = &GenRepr;
    }

    private void InitExceptionClasses()
    {
        PyRuntime rt = Rt;
        foreach (PyTypeObject* t in new[]
        {
            rt.BaseExceptionType, rt.ExceptionType, rt.TypeErrorType, rt.ValueErrorType, rt.LookupErrorType,
            rt.KeyErrorType, rt.IndexErrorType, rt.MemoryErrorType, rt.RuntimeErrorType, rt.RecursionErrorType,
            rt.NotImplementedErrorType, rt.ReferenceErrorType, rt.SystemErrorType, rt.AttributeErrorType,
            rt.ArithmeticErrorType, rt.ZeroDivisionErrorType, rt.OverflowErrorType, rt.StopIterationType,
        })
        {
            _exceptionTypes[rt.InfoOf(t).Name] = (nint)t;
        }

        PyTypeObject* Make(string name, PyTypeObject* b)
        {
            PyTypeObject* t = rt.NewExceptionType(name, b);
            _exceptionTypes[name] = (nint)t;
            return t;
        }

        NameErrorType = Make("NameError", rt.ExceptionType);
        UnboundLocalErrorType = Make("UnboundLocalError", NameErrorType);
        AssertionErrorType = Make("AssertionError", rt.ExceptionType);
        GeneratorExitType = Make("GeneratorExit", rt.BaseExceptionType);
        SystemExitType = Make("SystemExit", rt.BaseExceptionType);
        KeyboardInterruptType = Make("KeyboardInterrupt", rt.BaseExceptionType);
        ImportErrorType = Make("ImportError", rt.ExceptionType);
        ModuleNotFoundErrorType = Make("ModuleNotFoundError", ImportErrorType);
        OSErrorType = Make("OSError", rt.ExceptionType);
        FileNotFoundErrorType = Make("FileNotFoundError", OSErrorType);
        Make("FileExistsError", OSErrorType);
        Make("PermissionError", OSErrorType);
        Make("IsADirectoryError", OSErrorType);
        Make("NotADirectoryError", OSErrorType);
        Make("TimeoutError", OSErrorType);
        PyTypeObject* connection = Make("ConnectionError", OSErrorType);
        Make("BrokenPipeError", connection);
        Make("ConnectionAbortedError", connection);
        Make("ConnectionRefusedError", connection);
        Make("ConnectionResetError", connection);
        Make("BlockingIOError", OSErrorType);
        Make("ChildProcessError", OSErrorType);
        Make("InterruptedError", OSErrorType);
        Make("ProcessLookupError", OSErrorType);
        Make("EOFError", rt.ExceptionType);
        Make("BufferError", rt.ExceptionType);
        Make("FloatingPointError", rt.ArithmeticErrorType);
        Make("StopAsyncIteration", rt.ExceptionType);
        InitBaseExceptionGroupType(Make("BaseExceptionGroup", rt.BaseExceptionType));
        SyntaxErrorType = Make("SyntaxError", rt.ExceptionType);
        PyTypeObject* indent = Make("IndentationError", SyntaxErrorType);
        Make("TabError", indent);
        PyTypeObject* unicode = Make("UnicodeError", rt.ValueErrorType);
        UnicodeDecodeErrorType = Make("UnicodeDecodeError", unicode);
        Make("UnicodeEncodeError", unicode);
        Make("UnicodeTranslateError", unicode);
        PyTypeObject* warning = Make("Warning", rt.ExceptionType);
        foreach (string w in new[] { "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning" })
        {
            Make(w, warning);
        }

        SetExceptionSizes();
    }

    /// <summary>Every builtin (static) type of the runtime: each gets a dict and an MRO.</summary>
    private NintList BuiltinTypes()
    {
        var all = new NintList();
        foreach (TypeInfo info in Rt.Types)
        {
            if (!info.IsHeapType && !info.Released)
            {
                all.Add((nint)info.Type);
            }
        }

        return all;
    }

    /// <summary>Fills every builtin type's dict with its methods and attributes as descriptors.</summary>
    private void FillBuiltinTypeDicts()
    {
        PyRuntime rt = Rt;
        foreach (nint tp in BuiltinTypes())
        {
            var t = (PyTypeObject*)tp;
            string name = rt.InfoOf(t).Name;
            PyObject* dict = rt.NewDict();
            foreach (MethodSpec m in BuiltinMethods.MethodsOf(name))
            {
                BuiltinDef def = rt.DefineBuiltin(m.Name, m.Body, name);
                PyObject* d = NewMethodDescriptor(t, def, m.Kind);
                rt.DictSetItem(dict, Str(m.Name), d);
                rt.DecRef(d);
            }

            foreach (GetSetSpec g in BuiltinMethods.GetSetsOf(name))
            {
                PyObject* d = NewGetSetDescriptor(t, g);
                rt.DictSetItem(dict, Str(g.Name), d);
                rt.DecRef(d);
            }

            AddIteratorSlotMethods(t, name, dict);
            if (rt.DictGetItemStr(dict, Str("__doc__")) == null)
            {
                rt.DictSetItem(dict, Str("__doc__"), rt.None);
            }

            rt.SetStaticTypeDict(t, dict);
            rt.DecRef(dict);
        }
    }

    /// <summary>
    /// __next__ and __iter__ of a builtin iterator type that has the slots but no registered
    /// method (CPython's slot wrappers for tp_iternext and tp_iter).
    /// </summary>
    public void AddIteratorSlotMethods(PyTypeObject* t, string name, PyObject* dict)
    {
        nint tp = (nint)t;
        if (t->IterNext != null && Rt.DictGetItemStr(dict, Str("__next__")) == null)
        {
            AddDescriptor(t, name, dict, "__next__", (rt, self, args, n, kw) =>
            {
                if (!Objects.Methods.SlotDunders.Expect(rt, n, kw, 0))
                {
                    return null;
                }

                PyObject* r = ((PyTypeObject*)tp)->IterNext(rt, self);
                if (r == null && !rt.ErrorOccurred)
                {
                    PyObject* stop = Of(rt).CallNoArgs((PyObject*)rt.StopIterationType);
                    if (stop != null)
                    {
                        rt.SetErrorObject(stop);
                    }
                }

                return r;
            });
        }

        if (t->Iter != null && t->IterNext != null && Rt.DictGetItemStr(dict, Str("__iter__")) == null)
        {
            AddDescriptor(t, name, dict, "__iter__", (rt, self, args, n, kw) =>
                Objects.Methods.SlotDunders.Expect(rt, n, kw, 0) ? ((PyTypeObject*)tp)->Iter(rt, self) : null);
        }
    }

    private void AddDescriptor(PyTypeObject* t, string typeName, PyObject* dict, string name, VectorCall body)
    {
        BuiltinDef def = Rt.DefineBuiltin(name, body, typeName);
        PyObject* d = NewMethodDescriptor(t, def, MethodKind.Instance);
        Rt.DictSetItem(dict, Str(name), d);
        Rt.DecRef(d);
    }

    public PyObject* NewMethodDescriptor(PyTypeObject* owner, BuiltinDef def, MethodKind kind)
    {
        PyObject* o = Rt.NewGcObject(MethodDescriptorType, sizeof(PyMethodDescrObject));
        var d = (PyMethodDescrObject*)o;
        d->Owner = owner;
        PyRuntime.IncRef((PyObject*)owner);
        d->Name = PyRuntime.NewRef(Str(def.Name));
        d->QualName = null;
        d->DefIndex = checked((int)def.Index);
        d->Kind = (int)kind;
        d->Vectorcall = null;
        Rt.Track(o);
        return o;
    }

    public PyObject* NewGetSetDescriptor(PyTypeObject* owner, GetSetSpec spec)
    {
        PyObject* o = Rt.NewGcObject(GetSetDescriptorType, sizeof(PyGetSetDescrObject));
        var d = (PyGetSetDescrObject*)o;
        d->Owner = owner;
        PyRuntime.IncRef((PyObject*)owner);
        d->Name = PyRuntime.NewRef(Str(spec.Name));
        d->QualName = null;
        d->Index = _getsets.Count;
        _getsets.Add(spec);
        Rt.Track(o);
        return o;
    }

    public PyObject* NewMemberDescriptor(PyTypeObject* owner, string name, nint offset)
    {
        PyObject* o = Rt.NewGcObject(MemberDescriptorType, sizeof(PyGetSetDescrObject));
        var d = (PyGetSetDescrObject*)o;
        d->Owner = owner;
        PyRuntime.IncRef((PyObject*)owner);
        d->Name = Rt.NewStr(name);
        d->QualName = null;
        d->Index = offset;
        Rt.Track(o);
        return o;
    }

    private static void DescrDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        var d = (PyGetSetDescrObject*)o;
        rt.Clear(ref d->Name);
        rt.Clear(ref d->QualName);
        rt.DecRef((PyObject*)d->Owner);

        rt.GcDel(o);
    }

    private static int DescrTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var d = (PyGetSetDescrObject*)o;
        return d->Owner != null && (d->Owner->Flags & TypeFlags.HeapType) != 0 ? visit(rt, (PyObject*)d->Owner, arg) : 0;
    }

    private static PyObject* MethodDescrGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type)
    {
        var d = (PyMethodDescrObject*)descr;
        BuiltinDef def = rt.BuiltinDefOf2(d->DefIndex);
        switch ((MethodKind)d->Kind)
        {
            case MethodKind.Class:
                return rt.NewBuiltin(def, type != null ? type : (PyObject*)obj->Type);
            case MethodKind.Static:
                return rt.NewBuiltin(def, null);
            default:
                if (obj == null || obj == rt.None && type != null && type != (PyObject*)rt.NoneType)
                {
                    return PyRuntime.NewRef(descr);
                }

                return rt.NewBuiltin(def, obj);
        }
    }

    /// <summary>Calling a method descriptor directly: list.append(l, x) (self is the first argument).</summary>
    private PyObject* CallMethodDescriptor(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        var d = (PyMethodDescrObject*)callable;
        BuiltinDef def = rt.BuiltinDefOf2(d->DefIndex);
        switch ((MethodKind)d->Kind)
        {
            case MethodKind.Static:
                return def.VectorBody!(rt, null, args, nargs, kwnames);
            case MethodKind.Class:
                return def.VectorBody!(rt, (PyObject*)d->Owner, args, nargs, kwnames);
        }

        if (nargs < 1)
        {
            return MethodDescriptorNeedsSelf(d, def);
        }

        PyObject* self = args[0];
        if (self->Type != d->Owner && !PyRuntime.IsSubtypeMro(self->Type, d->Owner))
        {
            return MethodDescriptorWrongSelf(d, def, self);
        }

        return def.VectorBody!(rt, self, args + 1, nargs - 1, kwnames);
    }

    // The error paths of CallMethodDescriptor, out of line: their formatted messages would
    // otherwise give every call a prologue that clears the interpolation buffers.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyObject* MethodDescriptorNeedsSelf(PyMethodDescrObject* d, BuiltinDef def)
    {
        Rt.SetError(Rt.TypeErrorType, $"unbound method {Rt.InfoOf(d->Owner).Name}.{def.Name}() needs an argument");
        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PyObject* MethodDescriptorWrongSelf(PyMethodDescrObject* d, BuiltinDef def, PyObject* self)
    {
        Rt.SetError(Rt.TypeErrorType, $"descriptor '{def.Name}' for '{Rt.InfoOf(d->Owner).Name}' objects doesn't apply to a '{Rt.TypeName(self)}' object");
        return null;
    }

    private static PyObject* MethodDescrRepr(PyRuntime rt, PyObject* o)
    {
        var d = (PyMethodDescrObject*)o;
        string owner = rt.InfoOf(d->Owner).Name;
        string name = PyRuntime.StrToString(d->Name);
        return (MethodKind)d->Kind == MethodKind.Class
            ? rt.NewStr($"<method '{name}' of '{owner}' objects>")
            : rt.NewStr(name.StartsWith("__", System.StringComparison.Ordinal) && name.EndsWith("__", System.StringComparison.Ordinal)
                ? $"<slot wrapper '{name}' of '{owner}' objects>"
                : $"<method '{name}' of '{owner}' objects>");
    }

    private static PyObject* GetSetDescrGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type)
    {
        if (obj == null)
        {
            return PyRuntime.NewRef(descr);
        }

        Interpreter interp = Of(rt);
        var d = (PyGetSetDescrObject*)descr;
        if (!DescrCheck(rt, d, obj))
        {
            return null;
        }

        return interp._getsets[(int)d->Index].Get(interp, obj);
    }

    private static int GetSetDescrSet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* value)
    {
        Interpreter interp = Of(rt);
        var d = (PyGetSetDescrObject*)descr;
        if (!DescrCheck(rt, d, obj))
        {
            return -1;
        }

        GetSetSpec spec = interp._getsets[(int)d->Index];
        if (spec.Set == null)
        {
            string name = PyRuntime.StrToString(d->Name);
            rt.SetError(rt.AttributeErrorType, value == null
                ? $"attribute '{name}' of '{rt.InfoOf(d->Owner).Name}' objects is not writable"
                : $"attribute '{name}' of '{rt.InfoOf(d->Owner).Name}' objects is not writable");
            return -1;
        }

        return spec.Set(interp, obj, value);
    }

    /// <summary>
    /// descr_check / descr_setcheck: a getset or member descriptor applies only to instances
    /// of its owner (a __slots__ member read from another class's instance would otherwise
    /// read past that object).
    /// </summary>
    private static bool DescrCheck(PyRuntime rt, PyGetSetDescrObject* d, PyObject* obj)
    {
        if (obj->Type == d->Owner || PyRuntime.IsSubtypeMro(obj->Type, d->Owner))
        {
            return true;
        }

        rt.SetError(rt.TypeErrorType, $"descriptor '{PyRuntime.StrToString(d->Name)}' for '{rt.InfoOf(d->Owner).Name}' objects doesn't apply to a '{rt.TypeName(obj)}' object");
        return false;
    }

    private static PyObject* GetSetDescrRepr(PyRuntime rt, PyObject* o)
    {
        var d = (PyGetSetDescrObject*)o;
        string kind = o->Type == Of(rt).MemberDescriptorType ? "member" : "attribute";
        return rt.NewStr($"<{kind} '{PyRuntime.StrToString(d->Name)}' of '{rt.InfoOf(d->Owner).Name}' objects>");
    }

    private static PyObject* MemberDescrGet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* type)
    {
        if (obj == null)
        {
            return PyRuntime.NewRef(descr);
        }

        var d = (PyGetSetDescrObject*)descr;
        if (!DescrCheck(rt, d, obj))
        {
            return null;
        }

        PyObject* v = *(PyObject**)((byte*)obj + d->Index);
        if (v == null)
        {
            rt.SetError(rt.AttributeErrorType, $"'{rt.TypeName(obj)}' object has no attribute '{PyRuntime.StrToString(d->Name)}'");
            return null;
        }

        return PyRuntime.NewRef(v);
    }

    private static int MemberDescrSet(PyRuntime rt, PyObject* descr, PyObject* obj, PyObject* value)
    {
        var d = (PyGetSetDescrObject*)descr;
        if (!DescrCheck(rt, d, obj))
        {
            return -1;
        }

        var field = (PyObject**)((byte*)obj + d->Index);
        PyObject* old = *field;
        if (value == null && old == null)
        {
            // PyMember_SetOne (T_OBJECT_EX): deleting an unset slot raises AttributeError(name).
            rt.SetError(rt.AttributeErrorType, PyRuntime.StrToString(d->Name));
            return -1;
        }

        *field = value;
        PyRuntime.XIncRef(value);
        rt.XDecRef(old);
        return 0;
    }

    private static PyObject* EllipsisRepr(PyRuntime rt, PyObject* o) => rt.NewStr("Ellipsis");
}
