class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        if key not in self.data:
            raise KeyError(key)
        return self.data[key]
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]
    def __len__(self):
        return len(self.data)
    def __contains__(self, key):
        return key in self.data
    def __iter__(self):
        return iter(sorted(self.data))
g = Grid()
g[1, 2] = 'a'
g[0, 0] = 'b'
print(len(g), g[1, 2], (0, 0) in g, (5, 5) in g, list(g))
del g[0, 0]
print(len(g))
try:
    g[9, 9]
except KeyError as e:
    print('KeyError', e)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Seq()), 4 in Seq())
