import gc
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name, 'partner alive:', self.partner.name)
gc.collect()
a, b = N('a'), N('b')
a.partner, b.partner = b, a
del a, b
print('collecting')
print(gc.collect())
print('end')
