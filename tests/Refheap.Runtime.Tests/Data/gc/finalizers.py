# PEP 442: __del__ (tp_finalize) runs at most once per object, on the refcount path and on
# the GC path, even when the object is resurrected and dies again; gc.is_finalized.
# Mirrored by GcFactsTests.Finalizers; recorded by eng/record-gc-facts.
import gc

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

print("is_finalized of non-GC objects:", gc.is_finalized("s"), gc.is_finalized(None))
