import sys
def f():
    return sys.getsizeof(sys._getframe())
def g(a, b, c, d):
    e = f = 1
    return sys.getsizeof(sys._getframe())
print(f())
print(g(1, 2, 3, 4))
