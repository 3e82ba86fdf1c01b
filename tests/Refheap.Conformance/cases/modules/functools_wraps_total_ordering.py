import functools
def logged(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@logged
def documented(x):
    "The doc."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(1))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
