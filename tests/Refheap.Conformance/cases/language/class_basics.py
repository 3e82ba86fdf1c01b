class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
print(p, p.moved(3, 4), Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, sorted(vars(p)))
print(type(p).__name__, type(p).__qualname__, Point.__module__)
print(isinstance(p, Point), isinstance(p, object))
