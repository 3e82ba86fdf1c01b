using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Mirrors of the fact scripts in Data/gc: each test builds the object graph its script
/// builds, through the runtime API, prints the same facts in the same format and compares
/// them with what CPython 3.11 printed. The scripts keep strings in Python lists where the
/// mirrors use .NET lists; str is not a GC type, so that changes nothing the collector sees.
/// </summary>
public unsafe partial class GcFactsTests
{
    /// <summary>Data/gc/collect_returns.py.</summary>
    [Fact]
    public void Collect_returns()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();

        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classD = rt.NewClass("D");
        PyTypeObject* classR = rt.NewClass("R");
        var log = new List<string>();
        var calls = new List<string>();
        PyObject* keep = rt.ListOf();
        PyObject* holder = rt.ListOf();
        rt.SetDel(classD, self => log.Add("del " + rt.GetStr((PyObject*)self, "name")));
        rt.SetDel(classR, self =>
        {
            string name = rt.GetStr((PyObject*)self, "name");
            log.Add("del " + name);
            if (name == "a")
            {
                rt.Append(keep, (PyObject*)self);
            }
        });
        PyObject* cb = rt.Callback(wr => calls.Add("cb dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* cbDrop = rt.Callback(wr =>
        {
            calls.Add("cb_drop");
            rt.ListClear(holder);
        });

        PyObject* a = rt.NewInstance(classA);
        PyObject* b = rt.NewInstance(classA);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(a, b);
        o.Print("two-instance cycle:", rt.Collect());

        a = rt.NewInstance(classA);
        rt.Set(a, "me", a);
        rt.Del(a);
        o.Print("self cycle:", rt.Collect());

        PyObject* l = rt.ListOf();
        rt.Append(l, l);
        rt.Del(l);
        o.Print("list containing itself:", rt.Collect());

        PyObject* l1 = rt.ListOf();
        PyObject* l2 = rt.ListOf(l1);
        rt.Append(l1, l2);
        rt.Del(l1, l2);
        o.Print("two-list cycle:", rt.Collect());

        a = rt.NewInstance(classA);
        l = rt.ListOf(a);
        rt.Set(a, "items", l);
        rt.Del(l, a);
        o.Print("instance-list cycle:", rt.Collect());

        PyObject* inst = rt.NewInstance(classA);
        PyObject* pair = rt.TupleOf(inst, rt.None);
        rt.Set(inst, "pair", pair);
        rt.Del(pair, inst);
        o.Print("instance-tuple cycle:", rt.Collect());

        a = rt.NewInstance(classA);
        b = rt.NewInstance(classA);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        PyObject* wr = rt.Ref(a, cb);
        rt.Del(a, b);
        o.Print("cycle, outside weakref with callback:", rt.Collect(), PyText.ListRepr(calls));
        o.Print("outside weakref dead:", rt.IsDead(wr));
        rt.Del(wr);
        calls.Clear();

        a = rt.NewInstance(classA);
        b = rt.NewInstance(classA);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        wr = rt.Ref(b, cbDrop);
        rt.Append(holder, wr);
        rt.Del(wr, a, b);
        o.Print("cycle, weakref freed by its own callback:", rt.Collect(), PyText.ListRepr(calls));
        calls.Clear();

        a = rt.Named(classD, "a");
        b = rt.Named(classD, "b");
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(a, b);
        o.Print("cycle with __del__:", rt.Collect(), PyText.ListRepr(log));
        log.Clear();

        a = rt.Named(classR, "a");
        b = rt.Named(classR, "b");
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        PyObject* c = rt.NewInstance(classA);
        PyObject* d = rt.NewInstance(classA);
        rt.Set(c, "other", d);
        rt.Set(d, "other", c);
        rt.Del(a, b, c, d);
        o.Print("two cycles, one resurrects:", rt.Collect(), PyText.ListRepr(log));
        PyObject* resurrected = PyOps.ListGet(keep, 0);
        o.Print("resurrected finalized:", rt.GcIsFinalized(resurrected), rt.GcIsFinalized(rt.Get(resurrected, "other")));
        rt.ListClear(keep);
        o.Print("next collect:", rt.Collect(), PyText.ListRepr(log));
        o.Print("then:", rt.Collect());

        o.AssertMatchesRecording("collect_returns");
        rt.Del(keep, holder, cb, cbDrop);
        rt.DelClass(classA, classD, classR);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/gc_order.py.</summary>
    [Fact]
    public void Gc_order()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();

        var events = new List<string>();
        PyTypeObject* classD = rt.NewClass("D");
        PyTypeObject* classP = rt.NewClass("P");
        rt.SetDel(classD, self => events.Add(
            "del " + rt.GetStr((PyObject*)self, "name") + " peer alive=" + PyText.Str(!rt.IsDead(rt.Get((PyObject*)self, "peer")))));
        PyObject* cb1 = rt.Callback(wr => events.Add("cb1 dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* cb2 = rt.Callback(wr => events.Add("cb2 dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));
        PyObject* cb3 = rt.Callback(wr => events.Add("cb3 dead=" + PyText.Str(rt.IsDead((PyObject*)wr))));

        PyObject* a = rt.Named(classD, "a");
        PyObject* b = rt.Named(classD, "b");
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        PyObject* peer = rt.Ref(b);
        rt.Set(a, "peer", peer);
        rt.DecRef(peer);
        peer = rt.Ref(a);
        rt.Set(b, "peer", peer);
        rt.DecRef(peer);
        PyObject* w1 = rt.Ref(a, cb1);
        PyObject* w2 = rt.Ref(a, cb2);
        PyObject* w3 = rt.Ref(b, cb3);
        rt.Del(a, b);
        o.Print("collect:", rt.Collect());
        foreach (string e in events)
        {
            o.Print(" ", e);
        }

        events.Clear();
        rt.Del(w1, w2, w3);

        a = rt.NewInstance(classP);
        b = rt.NewInstance(classP);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        PyObject* toB = rt.Ref(b, cb1);
        rt.Set(a, "to_b", toB);
        rt.DecRef(toB);
        PyObject* toSelf = rt.Ref(a, cb2);
        rt.Set(a, "to_self", toSelf);
        rt.DecRef(toSelf);
        rt.Del(a, b);
        o.Print("garbage weakrefs:", rt.Collect(), "callbacks:", events.Count);

        PyObject* survivor = rt.NewInstance(classP);
        a = rt.NewInstance(classP);
        rt.Set(a, "me", a);
        PyObject* toSurvivor = rt.Ref(survivor, cb3);
        rt.Set(a, "to_survivor", toSurvivor);
        rt.DecRef(toSurvivor);
        rt.Del(a);
        o.Print("garbage weakref to a live object:", rt.Collect(), "callbacks:", events.Count);
        rt.Del(survivor);
        o.Print("  after the referent died:", events.Count);

        PyTypeObject* classM = rt.NewClass("M");
        PyObject* late = rt.ListOf();
        rt.SetDel(classM, self =>
        {
            string name = rt.GetStr((PyObject*)self, "name");
            if (name == "a")
            {
                PyObject* w = rt.Ref(rt.Get((PyObject*)self, "other"), cb3);
                rt.Append(late, w);
                rt.DecRef(w);
            }

            events.Add("del " + name);
        });
        a = rt.Named(classM, "a");
        b = rt.Named(classM, "b");
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(a, b);
        o.Print("weakref made in __del__:", rt.Collect());
        foreach (string e in events)
        {
            o.Print(" ", e);
        }

        o.Print("late weakref dead:", rt.IsDead(PyOps.ListGet(late, 0)));

        o.AssertMatchesRecording("gc_order");
        rt.Del(late, cb1, cb2, cb3);
        rt.DelClass(classD, classP, classM);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>Data/gc/finalizers.py.</summary>
    [Fact]
    public void Finalizers()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.Collect();

        var log = new List<string>();
        PyObject* keep = rt.ListOf();
        PyTypeObject* classR = rt.NewClass("R");
        rt.SetDel(classR, self =>
        {
            log.Add("del " + rt.GetStr((PyObject*)self, "name") + " finalized=" + PyText.Str(rt.GcIsFinalized((PyObject*)self)));
            rt.Append(keep, (PyObject*)self);
        });

        PyObject* x = rt.Named(classR, "x");
        o.Print("fresh instance finalized:", rt.GcIsFinalized(x));
        rt.Del(x);
        o.Print("refcount death:", PyText.ListRepr(log), "resurrected:", PyRuntime.ListSize(keep));
        o.Print("resurrected finalized:", rt.GcIsFinalized(PyOps.ListGet(keep, 0)));
        rt.ListClear(keep);
        o.Print("second death:", PyText.ListRepr(log), "kept:", PyRuntime.ListSize(keep));
        log.Clear();

        PyObject* y = rt.Named(classR, "y");
        rt.Set(y, "me", y);
        rt.Del(y);
        o.Print("gc death:", rt.Collect(), PyText.ListRepr(log), "resurrected:", PyRuntime.ListSize(keep));
        rt.ListClear(keep);
        o.Print("collect again:", rt.Collect(), PyText.ListRepr(log));
        log.Clear();

        PyObject* z = rt.Named(classR, "z");
        rt.Set(z, "me", z);
        rt.Del(z);
        o.Print("gc death:", rt.Collect(), PyText.ListRepr(log));
        rt.Set(PyOps.ListGet(keep, 0), "me", rt.None);
        rt.ListClear(keep);
        o.Print("then refcount death:", PyText.ListRepr(log));
        log.Clear();

        PyTypeObject* classW = rt.NewClass("W");
        PyObject* lateCallback = rt.Callback(_ => log.Add("callback of a weakref made in __del__"));
        rt.SetDel(classW, self =>
        {
            log.Add("own weakref alive in __del__=" + PyText.Str(PyRuntime.WeakrefReferent(rt.Get((PyObject*)self, "wr")) == (PyObject*)self));
            if (rt.GetStr((PyObject*)self, "name") == "late")
            {
                PyObject* late = rt.Ref((PyObject*)self, lateCallback);
                rt.Set((PyObject*)self, "late", late);
                rt.DecRef(late);
            }
            else
            {
                rt.Append(keep, (PyObject*)self);
            }
        });

        PyObject* v = rt.Named(classW, "v");
        PyObject* wrV = rt.Ref(v);
        rt.Set(v, "wr", wrV);
        rt.Del(v);
        o.Print("refcount path:", PyText.ListRepr(log), "weakref after resurrection alive:", PyRuntime.WeakrefReferent(wrV) == PyOps.ListGet(keep, 0));
        log.Clear();
        rt.ListClear(keep);
        o.Print("second death: weakref dead:", rt.IsDead(wrV), PyText.ListRepr(log));
        rt.Del(wrV);

        v = rt.Named(classW, "late");
        wrV = rt.Ref(v);
        rt.Set(v, "wr", wrV);
        rt.Del(wrV);
        rt.Del(v);
        o.Print("weakref made in __del__ on the refcount path:", PyText.ListRepr(log));
        log.Clear();

        v = rt.Named(classW, "v");
        rt.Set(v, "me", v);
        wrV = rt.Ref(v);
        rt.Set(v, "wr", wrV);
        rt.Del(v);
        o.Print("gc path:", rt.Collect(), PyText.ListRepr(log), "weakref after resurrection dead:", rt.IsDead(wrV));
        log.Clear();
        rt.Set(PyOps.ListGet(keep, 0), "me", rt.None);
        rt.ListClear(keep);
        rt.Del(wrV);

        PyTypeObject* classB = rt.NewClass("B");
        rt.SetDel(classB, self =>
        {
            log.Add("del " + rt.GetStr((PyObject*)self, "name") + " finalized=" + PyText.Str(rt.GcIsFinalized((PyObject*)self)));
            rt.Set((PyObject*)self, "other", rt.None);
        });
        PyObject* a = rt.Named(classB, "a");
        PyObject* b = rt.Named(classB, "b");
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(a, b);
        o.Print("cycle broken by __del__:", rt.Collect(), PyText.ListRepr(log));
        log.Clear();

        PyTypeObject* classC = rt.NewClass("C");
        rt.SetDel(classC, _ => log.Add("gc.collect() inside __del__: " + rt.Collect()));
        PyObject* c = rt.NewInstance(classC);
        rt.Set(c, "me", c);
        rt.Del(c);
        o.Print("collection running:", rt.Collect(), PyText.ListRepr(log));
        log.Clear();

        PyObject* s = rt.StrObj("s");
        o.Print("is_finalized of non-GC objects:", rt.GcIsFinalized(s), rt.GcIsFinalized(rt.None));
        rt.Del(s);

        o.AssertMatchesRecording("finalizers");
        rt.Del(keep, lateCallback);
        rt.DelClass(classR, classW, classB, classC);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// Data/gc/resurrected_peer.py, with the collector's invariants checked after every step:
    /// the peer leaves the collection's lists when it is untracked, so once it is tracked
    /// again it must carry no collection-time flag.
    /// </summary>
    [Fact]
    public void Resurrected_peer()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        rt.GcEnabled = false;
        rt.Collect();
        var log = new List<string>();
        PyObject* keep = rt.ListOf();
        PyTypeObject* breaker = rt.NewClass("Breaker");
        PyTypeObject* phoenix = rt.NewClass("Phoenix");
        rt.SetDel(breaker, self =>
        {
            log.Add("del breaker");
            rt.Set((PyObject*)self, "peer", rt.None);
        });
        rt.SetDel(phoenix, self =>
        {
            log.Add("del phoenix finalized=" + PyText.Str(rt.GcIsFinalized((PyObject*)self)));
            rt.Append(keep, (PyObject*)self);
        });

        PyObject* a = rt.NewInstance(breaker);
        PyObject* b = rt.NewInstance(phoenix);
        rt.Set(a, "peer", b);
        rt.Set(b, "peer", a);
        rt.Del(a, b);
        o.Print("collect:", rt.Collect(), PyText.ListRepr(log));
        rt.AssertValid();
        PyObject* p = PyOps.ListGet(keep, 0);
        o.Print("resurrected peer: tracked", rt.GcIsTracked(p), "finalized", rt.GcIsFinalized(p), "in generation 0", PyOps.ContainsObject(rt.GetObjects(0), p));
        PyObject* peer = rt.Get(p, "peer");
        o.Print("the breaker lives on through it:", rt.TypeName(peer), "finalized", rt.GcIsFinalized(peer), "in generation 2", PyOps.ContainsObject(rt.GetObjects(2), peer));
        log.Clear();
        rt.Set(p, "me", p);
        rt.ListClear(keep);
        o.Print("collect(0):", rt.Collect(0), PyText.ListRepr(log));
        rt.AssertValid();

        o.AssertMatchesRecording("resurrected_peer");
        rt.Del(keep);
        rt.DelClass(breaker, phoenix);
        rt.Collect(); // the classes themselves are cycles (their MRO holds them)
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
