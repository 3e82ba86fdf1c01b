import sys
class C:
    pass
c = C()
print(sys.getrefcount(c))
d = c
print(sys.getrefcount(c))
del d
print(sys.getrefcount(c))
print(sys.getrefcount(C()))
print(sys.getrefcount([]))
