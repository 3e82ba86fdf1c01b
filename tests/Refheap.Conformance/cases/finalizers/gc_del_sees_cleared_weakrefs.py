import gc
import weakref
class Other:
    pass
class N:
    def __del__(self):
        print('other ref alive in __del__:', self.oref() is not None)
gc.collect()
n = N()
o = Other()
n.oref = weakref.ref(o)
o.n = n
n.o = o
del n, o
print(gc.collect())
