def gen():
    yield 1
    raise StopIteration('inside generator')
for v in gen():
    print(v)
