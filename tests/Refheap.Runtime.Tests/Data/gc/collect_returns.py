# gc.collect() return values (collected + uncollectable) for small graphs.
# Mirrored by GcFactsTests.Collect_returns; recorded by eng/record-gc-facts.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    pass


class D:
    def __del__(self):
        log.append("del " + self.name)


class R:
    def __del__(self):
        log.append("del " + self.name)
        if self.name == "a":
            keep.append(self)


log = []
keep = []
calls = []
holder = []


def cb(wr):
    calls.append("cb dead=" + str(wr() is None))


def cb_drop(wr):
    calls.append("cb_drop")
    holder.clear()


a = A()
b = A()
a.other = b
b.other = a
del a, b
print("two-instance cycle:", gc.collect())

a = A()
a.me = a
del a
print("self cycle:", gc.collect())

l = []
l.append(l)
del l
print("list containing itself:", gc.collect())

l1 = []
l2 = [l1]
l1.append(l2)
del l1, l2
print("two-list cycle:", gc.collect())

a = A()
a.items = [a]
del a
print("instance-list cycle:", gc.collect())

t = A()
t.pair = (t, None)
del t
print("instance-tuple cycle:", gc.collect())

a = A()
b = A()
a.other = b
b.other = a
wr = weakref.ref(a, cb)
del a, b
print("cycle, outside weakref with callback:", gc.collect(), calls)
print("outside weakref dead:", wr() is None)
del wr
calls.clear()

a = A()
b = A()
a.other = b
b.other = a
holder.append(weakref.ref(b, cb_drop))
del a, b
print("cycle, weakref freed by its own callback:", gc.collect(), calls)
calls.clear()

a = D()
a.name = "a"
b = D()
b.name = "b"
a.other = b
b.other = a
del a, b
print("cycle with __del__:", gc.collect(), log)
log.clear()

a = R()
a.name = "a"
b = R()
b.name = "b"
a.other = b
b.other = a
c = A()
d = A()
c.other = d
d.other = c
del a, b, c, d
print("two cycles, one resurrects:", gc.collect(), log)
print("resurrected finalized:", gc.is_finalized(keep[0]), gc.is_finalized(keep[0].other))
keep.clear()
print("next collect:", gc.collect(), log)
print("then:", gc.collect())
