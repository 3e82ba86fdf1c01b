import weakref
class K:
    def __init__(self, n):
        self.n = n
d = weakref.WeakKeyDictionary()
k1, k2 = K(1), K(2)
d[k1] = 'one'
d[k2] = 'two'
print(len(d), d[k1])
del k1
print(len(d), sorted(d.values()))
print(k2 in d, 1 in d)
d.pop(k2)
print(len(d))
