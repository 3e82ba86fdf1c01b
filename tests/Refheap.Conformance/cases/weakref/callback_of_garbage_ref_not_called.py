import gc
import weakref
class N:
    pass
gc.collect()
a = N()
a.me = a
a.ref = weakref.ref(a, lambda r: print('never: the ref is garbage too'))
outside = weakref.ref(a, lambda r: print('outside callback called'))
del a
print(gc.collect())
print('end')
