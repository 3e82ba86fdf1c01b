class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
class Holder:
    def __del__(self):
        print('del holder')
h = Holder()
h.first = N('first')
h.second = N('second')
h.third = N('third')
del h
print('end')
