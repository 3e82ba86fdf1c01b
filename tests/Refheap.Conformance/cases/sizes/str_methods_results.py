import sys
s = 'Hello, World'
print(sys.getsizeof(s.upper()), sys.getsizeof(s.lower()), sys.getsizeof(s[1:5]))
print(sys.getsizeof(s.split(',')), [sys.getsizeof(p) for p in s.split(',')])
print(sys.getsizeof(' '.join(['a'] * 10)))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)))
print(sys.getsizeof('%d-%s' % (5, 'x')), sys.getsizeof(f'{5:>10}'))
