class M:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print('M.__add__')
        return NotImplemented
    def __radd__(self, o):
        print('M.__radd__')
        return 'radd %r' % (o,)
class N:
    def __add__(self, o):
        print('N.__add__')
        return NotImplemented
print(1 + M(2))
try:
    print(M(1) + M(2))
except TypeError as e:
    print('TypeError', e)
try:
    N() + N()
except TypeError as e:
    print('TypeError', e)
class Sub(M):
    def __radd__(self, o):
        print('Sub.__radd__')
        return 'sub first'
print(M(1) + Sub(2))
