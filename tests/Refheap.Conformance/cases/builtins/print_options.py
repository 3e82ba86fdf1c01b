import sys
print('a', 'b', 'c')
print('a', 'b', sep='-', end='!\n')
print('no newline', end='')
print()
print(1, 2.5, None, True, [1], sep='')
print('to stderr', file=sys.stderr)
print('flush', flush=True)
print(*range(5), sep=', ')
print('x', sep=None, end=None)
try:
    print('x', sep=1)
except TypeError as e:
    print('TypeError', e)
