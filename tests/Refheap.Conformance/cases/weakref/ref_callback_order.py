import weakref
class C:
    pass
c = C()
refs = []
for name in ('first', 'second', 'third'):
    refs.append(weakref.ref(c, lambda r, name=name: print('callback', name)))
del c
print('end')
