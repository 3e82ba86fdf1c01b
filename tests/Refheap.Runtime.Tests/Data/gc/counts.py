# How gc.get_count() moves: generation 0 counts GC allocations minus GC deallocations,
# floored at 0; free-list traffic is not counted; a collection of generation g zeroes
# counts 0..g and bumps count g+1. Printed as deltas, since the interpreter's own
# allocations set the starting point.
# Mirrored by GcFactsTests.Counts; recorded by eng/record-gc-facts.
import gc

gc.disable()


class A:
    pass


def count0():
    return gc.get_count()[0]


def delta(label, before):
    out.append(label + ": " + "%+d" % (count0() - before))


out = []
keep = [None] * 200
spare = [None] * 200
gc.collect()
count0()
count0()

n = count0()
for i in range(100):
    keep[i] = A()
delta("allocate 100 instances", n)

n = count0()
for i in range(100):
    keep[i] = None
delta("free 100 instances", n)

n = count0()
for i in range(101):
    keep[i] = []
delta("allocate 101 lists (free list empty)", n)

n = count0()
for i in range(101):
    keep[i] = None
delta("free 101 lists (80 go to the free list)", n)

n = count0()
for i in range(100):
    keep[i] = []
delta("allocate 100 lists (80 from the free list)", n)

n = count0()
for i in range(100):
    keep[i] = None
delta("free 100 lists", n)

s = "s"
n = count0()
for i in range(100):
    keep[i] = (s, s)
delta("allocate 100 pairs", n)

n = count0()
for i in range(100):
    keep[i] = None
delta("free 100 pairs (to the tuple free list)", n)

n = count0()
for i in range(100):
    keep[i] = (s, s)
delta("allocate 100 pairs (from the free list)", n)

for i in range(100):
    keep[i] = None
for i in range(50):
    spare[i] = A()
gc.collect()
n = count0()
for i in range(50):
    spare[i] = None
out.append("free 50 instances right after a collection: " + str(n) + " -> " + str(count0()))

made = [None] * 3


class F:
    def __del__(self):
        for i in range(3):
            made[i] = A()


# Objects made by a finalizer during a collection are counted after the counts were
# reset; the finalized object itself is then freed. A full collection also empties the
# free lists with PyObject_GC_Del, which lowers count[0] again (floored at 0).
for i in range(10):
    keep[i] = (s, s, s, s, s, s, s, s, s, s, s, s)
for i in range(10):
    keep[i] = None
f = F()
f.me = f
del f
gc.collect(0)
out.append("after collect(0) whose __del__ made 3 instances: " + str(count0()))
for i in range(3):
    made[i] = None
f = F()
f.me = f
del f
gc.collect()
out.append("the same in a full collection: " + str(count0()))

for line in out:
    print(line)

gc.collect()
print("after collect(2):", gc.get_count())
gc.collect(1)
print("after collect(1):", gc.get_count())
for i in range(12):
    gc.collect(0)
print("after 12 x collect(0):", gc.get_count())
gc.collect(1)
print("after collect(1):", gc.get_count())
gc.collect(2)
print("after collect(2):", gc.get_count())
