import sys
def f(a, b=1):
    return a + b
class K:
    def m(self):
        return 1
print(sys.getsizeof(f))
print(sys.getsizeof(lambda: 0))
print(sys.getsizeof(K().m))
print(sys.getsizeof(K.m))
print(sys.getsizeof(len))
print(sys.getsizeof([].append))
print(sys.getsizeof(classmethod(f)), sys.getsizeof(staticmethod(f)))
