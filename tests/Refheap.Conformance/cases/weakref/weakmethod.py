import weakref
class C:
    def m(self):
        return 'called'
c = C()
bound = weakref.ref(c.m)
print(bound())
wm = weakref.WeakMethod(c.m)
print(wm()())
del c
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError', e)
