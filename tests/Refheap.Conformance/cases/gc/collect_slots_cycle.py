import gc
class S:
    __slots__ = ('other',)
gc.collect()
a, b = S(), S()
a.other, b.other = b, a
del a, b
print(gc.collect())
class W:
    __slots__ = ('other', '__weakref__')
x = W()
x.other = x
del x
print(gc.collect())
