# A Python function called from Python code: the new frame takes over the caller's stack
# references to the function and its arguments (3.11's CALL), so inside the call
# sys.getrefcount sees one reference from the frame and none from the caller's stack, on every
# call shape; a function whose only reference was the caller's stack dies when its frame is
# cleared, before its result reaches the caller.
import sys


def plain():
    return sys.getrefcount(plain)


def with_default(a, b=None):
    return sys.getrefcount(with_default)


def with_kwonly(a, *, b=2):
    return sys.getrefcount(with_kwonly)


def with_varargs(*args):
    return sys.getrefcount(with_varargs), sys.getrefcount(args)


def gen():
    yield sys.getrefcount(gen)


class C:
    def method(self, x):
        return sys.getrefcount(C.__dict__["method"]), sys.getrefcount(self), sys.getrefcount(x)


def outer():
    n = 1

    def closure(a):
        return sys.getrefcount(closure_ref[0]) - 1, n + a

    closure_ref = [closure]
    return closure(1)


print("plain", plain())
print("default", with_default(1))
print("keyword", with_default(1, b=2))
print("kwonly", with_kwonly(1))
print("varargs", with_varargs(1, 2))
print("generator", next(gen()))
c = C()
print("method", c.method(object()))
print("closure", outer())


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make(name):
    def inner(a, d=Noisy(name)):
        print("in", name)
        return a

    return inner


def make_kw(name):
    def inner(a, *, d=Noisy(name)):
        print("in", name)
        return a

    return inner


print("result", make("positional")(1))
print("result", make_kw("keyword")(2))
print("result", make("method-like").__get__(3)())


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


sys.setrecursionlimit(150)
print("depth", depth(0) > 100)
sys.setrecursionlimit(1000)


def fails(n):
    if n == 0:
        raise ValueError("bottom")
    return fails(n - 1)


try:
    fails(3)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback", names, sys.getrefcount(fails))
    del tb, e
print("after", sys.getrefcount(fails))
