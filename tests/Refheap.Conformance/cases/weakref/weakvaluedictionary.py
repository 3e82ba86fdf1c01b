import weakref
class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'V(%d)' % self.n
d = weakref.WeakValueDictionary()
a, b = V(1), V(2)
d['a'] = a
d['b'] = b
print(sorted(d.keys()), len(d))
del a
print(sorted(d.keys()), len(d))
print(d.get('a'), d.get('b'))
print('b' in d, 'a' in d)
print(sorted(d.items(), key=lambda kv: kv[0]))
