using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Module objects (Objects/moduleobject.c, 3.11): PyModule_NewObject (new_module_notrack,
// module_init_dict, track_module), module_dealloc, module_traverse, module_clear,
// module___sizeof__, and the repr importlib's _module_repr gives a module without spec or loader.
public sealed unsafe partial class PyRuntime
{
    private void InitModuleType()
    {
        ModuleType = NewStaticType("module", sizeof(PyModuleObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType, ObjectType);
        ModuleType->WeakListOffset = 40;
        ModuleType->DictOffset = 16;
        ModuleType->Dealloc = &ModuleDealloc;
        ModuleType->Traverse = &ModuleTraverse;
        ModuleType->Clear = &ModuleClear;
        ModuleType->Repr = &ModuleRepr;
        ModuleType->Hash = &PointerHash;
    }

    /// <summary>PyModule_New: a module named <paramref name="name"/>.</summary>
    public PyObject* NewModule(string name)
    {
        PyObject* n = NewStr(name);
        if (n == null)
        {
            return null;
        }

        PyObject* m = NewModuleObject(n);
        DecRef(n);
        return m;
    }

    /// <summary>
    /// PyModule_NewObject: a tracked module whose dict holds __name__, __doc__ (None),
    /// __package__, __loader__ and __spec__ (None), in that order, as module_init_dict sets them.
    /// </summary>
    public PyObject* NewModuleObject(PyObject* name)
    {
        PyObject* o = NewGcObject(ModuleType, sizeof(PyModuleObject));
        if (o == null)
        {
            return null;
        }

        var m = (PyModuleObject*)o;
        m->Def = null;
        m->State = null;
        m->WeakList = null;
        m->Name = null;
        m->Dict = NewDict();
        if (m->Dict == null || !ModuleInitDict(m, name))
        {
            DecRef(o);
            return null;
        }

        Track(o);
        return o;
    }

    /// <summary>md_dict, borrowed.</summary>
    public static PyObject* ModuleDict(PyObject* module) => ((PyModuleObject*)module)->Dict;

    /// <summary>md_name (set when the name was an exact str), borrowed; may be null.</summary>
    public static PyObject* ModuleName(PyObject* module) => ((PyModuleObject*)module)->Name;

    private bool ModuleInitDict(PyModuleObject* m, PyObject* name)
    {
        if (!SetInternedItem(m->Dict, "__name__", name)
            || !SetInternedItem(m->Dict, "__doc__", None)
            || !SetInternedItem(m->Dict, "__package__", None)
            || !SetInternedItem(m->Dict, "__loader__", None)
            || !SetInternedItem(m->Dict, "__spec__", None))
        {
            return false;
        }

        if (name->Type == StrType)
        {
            PyObject* old = m->Name;
            m->Name = NewRef(name);
            XDecRef(old);
        }

        return true;
    }

    private bool SetInternedItem(PyObject* dict, string key, PyObject* value)
    {
        PyObject* k = InternFromString(key);
        if (k == null)
        {
            return false;
        }

        int r = DictSetItem(dict, k, value);
        DecRef(k);
        return r == 0;
    }

    /// <summary>module_dealloc (md_def is always null here, so there is no m_free).</summary>
    private static void ModuleDealloc(PyRuntime rt, PyObject* o)
    {
        var m = (PyModuleObject*)o;
        rt.Untrack(o);
        if (m->WeakList != null)
        {
            rt.ClearWeakRefs(o);
        }

        rt.XDecRef(m->Dict);
        rt.XDecRef(m->Name);
        rt.GcDel(o);
    }

    /// <summary>module_traverse: md_dict only (md_name is a str; no m_traverse without md_def).</summary>
    private static int ModuleTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        PyObject* d = ((PyModuleObject*)o)->Dict;
        return d != null ? visit(rt, d, arg) : 0;
    }

    /// <summary>module_clear: md_dict.</summary>
    private static int ModuleClear(PyRuntime rt, PyObject* o)
    {
        rt.Clear(ref ((PyModuleObject*)o)->Dict);
        return 0;
    }

    /// <summary>
    /// importlib._bootstrap._module_repr without spec or loader: &lt;module NAME&gt;, or
    /// &lt;module NAME from FILE&gt; with a str __file__; NAME is repr(__name__), or '?'.
    /// </summary>
    private static PyObject* ModuleRepr(PyRuntime rt, PyObject* o)
    {
        PyObject* d = ((PyModuleObject*)o)->Dict;
        string name = "'?'";
        string? file = null;
        if (d != null)
        {
            PyObject* n = rt.LookupString(d, "__name__");
            if (n != null)
            {
                PyObject* r = rt.Repr(n);
                if (r == null)
                {
                    return null;
                }

                name = StrToString(r);
                rt.DecRef(r);
            }

            PyObject* f = rt.LookupString(d, "__file__");
            if (f != null && f->Type == rt.StrType)
            {
                file = rt.ReprString(f);
            }
        }

        return rt.NewStr(file == null ? $"<module {name}>" : $"<module {name} from {file}>");
    }

    /// <summary>dict[key] for a str key, borrowed, null when missing (errors cleared).</summary>
    private PyObject* LookupString(PyObject* dict, string key)
    {
        PyObject* k = NewStr(key);
        if (k == null)
        {
            ClearError();
            return null;
        }

        PyObject* v = DictGetItem(dict, k);
        DecRef(k);
        return v;
    }
}
