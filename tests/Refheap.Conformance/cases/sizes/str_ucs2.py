import sys
for n in (1, 2, 8, 16, 100):
    s = '\u20ac' * n
    print(n, sys.getsizeof(s), sys.getsizeof('a' + s), sys.getsizeof('\xe9' + s))
print(sys.getsizeof('\u65e5\u672c\u8a9e'))
