import sys
a = 2**100
b = a - 2**100 + 7
print(b, sys.getsizeof(b))
c = (2**60) * 0
print(c, sys.getsizeof(c))
d = int('9' * 40)
print(sys.getsizeof(d), sys.getsizeof(d // 10**30))
print(sys.getsizeof(int.from_bytes(b'\xff' * 16, 'little')))
