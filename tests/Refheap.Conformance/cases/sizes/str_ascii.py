import sys
for n in (0, 1, 2, 7, 8, 15, 16, 31, 32, 100, 1000):
    s = 'a' * n
    print(n, sys.getsizeof(s))
