import gc
class C:
    pass
class S:
    __slots__ = ('a',)
def f():
    pass
samples = [
    ('int', 1), ('big int', 2**100), ('float', 1.0), ('str', 'abc'), ('bytes', b'x'),
    ('None', None), ('list', []), ('tuple empty', ()), ('set', set()), ('frozenset', frozenset()),
    ('bytearray', bytearray()), ('instance', C()), ('slots instance', S()), ('function', f),
    ('class', C), ('lambda', lambda: 0), ('range', range(3)), ('slice', slice(1)),
    ('complex', 1j), ('bool', True), ('type int', int), ('module gc', gc),
]
for name, obj in samples:
    print(name, gc.is_tracked(obj))
