from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields)
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
P3 = namedtuple('P3', 'a b c', defaults=[0])
print(P3(1, 2), P3._field_defaults)
print(Point._make([7, 8]))
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
try:
    namedtuple('Bad', ['def'])
except ValueError as e:
    print('ValueError', e)
