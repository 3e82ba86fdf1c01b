# set and frozenset methods.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

s = {1, 2, 3}
s.add(4); s.add(1); print(s)
s.discard(4); s.discard(99); print(s)
s.remove(3); print(s)
t('remove', lambda: s.remove(3))
t('removeunh', lambda: s.remove([]))
t('removeset', lambda: s.remove({1}))
print(s.__contains__(frozenset()), {frozenset({1})}.__contains__({1}))
p = {7}
print(p.pop(), p)
t('popempty', lambda: set().pop())
s.update([5, 6], (7,), {8}); print(s)
print(s.union(), s.union([0]), s.union({10}, [11]), s.intersection({1, 5, 99}), s.intersection([1, 2], [2]))
print(s.difference({1}), s.difference([5], (6,)), s.difference(), s.symmetric_difference({1, 100}), s.symmetric_difference([2, 200]))
u = {1, 2, 3, 4}
u.intersection_update({1, 2, 3}, [2, 3]); print(u)
u.difference_update([3]); print(u)
u.symmetric_difference_update({2, 9}); print(u)
u.symmetric_difference_update([9, 10]); print(u)
print({1}.issubset({1, 2}), {1, 3}.issubset([1, 2]), {1, 2}.issuperset([1]), {1}.issuperset({1, 2}), {1}.isdisjoint([2]), {1}.isdisjoint({1}))
print({1} < {1, 2}, {1} <= {1}, {1, 2} > {1}, {1} >= {2}, {1} == frozenset({1}), {1} != {1}, set() == set())
print({1, 2} | {3}, {1, 2} & {2}, {1, 2} - {2}, {1, 2} ^ {2, 3}, frozenset({1}) | {2}, {2} | frozenset({1}))
print(type(frozenset({1}) | {2}).__name__, type({2} | frozenset({1})).__name__, type(frozenset({1}).union([2])).__name__)
t('orlist', lambda: {1} | [2])
t('orlist2', lambda: {1}.__or__([2]))
w = {1, 2}
w |= {3}; w &= {1, 3}; w -= {1}; w ^= {4}; print(w)
print(w.__ior__({5}) is w, w)
t('iorlist', lambda: w.__ior__([1]))
c = s.copy(); c.add(-1); print(len(s), len(c))
c.clear(); print(c)
print(repr(set()), repr(frozenset()), repr(frozenset({1, 2})), {(1, 2), 3}, [int, list])
f = frozenset([1, 2, 3])
print(f.copy() is f, hash(f) == hash(frozenset([3, 2, 1])), f.__hash__() == hash(f), hash(frozenset()))
print(f.union([4]), f.intersection([1]), f.difference([1]), f.symmetric_difference([1, 5]), f.issubset(range(5)))
t('frozenadd', lambda: f.add(1))
t('hashset', lambda: hash({1}))
t('add0', lambda: set().add())
t('addunh', lambda: set().add([]))
t('discard0', lambda: set().discard())
t('issubset0', lambda: set().issubset())
t('unionint', lambda: set().union(1))
t('isdisjointint', lambda: set().isdisjoint(1))
t('unionkw', lambda: set().union(x=1))
t('lt', lambda: {1} < [1])
class S(set):
    pass
ss = S([1, 2])
print(ss, type(ss.copy()).__name__, type(ss | {3}).__name__, type(ss.union()).__name__, S(), frozenset.__repr__(frozenset({1})))
print(set().__sizeof__(), set(range(10)).__sizeof__(), frozenset(range(3)).__sizeof__())
print(set.__len__({1, 2}), set.__contains__({1}, 1), sorted(set.__iter__({3, 1, 2})))
