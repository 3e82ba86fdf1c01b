import gc
gc.collect()
gc.disable()
before = len(gc.get_objects(0))
keep = [[] for _ in range(7)]
print(len(gc.get_objects(0)) - before)
gc.collect(0)
print(len(gc.get_objects(0)))
