import sys
o = object()
base = sys.getrefcount(o)
class A:
    shared = o
print(sys.getrefcount(o) - base)
class B(A):
    pass
print(sys.getrefcount(o) - base)
A.other = o
print(sys.getrefcount(o) - base)
del A.shared, A.other
print(sys.getrefcount(o) - base)
