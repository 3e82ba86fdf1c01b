import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b):
    "adds"
    return a + b
@repeat(3)
def hello(name):
    return 'hi ' + name
print(add(1, b=2), add.__name__, add.__doc__)
print(hello('x'))
print((lambda *a, **k: (a, k))(1, x=2))
print(sorted(['b', 'A', 'c'], key=lambda s: s.lower()))
