import sys
import math
print(type(sys.getsizeof(math)).__name__, sys.getsizeof(math) > 0)
class A:
    pass
print(sys.getsizeof(A) > 0, sys.getsizeof(A) == sys.getsizeof(type('B', (), {})))
print(sys.getsizeof(int) > 0)
