class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
    def value(self):
        return self.n
print(T(1).value() + T(2).value())
print('between')
[T(i) for i in range(3)]
print('after comprehension')
T(9)
print('end')
