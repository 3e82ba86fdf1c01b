import sys
for n in (0, 1, 4, 5, 9, 17, 33, 100):
    print(n, sys.getsizeof([i for i in range(n)]), sys.getsizeof(list(range(n))), sys.getsizeof(list(i for i in range(n))))
