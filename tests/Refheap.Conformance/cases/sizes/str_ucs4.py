import sys
for n in (1, 2, 8, 16, 100):
    s = '\U0001F600' * n
    print(n, sys.getsizeof(s), sys.getsizeof('a' + s))
print(sys.getsizeof('a\U0001F600b'), len('a\U0001F600b'))
