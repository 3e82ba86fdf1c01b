# A __slots__ member (and a getset) descriptor applies only to instances of its class: TypeError otherwise, for get, set and delete; __get__/__set__/__delete__ as methods.
class A:
    __slots__ = ('x', 'y')
class B:
    x = A.__dict__['x']
a = A(); a.x = 1
print(A.x, type(A.__dict__['x']).__name__)
for op in ("get", "set", "del"):
    try:
        if op == "get": B().x
        elif op == "set": B().x = 5
        else: del B().x
    except TypeError as e:
        print(op, e)
print(A.x.__get__(a, A), A.__dict__['x'].__get__(a))
A.y.__set__(a, 7); print(a.y)
A.y.__delete__(a)
try:
    a.y
except AttributeError as e:
    print(e)
try:
    A.x.__get__(B())
except TypeError as e:
    print(e)
class E(Exception): pass
try:
    BaseException.__dict__['args'].__get__(5)
except TypeError as e:
    print(e)
print(type(A.__dict__['__slots__']))
