# What a call releases when it returns, and in which order (3.11's CALL: the callable, then
# the arguments first to last, self first for a method; a Python function's frame releases its
# locals in order, the function last).
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Callable:
    def __init__(self, name):
        self.name = name

    def __call__(self, *args):
        return len(args)

    def __del__(self):
        print("del callable", self.name)


class C:
    def method(self, a, b):
        return 0

    def __del__(self):
        print("del self")


print(getattr(D(1), "n", D(2)))
print(isinstance(D(3), D), D(4) is D(5))
d = {}
print(d.get(D(6), D(7)) is not None)
print(Callable("c")(D(8), D(9)))
print(C().method(D(10), D(11)))
print([].__class__(iter([D(12)])).__len__(), len([D(13), D(14)]))


def f(a, b, c=None):
    return 0


print(f(D(15), D(16), c=D(17)))
print(f(D(18), D(19)))


def g(*args, **kwargs):
    return len(args) + len(kwargs)


print(g(D(20), D(21), k=D(22)))
print(max(D(23).n, D(24).n), sorted([D(25).n, D(26).n]))
lam = (lambda a, b: a.n)
print(lam(D(27), D(28)))
