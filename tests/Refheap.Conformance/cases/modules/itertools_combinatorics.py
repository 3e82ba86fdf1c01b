import itertools
print(list(itertools.product('ab', [1, 2])))
print(list(itertools.product([0, 1], repeat=2)))
print(list(itertools.permutations('abc', 2)))
print(len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations('abcd', 2)))
print(list(itertools.combinations_with_replacement('ab', 2)))
