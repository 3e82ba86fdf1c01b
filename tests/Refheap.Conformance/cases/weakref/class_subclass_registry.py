# Every class is registered in its bases' tp_subclasses through a weak reference: getweakrefcount(cls) is 1, weakref.ref(cls) is that same basic ref, __subclasses__ follows creation order and forgets dead classes.
import weakref, sys
class A: pass
class B(A): pass
print(weakref.getweakrefcount(A), weakref.getweakrefcount(B), len(weakref.getweakrefs(A)), A.__subclasses__(), sys.getrefcount(A), sys.getrefcount(B))
r = weakref.ref(A)
print(r is weakref.getweakrefs(A)[0], weakref.getweakrefcount(A))
del B
import gc; gc.collect()
print(A.__subclasses__())
class C1(A): pass
class C2(A): pass
class C3(A): pass
del C2
gc.collect()
print([c.__name__ for c in A.__subclasses__()])
class M(A, C1): pass
print([c.__name__ for c in C1.__subclasses__()], [c.__name__ for c in A.__subclasses__()])
