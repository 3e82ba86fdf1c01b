def gen():
    try:
        yield 1
        yield 2
    finally:
        print('generator finally')
g = gen()
print(next(g))
del g
print('after del')
def gen2():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
h = gen2()
next(h)
h = None
print('end')
