using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Class creation and instantiation (Python/bltinmodule.c: builtin___build_class__;
// Objects/typeobject.c: type_call, type_new, object_new, object_init, update_slot and the
// slot_tp_* functions; 3.11).
internal sealed unsafe partial class Interpreter
{
    /// <summary>__build_class__(func, name, *bases, metaclass=..., **kwds).</summary>
    private PyObject* BuildClass(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        if (nargs < 2)
        {
            rt.SetError(rt.TypeErrorType, "__build_class__: not enough arguments");
            return null;
        }

        PyObject* func = args[0];
        PyObject* name = args[1];
        PyObject* bases = rt.NewTuple(nargs - 2);
        for (nint i = 2; i < nargs; i++)
        {
            PyRuntime.TupleItems(bases)[i - 2] = PyRuntime.NewRef(args[i]);
        }

        // update_bases (PEP 560): a base that is not a class may stand for others (__mro_entries__).
        PyObject* resolved = ResolveMroEntries(bases);
        rt.DecRef(bases);
        if (resolved == null)
        {
            return null;
        }

        bases = resolved;

        // Keywords: metaclass and the rest (passed to the metaclass and __init_subclass__).
        PyObject* meta = null;
        var kwNames = new NintList();
        var kwValues = new NintList();
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        for (nint k = 0; k < nkw; k++)
        {
            PyObject* key = PyRuntime.TupleItems(kwnames)[k];
            if (PyRuntime.StrToString(key) == "metaclass")
            {
                meta = args[nargs + k];
            }
            else
            {
                kwNames.Add((nint)key);
                kwValues.Add((nint)args[nargs + k]);
            }
        }

        if (meta == null)
        {
            meta = PyRuntime.TupleSize(bases) == 0 ? (PyObject*)rt.TypeType : (PyObject*)PyRuntime.TupleItems(bases)[0]->Type;
        }

        if (PyRuntime.IsSubtype(meta->Type, rt.TypeType) || meta == (PyObject*)rt.TypeType)
        {
            // _PyType_CalculateMetaclass: the most derived metaclass of meta and the bases'.
            var winner = (PyTypeObject*)meta;
            for (nint i = 0; i < PyRuntime.TupleSize(bases); i++)
            {
                PyTypeObject* bt = PyRuntime.TupleItems(bases)[i]->Type;
                if (PyRuntime.IsSubtypeMro(winner, bt))
                {
                    continue;
                }

                if (PyRuntime.IsSubtypeMro(bt, winner))
                {
                    winner = bt;
                    continue;
                }

                rt.DecRef(bases);
                rt.SetError(rt.TypeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
                return null;
            }

            meta = (PyObject*)winner;
        }

        // __prepare__ (type's gives a plain dict).
        PyObject* ns;
        PyObject* prepare = meta == (PyObject*)rt.TypeType ? null : GetAttrOrNull(meta, Str("__prepare__"));
        if (prepare != null)
        {
            PyObject** pargs = stackalloc PyObject*[2];
            pargs[0] = name;
            pargs[1] = bases;
            ns = Call(prepare, pargs, 2, null);
            rt.DecRef(prepare);
            if (ns == null)
            {
                rt.DecRef(bases);
                return null;
            }
        }
        else
        {
            if (rt.ErrorOccurred)
            {
                rt.DecRef(bases);
                return null;
            }

            ns = rt.NewDict();
        }

        // Run the class body with the namespace as its locals.
        PyObject* cell = RunClassBody(func, ns);
        if (cell == null)
        {
            rt.DecRef(ns);
            rt.DecRef(bases);
            return null;
        }

        int n = 3 + kwNames.Count;
        var margs = new nint[n];
        margs[0] = (nint)name;
        margs[1] = (nint)bases;
        margs[2] = (nint)ns;
        for (int i = 0; i < kwValues.Count; i++)
        {
            margs[3 + i] = kwValues[i];
        }

        PyObject* mkw = null;
        if (kwNames.Count > 0)
        {
            mkw = rt.NewTuple(kwNames.Count);
            for (int i = 0; i < kwNames.Count; i++)
            {
                PyRuntime.TupleItems(mkw)[i] = PyRuntime.NewRef((PyObject*)kwNames[i]);
            }
        }

        PyObject* cls;
        fixed (nint* p = margs)
        {
            cls = Call(meta, (PyObject**)p, 3, mkw);
        }

        rt.XDecRef(mkw);
        if (cls != null && cell != rt.None && cell->Type == rt.CellType)
        {
            if (PyRuntime.CellGet(cell) == null)
            {
                rt.CellSet(cell, cls);
            }
        }

        rt.DecRef(cell);
        rt.DecRef(ns);
        rt.DecRef(bases);
        return cls;
    }

    /// <summary>Runs a class body function with <paramref name="ns"/> as its locals; returns its result (the __class__ cell or None).</summary>
    private PyObject* RunClassBody(PyObject* func, PyObject* ns)
    {
        PyRuntime rt = Rt;
        var fn = (PyFunctionObject*)func;
        var code = (PyCodeObject*)fn->Code;
        var info = (CodeInfo)rt.GetManaged(code->ManagedId);
        InterpreterFrame* f = PushFrame(info.FrameSize);
        InitFrame(f, fn, code, FrameOwner.Thread);
        f->Locals = PyRuntime.NewRef(ns);
        if (!BindArguments(fn, code, info, f, null, 0, null))
        {
            rt.FrameClear(f);
            PopFrame(f);
            return null;
        }

        PyObject* r = Eval(f);
        rt.FrameClear(f);
        PopFrame(f);
        return r;
    }

    /// <summary>type(name, bases, dict): a new class.</summary>
    public PyObject* TypeNew(PyTypeObject* meta, PyObject* name, PyObject* bases, PyObject* ns, PyObject** kwValues, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        if (!PyRuntime.IsStr(name) || bases->Type != rt.TupleType || !PyRuntime.IsSubtype(ns->Type, rt.DictType))
        {
            rt.SetError(rt.TypeErrorType, "type.__new__() argument 1 must be str, not " + rt.TypeName(name));
            return null;
        }

        // type_new: the most derived metaclass of meta and the bases' wins; when it is not meta
        // and has its own __new__, the class is made by calling it.
        PyTypeObject* winner = meta;
        for (nint i = 0; i < PyRuntime.TupleSize(bases); i++)
        {
            PyTypeObject* bt = PyRuntime.TupleItems(bases)[i]->Type;
            if (PyRuntime.IsSubtypeMro(winner, bt))
            {
                continue;
            }

            if (PyRuntime.IsSubtypeMro(bt, winner))
            {
                winner = bt;
                continue;
            }

            rt.SetError(rt.TypeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            return null;
        }

        if (winner != meta)
        {
            if (rt.LookupType(winner, Str("__new__")) != rt.LookupType(rt.TypeType, Str("__new__")))
            {
                nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
                var buf = new nint[3 + nkw];
                buf[0] = (nint)name;
                buf[1] = (nint)bases;
                buf[2] = (nint)ns;
                for (nint k = 0; k < nkw; k++)
                {
                    buf[3 + k] = (nint)kwValues[k];
                }

                fixed (nint* p = buf)
                {
                    return Call((PyObject*)winner, (PyObject**)p, 3, kwnames);
                }
            }

            meta = winner;
        }

        string[]? slots = null;
        PyObject* slotsObj = rt.DictGetItemStr(ns, Str("__slots__"));
        if (slotsObj != null)
        {
            var list = new List<string>();
            if (PyRuntime.IsStr(slotsObj))
            {
                list.Add(PyRuntime.StrToString(slotsObj));
            }
            else
            {
                PyObject* items = SequenceToList(slotsObj);
                if (items == null)
                {
                    return null;
                }

                for (nint i = 0; i < PyRuntime.ListSize(items); i++)
                {
                    PyObject* s = PyRuntime.ListItems(items)[i];
                    if (!PyRuntime.IsStr(s))
                    {
                        rt.SetError(rt.TypeErrorType, $"__slots__ items must be strings, not '{rt.TypeName(s)}'");
                        rt.DecRef(items);
                        return null;
                    }

                    list.Add(PyRuntime.StrToString(s));
                }

                rt.DecRef(items);
            }

            slots = list.ToArray();
        }

        string className = PyRuntime.StrToString(name);
        PyTypeObject* t = rt.NewHeapType(meta, className, bases, ns, slots);
        if (t == null)
        {
            return null;
        }

        PyObject* dict = t->Dict;

        // __qualname__ and __classcell__ leave the dict; __doc__ defaults to None.
        PyObject* qualname = rt.DictGetItemStr(dict, Str("__qualname__"));
        TypeQualNames[(long)t] = qualname != null ? PyRuntime.StrToString(qualname) : className;
        if (qualname != null)
        {
            rt.DictDelItem(dict, Str("__qualname__"));
        }

        PyObject* cell = rt.DictGetItemStr(dict, Str("__classcell__"));
        if (cell != null)
        {
            if (cell->Type == rt.CellType)
            {
                rt.CellSet(cell, (PyObject*)t);
            }

            rt.DictDelItem(dict, Str("__classcell__"));
        }

        if (rt.DictGetItemStr(dict, Str("__doc__")) == null)
        {
            rt.DictSetItem(dict, Str("__doc__"), rt.None);
        }

        // Implicit staticmethod / classmethod.
        foreach (string special in new[] { "__new__", "__init_subclass__", "__class_getitem__" })
        {
            PyObject* f = rt.DictGetItemStr(dict, Str(special));
            if (f != null && f->Type == rt.PyFunctionType)
            {
                PyObject* wrapped = NewClassMethod(special == "__new__" ? StaticMethodType : ClassMethodType, f);
                rt.DictSetItem(dict, Str(special), wrapped);
                rt.DecRef(wrapped);
            }
        }

        // Member descriptors for __slots__, and __dict__ / __weakref__ getsets.
        TypeInfo info = rt.InfoOf(t);
        for (int i = 0; i < info.Slots.Length; i++)
        {
            PyObject* d = NewMemberDescriptor(t, info.Slots[i], t->MembersOffset + (8 * i));
            rt.DictSetItem(dict, Str(info.Slots[i]), d);
            rt.DecRef(d);
        }

        PyTypeObject* b = t->Base;
        if ((t->Flags & TypeFlags.ManagedDict) != 0 && (b->Flags & TypeFlags.ManagedDict) == 0 && rt.DictGetItemStr(dict, Str("__dict__")) == null)
        {
            PyObject* d = NewGetSetDescriptor(t, new Objects.GetSetSpec("__dict__", (i, s) => InstanceDictGet(i, s), (i, s, v) => InstanceDictSet(i, s, v)));
            rt.DictSetItem(dict, Str("__dict__"), d);
            rt.DecRef(d);
        }

        if (t->WeakListOffset != 0 && b->WeakListOffset == 0 && rt.DictGetItemStr(dict, Str("__weakref__")) == null)
        {
            PyObject* d = NewGetSetDescriptor(t, new Objects.GetSetSpec("__weakref__", (i, s) => InstanceWeakrefGet(i, s), null));
            rt.DictSetItem(dict, Str("__weakref__"), d);
            rt.DecRef(d);
        }

        // The class's own edits of its new dict (lookups made since NewHeapType are stale).
        rt.TypeModified(t);
        UpdateSlots(t);

        // __set_name__ on the namespace's values, then the parent's __init_subclass__.
        if (!CallSetNames(t))
        {
            rt.DecRef((PyObject*)t);
            return null;
        }

        if (!CallInitSubclass(t, kwValues, kwnames))
        {
            rt.DecRef((PyObject*)t);
            return null;
        }

        return (PyObject*)t;
    }

    /// <summary>The qualified names of classes (the heap type's ht_qualname).</summary>
    public Dictionary<long, string> TypeQualNames { get; } = new(); // long keys: EqualityComparer<nint> is JIT-compiled, <long> is precompiled

    public string QualNameOf(PyTypeObject* t) =>
        TypeQualNames.TryGetValue((long)t, out string? q) ? q : Rt.InfoOf(t).Name;

    /// <summary>
    /// type_new_set_names: __set_name__ of each value of a copy of the class dict (a copy, as
    /// 3.11 makes one: the dict may change meanwhile, and the copy is a counted GC allocation
    /// that ends on the dict free list).
    /// </summary>
    private bool CallSetNames(PyTypeObject* t)
    {
        PyRuntime rt = Rt;
        PyObject* names = rt.DictCopy(t->Dict);
        if (names == null)
        {
            return false;
        }

        bool ok = true;
        PyObject** args = stackalloc PyObject*[3];
        nint pos = 0;
        while (ok && rt.DictNext(names, ref pos, out PyObject* key, out PyObject* value))
        {
            PyObject* setName = LookupSpecial(value, Str("__set_name__"));
            if (setName == null)
            {
                continue;
            }

            args[0] = value;
            args[1] = (PyObject*)t;
            args[2] = key;
            PyObject* r = CallUnbound(setName, value, args, 3);
            if (r == null)
            {
                ok = false;
            }
            else
            {
                rt.DecRef(r);
            }
        }

        rt.DecRef(names);
        return ok;
    }

    private bool CallInitSubclass(PyTypeObject* t, PyObject** kwValues, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject* sup = NewSuperFor(t);
        if (sup == null)
        {
            return false;
        }

        PyObject* fn = GetAttr(sup, Str("__init_subclass__"));
        rt.DecRef(sup);
        if (fn == null)
        {
            return false;
        }

        PyObject* r = Call(fn, kwValues, 0, kwnames);
        rt.DecRef(fn);
        if (r == null)
        {
            return false;
        }

        rt.DecRef(r);
        return true;
    }

    private PyObject* NewSuperFor(PyTypeObject* t)
    {
        PyObject** args = stackalloc PyObject*[2];
        args[0] = (PyObject*)t;
        args[1] = (PyObject*)t;
        return NewSuper(args, 2);
    }

    private static PyObject* InstanceDictGet(Interpreter interp, PyObject* self)
    {
        PyObject** p = interp.Rt.InstanceDictPointer(self);
        if (p == null)
        {
            if (!interp.Rt.ErrorOccurred)
            {
                interp.Rt.SetError(interp.Rt.AttributeErrorType, "This object has no __dict__");
            }

            return null;
        }

        return PyRuntime.NewRef(*p);
    }

    private static int InstanceDictSet(Interpreter interp, PyObject* self, PyObject* value)
    {
        PyRuntime rt = interp.Rt;
        if (value == null || !PyRuntime.IsSubtype(value->Type, rt.DictType))
        {
            rt.SetError(rt.TypeErrorType, value == null ? "cannot delete __dict__" : $"__dict__ must be set to a dictionary, not a '{rt.TypeName(value)}'");
            return -1;
        }

        PyObject** p = rt.InstanceDictPointer(self);
        if (p == null)
        {
            return -1;
        }

        PyObject* old = *p;
        *p = PyRuntime.NewRef(value);
        rt.XDecRef(old);
        return 0;
    }

    private static PyObject* InstanceWeakrefGet(Interpreter interp, PyObject* self)
    {
        PyRuntime rt = interp.Rt;
        nint offset = self->Type->WeakListOffset;
        PyObject* head = offset == 0 ? null : *(PyObject**)((byte*)self + offset);
        return PyRuntime.NewRef(head == null ? rt.None : head);
    }

    private PyObject* ResolveMroEntries(PyObject* bases)
    {
        PyRuntime rt = Rt;
        bool any = false;
        for (nint i = 0; i < PyRuntime.TupleSize(bases); i++)
        {
            PyObject* b = PyRuntime.TupleItems(bases)[i];
            if (!PyRuntime.IsSubtype(b->Type, rt.TypeType) && LookupSpecial(b, Str("__mro_entries__")) != null)
            {
                any = true;
            }
        }

        if (!any)
        {
            return PyRuntime.NewRef(bases);
        }

        PyObject* list = rt.NewList(0);
        for (nint i = 0; i < PyRuntime.TupleSize(bases); i++)
        {
            PyObject* b = PyRuntime.TupleItems(bases)[i];
            PyObject* fn = PyRuntime.IsSubtype(b->Type, rt.TypeType) ? null : LookupSpecial(b, Str("__mro_entries__"));
            if (fn == null)
            {
                rt.ListAppend(list, b);
                continue;
            }

            PyObject* entries = CallDunder(fn, b, bases);
            if (entries == null || ListExtend(list, entries) < 0)
            {
                rt.XDecRef(entries);
                rt.DecRef(list);
                return null;
            }

            rt.DecRef(entries);
        }

        PyObject* t = ListAsTuple(list);
        rt.DecRef(list);
        return t;
    }
}
