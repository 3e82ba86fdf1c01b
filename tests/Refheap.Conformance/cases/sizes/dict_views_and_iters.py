import sys
d = {'a': 1, 'b': 2}
print(sys.getsizeof(d.keys()), sys.getsizeof(d.values()), sys.getsizeof(d.items()))
print(sys.getsizeof(iter(d)), sys.getsizeof(iter(d.items())))
print(sys.getsizeof(reversed([1, 2])), sys.getsizeof(reversed(range(3))))
