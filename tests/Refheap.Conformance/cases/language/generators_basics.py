def squares(n):
    for i in range(n):
        yield i * i
    return 'done'
g = squares(3)
print(list(g))
g2 = squares(1)
print(next(g2))
try:
    next(g2)
except StopIteration as e:
    print('StopIteration value', e.value)
print(type(g).__name__, g.__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
