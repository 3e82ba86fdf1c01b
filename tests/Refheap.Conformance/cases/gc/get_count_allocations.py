import gc
gc.disable()
gc.collect()
before = gc.get_count()[0]
keep = [[] for _ in range(50)]
after = gc.get_count()[0]
print(after - before)
del keep
print(gc.get_count()[0] - before)
