import gc
class N:
    pass
gc.collect()
a = N(); a.me = a
gc.freeze()
del a
print(gc.collect())
gc.unfreeze()
print(gc.collect())
