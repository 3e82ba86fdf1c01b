import weakref
class C:
    attr = 1
c = C()
p = weakref.proxy(c)
print(p.attr)
del c
print(p.attr)
