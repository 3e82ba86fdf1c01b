print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 10), sum([[1], [2]], []))
print(sum(range(1000)), sum([1.5, 2.5], start=1))
print(any([]), all([]), any([0, '', 1]), all([1, 'a', [0]]), all(x > 0 for x in [1, -1]))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError', e)
