import sys
a = []
a.extend(range(10))
print(sys.getsizeof(a))
a.extend(range(3))
print(sys.getsizeof(a))
b = [0]
for i in range(20):
    b.insert(0, i)
print(sys.getsizeof(b))
c = [1, 2] * 5
print(sys.getsizeof(c))
c *= 3
print(sys.getsizeof(c))
d = list(range(5)) + list(range(7))
print(sys.getsizeof(d))
