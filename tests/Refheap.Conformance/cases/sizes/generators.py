import sys
def gen():
    yield 1
def gen_locals(a, b, c):
    x = a + b
    yield x
    yield c
g = gen()
print(sys.getsizeof(g))
h = gen_locals(1, 2, 3)
print(sys.getsizeof(h))
next(h)
print(sys.getsizeof(h))
print(sys.getsizeof(x for x in range(3)))
