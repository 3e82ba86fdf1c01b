using System.Collections.Generic;
using System.Linq;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe partial class GcFactsTests
{
    /// <summary>Data/gc/tracking.py.</summary>
    [Fact]
    public void Tracking()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");

        PyObject* s = rt.StrObj("s");
        PyObject* pair = rt.TupleOf(s, rt.None);
        o.Print("new tuple of atoms tracked:", rt.GcIsTracked(pair));
        rt.Collect(0);
        o.Print("after collect(0):", rt.GcIsTracked(pair));

        o.Print("empty tuple tracked:", rt.GcIsTracked(rt.EmptyTuple));

        PyObject* inner = rt.TupleOf(s, s);
        PyObject* outer = rt.TupleOf(inner);
        o.Print("outer made after inner: tracked", rt.GcIsTracked(outer), rt.GcIsTracked(inner));
        rt.Collect();
        o.Print("  after one collection:", rt.GcIsTracked(outer), rt.GcIsTracked(inner));
        rt.Del(inner, outer);

        inner = rt.TupleOf(s, s);
        outer = rt.TupleOf(inner);
        rt.Del(inner);
        PyObject* outer0 = PyRuntime.TupleItems(outer)[0];
        o.Print("inner only reachable through outer: tracked", rt.GcIsTracked(outer), rt.GcIsTracked(outer0));
        rt.Collect();
        o.Print("  after one collection:", rt.GcIsTracked(outer), rt.GcIsTracked(outer0));
        rt.Collect();
        o.Print("  after two collections:", rt.GcIsTracked(outer), rt.GcIsTracked(outer0));

        PyObject* level1 = rt.TupleOf(s);
        PyObject* level2 = rt.TupleOf(level1);
        PyObject* deep = rt.TupleOf(level2);
        rt.Del(level1, level2);
        rt.Del(outer);
        rt.Collect();
        o.Print("three levels, made inside out, one collection:", rt.GcIsTracked(deep), rt.GcIsTracked(level2), rt.GcIsTracked(level1));

        PyObject* lst = rt.ListOf();
        PyObject* withList = rt.TupleOf(s, lst);
        PyObject* nestedInner = rt.TupleOf(s, lst);
        PyObject* nested = rt.TupleOf(nestedInner);
        rt.Del(nestedInner);
        PyObject* instance = rt.NewInstance(classA);
        PyObject* withInstance = rt.TupleOf(instance, s);
        rt.Del(instance);
        rt.Collect();
        rt.Collect();
        o.Print("tuple holding a list:", rt.GcIsTracked(withList));
        o.Print("tuple of a tuple holding a list:", rt.GcIsTracked(nested), rt.GcIsTracked(nestedInner));
        o.Print("tuple holding an instance:", rt.GcIsTracked(withInstance));
        PyObject* tempList = rt.ListOf(s);
        PyObject* tempInstance = rt.NewInstance(classA);
        o.Print("list, empty list, instance:", rt.GcIsTracked(tempList), rt.GcIsTracked(lst), rt.GcIsTracked(tempInstance));
        rt.Del(tempList, tempInstance);
        o.Print("str, None:", rt.GcIsTracked(s), rt.GcIsTracked(rt.None));
        rt.Append(lst, s);
        o.Print("tuple after its list changed:", rt.GcIsTracked(withList));

        o.AssertMatchesRecording("tracking");
        rt.Del(s, pair, deep, lst, withList, nested, withInstance);
        rt.DelClass(classA);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/referents.py.</summary>
    [Fact]
    public void Referents()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();
        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classS = rt.NewClass("S", ["p", "q"]);
        PyObject* cb = rt.Callback(_ => { });

        string Describe(PyObject* x)
        {
            if (x->Type == rt.TypeType)
            {
                return "class " + rt.InfoOf((PyTypeObject*)x).Name;
            }

            if (x->Type == rt.StrType)
            {
                return PyText.Repr(PyRuntime.StrToString(x));
            }

            if (x == rt.None)
            {
                return "None";
            }

            if (x->Type == rt.ListType || x->Type == rt.TupleType)
            {
                bool isList = x->Type == rt.ListType;
                nint n = isList ? PyRuntime.ListSize(x) : PyRuntime.TupleSize(x);
                PyObject** items = isList ? PyRuntime.ListItems(x) : PyRuntime.TupleItems(x);
                var parts = new List<string>();
                for (nint i = 0; i < n; i++)
                {
                    parts.Add(Describe(items[i]));
                }

                return rt.TypeName(x) + "[" + string.Join(", ", parts) + "]";
            }

            return rt.TypeName(x);
        }

        void Show(string label, params PyObject*[] objs)
        {
            var referents = new List<nint>();
            foreach (PyObject* x in objs)
            {
                referents.AddRange(rt.GetReferents(x));
            }

            o.Print(label + ":", referents.Count == 0 ? "(none)" : string.Join("; ", referents.Select(r => Describe((PyObject*)r))));
        }

        PyObject* sa = rt.StrObj("a");
        PyObject* sb = rt.StrObj("b");
        PyObject* sc = rt.StrObj("c");
        PyObject* l = rt.ListOf(sa, sb);
        Show("list ['a', 'b']", l);
        rt.Del(l);
        PyObject* tup = rt.TupleOf(sa, sb, rt.None);
        Show("tuple ('a', 'b', None)", tup);
        rt.Del(tup);

        PyObject* a = rt.NewInstance(classA);
        PyObject* v = rt.StrObj("v");
        PyObject* lv = rt.ListOf(v);
        rt.Set(a, "x", lv);
        rt.SetStr(a, "y", "w");
        rt.Set(a, "z", rt.None);
        rt.Del(v, lv);
        Show("instance x, y, z", a);
        PyObject* b = rt.NewInstance(classA);
        rt.SetStr(b, "z", "late");
        rt.SetStr(b, "x", "first");
        Show("second instance, z then x", b);
        PyObject* si = rt.NewInstance(classS);
        rt.SetStr(si, "q", "q");
        PyObject* p = rt.StrObj("p");
        PyObject* lp = rt.ListOf(p);
        rt.Set(si, "p", lp);
        rt.Del(p, lp);
        Show("slots instance", si);
        PyObject* empty = rt.NewInstance(classS);
        Show("empty slots instance", empty);
        rt.Del(empty);
        PyObject* s = rt.StrObj("s");
        Show("str and None", s, rt.None);
        rt.Del(s);
        PyObject* la = rt.ListOf(sa);
        PyObject* lbc = rt.ListOf(sb, sc);
        Show("two lists", la, lbc);
        rt.Del(la, lbc);
        PyObject* w = rt.Ref(a, cb);
        o.Print("weakref referents: only its callback:", rt.GetReferents(w).Count, rt.GetReferents(w)[0] == (nint)cb);
        PyObject* basic = rt.Ref(a);
        o.Print("basic weakref referents:", rt.GetReferents(basic).Count);
        rt.Del(basic);

        PyObject* target = rt.NewInstance(classA);
        PyObject* l1 = rt.ListOf(target);
        PyObject* l2 = rt.ListOf(target, target);
        PyObject* tt = rt.TupleOf(target);
        PyObject* holder = rt.NewInstance(classA);
        rt.Set(holder, "t", target);
        List<nint> referrers = rt.GetReferrers(target);
        o.Print("referrers:", referrers.Count, PyText.ListRepr(referrers.Select(r => rt.TypeName((PyObject*)r))));

        o.AssertMatchesRecording("referents");
        rt.Del(target, l1, l2, tt, holder, w, a, b, si, sa, sb, sc, cb);
        rt.DelClass(classA, classS);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
