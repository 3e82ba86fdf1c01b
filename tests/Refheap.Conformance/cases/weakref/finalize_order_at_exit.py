import weakref
class R:
    pass
objs = [R() for _ in range(3)]
for i, o in enumerate(objs):
    weakref.finalize(o, print, 'finalizer', i)
print('end of script')
