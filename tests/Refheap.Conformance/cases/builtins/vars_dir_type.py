class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
c = C()
print(vars(c))
print([n for n in dir(c) if not n.startswith('__')])
print(sorted(n for n in vars(C) if not n.startswith('__')))
print(type(c) is C, type(C) is type, type(1), type('a'), type(None), type(type))
print('append' in dir([]), 'keys' in dir({}), '__len__' in dir(''))
try:
    vars(1)
except TypeError as e:
    print('TypeError', e)
T = type('T', (C,), {'extra': 5})
print(T.__name__, T.extra, T().a, T.__bases__)
