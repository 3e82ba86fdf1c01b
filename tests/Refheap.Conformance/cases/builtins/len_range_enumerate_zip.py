print(len('abc'), len([1, 2]), len({}), len(range(0, 100, 7)), len(b'xy'))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 4)
print(r, r[2], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), r.count(5))
print(list(enumerate('abc')), list(enumerate('ab', 5)))
print(list(zip('abc', [1, 2, 3, 4])), list(zip()), list(zip('a', 'b', 'c')))
try:
    list(zip('ab', 'c', strict=True))
except ValueError as e:
    print('ValueError', e)
try:
    len(5)
except TypeError as e:
    print('TypeError', e)
