import sys
for n in (0, 1, 2, 10, 100, 1000):
    print(n, sys.getsizeof(b'x' * n))
print(sys.getsizeof(bytes(5)), sys.getsizeof(bytes(range(10))))
