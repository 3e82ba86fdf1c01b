# gc.get_stats() after a few collections (as differences from the start, since the
# interpreter collects while it starts up) and the (phase, info) pairs gc.callbacks get.
# Mirrored by GcFactsTests.Stats_and_callbacks; recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()


class A:
    pass


def diff(before, after):
    rows = []
    for b, a in zip(before, after):
        rows.append({k: a[k] - b[k] for k in ("collections", "collected", "uncollectable")})
    return rows


seen = []


def on_gc(phase, info):
    seen.append((phase, info))


before = gc.get_stats()
print("keys:", [sorted(d) for d in before])
gc.callbacks.append(on_gc)
l = []
l.append(l)
del l
gc.collect(1)
print(seen)
seen.clear()
gc.collect(0)
gc.collect(0)
a = A()
a.me = a
b = A()
b.me = b
del a, b
gc.collect(0)
x = A()
y = A()
x.other = y
y.other = x
del x, y
gc.collect(1)
gc.collect()
for phase, info in seen:
    print(phase, info)
gc.callbacks.clear()
print("stats:", diff(before, gc.get_stats()))
