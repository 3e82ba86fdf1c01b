# Bound methods compare equal when their functions are equal and their selves are the same object (method_richcompare); only == and != are defined.
class C:
    def m(self): return 1
    def n(self): return 2
a, b = C(), C()
print(a.m == a.m, a.m != a.m, a.m == b.m, a.m == a.n, a.m == C.m, hash(a.m) == hash(a.m))
print(a.m.__eq__(1), a.m.__ne__(a.m), a.m < a.m if False else 'skip')
try:
    a.m < a.m
except TypeError as e:
    print(e)
print(len({a.m, a.m, b.m}))
print([].append == [].append)
