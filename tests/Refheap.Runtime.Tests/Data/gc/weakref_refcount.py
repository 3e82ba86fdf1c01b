# Weak references on death by refcount (PyObject_ClearWeakRefs), sharing of the basic
# ref, and what cannot be weakly referenced.
# Mirrored by GcFactsTests.Weakref_refcount; recorded by eng/record-gc-facts.
import gc
import sys
import weakref

gc.disable()
gc.collect()


def hook(u):
    print("unraisable:", u.err_msg, type(u.exc_value).__name__, str(u.exc_value))


sys.unraisablehook = hook


class A:
    pass


class S:
    __slots__ = ("x",)


order = []


def cb1(wr):
    order.append("r1 is=" + str(wr is r1) + " dead=" + str(wr() is None))


def cb2(wr):
    order.append("r2 is=" + str(wr is r2) + " dead=" + str(wr() is None))


def cb3(wr):
    order.append("r3 is=" + str(wr is r3) + " dead=" + str(wr() is None))


def bad(wr):
    order.append("bad")
    raise ValueError("boom")


o = A()
basic = weakref.ref(o)
r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, cb2)
r3 = weakref.ref(o, cb3)
print("weakref count:", weakref.getweakrefcount(o))
del o
print("callback order:", order)
print("basic dead:", basic() is None)
order.clear()

o = A()
r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, bad)
r3 = weakref.ref(o, cb3)
del o
print("a raising callback does not stop the others:", order)
order.clear()

o = A()
only = weakref.ref(o, cb1)
r1 = only
del o
print("single callback:", order)
order.clear()

o = A()
print("ref(o) is ref(o):", weakref.ref(o) is weakref.ref(o))
keep = weakref.ref(o)
print("ref(o, None) is ref(o):", weakref.ref(o, None) is keep)
print("ref(o, cb) is ref(o, cb):", weakref.ref(o, cb1) is weakref.ref(o, cb1))
print("ref(o, cb) is ref(o):", weakref.ref(o, cb1) is keep)
r1 = weakref.ref(o, cb1)
print("weakref count:", weakref.getweakrefcount(o))
print("live referent:", keep() is o)
del r1, keep, o
print("no callbacks for dead weakrefs:", order)

# A weakref that dies before its referent never calls back.
o = A()
r = weakref.ref(o, cb1)
del r
del o
print("weakref died first:", order)

for value in ([], ("s",), (), "s", None, S()):
    try:
        weakref.ref(value)
        print("weakref to", type(value).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)
