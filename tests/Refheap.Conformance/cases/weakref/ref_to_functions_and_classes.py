import weakref
def f():
    return 'f'
class K:
    pass
rf = weakref.ref(f)
rk = weakref.ref(K)
print(rf()(), rk().__name__)
del f
print(rf())
del K
import gc
gc.collect()
print(rk())
