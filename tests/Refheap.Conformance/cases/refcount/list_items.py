import sys
class C:
    pass
c = C()
base = sys.getrefcount(c)
lst = [c, c, c]
print(sys.getrefcount(c) - base)
lst.append(c)
print(sys.getrefcount(c) - base)
lst.pop()
lst.remove(c)
print(sys.getrefcount(c) - base)
lst[0] = None
print(sys.getrefcount(c) - base)
del lst
print(sys.getrefcount(c) - base)
