using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe partial class GcFactsTests
{
    /// <summary>Data/gc/weakref_refcount.py.</summary>
    [Fact]
    public void Weakref_refcount()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();
        rt.UnraisableHook = (r, message, exc, obj) =>
            o.Print("unraisable:", message, r.TypeName((PyObject*)exc), r.ExceptionMessage((PyObject*)exc));

        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classS = rt.NewClass("S", ["x"]);
        var order = new List<string>();
        PyObject* r1 = null;
        PyObject* r2 = null;
        PyObject* r3 = null;
        PyObject* cb1 = rt.Callback(wr => order.Add("r1 is=" + PyText.Str((PyObject*)wr == r1) + " dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* cb2 = rt.Callback(wr => order.Add("r2 is=" + PyText.Str((PyObject*)wr == r2) + " dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* cb3 = rt.Callback(wr => order.Add("r3 is=" + PyText.Str((PyObject*)wr == r3) + " dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* bad = rt.Must(rt.NewFunction((r, self, args) =>
        {
            order.Add("bad");
            r.SetError(r.ValueErrorType, "boom");
            return null;
        }));

        PyObject* obj = rt.NewInstance(classA);
        PyObject* basic = rt.Ref(obj);
        r1 = rt.Ref(obj, cb1);
        r2 = rt.Ref(obj, cb2);
        r3 = rt.Ref(obj, cb3);
        o.Print("weakref count:", PyRuntime.WeakrefCount(obj));
        rt.Del(obj);
        o.Print("callback order:", PyText.ListRepr(order));
        o.Print("basic dead:", rt.IsDead(basic));
        order.Clear();
        rt.Del(basic, r1, r2, r3);

        obj = rt.NewInstance(classA);
        r1 = rt.Ref(obj, cb1);
        r2 = rt.Ref(obj, bad);
        r3 = rt.Ref(obj, cb3);
        rt.Del(obj);
        o.Print("a raising callback does not stop the others:", PyText.ListRepr(order));
        order.Clear();
        rt.Del(r1, r2, r3);

        obj = rt.NewInstance(classA);
        r1 = rt.Ref(obj, cb1);
        rt.Del(obj);
        o.Print("single callback:", PyText.ListRepr(order));
        order.Clear();

        obj = rt.NewInstance(classA);
        PyObject* first = rt.Ref(obj);
        PyObject* second = rt.Ref(obj);
        o.Print("ref(o) is ref(o):", first == second);
        rt.Del(first, second);
        PyObject* keep = rt.Ref(obj);
        PyObject* withNone = rt.Ref(obj, rt.None);
        o.Print("ref(o, None) is ref(o):", withNone == keep);
        rt.Del(withNone);
        first = rt.Ref(obj, cb1);
        second = rt.Ref(obj, cb1);
        o.Print("ref(o, cb) is ref(o, cb):", first == second);
        rt.Del(first, second);
        first = rt.Ref(obj, cb1);
        o.Print("ref(o, cb) is ref(o):", first == keep);
        rt.Del(first);
        rt.Del(r1);
        r1 = rt.Ref(obj, cb1);
        o.Print("weakref count:", PyRuntime.WeakrefCount(obj));
        o.Print("live referent:", PyRuntime.WeakrefReferent(keep) == obj);
        rt.Del(r1, keep, obj);
        o.Print("no callbacks for dead weakrefs:", PyText.ListRepr(order));

        obj = rt.NewInstance(classA);
        PyObject* r = rt.Ref(obj, cb1);
        rt.Del(r);
        rt.Del(obj);
        o.Print("weakref died first:", PyText.ListRepr(order));

        PyObject* s = rt.StrObj("s");
        PyObject*[] values = [rt.ListOf(), rt.TupleOf(s), PyRuntime.NewRef(rt.EmptyTuple), PyRuntime.NewRef(s), rt.NoneRef(), rt.NewInstance(classS)];
        foreach (PyObject* value in values)
        {
            PyObject* w = rt.NewWeakref(value, null);
            if (w != null)
            {
                o.Print("weakref to", rt.TypeName(value), "ok");
                rt.DecRef(w);
            }
            else
            {
                PyException e = rt.TakeErrorAsException();
                o.Print(e.PythonType + ":", e.PythonMessage);
            }

            rt.DecRef(value);
        }

        rt.DecRef(s);
        o.AssertMatchesRecording("weakref_refcount");
        rt.Del(cb1, cb2, cb3, bad);
        rt.DelClass(classA, classS);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Data/gc/unraisable.py. CPython reports a failing __del__ with the __del__ function as
    /// the object (slot_tp_finalize). The runtime keeps a class's finalizer as a delegate,
    /// with no object to report, so "is D.__del__" can only print what the hook received.
    /// </summary>
    [Fact]
    public void Unraisable()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        rt.Collect();
        var seen = new List<(string? Message, string Type, string Text, nint Object)>();
        rt.UnraisableHook = (r, message, exc, obj) =>
            seen.Add((message, r.TypeName((PyObject*)exc), r.ExceptionMessage((PyObject*)exc), obj));
        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classD = rt.NewClass("D");
        rt.SetFinalizer(classD, (r, self, args) =>
        {
            r.SetError(r.ValueErrorType, "from __del__ of " + r.GetStr(self, "name"));
            return null;
        });
        PyObject* bad = rt.Must(rt.NewFunction((r, self, args) =>
        {
            r.SetError(r.RuntimeErrorType, "from a callback");
            return null;
        }));

        void Report(string label, nint instance)
        {
            foreach ((string? message, string type, string text, nint obj) in seen)
            {
                // No object stands for D.__del__ in this runtime: only the one reported could be it.
                bool isDel = obj != 0 && obj != (nint)bad && obj != instance && rt.TypeName((PyObject*)obj) != "D";
                o.Print(label + ":", message, type, text, "| object is the callback:", obj == (nint)bad,
                    "is the instance:", obj == instance, "is D.__del__:", isDel);
            }

            seen.Clear();
        }

        PyObject* obj = rt.NewInstance(classA);
        PyObject* w = rt.Ref(obj, bad);
        rt.Del(obj);
        Report("weakref callback, refcount path", 0);
        rt.Del(w);

        obj = rt.NewInstance(classA);
        rt.Set(obj, "me", obj);
        w = rt.Ref(obj, bad);
        rt.Del(obj);
        o.Print("collect:", rt.Collect());
        Report("weakref callback, gc path", 0);
        rt.Del(w);

        PyObject* d = rt.Named(classD, "d");
        nint instance = (nint)d;
        rt.Del(d);
        Report("__del__, refcount path", instance);

        d = rt.Named(classD, "e");
        rt.Set(d, "me", d);
        instance = (nint)d;
        rt.Del(d);
        o.Print("collect:", rt.Collect());
        Report("__del__, gc path", instance);

        o.AssertMatchesRecording("unraisable");
        rt.Del(bad);
        rt.DelClass(classA, classD);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
