import sys
o = object()
b = sys.getrefcount(o)
t = (o, o)
s = {o}
fs = frozenset([o])
print(sys.getrefcount(o) - b)
del t
print(sys.getrefcount(o) - b)
s.discard(o)
del fs
print(sys.getrefcount(o) - b)
