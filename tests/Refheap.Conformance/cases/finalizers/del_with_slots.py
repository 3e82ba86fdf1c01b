class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
class S:
    __slots__ = ('a', 'b')
    def __del__(self):
        print('del S')
s = S()
s.a, s.b = N('a'), N('b')
del s
print('end')
