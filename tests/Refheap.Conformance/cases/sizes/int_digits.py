import sys
# Each 30-bit digit adds 4 bytes.
for bits in (29, 30, 31, 59, 60, 61, 89, 90, 91, 119, 120, 121):
    n = 2 ** bits
    print(bits, sys.getsizeof(n), sys.getsizeof(n - 1), sys.getsizeof(-n))
