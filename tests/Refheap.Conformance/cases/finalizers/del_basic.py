class A:
    def __del__(self):
        print('A.__del__')
a = A()
print('created')
del a
print('after del')
