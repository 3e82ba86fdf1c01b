import sys
a = 3 ** 200
print(sys.getsizeof(a), sys.getsizeof(a * a), sys.getsizeof(a // 7), sys.getsizeof(a % 1000))
print(sys.getsizeof(a >> 100), sys.getsizeof(a << 100), sys.getsizeof(-a))
print(sys.getsizeof(a - a), sys.getsizeof(abs(-a)))
