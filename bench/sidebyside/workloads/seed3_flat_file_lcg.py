# Seed 003: 200k tuples (random float, 20-char random string, random int < 2**64)
# written as a tab-separated flat file and parsed back (the seed's pickle half is
# left out: refheap has no pickle module).
# Variant for refheap: an inline 64-bit LCG stands in for the random module and a
# fixed /tmp path for tempfile (`import random` fails on refheap: it needs weakref.ref
# via abc; there is no tempfile module).
import os
alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
state = 12345
def nxt():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
def row():
    f = (nxt() >> 11) / 9007199254740992.0
    s = ''.join([alphabet[(nxt() >> 32) % 62] for _ in range(20)])
    return (f, s, nxt())
n = 200_000
data = [row() for _ in range(n)]
path = '/tmp/sbs_flat_%d.tsv' % os.getpid()
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
