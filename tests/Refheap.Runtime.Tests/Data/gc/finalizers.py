# PEP 442: __del__ (tp_finalize) runs at most once per object, on the refcount path and on
# the GC path, even when the object is resurrected and dies again; gc.is_finalized.
# Mirrored by GcFactsTests.Finalizers; recorded by eng/record-gc-facts.
import gc
import weakref

gc.disable()
gc.collect()

log = []
keep = []


class R:
    def __del__(self):
        log.append("del " + self.name + " finalized=" + str(gc.is_finalized(self)))
        keep.append(self)


class N:
    pass


x = R()
x.name = "x"
print("fresh instance finalized:", gc.is_finalized(x))
del x
print("refcount death:", log, "resurrected:", len(keep))
print("resurrected finalized:", gc.is_finalized(keep[0]))
keep.clear()
print("second death:", log, "kept:", len(keep))
log.clear()

y = R()
y.name = "y"
y.me = y
del y
print("gc death:", gc.collect(), log, "resurrected:", len(keep))
keep.clear()
print("collect again:", gc.collect(), log)
log.clear()

z = R()
z.name = "z"
z.me = z
del z
print("gc death:", gc.collect(), log)
keep[0].me = None
keep.clear()
print("then refcount death:", log)
log.clear()

# Weak references and __del__: on the refcount path the object's weakrefs are cleared
# only after __del__ (and not at all if it resurrects); on the GC path they are cleared
# before any __del__ runs.
class W:
    def __del__(self):
        log.append("own weakref alive in __del__=" + str(self.wr() is self))
        if self.name == "late":
            self.late = weakref.ref(self, late_callback)
        else:
            keep.append(self)


def late_callback(wr):
    log.append("callback of a weakref made in __del__")


v = W()
v.name = "v"
v.wr = weakref.ref(v)
wr_v = v.wr
del v
print("refcount path:", log, "weakref after resurrection alive:", wr_v() is keep[0])
log.clear()
keep.clear()
print("second death: weakref dead:", wr_v() is None, log)
del wr_v

v = W()
v.name = "late"
v.wr = weakref.ref(v)
del v
print("weakref made in __del__ on the refcount path:", log)
log.clear()

v = W()
v.name = "v"
v.me = v
v.wr = weakref.ref(v)
wr_v = v.wr
del v
print("gc path:", gc.collect(), log, "weakref after resurrection dead:", wr_v() is None)
log.clear()
keep[0].me = None
keep.clear()
del wr_v


# A finalizer that breaks the cycle: its peer dies by refcount during the collection
# (finalized there, on the refcount path) and nothing is left for tp_clear.
class B:
    def __del__(self):
        log.append("del " + self.name + " finalized=" + str(gc.is_finalized(self)))
        self.other = None


a = B()
a.name = "a"
b = B()
b.name = "b"
a.other = b
b.other = a
del a, b
print("cycle broken by __del__:", gc.collect(), log)
log.clear()


class C:
    def __del__(self):
        log.append("gc.collect() inside __del__: " + str(gc.collect()))


c = C()
c.me = c
del c
print("collection running:", gc.collect(), log)
log.clear()

print("is_finalized of non-GC objects:", gc.is_finalized("s"), gc.is_finalized(None))
