import sys
class Holder:
    pass
class Slotted:
    __slots__ = ('x',)
obj = object()
base = sys.getrefcount(obj)
h = Holder()
h.a = obj
h.b = obj
print(sys.getrefcount(obj) - base)
s = Slotted()
s.x = obj
print(sys.getrefcount(obj) - base)
del h.a, s.x
print(sys.getrefcount(obj) - base)
h = None
print(sys.getrefcount(obj) - base)
