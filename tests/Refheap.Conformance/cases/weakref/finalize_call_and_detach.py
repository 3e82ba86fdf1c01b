import weakref
class R:
    pass
r = R()
f = weakref.finalize(r, lambda x: x * 2, 21)
print(f(), f.alive, f())
g = weakref.finalize(r, print, 'never')
obj, func, args, kwargs = g.detach()
print(obj is r, func is print, args, kwargs, g.alive)
h = weakref.finalize(r, print, 'peek')
print(h.peek()[0] is r, h.peek()[2])
del r
print('end')
