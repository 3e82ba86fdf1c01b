import sys
class K:
    pass
k = K()
v = K()
kb, vb = sys.getrefcount(k), sys.getrefcount(v)
d = {k: v}
print(sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
d['other'] = v
print(sys.getrefcount(v) - vb)
del d[k]
print(sys.getrefcount(k) - kb, sys.getrefcount(v) - vb)
d.clear()
print(sys.getrefcount(v) - vb)
