# Collections per generation while building N containers with a comprehension, counted
# through gc.callbacks. Usage: python3 build_collection_counts.py KIND N  (and the same under
# `refheap --profile cpython311 run`); KIND is instances, tuples, lists or dicts.
import gc, sys
class Obj:
    def __init__(self, a, b):
        self.a = a; self.b = b
kind = sys.argv[1]; n = int(sys.argv[2])
counts = [0, 0, 0]
def cb(phase, info):
    if phase == "start": counts[info["generation"]] += 1
gc.collect()
gc.callbacks.append(cb)
if kind == "instances": x = [Obj(i, i) for i in range(n)]
elif kind == "tuples": x = [(i, i) for i in range(n)]
elif kind == "lists": x = [[i, i] for i in range(n)]
else: x = [{'a': i, 'b': i} for i in range(n)]
gc.callbacks.remove(cb)
print(kind, counts)
