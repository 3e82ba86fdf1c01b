# 10^6-deep chains of builtin-subclass instances free without overflowing the stack: the
# subclass deallocator goes through the trashcan and the builtin base's deallocator, called
# for the same object, must not park it a second time.
import gc

class L(list):
    pass

class D(dict):
    pass

class T(tuple):
    pass

for make in (lambda inner: L([inner]), lambda inner: D(k=inner), lambda inner: T((inner,))):
    x = None
    for i in range(1_000_000):
        x = make(x)
    name = type(x).__name__
    del x
    print(name, 'freed', gc.collect())
