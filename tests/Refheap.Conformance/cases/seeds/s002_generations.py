# Seed 002: newly made objects start in generation 0 and move up when they survive.
import gc
gc.collect()
gc.disable()
x = ['survivor']
def where(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(g))]
print(where(x))
gc.collect(0)
print(where(x))
gc.collect(1)
print(where(x))
gc.collect(0)
print(where(x))
gc.enable()
