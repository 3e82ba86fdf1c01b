import weakref
class C:
    pass
c = C()
p = weakref.proxy(c, lambda proxy: print('proxy callback'))
print(weakref.getweakrefcount(c))
del c
print('end')
