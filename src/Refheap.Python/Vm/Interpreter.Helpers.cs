using System.Collections.Generic;
using Refheap.Python.Objects;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Helpers behind the core types' methods (object, type, exceptions, frames).
internal sealed unsafe partial class Interpreter
{
    public PyObject* ObjectNewPublic(PyTypeObject* type, nint nargs) => ObjectNew(type, nargs);

    /// <summary>Setting a class's __name__ or __qualname__ (heap types only).</summary>
    public int SetTypeName(PyTypeObject* t, PyObject* value, bool qualname)
    {
        string attr = qualname ? "__qualname__" : "__name__";
        if ((t->Flags & TypeFlags.HeapType) == 0)
        {
            Rt.SetError(Rt.TypeErrorType, $"cannot set '{attr}' attribute of immutable type '{Rt.InfoOf(t).Name}'");
            return -1;
        }

        if (value == null || !PyRuntime.IsStr(value))
        {
            Rt.SetError(Rt.TypeErrorType, $"can only assign string to {Rt.InfoOf(t).Name}.{attr}, not '{(value == null ? "NoneType" : Rt.TypeName(value))}'");
            return -1;
        }

        if (qualname)
        {
            TypeQualNames[(long)t] = PyRuntime.StrToString(value);
        }
        else
        {
            Rt.InfoOf(t).Name = PyRuntime.StrToString(value);
        }

        return 0;
    }

    public PyObject* NewSuperPublic(PyObject** args, nint nargs) => NewSuper(args, nargs);

    public static PyObject* GenSendEntry(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames) => GenSendMethod(rt, self, args, nargs, kwnames);

    public static PyObject* GenThrowEntry(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames) => GenThrowMethod(rt, self, args, nargs, kwnames);

    public static PyObject* GenCloseEntry(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames) => GenCloseMethod(rt, self, args, nargs, kwnames);

    /// <summary>The module name of a class (its __module__), "builtins" for builtin types.</summary>
    public string ModuleOf(PyTypeObject* t)
    {
        if ((t->Flags & TypeFlags.HeapType) != 0 && t->Dict != null)
        {
            PyObject* m = Rt.DictGetItemStr(t->Dict, Str("__module__"));
            if (m != null && PyRuntime.IsStr(m))
            {
                return PyRuntime.StrToString(m);
            }
        }

        return "builtins";
    }

    /// <summary>object.__repr__: &lt;module.QualName object at 0x…&gt;.</summary>
    public PyObject* DefaultRepr(PyObject* o)
    {
        PyTypeObject* t = o->Type;
        return Rt.NewStr(CoreMethods.AddressRepr(Rt, o, QualNameOf(t), ModuleOf(t)));
    }

    /// <summary>type.__repr__: &lt;class 'module.QualName'&gt;.</summary>
    public PyObject* TypeRepr(PyTypeObject* t)
    {
        string module = ModuleOf(t);
        string q = QualNameOf(t);
        return Rt.NewStr(module == "builtins" ? $"<class '{q}'>" : $"<class '{module}.{q}'>");
    }

    public PyObject* Subclasses(PyTypeObject* type) => Rt.SubclassList(type);

    /// <summary>type.__dict__: CPython gives a read-only mappingproxy; here the dict itself (a documented deviation).</summary>
    public PyObject* MappingProxy(PyObject* dict)
    {
        if (dict == null)
        {
            return PyRuntime.NewRef(Rt.None);
        }

        // The bootstrap's mappingproxy class (sys._mappingproxy); the dict itself before it exists.
        PyObject* proxyType = SysModule == null ? null : Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("_mappingproxy"));
        return proxyType == null ? PyRuntime.NewRef(dict) : CallOneArg(proxyType, dict);
    }

    /// <summary>object.__dir__: the instance dict's keys and the attributes of the class MRO, sorted by dir().</summary>
    public PyObject* DefaultDir(PyObject* o)
    {
        PyRuntime rt = Rt;
        PyObject* result = rt.NewDict();
        PyObject** dp = PyRuntime.IsSubtype(o->Type, rt.TypeType) ? null : rt.InstanceDictPointer(o);
        rt.ClearError();
        if (dp != null && *dp != null)
        {
            rt.DictUpdate(result, *dp);
        }

        PyTypeObject* t = PyRuntime.IsSubtype(o->Type, rt.TypeType) ? (PyTypeObject*)o : o->Type;
        PyObject* mro = t->Mro;
        for (nint i = mro == null ? -1 : PyRuntime.TupleSize(mro) - 1; i >= 0; i--)
        {
            var c = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
            if (c->Dict != null)
            {
                rt.DictUpdate(result, c->Dict);
            }
        }

        PyObject* keys = rt.DictKeys(result);
        rt.DecRef(result);
        return keys;
    }

    /// <summary>
    /// object.__reduce_ex__(protocol) and object.__reduce__(): a class's own __reduce__ wins;
    /// otherwise copyreg's _reduce_ex (protocols 0 and 1) or _reduce_newobj (2 and up).
    /// </summary>
    public PyObject* ReduceEx(PyObject* self, PyObject* protocol, bool checkOverride)
    {
        PyRuntime rt = Rt;
        long proto = 0;
        if (protocol != null)
        {
            if (!PyRuntime.IsInt(protocol))
            {
                rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(protocol)}' object cannot be interpreted as an integer");
                return null;
            }

            proto = (long)PyRuntime.IntToBigInteger(protocol);
        }

        if (checkOverride)
        {
            PyObject* own = MroDictLookup(self->Type, "__reduce__");
            PyObject* objects = rt.DictGetItemStr(rt.ObjectType->Dict, Str("__reduce__"));
            if (own != null && own != objects)
            {
                PyObject* reduce = GetAttr(self, Str("__reduce__"));
                if (reduce == null)
                {
                    return null;
                }

                PyObject* res = Call(reduce, null, 0, null);
                rt.DecRef(reduce);
                return res;
            }
        }

        if (proto >= 2)
        {
            return CopyregCall("_reduce_newobj", self, null);
        }

        PyObject* p = rt.NewInt(proto);
        PyObject* r = CopyregCall("_reduce_ex", self, p);
        rt.DecRef(p);
        return r;
    }

    /// <summary>The first class dict entry for NAME along t's MRO, borrowed; null if none.</summary>
    private PyObject* MroDictLookup(PyTypeObject* t, string name)
    {
        PyObject* mro = t->Mro;
        for (nint i = 0; mro != null && i < PyRuntime.TupleSize(mro); i++)
        {
            var c = (PyTypeObject*)PyRuntime.TupleItems(mro)[i];
            PyObject* v = c->Dict == null ? null : Rt.DictGetItemStr(c->Dict, Str(name));
            if (v != null)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>copyreg.NAME(self[, arg]).</summary>
    public PyObject* CopyregCall(string name, PyObject* self, PyObject* arg)
    {
        PyObject* copyreg = ImportModule("copyreg");
        if (copyreg == null)
        {
            return null;
        }

        PyObject* fn = GetAttr(copyreg, Str(name));
        Rt.DecRef(copyreg);
        if (fn == null)
        {
            return null;
        }

        PyObject** args = stackalloc PyObject*[2];
        args[0] = self;
        args[1] = arg;
        PyObject* r = Call(fn, args, arg == null ? 1 : 2, null);
        Rt.DecRef(fn);
        return r;
    }

    /// <summary>
    /// Sets OSError's errno/strerror/filename, and SyntaxError's msg and location from
    /// (msg, (filename, lineno, offset, text[, end_lineno, end_offset])) as SyntaxError_init
    /// does; false with TypeError when the location is not a 4- to 6-item sequence.
    /// </summary>
    public bool InitExceptionExtras(PyObject* self, PyObject** args, nint n)
    {
        if (PyRuntime.IsSubtypeMro(self->Type, OSErrorType) && n >= 2)
        {
            SetExceptionExtra(self, "errno", args[0]);
            SetExceptionExtra(self, "strerror", args[1]);
            if (n >= 3)
            {
                SetExceptionExtra(self, "filename", args[2]);
            }
        }
        else if (PyRuntime.IsSubtypeMro(self->Type, SyntaxErrorType) && n == 2)
        {
            PyObject* info = SequenceToTuple(args[1]);
            if (info == null)
            {
                return false;
            }

            nint count = PyRuntime.TupleSize(info);
            if (count < 4 || count > 6)
            {
                Rt.DecRef(info);
                Rt.SetError(Rt.TypeErrorType, count < 4
                    ? $"function takes at least 4 arguments ({count} given)"
                    : $"function takes at most 6 arguments ({count} given)");
                return false;
            }

            string[] names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
            for (int i = 0; i < count; i++)
            {
                SetExceptionExtra(self, names[i], PyRuntime.TupleItems(info)[i]);
            }

            Rt.DecRef(info);
        }

        return true;
    }

    /// <summary>An exception's special attribute: the instance dict's value, else args[index] (or None).</summary>
    public PyObject* ExceptionExtra(PyObject* self, string name, int argIndex)
    {
        PyObject* v = Rt.InstanceGetAttr(self, Str(name));
        if (v != null)
        {
            return PyRuntime.NewRef(v);
        }

        PyObject* args = ((PyBaseExceptionObject*)self)->Args;
        if (argIndex >= 0 && args != null && PyRuntime.TupleSize(args) > argIndex)
        {
            if (name == "code" && PyRuntime.TupleSize(args) > 1)
            {
                return PyRuntime.NewRef(args);
            }

            return PyRuntime.NewRef(PyRuntime.TupleItems(args)[argIndex]);
        }

        return PyRuntime.NewRef(Rt.None);
    }

    public int SetExceptionExtra(PyObject* self, string name, PyObject* value)
    {
        int r = Rt.InstanceSetAttr(self, Str(name), value == null ? Rt.None : value);
        return r == -2 ? -1 : r;
    }

    /// <summary>BaseException.__str__.</summary>
    public PyObject* ExceptionStr(PyObject* self)
    {
        PyObject* args = ((PyBaseExceptionObject*)self)->Args;
        nint n = args == null ? 0 : PyRuntime.TupleSize(args);
        if (n == 0)
        {
            return PyRuntime.NewRef(Rt.EmptyStr);
        }

        return n == 1 ? ToStr(PyRuntime.TupleItems(args)[0]) : ToStr(args);
    }

    /// <summary>BaseException.__repr__: Name(args...) (3.11 prints one argument without the trailing comma).</summary>
    public PyObject* ExceptionRepr(PyObject* self)
    {
        PyObject* args = ((PyBaseExceptionObject*)self)->Args;
        string name = Rt.InfoOf(self->Type).Name;
        nint n = args == null ? 0 : PyRuntime.TupleSize(args);
        if (n == 1)
        {
            string? r = ReprOf(PyRuntime.TupleItems(args)[0]);
            return r == null ? null : Rt.NewStr($"{name}({r})");
        }

        string? tr = n == 0 ? "()" : ReprOf(args);
        return tr == null ? null : Rt.NewStr(name + tr);
    }

    public PyObject* OSErrorStr(PyObject* self)
    {
        PyObject* errno = Rt.InstanceGetAttr(self, Str("errno"));
        PyObject* strerror = Rt.InstanceGetAttr(self, Str("strerror"));
        PyObject* filename = Rt.InstanceGetAttr(self, Str("filename"));
        if (errno != null && strerror != null)
        {
            string? e = StrOf(errno);
            string? s = StrOf(strerror);
            if (filename != null && filename != Rt.None)
            {
                string? f = ReprOf(filename);
                return Rt.NewStr($"[Errno {e}] {s}: {f}");
            }

            return Rt.NewStr($"[Errno {e}] {s}");
        }

        return ExceptionStr(self);
    }

    public PyObject* SyntaxErrorStr(PyObject* self)
    {
        PyObject* msg = Rt.InstanceGetAttr(self, Str("msg"));
        PyObject* args = ((PyBaseExceptionObject*)self)->Args;
        if (msg == null && args != null && PyRuntime.TupleSize(args) > 0)
        {
            msg = PyRuntime.TupleItems(args)[0];
        }

        if (msg == null)
        {
            return PyRuntime.NewRef(Rt.EmptyStr);
        }

        string m = StrOf(msg) ?? "";
        PyObject* filename = Rt.InstanceGetAttr(self, Str("filename"));
        PyObject* lineno = Rt.InstanceGetAttr(self, Str("lineno"));
        string? file = filename != null && PyRuntime.IsStr(filename) ? System.IO.Path.GetFileName(PyRuntime.StrToString(filename)) : null;
        string? line = lineno != null && PyRuntime.IsInt(lineno) ? StrOf(lineno) : null;
        if (file != null && line != null)
        {
            return Rt.NewStr($"{m} ({file}, line {line})");
        }

        if (file != null)
        {
            return Rt.NewStr($"{m} ({file})");
        }

        if (line != null)
        {
            return Rt.NewStr($"{m} (line {line})");
        }

        return Rt.NewStr(m);
    }

    /// <summary>property.getter/setter/deleter: a copy with one accessor replaced.</summary>
    public PyObject* PropertyCopy(PyObject* self, int which, PyObject* fn)
    {
        var p = (PyPropertyObject*)self;
        PyObject* get = which == 0 ? fn : p->Get;
        PyObject* set = which == 1 ? fn : p->Set;
        PyObject* del = which == 2 ? fn : p->Del;
        PyObject* doc = p->GetterDoc != 0 && which == 0 ? null : p->Doc;
        PyObject* copy = NewProperty(self->Type, get == null ? Rt.None : get, set == null ? Rt.None : set, del == null ? Rt.None : del, doc == null ? Rt.None : doc);
        if (copy != null && p->Name != null)
        {
            ((PyPropertyObject*)copy)->Name = PyRuntime.NewRef(p->Name);
        }

        return copy;
    }

    /// <summary>frame.f_locals: the locals as a dict (a fresh snapshot for function frames).</summary>
    public PyObject* FrameLocals(InterpreterFrame* f)
    {
        if (f->Locals != null)
        {
            return PyRuntime.NewRef(f->Locals);
        }

        PyObject* d = Rt.NewDict();
        if (f->Code == null)
        {
            return d;
        }

        var info = (CodeInfo)Rt.GetManaged(f->Code->ManagedId);
        PyObject** lp = InterpreterFrame.LocalsPlus(f);
        List<string> names = new(info.Source.VarNames);
        names.AddRange(info.Source.CellVars);
        names.AddRange(info.Source.FreeVars);
        for (int i = 0; i < names.Count && i < f->StackTop; i++)
        {
            PyObject* v = lp[i];
            if (i >= info.NLocals && v != null)
            {
                v = PyRuntime.CellGet(v);
            }

            if (v != null)
            {
                Rt.DictSetItem(d, Str(names[i]), v);
            }
        }

        return d;
    }

    public int FrameLine(InterpreterFrame* f)
    {
        if (f->Code == null)
        {
            return 0;
        }

        var info = (CodeInfo)Rt.GetManaged(f->Code->ManagedId);
        return info.LineOf((int)f->PrevInstr < 0 ? 0 : (int)f->PrevInstr);
    }

    public PyObject* FrameBack(PyFrameObject* fo)
    {
        if (fo->Back != null)
        {
            return PyRuntime.NewRef((PyObject*)fo->Back);
        }

        InterpreterFrame* f = fo->Frame;
        if (f->Owner != FrameOwner.FrameObject && f->Previous != null)
        {
            PyFrameObject* back = Rt.GetFrameObject(f->Previous);
            return back == null ? null : PyRuntime.NewRef((PyObject*)back);
        }

        return PyRuntime.NewRef(Rt.None);
    }

    public PyObject* FrameClearMethod(PyFrameObject* fo)
    {
        if (fo->Frame->Owner == FrameOwner.FrameObject)
        {
            InterpreterFrame* f = fo->Frame;
            PyObject** lp = InterpreterFrame.LocalsPlus(f);
            int top = f->StackTop;
            for (int i = 0; i < top; i++)
            {
                Rt.Clear(ref lp[i]);
            }

            return PyRuntime.NewRef(Rt.None);
        }

        Rt.SetError(Rt.RuntimeErrorType, "cannot clear an executing frame");
        return null;
    }

    public PyObject* CodeNames(PyCodeObject* code, int which)
    {
        var info = (CodeInfo)Rt.GetManaged(code->ManagedId);
        List<string> names = which == 0 ? info.Source.VarNames : which == 1 ? info.Source.CellVars : info.Source.FreeVars;
        PyObject* t = Rt.NewTuple(names.Count);
        for (int i = 0; i < names.Count; i++)
        {
            PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(Str(names[i]));
        }

        return t;
    }
}
