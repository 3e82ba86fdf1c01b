import sys
b = bytearray()
print(0, sys.getsizeof(b))
last = sys.getsizeof(b)
for i in range(1, 200):
    b.append(i % 256)
    size = sys.getsizeof(b)
    if size != last:
        print(i, size)
        last = size
print(sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(100)))
