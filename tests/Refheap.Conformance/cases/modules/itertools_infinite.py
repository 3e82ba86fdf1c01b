import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
print(list(itertools.islice(itertools.cycle('ab'), 5)))
print(list(itertools.repeat('x', 3)), list(zip(range(3), itertools.repeat(0))))
print(list(itertools.islice(range(20), 2, 12, 3)), list(itertools.islice('abc', None)))
