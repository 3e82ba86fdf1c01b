import gc
gc.disable()
gc.collect()
base = gc.get_count()[0]
objs = [[] for _ in range(20)]
mid = gc.get_count()[0]
objs.clear()
end = gc.get_count()[0]
print(mid - base, end - base)
