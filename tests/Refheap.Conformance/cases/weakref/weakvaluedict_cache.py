import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
def load(name):
    img = cache.get(name)
    if img is None:
        print('loading', name)
        img = cache[name] = Image(name)
    return img
a = load('x')
b = load('x')
print(a is b)
del a, b
c = load('x')
print(len(cache))
