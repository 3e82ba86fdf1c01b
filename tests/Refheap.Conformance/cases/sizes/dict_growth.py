import sys
d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(200):
    d['k%d' % i] = i
    size = sys.getsizeof(d)
    if size != last:
        print(i + 1, size)
        last = size
