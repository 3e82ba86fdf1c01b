class Bad:
    def __del__(self):
        raise ValueError('from __del__')
b = Bad()
del b
print('continues after exception in __del__')
