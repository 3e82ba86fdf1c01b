import sys
import copy
items = [object() for _ in range(3)]
bases = [sys.getrefcount(i) for i in items]
c1 = list(items)
c2 = copy.copy(items)
c3 = sorted(items, key=lambda o: 0)
print([sys.getrefcount(i) - b for i, b in zip(items, bases)])
del c1, c2, c3
print([sys.getrefcount(i) - b for i, b in zip(items, bases)])
