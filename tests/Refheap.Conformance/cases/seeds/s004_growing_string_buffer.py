# Seed 004: a growing string buffer: object counts do not show it, sizes do.
import sys
buf = ''
sizes = []
for i in range(8):
    buf += 'x' * (10 ** i if i < 6 else 1000)
    sizes.append(sys.getsizeof(buf))
print(sizes)
parts = []
for i in range(100):
    parts.append('line %d\n' % i)
joined = ''.join(parts)
print(len(joined), sys.getsizeof(joined))
