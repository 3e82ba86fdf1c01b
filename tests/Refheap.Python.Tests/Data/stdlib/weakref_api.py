import weakref, gc, sys

class Obj:
    def __init__(self, n): self.n = n
    def meth(self): return self.n
    def __repr__(self): return 'Obj(%d)' % self.n

print(sorted(weakref.__all__))
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(weakref.ref is weakref.ReferenceType)

# WeakMethod
o = Obj(1)
wm = weakref.WeakMethod(o.meth)
print(wm()(), wm() == o.meth, isinstance(wm, weakref.ref))
wm2 = weakref.WeakMethod(o.meth)
print(wm == wm2, wm != wm2, hash(wm) == hash(wm2))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError', e)
try:
    weakref.WeakMethod(42)
except TypeError as e:
    print('TypeError', e)
calls = []
wm3 = weakref.WeakMethod(o.meth, lambda r: calls.append(r is wm3))
del o
gc.collect()
print(wm(), wm3(), calls, wm == wm2, wm == wm)

# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [Obj(i) for i in range(5)]
for x in objs:
    d[x.n] = x
print(len(d), sorted(d.keys()), 3 in d, 7 in d, d.get(2), d.get(9, 'dflt'))
print(repr(d).startswith('<WeakValueDictionary at 0x'))
del objs[1]
gc.collect()
print(len(d), sorted(d), sorted(d.items(), key=lambda kv: kv[0]))
try:
    d[1]
except KeyError as e:
    print('KeyError', e)
print(d.pop(0), d.pop(0, 'gone'))
try:
    d.pop(0)
except KeyError as e:
    print('KeyError', e)
keep = Obj(10)
print(d.setdefault(10, keep) is keep, d.setdefault(10, Obj(11)) is keep)
# removal while iterating is deferred
it = iter(d.keys())
first = next(it)
objs.clear()
gc.collect()
rest = list(it)
print(len(d), sorted(d))
d2 = weakref.WeakValueDictionary({1: keep}, a=keep)
print(sorted(map(str, d2.keys())), len(d2.valuerefs()), list(d2.values()) == [keep, keep])
c = d2.copy()
print(type(c).__name__, len(c))
d2.update([(5, keep)])
print(len(d2))
print(d2.popitem()[1] is keep)
del d2[1]
print(len(d2))
try:
    del d2[99]
except KeyError as e:
    print('KeyError', e)
print(isinstance(d2, dict), type(d2 | {7: keep}).__name__)

# WeakKeyDictionary
wk = weakref.WeakKeyDictionary()
ks = [Obj(i) for i in range(4)]
for k in ks:
    wk[k] = k.n * 10
print(len(wk), sorted(wk.values()), ks[2] in wk, 5 in wk, wk[ks[3]], wk.get(ks[0]))
del ks[0]
gc.collect()
print(len(wk), sorted(k.n for k in wk))
it = iter(wk.items())
next(it)
del ks[0]
gc.collect()
print(len(wk))
list(it)
print(len(wk), sorted(k.n for k in wk.keys()))
print(wk.pop(ks[0]), len(wk), wk.setdefault(ks[0], 'x'), len(wk.keyrefs()))
try:
    wk[Obj(99)]
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
try:
    wk[1] = 2
except TypeError as e:
    print('TypeError', e)
print(repr(wk).startswith('<WeakKeyDictionary at 0x'))
wk2 = weakref.WeakKeyDictionary({ks[0]: 1})
print(len(wk2), wk2.popitem()[1])

# WeakSet
s = weakref.WeakSet()
a, b, c = Obj(1), Obj(2), Obj(3)
s.add(a); s.add(b); s.add(c); s.add(a)
print(len(s), a in s, 1 in s)
del b
gc.collect()
print(len(s), sorted(x.n for x in s))
t = weakref.WeakSet([c])
print(s == t, len(s | t), len(s & t), len(s - t), len(s ^ t), t <= s, t < s, s >= t, s > t, t.issubset(s), s.issuperset(t), s.isdisjoint(t))
s.discard(a)
print(len(s), s == t)
s.remove(c)
try:
    s.remove(c)
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
try:
    s.pop()
except KeyError as e:
    print('KeyError', e)
print(t.pop() is c, len(t))
u = weakref.WeakSet([a, c])
u.clear()
print(len(u), repr(u), str(weakref.WeakSet()))
print(weakref.WeakSet[int])
u |= [a]
u -= [a]
print(len(u))
u.update([a, c]); u.intersection_update([a]); print(len(u))
u.symmetric_difference_update([a, c]); print(sorted(x.n for x in u))
print(u.copy() == u, u == set())
try:
    hash(u)
except TypeError as e:
    print('TypeError', e)

# finalize
class R: pass
r = R()
f = weakref.finalize(r, print, 'finalized', 1, sep='-')
print(f.alive, f.atexit, f.peek()[1:] , repr(f).startswith('<finalize object at 0x'), "for 'R' at" in repr(f))
f.atexit = False
print(f.atexit)
del r
gc.collect()
print(f.alive, f.peek(), f(), f.detach(), repr(f).endswith('; dead>'), f.atexit)
r2 = R()
f2 = weakref.finalize(r2, lambda *a, **k: (a, k), 1, x=2)
print(f2(), f2.alive, f2())
r3 = R()
f3 = weakref.finalize(r3, print, 'never')
det = f3.detach()
print(det[0] is r3, det[1:], f3.alive, f3.detach())
try:
    weakref.finalize(1, print)
except TypeError as e:
    print('TypeError', e)
keepers = [R() for _ in range(3)]
for i, k in enumerate(keepers):
    weakref.finalize(k, print, 'at exit', i)
weakref.finalize(R(), print, 'collected immediately')
print('end of script')
