# Seed 003: 200k tuples (random float, 20-char random string, random int < 2**64)
# written as a tab-separated flat file and parsed back (the seed's pickle half is
# left out: refheap has no pickle module).
import os
import random
import string
import tempfile
rng = random.Random(12345)
alphabet = string.ascii_letters + string.digits
n = 200_000
data = [(rng.random(), ''.join(rng.choices(alphabet, k=20)), rng.randrange(2 ** 64))
        for _ in range(n)]
path = os.path.join(tempfile.gettempdir(), 'sbs_flat_%d.tsv' % os.getpid())
with open(path, 'w') as f:
    for a, b, c in data:
        f.write('%r\t%s\t%d\n' % (a, b, c))
back = []
with open(path) as f:
    for line in f:
        a, b, c = line.rstrip('\n').split('\t')
        back.append((float(a), b, int(c)))
os.remove(path)
print(len(back), back == data, back[-1][1])
