# Automatic collections while building containers with a comprehension: the per-generation
# counts depend on every GC allocation the interpreter makes (free-list reuse not counted,
# the gc.callbacks call itself allocating no argument tuple).
import gc

class Obj:
    def __init__(self, a, b):
        self.a = a
        self.b = b

counts = [0, 0, 0]
def cb(phase, info):
    if phase == "start":
        counts[info["generation"]] += 1

def build(kind, n):
    if kind == "instances":
        return [Obj(i, i) for i in range(n)]
    if kind == "tuples":
        return [(i, i) for i in range(n)]
    if kind == "lists":
        return [[i, i] for i in range(n)]
    return [{'a': i, 'b': i} for i in range(n)]

for kind in ("instances", "tuples", "lists", "dicts"):
    gc.collect()
    counts[:] = [0, 0, 0]
    gc.callbacks.append(cb)
    x = build(kind, 120000)
    gc.callbacks.remove(cb)
    print(kind, counts)
    del x
