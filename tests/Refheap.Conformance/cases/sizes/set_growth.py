import sys
s = set()
last = sys.getsizeof(s)
print(0, last)
for i in range(300):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print(i + 1, size)
        last = size
