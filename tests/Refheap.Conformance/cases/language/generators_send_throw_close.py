def acc():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print('thrown in', e)
            value = 0
        if value is None:
            break
        total += value
    return total
g = acc()
print(next(g))
print(g.send(5), g.send(10))
print(g.throw(ValueError('oops')))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
h = acc()
next(h)
h.close()
print('closed', h.gi_frame is None)
try:
    h.send(1)
except StopIteration:
    print('closed generator raises StopIteration')
