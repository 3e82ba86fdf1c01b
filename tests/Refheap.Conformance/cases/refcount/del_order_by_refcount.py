class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = Noisy('a')
b = Noisy('b')
b.child = Noisy('child of b')
print('rebind a')
a = None
print('del b')
del b
print('list')
lst = [Noisy('x'), Noisy('y'), Noisy('z')]
del lst
print('end')
