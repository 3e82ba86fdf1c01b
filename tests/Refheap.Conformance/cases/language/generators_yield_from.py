def inner():
    x = yield 'inner 1'
    print('inner got', x)
    yield 'inner 2'
    return 'inner result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield from range(2)
g = outer()
print(next(g))
print(g.send('hello'))
print(list(g))
def flatten(items):
    for i in items:
        if isinstance(i, list):
            yield from flatten(i)
        else:
            yield i
print(list(flatten([1, [2, [3, [4]], 5]])))
