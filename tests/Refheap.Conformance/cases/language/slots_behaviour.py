class P:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
p = P()
print(p.x)
try:
    p.y
except AttributeError as e:
    print('AttributeError', e)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(p, '__dict__'), P.__slots__)
print(type(P.__dict__['x']).__name__)
del p.x
print(hasattr(p, 'x'))
