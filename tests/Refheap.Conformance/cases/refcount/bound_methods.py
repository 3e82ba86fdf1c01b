import sys
class C:
    def m(self):
        pass
c = C()
base = sys.getrefcount(c)
m = c.m
print(sys.getrefcount(c) - base)
ms = [c.m for _ in range(3)]
print(sys.getrefcount(c) - base)
del m, ms
print(sys.getrefcount(c) - base)
print(m is None if False else 'done')
