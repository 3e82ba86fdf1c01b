class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
def gen():
    t = T('in generator')
    yield 1
    yield 2
g = gen()
print(next(g))
print('dropping generator')
del g
print('end')
