import sys
for k in (1, 10, 50, 100, 300, 1000):
    n = 10 ** k
    print(k, sys.getsizeof(n), sys.getsizeof(-n), n.bit_length())
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(2**63), sys.getsizeof(-2**63), sys.getsizeof(2**64 - 1))
