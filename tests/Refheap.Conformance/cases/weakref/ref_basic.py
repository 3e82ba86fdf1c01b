import weakref
class C:
    def __repr__(self):
        return 'C()'
c = C()
r = weakref.ref(c)
print(r() is c, r())
print(type(r).__name__, weakref.getweakrefcount(c))
del c
print(r())
print(weakref.getweakrefcount(r))
