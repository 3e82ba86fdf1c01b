import weakref
class C:
    def m(self):
        pass
c = C()
wm = weakref.WeakMethod(c.m, lambda r: print('weakmethod callback', r() is None))
del c
print('end')
