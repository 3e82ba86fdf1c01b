# str equality and dict lookups of short strs (up to 19 code points) of every kind, equal and
# differing in one position, against copies that are not the same object.
import random
rng = random.Random(5)
alph = ['ab', 'a\xe9', 'a\u20ac', 'a\U0001F600']
res = []
for trial in range(3000):
    al = alph[rng.randrange(4)]
    n = rng.randrange(0, 20)
    s = ''.join(rng.choice(al) for _ in range(n))
    t = list(s)
    if t and rng.random() < 0.5:
        i = rng.randrange(len(t)); t[i] = rng.choice(alph[rng.randrange(4)])
    t = ''.join(t)
    s2 = (s + '.')[:-1]
    res.append((s == t, s == s2, s != t, hash(s) == hash(s2), {s: 1}.get(t, 0), {s2: 2}.get(s, 0)))
print(sum(1 for r in res if r[0]), sum(1 for r in res if r[1]), sum(r[4] for r in res), sum(r[5] for r in res))
print(res[:20])
