using System;
using System.Collections.Generic;
using System.Linq;
using Refheap.Runtime.Objects;
using Xunit.Sdk;

namespace Refheap.Runtime.Tests;

// The reachability model and the checks of GcRandomizedTests: after each full collection,
// exactly what the model calls unreachable must be gone.
public unsafe partial class GcRandomizedTests
{
    private sealed partial class Run
    {
        private void FullCollection()
        {
            _rt.Collect();
            _fullCollections++;
            HashSet<int> reachable = Reachable();
            var tracked = new HashSet<nint>(_rt.GetObjects());
            foreach (Node n in _nodes.Where(x => !x.Dead))
            {
                bool isReachable = reachable.Contains(n.Id);
                if (n.Kind == Kind.Tuple)
                {
                    // Tuples may be untracked; one that is tracked must be a reachable node.
                    if (!isReachable)
                    {
                        n.Dead = true;
                        _byAddress.Remove(n.Address);
                    }

                    continue;
                }

                bool isAlive = tracked.Contains(n.Address);
                Fail(isReachable && !isAlive, $"{n} is reachable in the model but not tracked after a full collection");
                Fail(!isReachable && isAlive, $"{n} is unreachable in the model but survived a full collection");
                if (!isReachable)
                {
                    MarkDead(n);
                    continue;
                }

                if (n.IsInstance)
                {
                    Fail(_rt.GcIsFinalized((PyObject*)n.Address) != n.Finalized,
                        $"{n}: gc.is_finalized is {_rt.GcIsFinalized((PyObject*)n.Address)}, the finalizer log says {n.Finalized}");
                    bool weakrefAlive = PyRuntime.WeakrefReferent((PyObject*)n.BasicWeakref) == (PyObject*)n.Address;
                    Fail(!weakrefAlive && !n.BasicWeakrefMayBeCleared, $"{n} is alive but its weakref is dead");
                }
            }

            // Every tracked instance, list or tuple of the run is a reachable node.
            var known = new HashSet<nint>(_nodes.Where(n => !n.Dead).Select(n => n.Address));

            // The classes' own MRO tuples are the runtime's, not the model's.
            foreach (nint c in _classes)
            {
                known.Add((nint)((PyTypeObject*)c)->Mro);
            }

            foreach (nint address in tracked)
            {
                var o = (PyObject*)address;
                bool ours = _classes.Contains((nint)o->Type) || o->Type == _rt.TupleType
                    || (o->Type == _rt.ListType && o != _keep && o != _rt.Garbage && o != _rt.GcCallbacksList);
                Fail(ours && !known.Contains(address), $"tracked {_rt.TypeName(o)} at 0x{address:x} is no reachable node");
            }

            foreach (CallbackRef r in _callbackRefs.Values)
            {
                Node target = _nodes[r.Target];
                bool dead = _rt.IsDead((PyObject*)r.Weakref);
                if (target.Dead)
                {
                    Fail(!dead || r.Calls != 1, $"weakref to dead {target}: dead={dead}, called back {r.Calls} times");
                }
                else if (!r.MayBeCleared)
                {
                    Fail(dead || r.Calls != 0, $"weakref to live {target}: dead={dead}, called back {r.Calls} times");
                }
                else
                {
                    Fail(dead != (r.Calls == 1), $"weakref to live {target} (resurrected): dead={dead}, called back {r.Calls} times");
                }
            }

            foreach (CallbackRef r in _callbackRefs.Values.Where(r => _nodes[r.Target].Dead).ToArray())
            {
                _callbackRefs.Remove(r.Weakref);
                _rt.DecRef((PyObject*)r.Weakref);
            }

            CheckViolations();
            Guard(() => _rt.AssertValid());
        }

        /// <summary>Every node reachable in the model is still alive (tuples: not checkable when untracked).</summary>
        private void CheckSafety()
        {
            var tracked = new HashSet<nint>(_rt.GetObjects());
            foreach (int id in Reachable())
            {
                Node n = _nodes[id];
                if (n.Kind != Kind.Tuple)
                {
                    Fail(!tracked.Contains(n.Address) || !_byAddress.TryGetValue(n.Address, out int owner) || owner != id,
                        $"{n} is reachable in the model but was freed");
                }

                if (n.IsInstance && !n.BasicWeakrefMayBeCleared)
                {
                    Fail(PyRuntime.WeakrefReferent((PyObject*)n.BasicWeakref) != (PyObject*)n.Address, $"{n} is reachable in the model but its weakref is dead");
                }
            }

            CheckViolations();
        }

        private HashSet<int> Reachable()
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(_roots.Concat(_keepModel));
            while (stack.Count > 0)
            {
                int id = stack.Pop();
                if (seen.Add(id))
                {
                    foreach (int next in _nodes[id].Edges)
                    {
                        stack.Push(next);
                    }
                }
            }

            return seen;
        }

        private string PathTo(int target)
        {
            var parent = new Dictionary<int, int>();
            var queue = new Queue<int>();
            foreach (int r in _roots.Concat(_keepModel))
            {
                if (parent.TryAdd(r, -1))
                {
                    queue.Enqueue(r);
                }
            }

            while (queue.Count > 0)
            {
                int id = queue.Dequeue();
                if (id == target)
                {
                    var path = new List<string>();
                    for (int x = id; x >= 0; x = parent[x])
                    {
                        path.Add(_nodes[x].ToString());
                    }

                    path.Reverse();
                    return string.Join(" -> ", path);
                }

                foreach (int next in _nodes[id].Edges)
                {
                    if (parent.TryAdd(next, id))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return "none";
        }

        private int Pick(HashSet<int> reachable, Func<Node, bool> filter)
        {
            int[] candidates = reachable.Where(id => filter(_nodes[id])).OrderBy(id => id).ToArray();
            return candidates.Length == 0 ? -1 : candidates[_rng.Next(candidates.Length)];
        }

        private void Fail(bool condition, string message)
        {
            if (condition)
            {
                _violations.Add(message);
            }
        }

        private void CheckViolations()
        {
            if (_violations.Count > 0)
            {
                throw new XunitException(
                    $"seed {_seed}, step {_step} ({_operation}): {_violations[0]}" +
                    (_violations.Count > 1 ? $" (and {_violations.Count - 1} more: {string.Join("; ", _violations.Skip(1).Take(5))})" : ""));
            }
        }

        private void Guard(Action check)
        {
            try
            {
                check();
            }
            catch (InvalidOperationException e)
            {
                throw new XunitException($"seed {_seed}, step {_step} ({_operation}): {e.Message}");
            }
        }
    }
}
