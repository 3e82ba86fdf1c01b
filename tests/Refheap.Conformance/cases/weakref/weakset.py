import weakref
class M:
    pass
s = weakref.WeakSet()
a, b, c = M(), M(), M()
s.add(a); s.add(b); s.add(c); s.add(a)
print(len(s))
del b
print(len(s), a in s, c in s)
s.discard(a)
print(len(s))
t = weakref.WeakSet([c])
print(s == t, len(s | t))
del c
print(len(s), len(t))
