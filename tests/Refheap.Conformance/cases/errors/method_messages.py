# Messages of small corners: keywords given to positional-only builtin methods (Argument
# Clinic names them TYPE.NAME), the argument-count messages (bare NAME), deleting an unset
# slot, __defaults__/__kwdefaults__ of the wrong type, and a class whose __next__ is None.
def attempt(label, fn):
    try:
        r = fn()
        print(label, 'ok', r)
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__, e)

attempt('list.append kw', lambda: [].append(x=1))
attempt('list.pop kw', lambda: [1].pop(i=0))
attempt('list.pop count', lambda: [1].pop(0, 1))
attempt('list.insert kw', lambda: [].insert(0, x=1))
attempt('list.index kw', lambda: [1].index(1, start=0))
attempt('tuple.index kw', lambda: (1,).index(1, start=0))
attempt('tuple.index count', lambda: (1,).index())
attempt('dict.get kw', lambda: {}.get(1, k=2))
attempt('dict.get count', lambda: {}.get())
attempt('dict.pop kw', lambda: {1: 2}.pop(1, default=2))
attempt('dict.setdefault kw', lambda: {}.setdefault(1, default=2))
attempt('dict.fromkeys kw', lambda: dict.fromkeys([1], value=2))
attempt('dict.fromkeys count', lambda: dict.fromkeys())

class S:
    __slots__ = ('a', 'b')
s = S()
s.b = 1
attempt('del unset slot', lambda: s.__delattr__('a'))
del s.b
try:
    del s.b
except AttributeError as e:
    print('del statement', repr(e), e.args)

def g(x=1, *, y=2):
    return x, y
attempt('defaults list', lambda: setattr(g, '__defaults__', [5]))
attempt('kwdefaults list', lambda: setattr(g, '__kwdefaults__', [5]))
class T(tuple):
    pass
g.__defaults__ = T((7,))
print(type(g.__defaults__).__name__, g())
g.__defaults__ = None
del g.__kwdefaults__
print(g.__defaults__, g.__kwdefaults__)

class NoNext:
    __next__ = None
    def __iter__(self):
        return self
attempt('for with __next__ None', lambda: [x for x in NoNext()])
attempt('next() with __next__ None', lambda: next(NoNext()))
class NoIter:
    __iter__ = None
attempt('iter with __iter__ None', lambda: iter(NoIter()))
