it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
calls = iter(['a', 'b', 'STOP', 'c']).__next__
print(list(iter(calls, 'STOP')))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))))
d = {'x': 1, 'y': 2}
print(list(reversed(d)), list(reversed(d.items())))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError', e)
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
