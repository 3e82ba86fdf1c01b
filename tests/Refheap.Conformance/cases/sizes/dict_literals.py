import sys
print(sys.getsizeof({}), sys.getsizeof(dict()))
print(sys.getsizeof({'a': 213, 'b': 2131}))
print(sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict.fromkeys('abcdefgh')))
print(sys.getsizeof({i: i for i in range(10)}))
print(sys.getsizeof(dict(zip('abcdefghijk', range(11)))))
