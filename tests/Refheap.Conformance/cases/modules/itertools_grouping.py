import itertools
import operator
print(list(itertools.chain('ab', [1], (2,))), list(itertools.chain.from_iterable([[1, 2], [3]])))
print(list(itertools.zip_longest('abc', [1], fillvalue='-')))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)), list(itertools.accumulate([1, 2], initial=100)))
print([(k, list(g)) for k, g in itertools.groupby('aaabccaa')])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(['bob', 'al', 'cy', 'ann']), key=len)])
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.compress('abcdef', [1, 0, 1])), list(itertools.filterfalse(None, [0, 1, 0, 2])), list(itertools.pairwise('abcd')))
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), list(a), list(b))
