import sys
obj = object()
base = sys.getrefcount(obj)
def one(x):
    return sys.getrefcount(x) - base
def two(x, y):
    return sys.getrefcount(x) - base
def star(*args):
    return sys.getrefcount(args[0]) - base
def kw(**kwargs):
    return sys.getrefcount(kwargs['a']) - base
print(one(obj), two(obj, obj), star(obj), kw(a=obj))
print(sys.getrefcount(obj) - base)
