import weakref
class C:
    pass
saved = []
def cb(r):
    saved.append(r)
    print('callback with dead ref', r() is None)
c = C()
r = weakref.ref(c, cb)
del r
del c
print(len(saved))
c2 = C()
r2 = weakref.ref(c2, cb)
del c2
print(len(saved))
