# Automatic collections: the first one at the 701st net allocation, which generation each
# trigger collects, and the 25% rule that holds back automatic full collections.
# Observed through gc.callbacks. CPython builds an info dict for every callback call (a
# counted GC allocation when the dict free list is empty); the C# mirror reproduces that.
# Mirrored by GcFactsTests.Thresholds; recorded by eng/record-gc-facts.
import gc

gc.disable()


class A:
    pass


def count0():
    return gc.get_count()[0]


events = []
cur = 0


def on_gc(phase, info):
    if phase == "start":
        events.append(cur)
        events.append(info["generation"])
        events.append(gc.get_count()[2])


def report(base, grouped):
    # One line per trigger, or per run of triggers with the same generation, interval
    # and count[2] when grouped. The first interval depends on where count[0] started,
    # so it is not printed.
    lines = []
    prev = None
    for k in range(0, len(events), 3):
        at, gen, c2 = events[k], events[k + 1], events[k + 2]
        step = "" if prev is None else "+%d" % (at - prev)
        prev = at
        if grouped and lines and lines[-1][1:] == [gen, step, c2]:
            lines[-1][0].append(base + at + 1)
        else:
            lines.append([[base + at + 1], gen, step, c2])
    for ats, gen, step, c2 in lines:
        where = "at %d" % ats[0] if len(ats) == 1 else "%d times from %d to %d" % (len(ats), ats[0], ats[-1])
        print("  generation %d %s%s, count[2]=%d" % (gen, where, " (" + step + " each)" if len(ats) > 1 else (" (" + step + ")" if step else ""), c2))
    events.clear()


# Each loop runs until the net allocation count (since count[0] was last 0) reaches a
# round number, whatever the interpreter had allocated before it started.

# Part 1: default thresholds. Everything that exists so far is frozen, so that the
# first automatic full collection is not held back by the interpreter's objects.
print("thresholds:", gc.get_threshold())
keep = [None] * 100000
gc.freeze()
gc.collect()
gc.callbacks.append(on_gc)
count0()
count0()
base = count0()
gc.enable()
for i in range(100000 - base):
    cur = i
    keep[i] = A()
gc.disable()
print("part 1: triggers (net allocations since count[0] was 0):")
report(base, True)
gc.callbacks.clear()
for i in range(100000):
    keep[i] = None
gc.unfreeze()

# Part 2: the 25% rule. 4000 long-lived objects in generation 2 after a full
# collection; thresholds (100, 1, 1). Generation 2 is due whenever count[2] > 1, but an
# automatic full collection waits until the objects promoted by generation-1 collections
# since the last full one reach a quarter of generation 2.
long_lived = [None] * 4000
churn = [None] * 3000
gc.freeze()
for i in range(4000):
    long_lived[i] = A()
gc.collect()
print("part 2: generation 2 after the full collection:", len(gc.get_objects(2)))
gc.set_threshold(100, 1, 1)
gc.callbacks.append(on_gc)
count0()
count0()
base = count0()
gc.enable()
for i in range(3000 - base):
    cur = i
    churn[i] = A()
gc.disable()
end = gc.get_count()
print("  triggers:")
report(base, False)
gc.callbacks.clear()
print("  count at the end:", end)
