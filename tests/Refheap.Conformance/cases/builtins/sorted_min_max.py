words = ['banana', 'Apple', 'cherry', 'apple', 'date']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted('hello'), sorted({3: 'a', 1: 'b'}))
print(min(words), max(words, key=len), min([], default='empty'), max(3, 9, 2))
print(min([(2, 'b'), (1, 'z'), (1, 'a')]), max('abc', 'abd'))
try:
    min([])
except ValueError as e:
    print('ValueError', e)
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError', e)
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
