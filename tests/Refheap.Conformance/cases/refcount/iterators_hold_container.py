import sys
lst = [1, 2, 3]
base = sys.getrefcount(lst)
it = iter(lst)
print(sys.getrefcount(lst) - base)
list(it)
print(sys.getrefcount(lst) - base)
e = enumerate(lst)
print(sys.getrefcount(lst) - base)
del it, e
print(sys.getrefcount(lst) - base)
