import sys
d = {}
last = sys.getsizeof(d)
for i in range(100):
    d[i] = i
    size = sys.getsizeof(d)
    if size != last:
        print(i + 1, size)
        last = size
m = {'a': 1}
print(sys.getsizeof(m))
m[1] = 2
print(sys.getsizeof(m))
