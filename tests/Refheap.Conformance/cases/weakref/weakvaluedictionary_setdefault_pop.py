import weakref
class V:
    pass
d = weakref.WeakValueDictionary()
v = V()
print(d.setdefault('k', v) is v)
print(d.pop('k') is v)
print(len(d))
try:
    d.pop('missing')
except KeyError as e:
    print('KeyError', e)
print(d.pop('missing', 'default'))
w = V()
d.update({'x': w, 'y': w})
print(sorted(d))
del w
print(sorted(d))
