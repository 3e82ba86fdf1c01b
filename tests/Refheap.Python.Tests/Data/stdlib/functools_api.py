import functools
from functools import *

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

def f(a, b=1, *rest, **kw):
    return (a, b, rest, kw)

p = partial(f, 1, b=2)
print(p(), p(b=3), p(b=4, c=5), p.func is f, p.args, p.keywords)
print(repr(p).replace(hex(id(f)), 'ADDR'))
p2 = partial(partial(f, 1), 9, x=1)
print(p2.func is f, p2.args, p2.keywords, p2())
p.attr = 1
p3 = partial(p, 0)
print(p3.func is p, p.attr)
class MyPartial(partial):
    pass
mp = MyPartial(max, 1)
print(repr(mp).startswith('MyPartial(<built-in function max>, 1'), mp(5), repr(partial(max)), repr(partial(max, 1, key=None)))
attempt('notcallable', lambda: partial(1))
attempt('noargs', lambda: partial())
attempt('readonly', lambda: setattr(partial(max), 'func', min))
rp = partial(max); rp2 = partial(rp)
print(rp2.func is max)
class Cls:
    m = partial(f, 'x')
print(Cls().m(), Cls.m())

# reduce
import operator
print(reduce(operator.add, [1, 2, 3]), reduce(operator.add, [], 7), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(operator.add, ['x']))
attempt('empty', lambda: reduce(operator.add, []))
attempt('notiter', lambda: reduce(operator.add, 1))
attempt('args', lambda: reduce(operator.add))

# wraps / update_wrapper
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x: int) -> int:
    """Doc here."""
    return x
documented.extra = 1
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__annotations__, documented.__wrapped__.__name__, documented(3), documented.__module__)
def w(): pass
def target(): 'doc'
target.custom = {'k': 1}
update_wrapper(w, target, assigned=('__doc__',), updated=('__dict__',))
print(w.__name__, w.__doc__, w.custom, w.__wrapped__ is target)
update_wrapper(w, partial(max))
print(w.__name__, w.__doc__ is not None)

# total_ordering
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(3), sorted(k for k in ['__gt__', '__le__', '__ge__'] if k in V.__dict__), V.__gt__.__name__)
attempt('cmpnone', lambda: V(1) >= 5)
for root in ['__le__', '__gt__', '__ge__']:
    ns = {'__init__': lambda self, v: setattr(self, 'v', v), '__eq__': lambda s, o: s.v == o.v}
    ns[root] = (lambda op: lambda s, o: op(s.v, o.v))({'__le__': operator.le, '__gt__': operator.gt, '__ge__': operator.ge}[root])
    K = total_ordering(type('K', (), ns))
    a, b = K(1), K(2)
    print(root, a < b, a > b, a <= b, a >= b, b < a, a <= a, a >= a)
attempt('noorder', lambda: total_ordering(type('N', (), {})))

# cmp_to_key
def cmp(a, b): return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
k = cmp_to_key(cmp)
print(k(1) < k(2), k(1) == k(1), k(2) >= k(1), k(2) <= k(1), k(1) != k(2))
print(min([5, 3, 9], key=cmp_to_key(cmp)))

# lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print(sq(2), sq(3), sq(2), sq(4), sq(3), sq(2))
print(calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
print(sq.__name__, sq.__wrapped__.__name__, type(sq).__name__)
@lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
@lru_cache(maxsize=None)
def ident(x, y=0): return (x, y)
print(ident(1), ident(1), ident(1, y=0), ident(x=1), ident(1.0), ident.cache_info())
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@cache
def c(x): return [x]
print(c(1) is c(1), c.cache_info(), c.cache_info().hits, c.cache_info()._fields, type(c.cache_info()).__name__)
@lru_cache(maxsize=0)
def z(x): return x
print(z(1), z(1), z.cache_info())
print(lru_cache(maxsize=-5)(z).cache_info())
attempt('badmax', lambda: lru_cache('x'))
attempt('unhashable', lambda: ident([1]))
class Meth:
    @lru_cache(maxsize=None)
    def m(self, x): return x * 2
mo = Meth()
print(mo.m(3), mo.m(3), Meth.m.cache_info())
@lru_cache(maxsize=3)
def err(x):
    raise ValueError(x)
attempt('err', lambda: err(1))
print(err.cache_info())

# cached_property
class CP:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        """the val"""
        self.n += 1
        return self.n * 10
cp = CP()
print(cp.val, cp.val, cp.n, CP.val.__doc__, CP.val.attrname, 'val' in cp.__dict__)
del cp.val
print(cp.val)
class Slots:
    __slots__ = ('a',)
    @cached_property
    def p(self): return 1
attempt('slots', lambda: Slots().p)
def two():
    cpx = cached_property(lambda s: 1)
    class T:
        a = cpx
        b = cpx
attempt('two', two)

# singledispatch
@singledispatch
def show(x):
    return 'object'
@show.register
def _(x: int):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
show.register(float, lambda x: 'float')
print(show(1), show(True), show('s'), show([1]), show(1.5), show(None))
print(show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), '__name__') else '', sorted(k.__name__ for k in show.registry))
import collections.abc as cabc
@show.register(cabc.Mapping)
def _(x): return 'mapping'
print(show({}), show(collections := __import__('collections').OrderedDict()))
attempt('noargs', lambda: show())
attempt('badreg', lambda: show.register(1, lambda x: x))

class SM:
    @singledispatchmethod
    def go(self, x): return 'base'
    @go.register
    def _(self, x: int): return 'int'
print(SM().go(1), SM().go('a'))

# partialmethod
class PM:
    def set(self, k, v): return (k, v)
    set_a = partialmethod(set, 'a')
print(PM().set_a(1))
