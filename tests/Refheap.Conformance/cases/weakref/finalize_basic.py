import weakref
class R:
    pass
r = R()
f = weakref.finalize(r, print, 'finalized', 1, 2)
print(f.alive)
del r
print(f.alive)
print(f())
