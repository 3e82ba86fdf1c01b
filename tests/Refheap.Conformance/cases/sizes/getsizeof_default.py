import sys
class Custom:
    def __sizeof__(self):
        return 1000
print(sys.getsizeof(Custom()))
print(sys.getsizeof(Custom(), 5))
print(sys.getsizeof(1, 'unused'))
class Bad:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(Bad())
except ValueError as e:
    print('ValueError', e)
class NotInt:
    def __sizeof__(self):
        return 'x'
try:
    sys.getsizeof(NotInt())
except TypeError as e:
    print('TypeError', e)
