import sys
o = object()
base = sys.getrefcount(o)
def f(x=o, *, y=o):
    return x
print(sys.getrefcount(o) - base)
f()
print(sys.getrefcount(o) - base)
del f
print(sys.getrefcount(o) - base)
