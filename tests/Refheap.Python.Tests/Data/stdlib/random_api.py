import random

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

for s in [0, 1, 42, -7, 2**100, 'hello', b'bytes', bytearray(b'ba'), '', 3.5, -2.25, True, 'h\u00e9llo\U0001f600']:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(70), random.randrange(1000))
random.seed('abc', version=1); print(random.random())
random.seed(b'abc', version=1); print(random.random())
random.seed(12345)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(5)], [random.randrange(10, 0, -3) for _ in range(5)], random.randrange(5.0), random.randrange(2, 10.0))
print(random.choice('abcdef'), random.choice(range(100)), random.choice([1]))
lst = list(range(20)); random.shuffle(lst); print(lst)
print(random.sample(range(100), 5), random.sample('abcdefgh', 8), random.sample(range(10**6), 30)[:5], random.sample(['a', 'b'], k=2, counts=[2, 3]))
print(random.choices('abc', k=5), random.choices('abc', [1, 0, 5], k=5), random.choices(range(4), cum_weights=[1, 2, 3, 10], k=4), random.choices([1, 2]))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(), random.normalvariate(10, 3))
print(random.lognormvariate(0, 1), random.expovariate(1.5), random.vonmisesvariate(1, 4), random.vonmisesvariate(0, 0))
print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1), random.betavariate(2, 3), random.paretovariate(2), random.weibullvariate(1, 2))
print(random.randbytes(10), random.getrandbits(0), random.getrandbits(1))
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
print(a == [random.random() for _ in range(3)], st[0], len(st[1]), st[2])
r1 = random.Random(99); r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(0, 10**30), r2.randint(0, 10**30))
r3 = random.Random('seed'); print(r3.random(), r3.sample(range(50), 3))
r3.seed(); r3.seed(None)
g = random.Random(5); g.gauss(); st = g.getstate(); print(st[2] is not None)
class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom(1)
print(m.randrange(10), m.choice('abcd'), m._randbelow.__name__)
class BitsRandom(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k)
b = BitsRandom(3); print(b.randrange(100), b._randbelow.__name__)
for label, f in [('choice-empty', lambda: random.choice([])), ('seed-list', lambda: random.seed([1])),
                 ('setstate', lambda: random.Random().setstate((9, 1, 2))), ('rr-empty', lambda: random.randrange(0)),
                 ('rr-empty2', lambda: random.randrange(5, 2)), ('rr-step0', lambda: random.randrange(0, 10, 0)),
                 ('rr-emptystep', lambda: random.randrange(0, 10, -1)), ('rr-float', lambda: random.randrange(1.5)),
                 ('rr-float-stop', lambda: random.randrange(1, 2.5)), ('rr-float-step', lambda: random.randrange(1, 5, 1.5)),
                 ('rr-nostop', lambda: random.randrange(5, step=2)), ('rr-str', lambda: random.randrange('a')),
                 ('randint', lambda: random.randint(5, 1)), ('sample-big', lambda: random.sample(range(3), 4)),
                 ('sample-neg', lambda: random.sample(range(3), -1)), ('sample-set', lambda: random.sample({1, 2}, 1)),
                 ('sample-counts', lambda: random.sample('ab', 1, counts=[1])), ('sample-counts0', lambda: random.sample('ab', 1, counts=[0, 0])),
                 ('sample-countsf', lambda: random.sample('ab', 1, counts=[1.0, 1.0])),
                 ('choices-both', lambda: random.choices('ab', [1, 1], cum_weights=[1, 2])), ('choices-len', lambda: random.choices('ab', [1])),
                 ('choices-k', lambda: random.choices('ab', 2)), ('choices-zero', lambda: random.choices('ab', [0, 0])),
                 ('choices-inf', lambda: random.choices('ab', [1, float('inf')])), ('gamma', lambda: random.gammavariate(0, 1)),
                 ('getrandbits-neg', lambda: random.getrandbits(-1)), ('choice-dict', lambda: random.choice({}))]:
    attempt(label, f)
print(sorted(random.__all__), random.NV_MAGICCONST, random.SG_MAGICCONST, random.TWOPI, random.BPF)
import copy
r4 = random.Random(8); r5 = copy.deepcopy(r4); print(r4.random() == r5.random())
