import sys
s = 'h\xe9llo w\xf6rld'
before = sys.getsizeof(s)
s.encode('utf-8')
after = sys.getsizeof(s)
print(before, after)
t = '\u20ac' * 10
b1 = sys.getsizeof(t)
t.encode()
print(b1, sys.getsizeof(t))
a = 'plain ascii'
a1 = sys.getsizeof(a)
a.encode()
print(a1, sys.getsizeof(a))
