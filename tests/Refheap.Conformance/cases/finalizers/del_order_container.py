class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
lst = [N('0'), N('1'), N('2')]
tup = (N('t0'), N('t1'))
d = {'x': N('dx'), 'y': N('dy')}
del lst
del tup
del d
print('end')
