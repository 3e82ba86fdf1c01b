import weakref
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)
a, b = C(1), C(1)
ra, rb = weakref.ref(a), weakref.ref(b)
print(ra == rb, hash(ra) == hash(a))
del a
print(ra == rb, ra() is None)
try:
    hash(weakref.ref(C(2)))
except TypeError as e:
    print('TypeError', e)
