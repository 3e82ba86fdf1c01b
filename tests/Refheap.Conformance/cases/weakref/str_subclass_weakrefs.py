# Instances of str subclasses can be weakly referenced (CPython's str has no items, so subclasses get __weakref__), unless __slots__ leaves it out; callbacks, proxies, WeakValueDictionary, cycles.
import weakref, sys, gc
class S(str): pass
class S2(str):
    __slots__ = ('__weakref__',)
class S3(S2): pass
class S4(str):
    __slots__ = ()
log = []
for cls in (S, S2, S3):
    o = cls('héllo€')
    o2 = cls('x')
    if cls is not S2:
        o.attr = 5
    r = weakref.ref(o, lambda r, n=cls.__name__: log.append(n))
    p = weakref.proxy(o2)
    print(cls.__name__, r() == 'héllo€', weakref.getweakrefcount(o), sys.getsizeof(o), hash(o) == hash('héllo€'), p.upper(), '__weakref__' in cls.__dict__)
    del o, o2
    print(r(), log)
try:
    weakref.ref(S4('a'))
except TypeError as e:
    print(e)
# a cycle through a str subclass with a weakref callback
class N(str): pass
n = N('node'); n.me = n
wr = weakref.ref(n, lambda r: log.append('N collected'))
del n
print(gc.collect() > 0, log[-1])
d = weakref.WeakValueDictionary()
k = S('key'); d['a'] = k
print(len(d)); del k; print(len(d))
ws = weakref.WeakSet([S('a')]); print(len(ws))
