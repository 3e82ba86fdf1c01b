# Order inside one collection: weakrefs to the garbage are cleared and the callbacks of
# surviving weakrefs run before any __del__; weakrefs that are garbage get no callback.
# Mirrored by GcFactsTests.Gc_order; recorded by eng/record-gc-facts.
import gc
import weakref

gc.disable()
gc.collect()

events = []


class D:
    def __del__(self):
        events.append("del " + self.name + " peer alive=" + str(self.peer() is not None))


class P:
    pass


def cb1(wr):
    events.append("cb1 dead=" + str(wr() is None))


def cb2(wr):
    events.append("cb2 dead=" + str(wr() is None))


def cb3(wr):
    events.append("cb3 dead=" + str(wr() is None))


# A two-member cycle with __del__; each holds a weakref to the other. Two outside
# weakrefs with callbacks to a, one to b.
a = D()
a.name = "a"
b = D()
b.name = "b"
a.other = b
b.other = a
a.peer = weakref.ref(b)
b.peer = weakref.ref(a)
w1 = weakref.ref(a, cb1)
w2 = weakref.ref(a, cb2)
w3 = weakref.ref(b, cb3)
del a, b
print("collect:", gc.collect())
for e in events:
    print(" ", e)
events.clear()
del w1, w2, w3

# The weakrefs with callbacks are themselves part of the garbage: no callback runs.
a = P()
b = P()
a.other = b
b.other = a
a.to_b = weakref.ref(b, cb1)
a.to_self = weakref.ref(a, cb2)
del a, b
print("garbage weakrefs:", gc.collect(), "callbacks:", len(events))

# A weakref in the garbage whose referent lives on: cleared with the garbage, so its
# callback does not run, not even when the referent dies later (bpo-38006).
survivor = P()
a = P()
a.me = a
a.to_survivor = weakref.ref(survivor, cb3)
del a
print("garbage weakref to a live object:", gc.collect(), "callbacks:", len(events))
del survivor
print("  after the referent died:", len(events))

# A finalizer that makes a new outside weakref with a callback to a peer in the garbage:
# it was not there when the weakrefs were handled, so it is called back by the peer's
# dealloc (PyObject_ClearWeakRefs), after every finalizer of the batch.
class M:
    def __del__(self):
        if self.name == "a":
            late.append(weakref.ref(self.other, cb3))
        events.append("del " + self.name)


late = []
a = M()
a.name = "a"
b = M()
b.name = "b"
a.other = b
b.other = a
del a, b
print("weakref made in __del__:", gc.collect())
for e in events:
    print(" ", e)
print("late weakref dead:", late[0]() is None)
