# dict methods and views.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('a', 5), d.setdefault('c'), d)
print(d.pop('c'), d.pop('zz', 'dflt'), d)
d.update({'x': 9}); d.update([('y', 8)]); d.update(z=7); d.update({'a': 0}, w=6); print(d)
print(d.popitem(), d.popitem(), d)
d['n'] = 1; print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 4}), dict.fromkeys(range(3), []))
c = d.copy(); c['new'] = 1; print(d, c)
c.clear(); print(c, len(c))
t('get0', lambda: {}.get())
t('get3', lambda: {}.get(1, 2, 3))
t('getunh', lambda: {}.get([]))
t('setdefault0', lambda: {}.setdefault())
t('pop0', lambda: {}.pop())
t('popmiss', lambda: {}.pop('x'))
t('popmisst', lambda: {}.pop((1, 2)))
t('popitem', lambda: {}.popitem())
t('update1', lambda: {}.update(1))
t('update2', lambda: {}.update([1]))
t('update3', lambda: {}.update([(1, 2, 3)]))
t('update4', lambda: {}.update({}, {}))
t('fromkeys0', lambda: dict.fromkeys())
t('keys1', lambda: {}.keys(1))
t('getitem', lambda: {1: 2}.__getitem__(5))
t('delitem', lambda: {1: 2}.__delitem__(5))
t('or5', lambda: {1: 2}.__or__(5))
e = {1: 'one', 2: 'two'}
print(e.__getitem__(1), e.__contains__(2), e.__contains__(3), e.__len__(), list(e.__iter__()), list(e.__reversed__()), list(reversed(e)))
e.__setitem__(3, 'three'); e.__delitem__(1); print(e)
print(e | {4: 'four'}, {0: 0} | e, e.__or__({9: 9}))
e |= {5: 5}; e |= [(6, 6)]; print(e)
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: 2}.__eq__({1: 2}), {}.__eq__(1))
t('dictlt', lambda: {} < {})
r = {}; r['self'] = r; print(r)
print(repr({}), {1: 'a', 'b': [1, 2], (1, 2): None})
k = {1: 'a', 2: 'b', 3: 'c'}.keys()
print(len(k), 1 in k, 9 in k, list(k), list(reversed(k)), k.mapping)
print(k & {1, 2}, k | {4}, k - {1}, k ^ {1, 9}, {2, 5} & k, {5} | k, {1, 2, 3, 7} - k, [1] ^ k if False else 0)
print(k == {1, 2, 3}, k != {1}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {1, 2, 3}, k == [1, 2, 3])
print(k.isdisjoint({4}), k.isdisjoint([1]), k & [1, 2, 9], k | [7])
it = {1: 'a', 2: 'b'}.items()
print(len(it), (1, 'a') in it, (1, 'b') in it, (9, 1) in it, 5 in it, list(it), it, it & {(1, 'a')}, it - {(2, 'b')})
print(it == {(1, 'a'), (2, 'b')}, it.isdisjoint({(3, 3)}))
v = {1: 'a', 2: 'a'}.values()
print(len(v), 'a' in v, 'z' in v, list(v), v, list(reversed(v)))
t('valuesand', lambda: v & {1})
t('hashkeys', lambda: hash(k))
t('unhashin', lambda: [] in k)
print(dict.__repr__({1: 2}), dict.__len__({1: 2, 3: 4}))
class D(dict):
    def __missing__(self, key):
        return 'missing:' + repr(key)
dd = D(a=1)
print(dd['a'], dd['zz'], dd.get('zz'), dict.__getitem__(dd, 'q'), type(dd.copy()).__name__, dd)
class F(dict):
    pass
print(type(F.fromkeys([1])).__name__, F.fromkeys([1, 2], 'v'))
big = {}
for i in range(10):
    big[i] = i
while big:
    big.popitem()
big[100] = 1
print(big, len(big))
