import sys
d = {str(i): i for i in range(50)}
print(sys.getsizeof(d))
for i in range(45):
    del d[str(i)]
print(len(d), sys.getsizeof(d))
d2 = dict(d)
print(sys.getsizeof(d2), sys.getsizeof(d.copy()))
d.clear()
print(sys.getsizeof(d))
for i in range(8):
    d['x%d' % i] = i
    del d['x%d' % i]
print(sys.getsizeof(d))
