import gc
gc.collect()
print(gc.collect())
keep = []
keep.append(keep)
print(gc.collect())
del keep
print(gc.collect())
