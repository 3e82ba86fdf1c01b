# The deque API: ends, maxlen, rotate, reverse, count/index/insert/remove, indexing,
# comparison, arithmetic, repr (recursive too), copy and pickling protocol, iteration that
# sees mutation, subclasses, weak references and the messages of its errors.
import copy
import sys
import weakref
from collections import deque

d = deque([1, 2, 3], maxlen=3)
d.append(4)
print(d, d.maxlen)
d.appendleft(0)
print(d)
d = deque('abcde')
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d)
print(d.count('a'), d.index('c'), 'c' in d, 'z' in d, d.index('e', 1), d.index('c', -4, -1))
d.insert(2, 'X')
print(d)
d.remove('X')
print(d)
del d[1]
print(d, d[0], d[-1])
d[0] = 'first'
print(d, d.pop(), d.popleft(), d)
print(list(reversed(deque(range(5)))), deque(range(3)) == deque(range(3)), deque([1]) < deque([2]),
      deque([1]) == [1], deque([1, 2]) != deque([1, 2]), deque([2]) >= deque([1, 9]))
print(repr(deque()), deque(range(3)) + deque([9]), deque([1, 2]) * 2, 2 * deque([0]), deque(range(4), 3))
e = deque()
e.append(e)
print(e)
x = deque([[1], [2]], 5)
y = copy.deepcopy(x)
print(y, y.maxlen, y[0] is x[0], y[0] == x[0])
z = copy.copy(x)
print(z, z.maxlen, z[0] is x[0], x.copy() == x, x.copy() is x)
print(type(iter(d)).__name__, type(reversed(d)).__name__, deque.__name__, deque.__module__)
print(x.__reduce__()[0] is deque, x.__reduce__()[1], deque([1]).__reduce__()[1:3])
it = iter(d)
d.append(1)
try:
    next(it)
except RuntimeError as exc:
    print('RuntimeError', exc)
class D(deque):
    def total(self):
        return sum(self)
dd = D([1, 2])
dd.x = 5
print(dd, dd.x, dd.total(), type(dd.copy()).__name__, isinstance(dd, deque), len(dd), 2 in dd)
w = weakref.ref(d)
print(w() is d)
print(bool(deque()), bool(deque([0])), len(deque(range(70))))
a = deque(range(10))
a += [10, 11]
a *= 2
print(len(a), a[11], a[12])
a.extend(a)
print(len(a))
a.extendleft('xy')
print(a[0], a[1])
try:
    hash(deque())
except TypeError as exc:
    # CPython names the C type 'collections.deque' here; Refheap's deque class is 'deque'
    # (docs/deviations.md), so only the exception type is compared.
    print('TypeError (unhashable)')
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque(maxlen=-1),
            lambda: deque(maxlen='a'), lambda: deque([1])['a'], lambda: deque([1])[5],
            lambda: deque([1]).index(7), lambda: deque([1]).remove(7), lambda: deque([1], 1).insert(0, 2),
            lambda: deque([1]) + [2], lambda: deque().append(), lambda: deque([1]).rotate('x'),
            lambda: deque(1), lambda: deque([], 2, 3), lambda: deque([1]).insert('a', 1),
            lambda: deque([1]).index(1, 'a'), lambda: deque([1]).rotate(2**70)):
    try:
        bad()
        print('no error')
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        print(type(exc).__name__, exc)
class Evil:
    def __eq__(self, other):
        q.append(0)
        return False
q = deque([Evil(), 1])
try:
    q.count(5)
except RuntimeError as exc:
    print('RuntimeError', exc)
