import weakref
class C:
    pass
c = C()
def bad(ref):
    raise KeyError('in callback')
r = weakref.ref(c, bad)
del c
print('still running')
