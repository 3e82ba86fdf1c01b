# collections.deque's memory as 3.11 has it: a 216-byte object plus one 528-byte block per
# 64 slots spanned (sys.getsizeof adds the 16-byte GC header), the fill heuristics of
# extend/extendleft on an empty deque, blocks given back as the ends move, maxlen trimming,
# one GC allocation per deque and per iterator, and the references a deque holds.
import gc
import sys
from collections import deque

def size(d):
    return sys.getsizeof(d)

print('empty', size(deque()))
for n in (1, 31, 32, 33, 63, 64, 65, 127, 128, 200, 1000, 5000):
    a = deque()
    for i in range(n):
        a.append(i)
    b = deque()
    for i in range(n):
        b.appendleft(i)
    print(n, size(a), size(b), size(deque(range(n))), size(deque().__class__(range(n))))
    e = deque()
    e.extendleft(range(n))
    print('  extendleft', size(e), 'mixed', end=' ')
    m = deque()
    for i in range(n):
        (m.append if i % 3 else m.appendleft)(i)
    print(size(m), m.__sizeof__())

q = deque(range(1000))
sizes = []
for i in range(1000):
    q.popleft()
    if i % 100 == 0:
        sizes.append(size(q))
print('popleft', sizes, size(q))
q = deque(range(1000))
for i in range(990):
    q.pop()
print('pop', size(q), len(q))
q = deque(range(300))
q.rotate(100)
print('rotate', size(q), list(q)[:3])
q.rotate(-250)
print('rotate', size(q), list(q)[:3])
q.clear()
print('clear', size(q))
m = deque(range(10), maxlen=4)
m.extend(range(100))
print('maxlen', m, size(m))
m = deque(maxlen=0)
m.extend(range(10))
print('maxlen0', m, size(m))

gc.disable()
gc.collect()
before = gc.get_count()[0]
keep = [deque() for _ in range(10)]
print('gc allocations for 10 deques (plus the list)', gc.get_count()[0] - before)
before = gc.get_count()[0]
its = [iter(keep[0]) for _ in range(5)]
print('gc allocations for 5 iterators (plus the list)', gc.get_count()[0] - before)
print('tracked', gc.is_tracked(deque()), gc.is_tracked(iter(deque())))
print('iterator size', sys.getsizeof(iter(deque())), sys.getsizeof(reversed(deque())))
gc.enable()

x = object()
print('refcount before', sys.getrefcount(x))
d = deque([x, x, x])
print('in deque', sys.getrefcount(x))
d.pop()
print('after pop', sys.getrefcount(x))
d.rotate(1)
print('after rotate', sys.getrefcount(x))
it = iter(d)
print('deque refs with iterator', sys.getrefcount(d))
del it
d.clear()
print('after clear', sys.getrefcount(x))
cyc = deque()
cyc.append(cyc)
del cyc
print('cycle collected', gc.collect() >= 1)
