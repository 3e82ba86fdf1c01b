import sys
for n in (1, 2, 8, 16, 100):
    s = '\xe9' * n
    print(n, sys.getsizeof(s), sys.getsizeof('a' + s))
print(sys.getsizeof('caf\xe9'), sys.getsizeof('\xff'))
