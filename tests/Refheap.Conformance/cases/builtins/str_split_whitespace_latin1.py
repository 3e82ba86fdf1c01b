# str.split() on whitespace of latin-1 strs (ASCII and not), with maxsplit, the sharing of
# one-char pieces, self as the only piece, the list's preallocated size, subclasses; and
# builtin method calls through LOAD_METHOD on exact and subclassed str/dict/list.
import sys

cases = [
    '', ' ', '   \t\n', 'abc', ' abc ', 'a b c', '  lead and trail  ',
    'tab\tnl\nvt\x0bff\x0ccr\rfs\x1cgs\x1drs\x1eus\x1fend',
    'nel\x85nbsp\xa0caf\xe9 \xe9t\xe9', '\xa0\x85', 'x\x84y\x86z', 'no\x7fsplit\x80here',
    ' '.join('w%d' % i for i in range(30)),
]
for s in cases:
    print(repr(s), s.split(), [len(p) for p in s.split()])
    for m in (-1, 0, 1, 2, 11, 12, 13):
        r = s.split(None, m)
        print(' ', m, r, sys.getsizeof(r))
    print(' ', sys.getsizeof(s.split()), s.split(maxsplit=1), s.rsplit(), s.rsplit(None, 1))

x = 'alone'
print(x.split()[0] is x, x.split(None, 0)[0] is x, x.split(None, 1)[0] is x, (' ' + x).split()[0] is x)
a = 'p q p\xe9 q'.split()
b = 'q p'.split()
print(a[0] is b[1], a[1] is b[0], a[2], len(a))
print(sys.getrefcount(x) - sys.getrefcount('alone'))
pieces = 'one two three'.split()
print([sys.getrefcount(p) for p in pieces])

class S(str):
    pass

s = S('a b  c')
print(s.split(), type(s.split()[0]), S('solo').split()[0] is S('solo'), type(S('solo').split()[0]))
print(S('\xe9 x').split(), S('').split())
try:
    'a b'.split(1)
except TypeError as e:
    print('TypeError', e)
try:
    'a b'.split(None, 'x')
except TypeError as e:
    print('TypeError', e)
try:
    str.split(1)
except TypeError as e:
    print('TypeError', e)
try:
    str.lower('A', 1)
except TypeError as e:
    print('TypeError', e)
print('AbC'.lower(), 'A'.lower() is 'a'.lower(), 'a'.lower() is 'a', 'b'.upper() is 'B'.upper(), ''.lower() is ''.upper())
print('\xc9'.lower(), 'x'.upper(), str.lower('QQ'), 'Q'.casefold() is 'q')

class D(dict):
    def __setitem__(self, k, v):
        print('D.__setitem__', k, v)
        super().__setitem__(k, v)
    def get(self, k, default=None):
        return ('D.get', k, default)

d = D()
d['k'] = 1
print(d.get('k', 0), dict.get(d, 'k', 0), d)
plain = {}
plain['k'] = plain.get('k', 0) + 1
plain['k'] = plain.get('k', 0) + 1
print(plain, plain.get('missing'), plain.get('missing', 'dflt'))
try:
    plain[[1]] = 2
except TypeError as e:
    print('TypeError', e)
try:
    plain.get()
except TypeError as e:
    print('TypeError', e)
try:
    plain.get(1, 2, 3)
except TypeError as e:
    print('TypeError', e)

class L(list):
    def append(self, v):
        print('L.append', v)
        super().append(v)

lst = L()
lst.append(3)
list.append(lst, 4)
print(lst)
o = object()
before = sys.getrefcount(o)
holder = []
for i in range(3):
    holder.append(o)
print(sys.getrefcount(o) - before)
m = 'abc'.upper
print(m(), type(m).__name__)
try:
    list.append({}, 1)
except TypeError as e:
    print('TypeError', e)
