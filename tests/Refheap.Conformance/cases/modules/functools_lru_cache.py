import functools
@functools.lru_cache(maxsize=3)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30))
print(fib.cache_info())
fib.cache_clear()
@functools.lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x
for v in (1, 2, 1, 3, 2, 1):
    sq(v)
print(sq.cache_info())
@functools.cache
def ident(x):
    return x
ident(1); ident(1)
print(ident.cache_info())
print(sq.__wrapped__(4))
