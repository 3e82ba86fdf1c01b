using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// Seeded random object graphs against a reachability model. Instances of five classes
/// (plain; __del__ that logs; __del__ that resurrects itself into a `keep` list the first
/// time; __del__ that breaks its own first attribute; __slots__), lists and tuples are
/// linked at random, held and dropped at random from the test's roots, watched by random
/// weakrefs with callbacks, and collected at random (automatically too: low thresholds).
/// The model knows only nodes, edges and roots (the test's references and `keep`); it
/// never looks at refcounts or generations. It requires:
/// <list type="bullet">
/// <item>always: every node reachable in the model is alive (nothing is freed early); a
/// finalizer or weakref callback runs only for a node the model calls unreachable, and a
/// finalizer at most once per object;</item>
/// <item>after every full collection: exactly the nodes the model calls unreachable are
/// gone, every finalizable one of them was finalized, gc.is_finalized agrees with the
/// finalizer log, weakrefs to the dead are dead and were called back once, weakrefs to the
/// living are alive and silent (unless a resurrection in a collection cleared them, which
/// CPython does too), and the collector's invariants hold.</item>
/// </list>
/// A failure names the seed and the step; rerun that seed to reproduce it.
/// </summary>
public unsafe partial class GcRandomizedTests
{
    [Theory]
    [InlineData(311_001, 2500)]
    [InlineData(311_002, 2500)]
    [InlineData(442_003, 2500)]
    [InlineData(700_004, 2500)]
    [InlineData(1_000_005, 2500)]
    [InlineData(2_718_006, 2500)]
    public void Random_graphs_agree_with_a_reachability_model(int seed, int steps)
    {
        using var t = new TestRuntime();
        var run = new Run(t, seed, strictInvariants: false);
        run.Execute(steps);
        run.TearDown();
        t.AssertNoLeaks();
    }

    /// <summary>
    /// The same under the Refheap profile, whose automatic collections include chunk
    /// collections of generation 2 and the adaptive full-collection trigger.
    /// </summary>
    [Theory]
    [InlineData(411_001, 2500)]
    [InlineData(411_002, 2500)]
    [InlineData(411_003, 2500)]
    public void Random_graphs_agree_with_a_reachability_model_under_the_Refheap_profile(int seed, int steps)
    {
        using var t = new TestRuntime(Refheap.Memory.AllocatorProfile.Refheap);
        var run = new Run(t, seed, strictInvariants: false);
        run.Execute(steps);
        run.TearDown();
        t.AssertNoLeaks();
    }

    /// <summary>Refheap profile, invariants after every step.</summary>
    [Theory]
    [InlineData(9_411_001, 1500)]
    public void Random_graphs_keep_the_collector_invariants_after_every_step_under_the_Refheap_profile(int seed, int steps)
    {
        using var t = new TestRuntime(Refheap.Memory.AllocatorProfile.Refheap);
        var run = new Run(t, seed, strictInvariants: true);
        run.Execute(steps);
        run.TearDown();
        t.AssertNoLeaks();
    }

    /// <summary>The same, with the collector's invariants checked after every step, not only after full collections.</summary>
    [Theory]
    [InlineData(9_311_001, 1500)]
    [InlineData(9_311_002, 1500)]
    public void Random_graphs_keep_the_collector_invariants_after_every_step(int seed, int steps)
    {
        using var t = new TestRuntime();
        var run = new Run(t, seed, strictInvariants: true);
        run.Execute(steps);
        run.TearDown();
        t.AssertNoLeaks();
    }

    private enum Kind
    {
        Plain,
        Logging,
        Resurrecting,
        Breaking,
        Slots,
        List,
        Tuple,
    }

    private sealed class Node
    {
        public Node(int id, Kind kind, nint address)
        {
            Id = id;
            Kind = kind;
            Address = address;
        }

        public int Id { get; }

        public Kind Kind { get; }

        public nint Address { get; }

        /// <summary>Instances: attribute name to target node (absent: None).</summary>
        public Dictionary<string, int> Attributes { get; } = new();

        /// <summary>Lists and tuples: items, -1 for None.</summary>
        public List<int> Items { get; } = new();

        public bool Dead { get; set; }

        public bool Finalized { get; set; }

        public bool Resurrected { get; set; }

        /// <summary>The node's basic weakref (instances), held by the test.</summary>
        public nint BasicWeakref { get; set; }

        /// <summary>A resurrection inside a collection may have cleared the basic weakref.</summary>
        public bool BasicWeakrefMayBeCleared { get; set; }

        public bool IsInstance => Kind <= Kind.Slots;

        public bool HasFinalizer => Kind is Kind.Logging or Kind.Resurrecting or Kind.Breaking;

        public IEnumerable<int> Edges => IsInstance ? Attributes.Values : Items.Where(i => i >= 0);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{Id} {Kind} 0x{Address:x}");
    }

    private sealed class CallbackRef
    {
        public CallbackRef(int target, nint weakref)
        {
            Target = target;
            Weakref = weakref;
        }

        public int Target { get; }

        public nint Weakref { get; }

        public int Calls { get; set; }

        public bool MayBeCleared { get; set; }
    }

    private sealed partial class Run
    {
        private static readonly string[] s_instanceAttributes = ["a0", "a1", "a2", "a3"];
        private static readonly string[] s_slotAttributes = ["s0", "s1"];

        private readonly PyRuntime _rt;
        private readonly int _seed;
        private readonly bool _strictInvariants;
        private readonly Random _rng;
        private readonly List<Node> _nodes = new();
        private readonly Dictionary<nint, int> _byAddress = new();
        private readonly List<int> _roots = new();
        private readonly List<int> _keepModel = new();
        private readonly Dictionary<nint, CallbackRef> _callbackRefs = new();
        private readonly List<string> _violations = new();
        private readonly nint[] _classes = new nint[5];
        private readonly PyObject* _keep;
        private readonly PyObject* _callback;
        private int _step;
        private string _operation = "setup";

        // During a collection: what the model could reach when it started. Finalizers and
        // weakref callbacks run for objects that were unreachable then, even when an earlier
        // finalizer of the same batch has resurrected them since (finalize_garbage calls every
        // tp_finalize of the batch).
        private HashSet<int>? _reachableAtStart;
        private int _fullCollections;
        private int _finalizerRuns;
        private int _callbackRuns;

        public Run(TestRuntime t, int seed, bool strictInvariants)
        {
            _rt = t.Runtime;
            _seed = seed;
            _strictInvariants = strictInvariants;
            _rng = new Random(seed);
            PyRuntime rt = _rt;
            rt.GcEnabled = false;
            for (int k = 0; k <= (int)Kind.Slots; k++)
            {
                var kind = (Kind)k;
                PyTypeObject* cls = kind == Kind.Slots ? rt.NewClass("Slots", ["s0", "s1", "__weakref__"]) : rt.NewClass(kind.ToString());
                _classes[k] = (nint)cls;
                if (kind != Kind.Slots)
                {
                    // Fix the shared keys now: new attribute names after the class's 41st
                    // instance would need a materialised __dict__.
                    PyObject* template = rt.Must(rt.NewInstance(cls));
                    foreach (string name in s_instanceAttributes)
                    {
                        rt.Set(template, name, rt.None);
                    }

                    rt.DecRef(template);
                }
            }

            rt.SetDel((PyTypeObject*)_classes[(int)Kind.Logging], self => OnFinalize(self));
            rt.SetDel((PyTypeObject*)_classes[(int)Kind.Resurrecting], self => OnFinalize(self));
            rt.SetDel((PyTypeObject*)_classes[(int)Kind.Breaking], self => OnFinalize(self));
            _keep = rt.ListOf();
            _callback = rt.Callback(OnCallback);
            rt.GcCallbacks.Add((phase, _) => _reachableAtStart = phase == "start" ? Reachable() : null);
            rt.SetThreshold(_rng.Next(5, 80), _rng.Next(1, 6), _rng.Next(1, 6));
            rt.GcEnabled = true;
        }

        public void Execute(int steps)
        {
            for (_step = 1; _step <= steps; _step++)
            {
                Step();
                CheckViolations();
                CheckSafety();
                if (_strictInvariants)
                {
                    Guard(() => _rt.AssertValid());
                }
            }

            _operation = "final full collection";
            FullCollection();
            Assert.True(_fullCollections > 0 && _finalizerRuns > 0 && _callbackRuns > 0,
                $"seed {_seed}: the run exercised too little ({_fullCollections} full collections, {_finalizerRuns} finalizers, {_callbackRuns} callbacks)");
        }

        /// <summary>Drops every reference, collects, and releases the classes: nothing may be left.</summary>
        public void TearDown()
        {
            PyRuntime rt = _rt;
            _operation = "tear down";
            _step++;
            foreach (int id in _roots.ToArray())
            {
                _operation = $"tear down: drop root {_nodes[id]}";
                _roots.Remove(id);
                rt.DecRef((PyObject*)_nodes[id].Address);
                CheckViolations();
            }

            _operation = "tear down: keep.clear() and collect until nothing resurrects";
            do
            {
                _keepModel.Clear();
                rt.ListClear(_keep);
                FullCollection();
            }
            while (_keepModel.Count > 0);

            Fail(_nodes.Any(n => !n.Dead), "nodes alive after every root was dropped: " + string.Join(", ", _nodes.Where(n => !n.Dead)));
            CheckViolations();
            foreach (CallbackRef r in _callbackRefs.Values)
            {
                rt.DecRef((PyObject*)r.Weakref);
            }

            _callbackRefs.Clear();
            rt.GcCallbacks.Clear();
            rt.DecRef(_keep);
            rt.DecRef(_callback);
            foreach (nint cls in _classes)
            {
                rt.DecRef((PyObject*)cls);
            }

            rt.Collect(); // the classes themselves are cycles (their MRO holds them)
            Guard(() => rt.AssertValid());
        }

        private void Step()
        {
            PyRuntime rt = _rt;
            HashSet<int> reachable = Reachable();
            int alive = reachable.Count;
            int roll = _rng.Next(100);
            if (alive > 220 && roll < 40)
            {
                roll = 48 + _rng.Next(14);
            }

            if (roll < 14)
            {
                var kind = (Kind)_rng.Next(0, (int)Kind.Slots + 1);
                _operation = "new " + kind;
                Node n = Register(kind, (nint)rt.Must(rt.NewInstance((PyTypeObject*)_classes[(int)kind])));
                n.BasicWeakref = (nint)rt.Ref((PyObject*)n.Address);
            }
            else if (roll < 19)
            {
                _operation = "new list";
                Register(Kind.List, (nint)rt.Must(rt.NewList(0)));
            }
            else if (roll < 22)
            {
                // Cyclic garbage made of containers, so that collections free lists and
                // tuples onto their free lists and later allocations reuse them.
                _operation = "new garbage cycle l = [(l, None)]";
                Node l = Register(Kind.List, (nint)rt.Must(rt.NewList(0)));
                PyObject* tuple = rt.Must(rt.NewTuple(2));
                PyRuntime.TupleItems(tuple)[0] = PyRuntime.NewRef((PyObject*)l.Address);
                PyRuntime.TupleItems(tuple)[1] = PyRuntime.NewRef(rt.None);
                Node tn = Register(Kind.Tuple, (nint)tuple);
                tn.Items.AddRange([l.Id, -1]);
                l.Items.Add(tn.Id);
                rt.Append((PyObject*)l.Address, tuple);
                _roots.Remove(l.Id);
                _roots.Remove(tn.Id);
                rt.DecRef((PyObject*)l.Address);
                rt.DecRef(tuple);
            }
            else if (roll < 25)
            {
                int count = _rng.Next(1, 4);
                var items = new List<int>();
                for (int i = 0; i < count; i++)
                {
                    items.Add(_rng.Next(4) == 0 ? -1 : Pick(reachable, _ => true));
                }

                _operation = "new tuple of " + string.Join(",", items);
                PyObject* tuple = rt.Must(rt.NewTuple(count));
                for (int i = 0; i < count; i++)
                {
                    PyRuntime.TupleItems(tuple)[i] = PyRuntime.NewRef(items[i] < 0 ? rt.None : (PyObject*)_nodes[items[i]].Address);
                }

                Register(Kind.Tuple, (nint)tuple).Items.AddRange(items);
            }
            else if (roll < 40)
            {
                int source = Pick(reachable, n => n.IsInstance);
                if (source < 0)
                {
                    return;
                }

                Node src = _nodes[source];
                string[] names = src.Kind == Kind.Slots ? s_slotAttributes : s_instanceAttributes;
                string name = names[_rng.Next(names.Length)];
                int target = _rng.Next(4) == 0 ? -1 : Pick(reachable, _ => true);
                _operation = $"{src}.{name} = {(target < 0 ? "None" : _nodes[target])}";
                if (target < 0)
                {
                    src.Attributes.Remove(name);
                }
                else
                {
                    src.Attributes[name] = target;
                }

                rt.Set((PyObject*)src.Address, name, target < 0 ? rt.None : (PyObject*)_nodes[target].Address);
            }
            else if (roll < 48)
            {
                int list = Pick(reachable, n => n.Kind == Kind.List);
                if (list < 0)
                {
                    return;
                }

                Node l = _nodes[list];
                int what = _rng.Next(10);
                if (what < 6 || l.Items.Count == 0)
                {
                    int target = Pick(reachable, _ => true);
                    _operation = $"{l}.append({_nodes[target]})";
                    l.Items.Add(target);
                    rt.Append((PyObject*)l.Address, (PyObject*)_nodes[target].Address);
                }
                else if (what < 9)
                {
                    int index = _rng.Next(l.Items.Count);
                    int target = _rng.Next(3) == 0 ? -1 : Pick(reachable, _ => true);
                    _operation = $"{l}[{index}] = {(target < 0 ? "None" : _nodes[target])}";
                    l.Items[index] = target;
                    rt.ListSetSteal((PyObject*)l.Address, index, PyRuntime.NewRef(target < 0 ? rt.None : (PyObject*)_nodes[target].Address));
                }
                else
                {
                    _operation = $"{l}.clear()";
                    l.Items.Clear();
                    rt.ListClear((PyObject*)l.Address);
                }
            }
            else if (roll < 62)
            {
                if (_roots.Count == 0)
                {
                    return;
                }

                int index = _rng.Next(_roots.Count);
                Node n = _nodes[_roots[index]];
                _operation = $"drop root {n}";
                _roots.RemoveAt(index);
                rt.DecRef((PyObject*)n.Address);
            }
            else if (roll < 68)
            {
                int id = Pick(reachable, _ => true);
                if (id < 0)
                {
                    return;
                }

                _operation = $"add root {_nodes[id]}";
                _roots.Add(id);
                PyRuntime.IncRef((PyObject*)_nodes[id].Address);
            }
            else if (roll < 75)
            {
                int id = Pick(reachable, n => n.IsInstance);
                if (id < 0)
                {
                    return;
                }

                _operation = $"weakref with callback to {_nodes[id]}";
                PyObject* wr = rt.Ref((PyObject*)_nodes[id].Address, _callback);
                _callbackRefs.Add((nint)wr, new CallbackRef(id, (nint)wr));
            }
            else if (roll < 78)
            {
                if (_callbackRefs.Count == 0)
                {
                    return;
                }

                CallbackRef r = _callbackRefs.Values.ElementAt(_rng.Next(_callbackRefs.Count));
                _operation = $"drop a weakref to {_nodes[r.Target]}";
                _callbackRefs.Remove(r.Weakref);
                rt.DecRef((PyObject*)r.Weakref);
            }
            else if (roll < 92)
            {
                int generation = _rng.Next(3);
                _operation = $"gc.collect({generation})";
                if (generation == 2)
                {
                    FullCollection();
                }
                else
                {
                    rt.Collect(generation);
                }
            }
            else if (roll < 95)
            {
                _operation = "keep.clear()";
                _keepModel.Clear();
                rt.ListClear(_keep);
            }
            else if (roll < 97)
            {
                (int, int, int) thresholds = (_rng.Next(5, 80), _rng.Next(1, 6), _rng.Next(1, 6));
                _operation = "set_threshold" + thresholds;
                rt.SetThreshold(thresholds.Item1, thresholds.Item2, thresholds.Item3);
            }
            else
            {
                _operation = "toggle gc";
                rt.GcEnabled = !rt.GcEnabled;
            }
        }

        private Node Register(Kind kind, nint address)
        {
            if (_byAddress.TryGetValue(address, out int previous))
            {
                // The memory of an earlier node was reused: that node must have been unreachable.
                Node old = _nodes[previous];
                Fail(Reachable().Contains(previous), $"{old} is reachable in the model but its memory now holds a new {kind}");
                MarkDead(old);
            }

            var n = new Node(_nodes.Count, kind, address);
            _nodes.Add(n);
            _byAddress[address] = n.Id;
            _roots.Add(n.Id);
            return n;
        }

        private void MarkDead(Node n)
        {
            if (n.Dead)
            {
                return;
            }

            n.Dead = true;
            Fail(n.HasFinalizer && !n.Finalized, $"{n} was freed without running its finalizer");
            if (_byAddress.TryGetValue(n.Address, out int id) && id == n.Id)
            {
                _byAddress.Remove(n.Address);
            }

            if (n.BasicWeakref != 0)
            {
                Fail(!_rt.IsDead((PyObject*)n.BasicWeakref), $"{n} is freed but its weakref is alive");
                _rt.DecRef((PyObject*)n.BasicWeakref);
                n.BasicWeakref = 0;
            }
        }

        private void OnFinalize(nint self)
        {
            _finalizerRuns++;
            if (!_byAddress.TryGetValue(self, out int id))
            {
                Fail(true, $"finalizer called for an unknown object 0x{self:x}");
                return;
            }

            Node n = _nodes[id];
            Fail(n.Finalized, $"{n} finalized a second time");
            Fail((_reachableAtStart ?? Reachable()).Contains(id), $"{n} finalized while reachable in the model ({PathTo(id)})");
            n.Finalized = true;
            PyRuntime rt = _rt;
            if (n.Kind == Kind.Resurrecting && !n.Resurrected)
            {
                n.Resurrected = true;
                if (_reachableAtStart is HashSet<int> reachable)
                {
                    // handle_weakrefs cleared the weakrefs of everything unreachable before any
                    // finalizer ran; what the resurrection saves keeps them cleared.
                    foreach (Node other in _nodes.Where(x => !x.Dead && !reachable.Contains(x.Id)))
                    {
                        other.BasicWeakrefMayBeCleared = true;
                    }

                    foreach (CallbackRef r in _callbackRefs.Values.Where(r => !reachable.Contains(r.Target)))
                    {
                        r.MayBeCleared = true;
                    }
                }

                _keepModel.Add(id);
                rt.Append(_keep, (PyObject*)self);
            }
            else if (n.Kind == Kind.Breaking)
            {
                n.Attributes.Remove("a0");
                rt.Set((PyObject*)self, "a0", rt.None);
            }
        }

        private void OnCallback(nint weakref)
        {
            _callbackRuns++;
            if (!_callbackRefs.TryGetValue(weakref, out CallbackRef? r))
            {
                Fail(true, $"callback for an unknown weakref 0x{weakref:x}");
                return;
            }

            r.Calls++;
            Fail(r.Calls > 1, $"weakref to {_nodes[r.Target]} called back twice");
            Fail(!_rt.IsDead((PyObject*)weakref), $"weakref to {_nodes[r.Target]} called back while alive");
            Fail((_reachableAtStart ?? Reachable()).Contains(r.Target), $"weakref to {_nodes[r.Target]} called back while its referent is reachable in the model");
        }

    }
}
