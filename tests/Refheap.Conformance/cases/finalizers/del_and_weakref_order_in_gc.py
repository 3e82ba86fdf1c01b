import gc
import weakref
class N:
    def __del__(self):
        print('__del__', self.name)
gc.collect()
a, b = N(), N()
a.name, b.name = 'a', 'b'
a.o, b.o = b, a
ra = weakref.ref(a, lambda r: print('callback a'))
rb = weakref.ref(b, lambda r: print('callback b'))
del a, b
print(gc.collect())
