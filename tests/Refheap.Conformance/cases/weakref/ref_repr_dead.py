import weakref
class C:
    pass
c = C()
r = weakref.ref(c)
del c
print(repr(r).startswith('<weakref at'), repr(r).endswith('; dead>'))
p_obj = C()
p = weakref.proxy(p_obj)
print(repr(p).startswith('<weakproxy at'))
