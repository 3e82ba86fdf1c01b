import sys
print(sys.getsizeof(()))
for n in range(1, 12):
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple([1, 2, 3])))
print(sys.getsizeof(tuple(range(1000))))
