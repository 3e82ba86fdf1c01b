# A finalizer that drops its peer during a collection: the peer dies by refcount in the
# middle of finalize_garbage, runs its own __del__ on the refcount path (is_finalized is
# False there) and resurrects itself. It leaves the collection's lists when it is untracked
# (_PyObject_GC_UNTRACK keeps only the FINALIZED flag) and is tracked again in generation 0
# as an ordinary live object (keeping the breaker alive too), collectable later like any
# other.
# Mirrored by GcFactsTests.Resurrected_peer (which also checks the collector's invariants
# after every step); recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()

log = []
keep = []


class Breaker:
    def __del__(self):
        log.append("del breaker")
        self.peer = None


class Phoenix:
    def __del__(self):
        log.append("del phoenix finalized=" + str(gc.is_finalized(self)))
        keep.append(self)


a = Breaker()
b = Phoenix()
a.peer = b
b.peer = a
del a, b
print("collect:", gc.collect(), log)
p = keep[0]
print("resurrected peer: tracked", gc.is_tracked(p), "finalized", gc.is_finalized(p), "in generation 0", any(o is p for o in gc.get_objects(0)))
print("the breaker lives on through it:", type(p.peer).__name__, "finalized", gc.is_finalized(p.peer), "in generation 2", any(o is p.peer for o in gc.get_objects(2)))
log.clear()
p.me = p
keep.clear()
del p
print("collect(0):", gc.collect(0), log)
