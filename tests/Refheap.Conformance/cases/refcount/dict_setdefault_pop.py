import sys
o = object()
b = sys.getrefcount(o)
d = {}
d.setdefault('a', o)
d.setdefault('a', o)
print(sys.getrefcount(o) - b)
p = d.pop('a')
print(sys.getrefcount(o) - b)
del p
print(sys.getrefcount(o) - b)
d.update(x=o, y=o)
print(sys.getrefcount(o) - b)
d.popitem()
print(sys.getrefcount(o) - b)
