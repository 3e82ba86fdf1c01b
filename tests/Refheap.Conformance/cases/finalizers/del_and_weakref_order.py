import weakref
class N:
    def __del__(self):
        print('__del__')
n = N()
r = weakref.ref(n, lambda ref: print('weakref callback'))
del n
print('end')
