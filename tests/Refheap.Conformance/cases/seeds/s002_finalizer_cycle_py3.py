# Seed 002 said a cycle with __del__ is never freed (Python 2); since 3.4 it is (PEP 442).
import gc
class Finalized:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
gc.collect()
a = Finalized('a')
b = Finalized('b')
a.b, b.a = b, a
del a, b
print('collected', gc.collect())
print('garbage', gc.garbage)
