for obj in (1, 1.0, 'a', "a'b", b'x', [1, 'a'], (1,), (), {'k': [1]}, {1, 2}, set(), frozenset(), None, True, Ellipsis, NotImplemented, range(3), slice(None), 1j, -0.0, bytearray(b'ab'), int, len):
    print(repr(obj), str(obj))
l = [1]
l.append(l)
d = {}
d['d'] = d
print(repr(l), repr(d))
