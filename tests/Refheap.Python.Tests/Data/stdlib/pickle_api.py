import pickle
_state = [1234]
def rnd():
    _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return _state[0]
def random_string():
    return ''.join([chr(64 + rnd() % 26) for _ in range(20)])
x = [(rnd() / 2 ** 64, random_string(), rnd()) for _ in range(200)]
data = pickle.dumps(x)
print(len(data), pickle.loads(data) == x, data[:40])
class P:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return type(o) is P and (self.a, self.b) == (o.a, o.b)
class S:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = [2]
class St:
    def __init__(self): self.v = 3
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, s): self.v = s['v'] + 1
shared = [1, 2]
values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, 2**31, -2**31 - 1, 2**100, -2**100, 1.5, -0.0, float('inf'),
          '', 'abc', 'é€😀', 'x' * 300, b'', b'abc', b'y' * 300, bytearray(b'ba'), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
          [], [1], [1, 2], {}, {'a': 1}, {'a': 1, 'b': [2]}, set(), {1}, {1, 2, 3}, frozenset(), frozenset({4}),
          [shared, shared, (shared,)], P(1, [2]), len, P, type(None), list(range(2500)), {i: i for i in range(1100)}, complex(1, 2), range(3), slice(1, 2)]
for proto in range(6):
    for v in values:
        d = pickle.dumps(v, proto)
        back = pickle.loads(d)
        ok = back == v or (v != v)
        if not ok:
            print('MISMATCH', proto, repr(v)[:50], back)
    print(proto, [pickle.dumps(v, proto) for v in values[:40]])
    print(proto, [len(pickle.dumps(v, proto)) for v in values])
s = pickle.loads(pickle.dumps(S()))
print(s.x, s.y, pickle.dumps(S()))
st = pickle.loads(pickle.dumps(St()))
print(st.v, pickle.dumps(St()))
r = pickle.loads(pickle.dumps([shared, shared]))
print(r[0] is r[1])
rec = []
rec.append(rec)
r = pickle.loads(pickle.dumps(rec))
print(r[0] is r, pickle.dumps(rec))
t = ([],)
t[0].append(t)
print(pickle.dumps(t))
class F:
    def __init__(self): self.data = b''; self.pos = 0
    def write(self, b): self.data += b
    def read(self, n): r = self.data[self.pos:self.pos + n]; self.pos += len(r); return r
    def readline(self):
        i = self.data.find(b'\n', self.pos); i = len(self.data) if i < 0 else i + 1
        r = self.data[self.pos:i]; self.pos = i; return r
f = F()
pickle.dump({'k': 1}, f)
print(pickle.load(f), pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, f.data)
try: pickle.dumps(lambda: 0)
except (pickle.PicklingError, AttributeError) as e: print(type(e).__name__)
try: pickle.loads(b'\x80\x04garbage')
except Exception as e: print(type(e).__name__)
