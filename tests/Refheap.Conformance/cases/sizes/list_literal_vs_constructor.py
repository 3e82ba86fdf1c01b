import sys
for n in (0, 1, 2, 3, 5, 8, 10):
    items = list(range(n))
    print(n, sys.getsizeof(items), sys.getsizeof([*items]), sys.getsizeof(items[:]), sys.getsizeof([x for x in items]))
print(sys.getsizeof([1, 2, 3]), sys.getsizeof(list((1, 2, 3))))
print(sys.getsizeof([None] * 10), sys.getsizeof([0] * 100))
