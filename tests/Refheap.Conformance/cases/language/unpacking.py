a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = 'abcd'
head, *mid, tail = range(5)
print(first, rest, init, last, head, mid, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
print(*[1, 2], *'ab', sep=',')
merged = {**{'a': 1}, **{'b': 2, 'a': 3}}
print(merged, [*range(3), *(4, 5)], {*'aab'} == {'a', 'b'})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print('ValueError', e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print('ValueError', e)
