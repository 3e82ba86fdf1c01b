# PEP 678 notes: add_note, __notes__, type checks, and notes kept apart on split parts.
e = ValueError('base')
print(hasattr(e, '__notes__'))
e.add_note('first')
e.add_note('second')
print(e.__notes__, e.__dict__)
for bad in (1, None, b'x'):
    try:
        e.add_note(bad)
    except TypeError as t:
        print('TypeError', t)
try:
    e.add_note()
except TypeError as t:
    print('TypeError', t)
e.__notes__ = ('a', 'tuple')
try:
    e.add_note('x')
except TypeError as t:
    print('TypeError', t)
del e.__notes__
e.add_note('fresh')
print(e.__notes__)


class S(str):
    pass


e.add_note(S('subclass note'))
print(e.__notes__, type(e.__notes__[-1]).__name__)
eg = ExceptionGroup('g', [ValueError(1), TypeError(2)])
eg.add_note('group note')
a, b = eg.split(ValueError)
a.add_note('only on a')
print(eg.__notes__, a.__notes__, b.__notes__)
eg.__notes__ = 'not a sequence'
c, d = eg.split(ValueError)
print(hasattr(c, '__notes__'), hasattr(d, '__notes__'))
try:
    raise KeyError('k')
except KeyError as k:
    k.add_note('added while handling')
    print(k.__notes__)
