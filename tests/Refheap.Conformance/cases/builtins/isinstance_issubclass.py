print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, (ValueError, LookupError)))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
class Magic(metaclass=Meta):
    pass
print(isinstance('magic', Magic), isinstance('other', Magic))
