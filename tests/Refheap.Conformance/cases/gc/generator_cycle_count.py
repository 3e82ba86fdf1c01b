# A generator in a self-cycle: 3.11 frees it in the collection, but counts it as 0 collected.
import gc, weakref
gc.collect()
def gen():
    me = yield
    yield me
g = gen()
next(g)
x = g.send(g)
print(x is g)
r = weakref.ref(g)
del g, x
print(r() is None)
print(gc.collect(), r() is None)
