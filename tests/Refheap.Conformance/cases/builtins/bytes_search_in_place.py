# bytes/bytearray find, count, startswith/endswith (tuples: a match returns before a later
# bad item is looked at), `in` with ints and bytes; str.partition/rpartition results.
data = [b'abcab', bytearray(b'abcab'), b'', bytearray()]
for h in data:
    print(type(h).__name__, h.find(b'ab'), h.rfind(b'ab'), h.find(b'ab', 1), h.count(b'ab'), h.count(b''),
          h.startswith(b'ab'), h.endswith((b'x', b'ab')), h.startswith(b'b', 1, 2), b'ca' in h, 99 in h,
          h.find(b'ab', -2), h.endswith(b'', 10))
print(b'abc'.startswith((b'a', 1)), bytearray(b'abc').endswith((b'c', None)))
for call in [lambda: b'abc'.startswith((b'x', 1)), lambda: b'abc'.find('a'), lambda: 256 in b'abc',
             lambda: 'a' in b'abc', lambda: b'abc'.endswith('c')]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
big = bytearray(b'xy' * 100000)
print(sum(big.startswith(b'xy', i) for i in range(0, 200000, 9)), big.find(b'yx', 150000), b'yy' in big)
s = 'key=value=more'
print(s.partition('='), s.rpartition('='), s.partition('#'), s.rpartition('#'), 'a€b'.partition('€'), 'ab'.partition('é'))
for sep in ['', 1]:
    try:
        s.partition(sep)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class S(str):
    pass
r = S('a=b').partition('#')
print(type(r[0]).__name__, r, S('a=b').partition('=')[1] is '=' if False else 'x')
