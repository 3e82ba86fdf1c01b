from collections import *
import collections, collections.abc as abc

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

# namedtuple
P = namedtuple('P', 'x y z', defaults=[3])
p = P(1, 2)
print(p, p.x, p[1], p.z, P._fields, P._field_defaults, P.__doc__, P.x.__doc__)
print(p._asdict(), p._replace(y=5), P._make([4, 5, 6]), p == (1, 2, 3), isinstance(p, tuple))
print(P.__new__.__qualname__, P._make.__qualname__, P.__repr__.__qualname__, P.__module__, P.__slots__, P.__match_args__)
print(repr(P.x), P.__new__.__doc__)
for args, kw in [((1,), {}), ((1, 2, 3, 4), {}), ((1, 2), {'w': 1}), ((1, 2), {'x': 1}), ((), {}), ((), {'x': 1, 'y': 2}), ((1,), {'y': 2, 'z': 9})]:
    attempt('P%r%r' % (args, kw), lambda: P(*args, **kw))
Q = namedtuple('Q', ['a'])
attempt('Q()', lambda: Q())
attempt('Q(1,2)', lambda: Q(1, 2))
attempt('Q._make', lambda: Q._make([1, 2]))
attempt('_replace', lambda: p._replace(w=1))
attempt('set', lambda: setattr(p, 'x', 5))
attempt('getter', lambda: P.x.__get__([1]))
E = namedtuple('E', '')
print(E(), E._fields, E.__doc__)
attempt('E(1)', lambda: E(1))
R = namedtuple('R', 'a, b  a def _c', rename=True)
print(R._fields)
for args in [('A', 'x _y'), ('A', 'x x'), ('A', 'x def'), ('1A', 'x'), ('A', [1]), ('class', 'x')]:
    attempt('namedtuple%r' % (args,), lambda: namedtuple(*args))
attempt('defaults', lambda: namedtuple('A', 'x', defaults=[1, 2]))
M = namedtuple('M', 'a b', module='mymod')
print(M.__module__, M(a=1, b=2), M(1, b=2))
class Sub(P):
    def total(self): return self.x + self.y + self.z
print(Sub(1, 2).total(), Sub(1, 2), Sub._make([1, 1, 1]))
print(P(x=[1], y={}) , hash(P(1, 2)) == hash((1, 2, 3)), P(1, 2) < P(1, 3))
x, y, z = p
print(x, y, z, p[-1], p[:2], len(p), p.count(1), p.index(2))

# deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen, 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([5, 6]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); d.rotate(100); print(d)
d.reverse(); print(d)
print(d.count(5), d.index(5), d.index(5, 1, 5) if 5 in list(d)[1:5] else 'n/a')
d.remove(5); print(d)
d.insert(1, 'ins'); print(d)
d[0] = 'first'; del d[1]; print(d)
d.clear(); print(d, bool(d))
b = deque('abcdef', maxlen=3)
print(b, b.maxlen)
b.append('g'); print(b)
b.appendleft('z'); print(b)
b.extend('xy'); print(b)
b.extendleft('12'); print(b)
print(deque([1, 2, 3], 2), deque(maxlen=0), deque(range(3), maxlen=5))
z0 = deque(maxlen=0); z0.append(1); z0.appendleft(2); print(z0)
for label, f in [('pop', lambda: deque().pop()), ('popleft', lambda: deque().popleft()),
                 ('index', lambda: deque([1]).index(5)), ('remove', lambda: deque([1]).remove(5)),
                 ('insert', lambda: deque([1], maxlen=1).insert(0, 2)), ('getitem', lambda: deque([1])[5]),
                 ('slice', lambda: deque([1])[0:1]), ('maxlen-1', lambda: deque(maxlen=-1)),
                 ('maxlen1.5', lambda: deque(maxlen=1.5)), ('add', lambda: deque() + [1]),
                 ('notiter', lambda: deque(1)), ('rot', lambda: deque([1]).rotate(1.5)),
                 ('setitem', lambda: deque().__setitem__(0, 1)),
                 ('del', lambda: deque().__delitem__(0)), ('strindex', lambda: deque([1])['a']),
                 ('setmaxlen', lambda: setattr(deque(), 'maxlen', 3))]:
    attempt(label, f)
dm = deque([1, 2, 3])
try:
    for item in dm:
        dm.append(item)
except RuntimeError as e:
    print('RuntimeError', e)
print(list(reversed(deque([1, 2, 3]))), deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
print(deque([1]) + deque([2]), deque('ab') * 2, 2 * deque('ab'), deque('ab') * 0)
dd2 = deque([1]); dd2 += [2, 3]; dd2 *= 2; print(dd2)
r = deque([1]); r.append(r); print(r)
class MyDeque(deque): pass
md = MyDeque([1, 2], maxlen=4)
print(md, md.copy(), type(md.copy()).__name__, deque([1], 2).copy())
import copy
print(copy.copy(deque([1, [2]], 3)), copy.deepcopy(deque([[1]])))
print(isinstance(deque(), abc.MutableSequence), isinstance(deque(), abc.Sequence), deque.__module__)
e = deque(range(10)); print(e[5], e[-3])
e.rotate(3); print(list(e), e.index(0))
print(deque(iter([1, 2])), deque([]), list(iter(deque([7, 8]))))

# defaultdict
dd = defaultdict(list)
dd['a'].append(1); dd['b']
print(dd, dd['a'], 'c' in dd, dd.default_factory)
ddi = defaultdict(int, {'x': 1}, y=2)
ddi['z'] += 5
print(ddi, sorted(ddi.items()))
print(defaultdict(), defaultdict(None, a=1))
attempt('nofactory', lambda: defaultdict()['k'])
attempt('badfactory', lambda: defaultdict(1))
c = ddi.copy(); print(type(c).__name__, c, c.default_factory)
print(copy.copy(ddi), copy.deepcopy(defaultdict(list, {1: [2]})))
class DD(defaultdict): pass
print(DD(int), DD(int, {1: 2}).copy())
print(defaultdict(list, a=[1]) | {'b': 2}, {'b': 2} | defaultdict(list, a=[1]))
rd = defaultdict(list); rd[1] = rd; print(rd)
print(defaultdict(lambda: 5)['q'], isinstance(dd, dict))
print(dd.get('nope'), 'nope' in dd, dd.setdefault('k', 9), dd.pop('k'))

# OrderedDict
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end('b'); print(od)
od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
attempt('move', lambda: od.move_to_end('zz'))
attempt('popempty', lambda: OrderedDict().popitem())
o1 = OrderedDict([(1, 1), (2, 2)]); o2 = OrderedDict([(2, 2), (1, 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2)
print(OrderedDict(), OrderedDict(a=1), OrderedDict.fromkeys('abc', 0), list(reversed(o1)))
ro = OrderedDict(); ro[1] = ro; print(ro)
print(o1.copy(), copy.deepcopy(o1), o1 | {3: 3}, OrderedDict(x=1).setdefault('y', 2))
print(o1.pop(1), o1.pop(9, 'd'), o1)
attempt('popmissing', lambda: o1.pop(9))
o3 = OrderedDict(a=1, b=2, c=3)
o3.move_to_end('a'); o3['d'] = 4; o3.move_to_end('d', False); del o3['b']
print(o3, list(o3.items()))
o3.update({'a': 0, 'e': 5}, f=6); print(o3)

# Counter
cnt = Counter('abracadabra')
print(cnt, cnt['a'], cnt['zz'], cnt.most_common(2), cnt.most_common(), cnt.total())
print(sorted(cnt.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
cnt.update('aaz'); cnt.update({'q': 3}); cnt.update(k=2); print(cnt)
cnt.subtract('aaaaaaaa'); cnt.subtract({'q': 1}); print(cnt)
print(Counter(), Counter(a=1) + Counter(a=2, b=-1), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), +Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2))
c1 = Counter(a=1); c1 += Counter(a=2, b=-1); print(c1)
c1 -= Counter(a=5); print(c1)
c2 = Counter(a=2, b=2); c2 |= Counter(a=3); c2 &= Counter(a=1, b=5); print(c2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2), Counter(a=1) <= Counter(a=1), Counter(a=2) > Counter(a=1), Counter(a=1) == {'a': 1})
attempt('fromkeys', lambda: Counter.fromkeys('ab'))
attempt('add', lambda: Counter() + {})
del cnt['zzz']; del cnt['a']; print(cnt, cnt.most_common(1), cnt.copy() == cnt)
print(Counter({'x': 1, 'y': 3, 'z': 3, 'w': 2}).most_common(3), Counter([1, 2, 2, 3, 3, 3]))
class C2(Counter): pass
print(C2('aab'), copy.deepcopy(C2('ab')))
print(Counter('hello world').most_common(0), Counter('xyz').most_common(-1))

# ChainMap
base = {'a': 1, 'b': 2}; over = {'b': 3, 'c': 4}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm.get('z'), len(cm), list(cm), sorted(cm.items()), 'c' in cm, bool(ChainMap()), bool(ChainMap({})))
cm['d'] = 5; print(over)
del cm['d']
attempt('del', lambda: cm.__delitem__('a'))
attempt('pop', lambda: ChainMap().pop(1))
attempt('popitem', lambda: ChainMap().popitem())
attempt('getitem', lambda: ChainMap()['x'])
ch = cm.new_child(); ch['x'] = 0
print(ch, ch.parents, cm.new_child({'m': 1}), cm.new_child(k=1).maps[0], ChainMap.fromkeys('ab', 0))
print(cm.copy(), ChainMap(), cm | {'z': 1}, cm.pop('b'), cm)
print(isinstance(cm, abc.MutableMapping), dict(cm))

# UserDict / UserList / UserString
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud['a'], 'b' in ud, ud.get('q', 0), ud.copy(), isinstance(ud, abc.MutableMapping), sorted(ud))
attempt('ud', lambda: ud['zz'])
ul = UserList([3, 1, 2])
ul.append(0); ul.sort(); print(ul, ul[1:], ul + [9], [9] + ul, ul * 2, len(ul), ul == [0, 1, 2, 3], ul.pop(), ul.index(2))
us = UserString('hello')
print(us, repr(us), us.upper(), us + '!', len(us), us[1:3], 'ell' in us, us == 'hello')

# collections.abc
for obj in [[], (), {}, set(), frozenset(), 'x', b'x', range(1), iter([]), (x for x in []), dict().keys(), dict().items(), dict().values(), len, 5, None, bytearray()]:
    print(type(obj).__name__, [n for n in ['Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'ByteString', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView'] if isinstance(obj, getattr(abc, n))])
print(abc.Mapping, abc.Sequence.__module__, abc.Iterable.__name__, sorted(abc.__all__))
class MyMap(abc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
mm = MyMap({'a': 1, 'b': 2})
print(mm.get('a'), mm.get('z'), 'a' in mm, list(mm.keys()), list(mm.items()), list(mm.values()), mm == {'a': 1, 'b': 2}, mm.keys() & {'a'}, repr(mm.keys())[:9])
attempt('abstract', lambda: abc.Mapping())
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), abc.Iterator), issubclass(It, abc.Iterable), issubclass(int, abc.Hashable), issubclass(list, abc.Hashable))
class MySet(abc.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
ms = MySet([1, 2, 3])
print(list(ms | {4}), list(ms & {2, 9}), list(ms - {1}), list(ms ^ {3, 4}), ms <= {1, 2, 3, 4}, ms == {1, 2, 3}, ms.isdisjoint([7]))
ms |= {7}; ms -= {1}; print(list(ms), ms.pop(), list(ms))
class MySeq(abc.Sequence):
    def __getitem__(self, i): return [5, 6, 7][i]
    def __len__(self): return 3
sq = MySeq()
print(list(sq), 6 in sq, sq.index(7), sq.count(5), list(reversed(sq)))
attempt('seqindex', lambda: sq.index(99))
abc.Sequence.register(It)
print(issubclass(It, abc.Sequence), isinstance(It(), abc.Sized))
