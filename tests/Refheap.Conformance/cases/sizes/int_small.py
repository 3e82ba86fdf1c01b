import sys
for n in (0, 1, -1, 5, 255, 256, 257, -5, -6, 1000, 2**29, 2**30 - 1):
    print(n, sys.getsizeof(n))
