import gc
class A:
    def __del__(self):
        print('A.__del__', type(self.partner).__name__)
class B:
    def __del__(self):
        print('B.__del__', type(self.partner).__name__)
gc.collect()
a, b = A(), B()
a.partner, b.partner = b, a
del a, b
print(gc.collect())
print(len(gc.garbage))
