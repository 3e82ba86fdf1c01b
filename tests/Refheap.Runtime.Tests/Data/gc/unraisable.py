# Errors in weakref callbacks and in __del__ never propagate: they go to
# sys.unraisablehook (err_msg None, i.e. "Exception ignored in"), and the collection goes
# on. The reported object is the callback for a weakref callback, and the __del__ function
# (not the instance) for a finalizer (slot_tp_finalize: PyErr_WriteUnraisable(del)).
# Mirrored by GcFactsTests.Unraisable; recorded by eng/record-gc-facts.
import gc
import sys
import weakref

gc.disable()
gc.collect()

seen = []


def hook(u):
    seen.append((u.err_msg, type(u.exc_value).__name__, str(u.exc_value), u.object))


sys.unraisablehook = hook


class A:
    pass


class D:
    def __del__(self):
        raise ValueError("from __del__ of " + self.name)


def bad(wr):
    raise RuntimeError("from a callback")


def report(label, instance_id=None):
    for err_msg, exc_type, message, obj in seen:
        print(label + ":", err_msg, exc_type, message, "| object is the callback:", obj is bad,
              "is the instance:", id(obj) == instance_id, "is D.__del__:", obj is D.__del__)
    seen.clear()


o = A()
w = weakref.ref(o, bad)
del o
report("weakref callback, refcount path")

o = A()
o.me = o
w = weakref.ref(o, bad)
del o
print("collect:", gc.collect())
report("weakref callback, gc path")
del w

d = D()
d.name = "d"
instance_id = id(d)
del d
report("__del__, refcount path", instance_id)

d = D()
d.name = "e"
d.me = d
instance_id = id(d)
del d
print("collect:", gc.collect())
report("__del__, gc path", instance_id)
