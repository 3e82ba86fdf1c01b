a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4}, a < a, a.isdisjoint({9}))
a.add(5); a.discard(1); a.discard(100)
print(sorted(a), a.pop() in (2, 3, 5), len(a))
s = set('hello')
print(sorted(s), len(s), 'h' in s)
a.update([7, 8], (9,))
print(sorted(a), sorted(a.union([0]).intersection({0, 7, 8})))
fs = frozenset([1, 2])
print(fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    a.remove(100)
except KeyError as e:
    print('KeyError', e)
print(set(), frozenset(), {frozenset([1])}, sorted({'b', 'a', 'c'}))
