# _random.Random.random and getrandbits (native) keep CPython's sequences.
import random

r = random.Random(12345)
print([r.random() for _ in range(3)])
print([r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 200)])
print([r.randrange(2 ** 64) for _ in range(3)])
print(r.choices('abcdefghij', k=12), r.randint(1, 6), r.uniform(1, 2))
r.seed('text')
print(r.random(), r.getrandbits(70))
state = r.getstate()
a = [r.random() for _ in range(2)]
r.setstate(state)
print(a == [r.random() for _ in range(2)])
for bad in (-1, 1.5, '3'):
    try:
        r.getrandbits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    r.random(1)
except TypeError as e:
    print('TypeError', e)


class Half(random.Random):
    def random(self):
        return 0.5


print(Half(1).random(), Half(1).randrange(10), random.Random(7).getrandbits(64))
