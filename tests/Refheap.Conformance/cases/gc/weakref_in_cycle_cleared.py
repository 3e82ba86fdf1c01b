import gc
import weakref
class N:
    pass
gc.collect()
a = N(); a.me = a
r = weakref.ref(a)
del a
print(r() is not None)
print(gc.collect())
print(r())
