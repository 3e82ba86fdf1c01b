import weakref
class C:
    pass
c = C()
print(weakref.getweakrefs(c))
r = weakref.ref(c)
p = weakref.proxy(c)
refs = weakref.getweakrefs(c)
print(len(refs), sorted(type(x).__name__ for x in refs))
print(weakref.getweakrefcount(c), weakref.getweakrefcount(1))
del r
print(weakref.getweakrefcount(c))
