import inspect
def f(a, b=2, *args, c, d=4, **kw): pass
def g(x, /, y, *, z=1): pass
def h(): pass
def ann(a: int, b: str = 'x') -> bool: pass
class C:
    def m(self, q): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    def __init__(self, v, w=3): pass
print(inspect.signature(f), inspect.signature(g), inspect.signature(h), inspect.signature(ann), inspect.signature(C(1).m), inspect.signature(C), inspect.signature(lambda *a, **k: 0))
sig = inspect.signature(f)
print(list(sig.parameters), sig.parameters['b'].default, sig.parameters['a'].default is inspect.Parameter.empty, sig.parameters['c'].kind, str(sig.parameters['args'].kind))
print(repr(sig.parameters['b']), repr(sig))
ba = sig.bind(1, 2, 3, c=5, e=6)
print(ba.arguments, ba.args, ba.kwargs)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.ismethod(C(1).m), inspect.ismethod(C.m), inspect.isclass(C), inspect.isclass(C(1)), inspect.isbuiltin(len), inspect.isroutine(len))
def gen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.isgenerator(gen()), inspect.isgenerator([]))
g2 = gen()
print(inspect.getgeneratorstate(g2)); next(g2); print(inspect.getgeneratorstate(g2)); g2.close(); print(inspect.getgeneratorstate(g2))
print([n for n, _ in inspect.getmembers(C) if not n.startswith('__')], [n for n, v in inspect.getmembers(C, inspect.isfunction)])
print(inspect.ismodule(inspect), inspect.getdoc(C), inspect.iscoroutinefunction(f), inspect.isabstract(C))
print(inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.empty, inspect.Signature.empty)
print(inspect.signature(C.cm), inspect.signature(C.sm), inspect.getfullargspec(f))
def gl():
    yield 1
def outer():
    x = gl()
    return inspect.getgeneratorstate(x)
print(outer())
print(inspect.unwrap(f) is f, inspect.getmodule(f) is not None if hasattr(inspect, 'getmodule') else '')
