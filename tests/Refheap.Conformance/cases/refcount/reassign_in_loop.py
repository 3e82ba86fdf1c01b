class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
x = None
for i in range(4):
    print('make', i)
    x = Noisy(i)
print('after loop')
x = None
print('end')
