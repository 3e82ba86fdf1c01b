import weakref
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return self.v + other
    def __len__(self):
        return 3
    def __iter__(self):
        return iter([1, 2, 3])
    def __getitem__(self, i):
        return i * 10
    def __call__(self, a):
        return a * 2
    def __bool__(self):
        return False
n = Num(4)
p = weakref.proxy(n)
print(p + 1, len(p), list(p), p[2], p(21), bool(p))
callable_proxy = weakref.proxy(n, None)
print(type(callable_proxy).__name__)
