import contextlib, types, abc, sys, io

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

@contextlib.contextmanager
def tag(name):
    print('enter', name)
    try:
        yield name.upper()
    except KeyError as e:
        print('handled', repr(e))
    finally:
        print('exit', name)

with tag('a') as t:
    print('body', t)
with tag('b'):
    raise KeyError('k')
try:
    with tag('c'):
        raise ValueError('v')
except ValueError as e:
    print('propagated', e)
@tag('deco')
def decorated(x):
    print('in decorated', x)
    return x * 2
print(decorated(4), decorated.__name__)
@contextlib.contextmanager
def noyield():
    if False:
        yield
attempt('noyield', lambda: noyield().__enter__())
@contextlib.contextmanager
def twice():
    yield 1
    yield 2
def use_twice():
    with twice():
        pass
attempt('twice', use_twice)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with contextlib.suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print(e)
class Res:
    def __init__(self, n): self.n = n
    def close(self): print('closed', self.n)
    def __enter__(self): print('enter res', self.n); return self
    def __exit__(self, *a): print('exit res', self.n, a[0].__name__ if a[0] else None)
with contextlib.closing(Res(1)) as r:
    print('using', r.n)
with contextlib.nullcontext(5) as v:
    print('null', v)
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.enter_context(Res(i))
    stack.callback(print, 'callback', 'arg', sep='-')
    stack.push(lambda *exc: print('pushed exit', exc[0]))
    print('inside stack')
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res(9))
        stack.push(lambda t, v, tb: True)
        raise RuntimeError('boom')
    print('suppressed by push')
except RuntimeError:
    print('not suppressed')
with contextlib.ExitStack() as outer:
    outer.callback(print, 'outer cb')
    moved = outer.pop_all()
print('after outer')
moved.close()
attempt('notcm', lambda: contextlib.ExitStack().enter_context(5))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))
print(isinstance(Res(0), contextlib.AbstractContextManager), isinstance(5, contextlib.AbstractContextManager))

# types
def f(): pass
print(types.FunctionType is type(f), types.LambdaType is type(f), types.BuiltinFunctionType is type(len), types.ModuleType is type(sys), types.NoneType, types.GenericAlias, types.MappingProxyType)
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[3]), sorted(vars(ns)))
mp = types.MappingProxyType({'k': 1}); print(mp['k'], type(mp).__name__)
attempt('mpset', lambda: mp.__setitem__('k', 2))
print(isinstance((x for x in []), types.GeneratorType), type(f.__code__) is types.CodeType, types.MethodType(f, 1).__self__)
C = types.new_class('C', (object,), exec_body=lambda ns: ns.update(x=1))
print(C.__name__, C.x, types.resolve_bases((int,)))

# abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @abc.abstractmethod
    def stop(self): ...
    def helper(self): return 'helper'
class Partial(Base):
    def run(self): return 'run'
class Full(Partial):
    def stop(self): return 'stop'
attempt('Base', lambda: Base())
attempt('Partial', lambda: Partial())
print(Full().run(), Full().stop(), Full().helper(), sorted(Base.__abstractmethods__), sorted(Partial.__abstractmethods__), Full.__abstractmethods__)
class Meta(metaclass=abc.ABCMeta):
    pass
Meta.register(int)
print(isinstance(3, Meta), issubclass(bool, Meta), issubclass(str, Meta), Meta.register(float) is float, isinstance(2.5, Meta))
attempt('regnonclass', lambda: Meta.register(5))
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hook), isinstance(Duck(), Hook), issubclass(int, Hook))
class WithProp(abc.ABC):
    @property
    @abc.abstractmethod
    def value(self): ...
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
print(sorted(WithProp.__abstractmethods__), type(Base).__name__, abc.get_cache_token() >= 0)
attempt('issub', lambda: issubclass(5, Meta))
class One(abc.ABC):
    @abc.abstractmethod
    def only(self): ...
attempt('One', lambda: One())
