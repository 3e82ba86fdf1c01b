# Refcounts seen inside __new__ and __init__ while a class call runs: type_call's argument
# tuple (and keyword dict) hold references, and a Python __init__/__new__ reached with
# keywords gets an unpacked argument array holding one more (_PyStack_UnpackDict).
import sys

def rc(o):
    return sys.getrefcount(o)

class Plain:
    def __init__(self, a, b=None):
        print('Plain.__init__', rc(a), rc(b) if b is not None else '-')

class Star:
    def __init__(self, *args, **kwargs):
        print('Star.__init__', [rc(x) for x in args], sorted((k, rc(v)) for k, v in kwargs.items()))

class WithNew:
    def __new__(cls, a, b=None):
        print('WithNew.__new__', rc(a))
        return super().__new__(cls)
    def __init__(self, a, b=None):
        print('WithNew.__init__', rc(a))

class OnlyNew:
    def __new__(cls, a, **kw):
        print('OnlyNew.__new__', rc(a), sorted((k, rc(v)) for k, v in kw.items()))
        return object.__new__(cls)

class ListKid(list):
    def __init__(self, a, b=None):
        print('ListKid.__init__', rc(a))
        super().__init__()

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', rc(ns), sorted((k, rc(v)) for k, v in kw.items()))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', rc(ns))
        super().__init__(name, bases, ns)

def f(a, b=None):
    print('f', rc(a))

x = object()
y = object()
print('before', rc(x), rc(y))
Plain(x)
Plain(x, y)
Plain(x, b=y)
Plain(a=x, b=y)
Star(x, y)
Star(x, k=y)
WithNew(x)
WithNew(x, b=y)
OnlyNew(x)
OnlyNew(x, k=y)
ListKid(x)
ListKid(x, b=y)
ns = {}
M = Meta('M', (), ns)
M2 = Meta('M2', (), ns, flag=y)
f(x)
f(x, b=y)
print('after', rc(x), rc(y))
# range truth does not need len(): lengths past 2**63 too
print(bool(range(2**64)), bool(range(2**64, 2**64)), bool(range(0, -2**70, -3)))
