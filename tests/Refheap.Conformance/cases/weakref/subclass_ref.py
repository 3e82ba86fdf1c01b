import weakref
class C:
    pass
class NamedRef(weakref.ref):
    def __init__(self, ob, callback=None, name=''):
        super().__init__(ob, callback)
        self.name = name
c = C()
r = NamedRef(c, None, name='tag')
print(r.name, r() is c, isinstance(r, weakref.ref))
print(weakref.getweakrefcount(c))
del c
print(r())
