import sys
for n in (0, 1, 4, 5, 10, 19, 20, 100):
    print(n, sys.getsizeof(frozenset(range(n))), sys.getsizeof(set(range(n))))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(set('abc')))
